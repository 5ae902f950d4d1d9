/**
 * A damaged database at start-up: the check says what is wrong without throwing, lists the
 * backups for the recovery screen, and restoring one gets the app open again.
 * (A migration that fails midway leaving schema and data unchanged is covered by
 * tests/main/db/migrate.test.ts.)
 */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openApp } from '../../../src/main/app'
import { createBackup } from '../../../src/main/backup/create'
import { checkDatabaseAtStartup } from '../../../src/main/backup/recovery'
import { restoreBackup } from '../../../src/main/backup/restore'
import { silentLogger } from '../../../src/main/log'
import { MIGRATIONS_FOLDER } from '../../factories/app'
import { truncateFile, writeGarbage } from '../../fixtures/damage'
import { addClients, lastNamesIn, openPractice, practicePaths, tempDir } from '../backup/helpers'

/** A practice with a daily backup (Alder), a quit backup (Alder, Birch), closed. */
async function practiceWithBackups() {
  const paths = practicePaths()
  const app = await openPractice(paths.databasePath)
  await addClients(app, 'Alder')
  await createBackup(app.connection.sqlite, paths.backupDir, { now: new Date('2026-03-07T09:00:00Z'), reason: 'daily' })
  await addClients(app, 'Birch')
  await createBackup(app.connection.sqlite, paths.backupDir, { now: new Date('2026-03-07T18:00:00Z'), reason: 'quit' })
  app.close()
  return paths
}

describe('start-up with a damaged database', () => {
  it.each([
    { label: 'truncated to half', damage: (path: string) => truncateFile(path, 0.5), state: 'corrupt' },
    { label: 'truncated to its first page', damage: (path: string) => truncateFile(path, 4096 / 40_000), state: 'corrupt' },
    { label: 'overwritten with garbage', damage: (path: string) => writeGarbage(path), state: 'not_a_database' },
    { label: 'emptied', damage: (path: string) => truncateFile(path, 0), state: 'corrupt' }
  ] as const)('$label: says $state, offers the backups, and a restore opens the app again', async ({ damage, state }) => {
    const { databasePath, backupDir } = await practiceWithBackups()
    damage(databasePath)

    const check = await checkDatabaseAtStartup(databasePath, backupDir)
    expect(check).toMatchObject({ state, needsRecovery: true })
    expect(check.backups.map((b) => [b.reason, b.createdAt.toISOString()])).toEqual([
      ['quit', '2026-03-07T18:00:00.000Z'],
      ['daily', '2026-03-07T09:00:00.000Z']
    ])

    const restored = await restoreBackup({ databasePath, backupPath: check.backups[0]!.path, backupDir })
    expect(restored.damagedCopy).not.toBeNull()
    expect(await checkDatabaseAtStartup(databasePath, backupDir)).toMatchObject({ state: 'ok', needsRecovery: false })
    const app = await openApp({ databasePath, migrationsFolder: MIGRATIONS_FOLDER, logger: silentLogger })
    app.close()
    expect(lastNamesIn(databasePath)).toEqual(['Alder', 'Birch'])
  })

  it('without the check, openApp on garbage fails (as a wrong key, misleadingly) — which is why start-up checks first', async () => {
    const { databasePath } = await practiceWithBackups()
    writeGarbage(databasePath)
    await expect(openApp({ databasePath, migrationsFolder: MIGRATIONS_FOLDER, logger: silentLogger })).rejects.toMatchObject({ code: 'wrong_key' })
  })

  it('a missing database with backups left asks for recovery; a fresh install does not', async () => {
    const { databasePath, backupDir } = await practiceWithBackups()
    const missing = join(tempDir(), 'practice.db')
    expect(await checkDatabaseAtStartup(missing, backupDir)).toMatchObject({ state: 'missing', needsRecovery: true })
    expect(await checkDatabaseAtStartup(missing, join(tempDir(), 'backups'))).toEqual({ state: 'missing', backups: [], needsRecovery: false })
    expect(await checkDatabaseAtStartup(databasePath, backupDir)).toMatchObject({ state: 'ok', needsRecovery: false })
  })
})
