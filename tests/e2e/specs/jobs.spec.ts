/**
 * Settings → long work as jobs: the custodian export of a 3,000-client practice runs in a worker
 * with a progress bar, is cancelled (nothing left in the exports folder), then runs to the end;
 * a backup shows its bar and lands in the list. The window answers while a job runs.
 */
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { seedSyntheticPractice } from '../../factories/synthetic'
import { expect, shot, test } from '../fixtures'

const exportsIn = (dataDir: string) => {
  try {
    return readdirSync(join(dataDir, 'exports'))
  } catch {
    return []
  }
}

test('a custodian export shows its progress, cancels without leaving a file, and then completes', async ({ page, harness }) => {
  test.setTimeout(120_000)
  seedSyntheticPractice(harness.app, { seed: 7, clients: 3000, archiveFraction: 0 })
  await page.goto('/#/settings/export')
  const section = page.getByRole('region', { name: 'Data export' })
  await section.scrollIntoViewIfNeeded()

  await section.getByRole('button', { name: 'Export records for a custodian' }).click()
  const bar = section.getByRole('progressbar', { name: 'Exporting records' })
  await expect(bar).toBeVisible()
  await expect(section.getByText(/\d+ of 3000 client records written/)).toBeVisible()
  // Main answers while the worker writes: a client list comes back before the export ends.
  const listed = await page.evaluate(async () => {
    const r = (await (globalThis as unknown as { api: { clients: { list(i: object): Promise<{ ok: boolean }> } } }).api.clients.list({})) as { ok: boolean }
    return r.ok
  })
  expect(listed).toBe(true)
  await expect(bar).toBeVisible()
  await section.evaluate((el) => (el as unknown as { scrollIntoView(o: object): void }).scrollIntoView({ block: 'center' }))
  await shot(page, '74-job-custodian-progress')

  await section.getByRole('button', { name: 'Cancel' }).click()
  await expect(bar).toBeHidden()
  await expect(section.getByRole('alert')).toHaveCount(0)
  expect(exportsIn(harness.dataDir).filter((n) => n.startsWith('custodian-') || n.endsWith('.partial'))).toEqual([])

  await section.getByRole('button', { name: 'Export records for a custodian' }).click()
  await expect(section.getByText('Exported 3,000 clients in')).toBeVisible({ timeout: 90_000 })
  expect(exportsIn(harness.dataDir).filter((n) => n.startsWith('custodian-'))).toHaveLength(1)
  await shot(page, '75-job-custodian-done')
})

test('Back up now runs as a job and the new backup is listed', async ({ page, harness }) => {
  seedSyntheticPractice(harness.app, { seed: 3, clients: 2, archiveFraction: 0 })
  await page.goto('/#/settings/backups')
  const section = page.getByRole('region', { name: 'Backups' })
  await section.scrollIntoViewIfNeeded()
  await section.getByRole('button', { name: 'Back up now' }).click()
  await expect(section.getByText(/^Backed up at/)).toBeVisible({ timeout: 30_000 })
  await expect(section.getByText('Made by hand').first()).toBeVisible()
  await shot(page, '76-job-backup-done')
})
