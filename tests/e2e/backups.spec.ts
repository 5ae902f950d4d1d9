/**
 * Settings → Backups while the practice is open: back up now, restore that backup over newer
 * data (the host swaps the open database), then undo the restore.
 */
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, expectAccessible, seedClient, seedPractice, shot, test } from './fixtures'

const clientRows = (page: Page) => page.getByRole('table', { name: 'Clients' }).getByRole('row').filter({ hasText: /Alvarez|Brennan/ })

async function openSettings(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click()
  await page.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', { name: 'Backups' }).click()
  const section = page.getByRole('region', { name: 'Backups' })
  await section.scrollIntoViewIfNeeded()
  return section
}

async function openClients(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clients' }).click()
}

test('back up now, restore that backup over newer data, then undo the restore', async ({ page, harness }) => {
  await seedPractice(harness)
  await seedClient(harness, { legalFirstName: 'Rosa', legalLastName: 'Alvarez' })
  await page.goto('/#/clients')
  await expect(clientRows(page)).toHaveCount(1)

  let section = await openSettings(page)
  await expect(section.getByTestId('last-backup')).toHaveText(/No backups yet/)
  await section.getByRole('button', { name: 'Back up now' }).click()
  await expect(section.getByText(/^Backed up at \d{1,2}:\d{2} [AP]M\.$/)).toBeVisible()
  await expect(section.getByTestId('last-backup')).toHaveText(/^Last backup .* \(made by hand\)\.$/)
  const rows = section.getByRole('table', { name: 'Backups' }).getByRole('row')
  await expect(rows).toHaveCount(2) // the header and the one backup
  await expect(rows.nth(1)).toContainText('Made by hand')
  await expect(rows.nth(1)).toContainText(/\d+ kB|\d+(\.\d)? MB/)
  await expect(section).toContainText(join(harness.dataDir, 'backups'))

  // Newer data, entered after the backup (through the router: reload so the page sees it).
  await seedClient(harness, { legalFirstName: 'Theo', legalLastName: 'Brennan' })
  await page.goto('/#/clients')
  await page.reload()
  await expect(clientRows(page)).toHaveCount(2)

  section = await openSettings(page)
  await section.getByRole('button', { name: /^Restore the backup from / }).click()
  const dialog = page.getByRole('alertdialog', { name: 'Restore this backup?' })
  await expect(dialog).toContainText('kept as a backup first')
  await expect(dialog).toContainText('Undo restore')
  await expectAccessible(page, 'backup restore confirmation')
  await shot(page, '90-backups-confirm')
  await dialog.getByRole('button', { name: 'Restore this backup' }).click()
  await expect(dialog).toBeHidden()
  await expect(section.getByText(/^Restored the backup from /)).toBeVisible()
  await expect(section.getByText('The practice as it was just before is kept as a backup.')).toBeVisible()
  // The pre-restore copy is listed, newest.
  await expect(rows).toHaveCount(3)
  await expect(rows.nth(1)).toContainText('Before a restore')
  expect(readdirSync(join(harness.dataDir, 'backups')).filter((f) => f.endsWith('-pre-restore.db'))).toHaveLength(1)
  await expectAccessible(page, 'backups after a restore')
  await section.getByRole('button', { name: 'Undo restore' }).scrollIntoViewIfNeeded()
  await shot(page, '90-backups')

  await openClients(page)
  await expect(clientRows(page)).toHaveCount(1)
  await expect(clientRows(page)).toContainText('Alvarez')

  // Still there after looking at the clients.
  section = await openSettings(page)
  await section.getByRole('button', { name: 'Undo restore' }).click()
  await expect(section.getByText('Restore undone: the practice is back as it was before the restore.')).toBeVisible()
  await expect(section.getByRole('button', { name: 'Undo restore' })).toHaveCount(0)

  await openClients(page)
  await expect(clientRows(page)).toHaveCount(2)
  expect(harness.host.current().mode).toBe('ready')
})
