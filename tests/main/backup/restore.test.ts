import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import { describe, expect, it } from 'vitest'
import { createBackup, listBackups } from '../../../src/main/backup/create'
import { inspectDatabase } from '../../../src/main/backup/inspect'
import { restoreBackup, setAsideDatabase, undoRestore } from '../../../src/main/backup/restore'
import { openApp } from '../../../src/main/app'
import { silentLogger } from '../../../src/main/log'
import { MIGRATIONS_FOLDER } from '../../factories/app'
import { truncateFile, writeGarbage } from '../../fixtures/damage'
import { addClients, filesIn, lastNamesIn, openPractice, practicePaths, tempDir, testKey, type Practice } from './helpers'

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1')
let tick = 0
/** A clock a minute apart on every call, so backups get distinct, ordered names. */
const clock = () => new Date(Date.parse('2026-03-08T15:00:00Z') + 60_000 * tick++)

/** A practice with Alder and Birch backed up, then Cedar added after the backup; the app is closed. */
async function practiceWithBackup(key?: Buffer): Promise<Practice & { backupPath: string }> {
  const paths = practicePaths()
  const app = await openPractice(paths.databasePath, key)
  await addClients(app, 'Alder', 'Birch')
  const backup = await createBackup(app.connection.sqlite, paths.backupDir, { now: clock, reason: 'manual', key })
  await addClients(app, 'Cedar')
  app.close()
  return { ...paths, backupPath: backup.path }
}

describe.each(['backup-api', 'replace-file'] as const)('restoreBackup (%s)', (strategy) => {
  it('brings back the backup, keeps the current database as a pre-restore backup, and can be undone', async () => {
    const { databasePath, backupDir, backupPath } = await practiceWithBackup()

    const result = await restoreBackup({ databasePath, backupPath, backupDir, now: clock, strategy })

    expect(lastNamesIn(databasePath)).toEqual(['Alder', 'Birch'])
    expect(inspectDatabase(databasePath, { check: 'integrity' })).toEqual({ state: 'ok' })
    expect(result).toMatchObject({ databasePath, restoredFrom: backupPath, damagedCopy: null })
    expect(result.preRestoreBackup).toMatchObject({ reason: 'pre-restore' })
    expect(lastNamesIn(result.preRestoreBackup!.path)).toEqual(['Alder', 'Birch', 'Cedar'])
    expect((await listBackups(backupDir)).map((b) => b.reason)).toEqual(['pre-restore', 'manual'])

    const undone = await undoRestore({ databasePath, preRestoreBackupPath: result.preRestoreBackup!.path, backupDir, now: clock, strategy })
    expect(lastNamesIn(databasePath)).toEqual(['Alder', 'Birch', 'Cedar'])
    expect(lastNamesIn(undone.preRestoreBackup!.path)).toEqual(['Alder', 'Birch']) // the undo is undoable too

    // The app opens the restored database as usual and carries on.
    const app = await openPractice(databasePath)
    await addClients(app, 'Dogwood')
    expect(lastNamesIn(databasePath)).toEqual(['Alder', 'Birch', 'Cedar', 'Dogwood'])
  })

  it('moves a damaged database aside (never deletes it) and restores into its place', async () => {
    const { databasePath, backupDir, backupPath } = await practiceWithBackup()
    writeGarbage(databasePath)
    const garbage = readFileSync(databasePath)

    const result = await restoreBackup({ databasePath, backupPath, backupDir, now: clock, strategy })

    expect(lastNamesIn(databasePath)).toEqual(['Alder', 'Birch'])
    expect(result.preRestoreBackup).toBeNull()
    expect(result.damagedCopy).toMatch(/kap-damaged-2026-.*\.db$/)
    expect(readFileSync(result.damagedCopy!)).toEqual(garbage)
    expect((await listBackups(backupDir)).map((b) => b.reason)).toEqual(['manual']) // a damaged file is not offered as a backup
  })

  it('restores into a truncated database, and into a missing one', async () => {
    const { databasePath, backupDir, backupPath } = await practiceWithBackup()
    truncateFile(databasePath, 0.5)
    expect((await restoreBackup({ databasePath, backupPath, backupDir, now: clock, strategy })).damagedCopy).not.toBeNull()
    expect(lastNamesIn(databasePath)).toEqual(['Alder', 'Birch'])

    const elsewhere = join(tempDir(), 'new-machine', 'practice.db')
    const result = await restoreBackup({ databasePath: elsewhere, backupPath, backupDir, now: clock, strategy })
    expect(result).toMatchObject({ preRestoreBackup: null, damagedCopy: null })
    expect(lastNamesIn(elsewhere)).toEqual(['Alder', 'Birch'])
  })
})

