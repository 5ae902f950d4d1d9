/** Settings → Data export: the custodian export, and an archive exported and imported back. */
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { seedDemoPractice } from '../factories/demo'
import type { Locator } from '@playwright/test'
import { byLabel, expect, expectAccessible, shot, test } from './fixtures'

/** Brings what the screenshot is about to the middle of the window (clear of the toasts at the bottom). */
const centre = (locator: Locator) => locator.evaluate((el) => (el as unknown as { scrollIntoView(o: object): void }).scrollIntoView({ block: 'center' }))

test('exports the records for a custodian and shows where they went', async ({ page, harness }) => {
  const demo = await seedDemoPractice(harness.app)
  await page.goto('/#/settings/export')
  const section = page.getByRole('region', { name: 'Data export' })
  await section.scrollIntoViewIfNeeded()
  await expectAccessible(page, 'settings with data export')
  await shot(page, '70-export-section')

  await section.getByRole('button', { name: 'Export records for a custodian' }).click()
  await expect(section.getByText(`Exported ${demo.counts.clients} clients in`)).toBeVisible()
  const folder = (await section.getByTestId('custodian-folder').textContent())!.trim()
  expect(folder.startsWith(join(harness.dataDir, 'exports', 'custodian-'))).toBe(true)
  expect(existsSync(join(folder, 'clients.csv'))).toBe(true)
  expect(readdirSync(folder)).toHaveLength(3 + demo.counts.clients)
  await centre(section.getByText(/^Exported/))
  await shot(page, '70-export-custodian-done')
})

test('an archive is refused with a short passphrase, then exported and imported back after a warning', async ({ page, harness }) => {
  const demo = await seedDemoPractice(harness.app)
  await page.goto('/#/settings/export')
  const exportForm = page.getByRole('form', { name: 'Export practice archive' })
  await byLabel(exportForm, 'Passphrase').fill('too short')
  await byLabel(exportForm, 'Repeat passphrase').fill('too short')
  await exportForm.getByRole('button', { name: 'Export practice archive' }).click()
  await expect(byLabel(exportForm, 'Passphrase')).toHaveAccessibleDescription(/at least 12 characters/)
  await exportForm.scrollIntoViewIfNeeded()
  await shot(page, '71-export-archive-short-passphrase')

  await byLabel(exportForm, 'Passphrase').fill('a long enough passphrase')
  await byLabel(exportForm, 'Repeat passphrase').fill('a long enough passphrase')
  await exportForm.getByRole('button', { name: 'Export practice archive' }).click()
  await expect(page.getByText(`Archive of ${demo.counts.clients} clients saved to:`)).toBeVisible()

  const importForm = page.getByRole('form', { name: 'Import a practice archive' })
  const archive = byLabel(importForm, 'Archive')
  await expect(archive.locator('option')).toHaveCount(2)
  await archive.selectOption({ index: 1 })
  await byLabel(importForm, 'Archive passphrase').fill('the wrong passphrase')
  await importForm.getByRole('button', { name: 'Import archive…' }).click()
  const dialog = page.getByRole('alertdialog', { name: 'Replace this practice’s data?' })
  await expect(dialog).toBeVisible()
  await shot(page, '72-import-archive-confirm')
  await dialog.getByRole('button', { name: 'Replace with archive' }).click()
  await expect(byLabel(importForm, 'Archive passphrase')).toHaveAccessibleDescription('The passphrase does not open this archive.')
  await centre(byLabel(importForm, 'Archive passphrase'))
  await expect(page.getByText('Practice archive saved')).toBeHidden({ timeout: 10_000 })
  await shot(page, '73-import-archive-wrong-passphrase')

  await byLabel(importForm, 'Archive passphrase').fill('a long enough passphrase')
  await archive.selectOption({ index: 1 })
  await importForm.getByRole('button', { name: 'Import archive…' }).click()
  await dialog.getByRole('button', { name: 'Replace with archive' }).click()
  await expect(page.getByText(`Imported ${demo.counts.clients} clients from`)).toBeVisible()
  await centre(page.getByText(`Imported ${demo.counts.clients} clients from`))
  expect(await harness.app.call('clients:list', { archived: 'all' })).toMatchObject({ ok: true, value: { total: demo.counts.clients } })
  await expect(page.getByText('Practice archive imported')).toBeHidden({ timeout: 10_000 })
  await shot(page, '74-import-archive-done')
})
