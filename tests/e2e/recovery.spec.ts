/**
 * A truncated database opens the recovery screen (never a crash): it lists the real backups,
 * newest first, and restoring one brings the practice back.
 */
import { readdirSync, statSync, truncateSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createBackup } from '../../src/main/backup'
import { silentLogger } from '../../src/main/log'
import { startCore } from '../../src/main/startup'
import { clientDefaults, expect, expectAccessible, practiceProfile, shot, test as base } from './fixtures'
import { E2E_OWNER, HARNESS_KDF, repoRoot, signInOwner, startHarness } from './harness/server'

/**
 * A data folder as a real practice leaves it: a profile and a client, a daily backup, a second
 * client, a backup on quit — then practice.db cut to a third of its size (a crash mid-copy, a full disk).
 */
async function damagedDataDir(): Promise<string> {
  const dataDir = await mkdtemp(join(tmpdir(), 'kap-e2e-recovery-'))
  const host = await startCore({ dataDir, migrationsFolder: join(repoRoot, 'drizzle'), logger: silentLogger, kdf: HARNESS_KDF })
  await signInOwner(host, E2E_OWNER)
  const core = host.core!
  const ok = async (channel: string, input: unknown) => {
    const result = await core.call(channel, input)
    if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`)
  }
  await ok('practice:save', { profile: practiceProfile })
  await ok('clients:create', { client: { ...clientDefaults, legalFirstName: 'Rosa', legalLastName: 'Alvarez' } })
  const key = core.connection.key ?? undefined
  await createBackup(core.connection.sqlite, host.backupDir, { now: new Date('2026-03-01T17:30:00.000Z'), reason: 'daily', key })
  await ok('clients:create', { client: { ...clientDefaults, legalFirstName: 'Theo', legalLastName: 'Brennan' } })
  await createBackup(core.connection.sqlite, host.backupDir, { now: new Date('2026-03-02T20:00:00.000Z'), reason: 'quit', key })
  host.close()
  truncateSync(host.databasePath, Math.floor(statSync(host.databasePath).size / 3))
  return dataDir
}

const test = base.extend({
  // This file's harness starts on the damaged folder, exactly as the app would.
  // oxlint-disable-next-line no-empty-pattern -- Playwright reads fixture dependencies from this pattern
  harness: async ({}, provide) => {
    const dataDir = await damagedDataDir()
    const harness = await startHarness({ dataDir, allowRecovery: true, logger: silentLogger, rendererDir: process.env.KAP_E2E_RENDERER_DIR })
    await provide(harness)
    await harness.close()
    await rm(dataDir, { recursive: true, force: true })
  }
})

test('a truncated database shows the recovery screen with its backups; restoring the newest brings the clients back', async ({ page, harness }) => {
  expect(harness.host.current()).toMatchObject({ mode: 'recovery', state: 'corrupt' })
  await page.goto('/#/clients')

  await expect(page.getByRole('heading', { level: 1, name: 'Your practice database needs attention' })).toBeVisible()
  await expect(page.getByText('KAP Practice could not open its database.', { exact: false })).toBeVisible()
  await expect(page.getByText('Your data has not been changed.')).toBeVisible()
  // A full window: no sidebar, no search.
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0)

  const backups = page.getByRole('region', { name: 'Restore a backup' }).getByRole('listitem')
  await expect(backups).toHaveCount(2)
  // Newest first, dated in en-US in the computer's time zone (America/Los_Angeles here), reason in words.
  await expect(backups.nth(0)).toContainText('Mar 2, 2026, 12:00 PM')
  await expect(backups.nth(0)).toContainText('Newest')
  await expect(backups.nth(0)).toContainText('Made when the app was closed')
  await expect(backups.nth(0)).toContainText(/\d+ kB|\d+(\.\d)? MB/)
  await expect(backups.nth(1)).toContainText('Mar 1, 2026, 9:30 AM')
  await expect(backups.nth(1)).toContainText('Daily backup')
  await expect(page.getByRole('button', { name: 'Start with an empty practice' })).toBeVisible()
  await expectAccessible(page, 'recovery screen')
  await shot(page, '60-recovery')

  await backups.nth(0).getByRole('button', { name: /Restore this backup from Mar 2, 2026/ }).click()
  const dialog = page.getByRole('alertdialog', { name: 'Restore this backup?' })
  await expect(dialog).toContainText('Mar 2, 2026, 12:00 PM')
  await expect(dialog).toContainText('kept aside in the backups folder')
  await expectAccessible(page, 'restore confirmation')
  await shot(page, '60-recovery-confirm')
  await dialog.getByRole('button', { name: 'Restore this backup' }).click()

  // The app continues where it was asked to go: the client list, with both clients of the backup.
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible()
  const table = page.getByRole('table', { name: 'Clients' })
  await expect(table.getByRole('row').filter({ hasText: 'Alvarez' })).toBeVisible()
  await expect(table.getByRole('row').filter({ hasText: 'Brennan' })).toBeVisible()
  await expect(page.getByText(/Restored the backup from Mar 2, 2026/)).toBeVisible()
  expect(harness.host.current().mode).toBe('ready')
  await shot(page, '60-recovery-restored')
})

test('starting with an empty practice keeps the damaged file aside and opens first-run setup', async ({ page, harness }) => {
  await page.goto('/')
  await page.getByRole('button', { name: 'Start with an empty practice' }).click()
  const dialog = page.getByRole('alertdialog', { name: 'Start with an empty practice?' })
  await expect(dialog).toContainText('moved, not deleted')
  await dialog.getByRole('button', { name: 'Start with an empty practice' }).click()
  await expect(page.getByRole('heading', { name: 'Set up your practice' })).toBeVisible()
  const status = await harness.host.call('recovery:status', {})
  expect(status).toMatchObject({ ok: true, value: { state: 'ok' } })
  expect(readdirSync(join(harness.dataDir, 'backups')).filter((f) => /^kap-damaged-.*\.db$/.test(f))).toHaveLength(1)
})