describe('restoreBackup refuses, changing nothing', () => {
  it('a damaged backup', async () => {
    const { databasePath, backupDir, backupPath } = await practiceWithBackup()
    truncateFile(backupPath, 0.5)
    const before = readFileSync(databasePath)
    await expect(restoreBackup({ databasePath, backupPath, backupDir, now: clock })).rejects.toMatchObject({ code: 'backup_not_usable' })
    expect(readFileSync(databasePath)).toEqual(before)
    expect((await listBackups(backupDir)).map((b) => b.reason)).toEqual(['manual']) // no pre-restore copy made
  })

  it('a SQLite file that is not a KAP Practice database', async () => {
    const { databasePath, backupDir } = await practiceWithBackup()
    const other = join(tempDir(), 'other.db')
    const db = new Database(other)
    db.exec('CREATE TABLE recipes (name TEXT)')
    db.close()
    await expect(restoreBackup({ databasePath, backupPath: other, backupDir, now: clock })).rejects.toMatchObject({ code: 'not_a_practice_database' })
    expect(lastNamesIn(databasePath)).toEqual(['Alder', 'Birch', 'Cedar'])
  })

  it('an encrypted database through the backup API, which cannot open it', async () => {
    const { databasePath, backupDir, backupPath } = await practiceWithBackup(testKey(4))
    await expect(restoreBackup({ databasePath, backupPath, backupDir, key: testKey(4), strategy: 'backup-api' })).rejects.toThrow(TypeError)
  })

  it('the database itself as its own backup', async () => {
    const { databasePath, backupDir } = await practiceWithBackup()
    await expect(restoreBackup({ databasePath, backupPath: databasePath, backupDir })).rejects.toMatchObject({ code: 'backup_not_usable' })
  })

  it('replace-file while another connection still has the database open', async () => {
    const { databasePath, backupDir, backupPath } = await practiceWithBackup()
    const app = await openPractice(databasePath)
    await expect(restoreBackup({ databasePath, backupPath, backupDir, now: clock, strategy: 'replace-file' })).rejects.toMatchObject({
      code: 'database_in_use'
    })
    await addClients(app, 'Dogwood') // the open app is unharmed
    app.close()
    expect(lastNamesIn(databasePath)).toEqual(['Alder', 'Birch', 'Cedar', 'Dogwood'])
  })
})

describe('restoreBackup, beyond the simple case', () => {
  it('through the backup API, a connection left open sees the restored content, never a mixture', async () => {
    const { databasePath, backupDir, backupPath } = await practiceWithBackup()
    const app = await openPractice(databasePath)
    await restoreBackup({ databasePath, backupPath, backupDir, now: clock })
    const names = app.connection.sqlite.prepare('SELECT legal_last_name AS n FROM clients ORDER BY n').all()
    expect(names).toEqual([{ n: 'Alder' }, { n: 'Birch' }])
    expect(app.connection.sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
  })

  it('a backup from before a migration comes back, and opening the app migrates it forward', async () => {
    // A copy of the migrations without the newest one: the "old version" of the app.
    const dir = tempDir()
    const oldMigrations = join(dir, 'drizzle-old')
    cpSync(MIGRATIONS_FOLDER, oldMigrations, { recursive: true })
    const journalPath = join(oldMigrations, 'meta', '_journal.json')
    const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: unknown[] }
    journal.entries.pop()
    writeFileSync(journalPath, JSON.stringify(journal))

    const { databasePath, backupDir } = practicePaths()
    const old = await openApp({ databasePath, migrationsFolder: oldMigrations, logger: silentLogger })
    const oldCount = (old.connection.sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }).n
    const backup = await createBackup(old.connection.sqlite, backupDir, { now: clock, reason: 'manual' })
    old.close()

    const current = await openPractice(databasePath) // the new version migrates the live database
    await addClients(current, 'Alder')
    current.close()

    await restoreBackup({ databasePath, backupPath: backup.path, backupDir, now: clock })
    const reopened = await openPractice(databasePath)
    const count = (reopened.connection.sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }).n
    expect(count).toBe(oldCount + 1)
    expect(lastNamesIn(databasePath)).toEqual([])
  })

  it('an encrypted database: the backup, the pre-restore copy and the restored file stay encrypted', async () => {
    const key = testKey(9)
    const { databasePath, backupDir, backupPath } = await practiceWithBackup(key)
    expect(readFileSync(backupPath).subarray(0, 16)).not.toEqual(SQLITE_HEADER)
    expect(inspectDatabase(backupPath)).toMatchObject({ state: 'not_a_database' })
    expect(lastNamesIn(backupPath, key)).toEqual(['Alder', 'Birch'])

    const result = await restoreBackup({ databasePath, backupPath, backupDir, now: clock, key })
    expect(lastNamesIn(databasePath, key)).toEqual(['Alder', 'Birch'])
    expect(lastNamesIn(result.preRestoreBackup!.path, key)).toEqual(['Alder', 'Birch', 'Cedar'])
    for (const file of [databasePath, result.preRestoreBackup!.path]) expect(readFileSync(file).subarray(0, 16)).not.toEqual(SQLITE_HEADER)
    await expect(restoreBackup({ databasePath, backupPath, backupDir, now: clock, key: testKey(3) })).rejects.toMatchObject({ code: 'backup_not_usable' })

    const app = await openPractice(databasePath, key)
    await addClients(app, 'Dogwood')
    app.close()
    expect(lastNamesIn(databasePath, key)).toEqual(['Alder', 'Birch', 'Dogwood'])
    expect(filesIn(backupDir).every((name) => !name.endsWith('.partial'))).toBe(true)
    expect(existsSync(`${databasePath}.restoring`)).toBe(false)
  })
})

describe('setAsideDatabase', () => {
  it('moves the database and its WAL into the backups folder under a name listBackups ignores', async () => {
    const { databasePath, backupDir } = practicePaths()
    const app = await openPractice(databasePath)
    await addClients(app, 'Alder')
    // Copy the live files as a crash would leave them: main file, -wal and -shm.
    const crashed = join(tempDir(), 'practice.db')
    for (const suffix of ['', '-wal', '-shm']) cpSync(databasePath + suffix, crashed + suffix)
    app.close()

    const moved = await setAsideDatabase(crashed, backupDir, new Date('2026-03-08T15:00:00Z'))
    expect(moved).toBe(join(backupDir, 'kap-damaged-2026-03-08T15-00-00-000Z.db'))
    for (const suffix of ['', '-wal', '-shm']) expect(existsSync(crashed + suffix)).toBe(false)
    expect(filesIn(backupDir)).toEqual(['kap-damaged-2026-03-08T15-00-00-000Z.db', 'kap-damaged-2026-03-08T15-00-00-000Z.db-wal'])
    expect(lastNamesIn(moved)).toEqual(['Alder']) // the WAL went with it, so nothing committed was lost
    expect(await listBackups(backupDir)).toEqual([])
    const again = await setAsideDatabase(databasePath, backupDir, new Date('2026-03-08T15:00:00Z'))
    expect(again).toBe(join(backupDir, 'kap-damaged-2026-03-08T15-00-00-000Z-1.db'))
  })
})
