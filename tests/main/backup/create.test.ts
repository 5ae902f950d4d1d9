import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import { describe, expect, it } from 'vitest'
import { applyRetention, createBackup, listBackups } from '../../../src/main/backup/create'
import { backupFileName, damagedFileName } from '../../../src/main/backup/names'
import { pruneBackups } from '../../../src/main/backup/retention'
import { writeDatabaseWithBrokenIndex } from '../../fixtures/damage'
import { addClients, filesIn, lastNamesIn, openPractice, practicePaths, tempDir } from './helpers'

const AT = new Date('2026-03-08T15:00:00.000Z')
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1')

describe('createBackup', () => {
  it('copies the live database — including commits still in its WAL — into one verified, self-contained file', async () => {
    const { databasePath, backupDir } = practicePaths()
    const app = await openPractice(databasePath)
    await addClients(app, 'Alder', 'Birch', 'Cedar')
    expect(statSync(`${databasePath}-wal`).size).toBeGreaterThan(0) // not checkpointed yet

    const backup = await createBackup(app.connection.sqlite, backupDir, { now: AT, reason: 'manual' })

    expect(backup).toEqual({
      path: join(backupDir, 'kap-backup-2026-03-08T15-00-00-000Z-manual.db'),
      fileName: 'kap-backup-2026-03-08T15-00-00-000Z-manual.db',
      createdAt: AT,
      reason: 'manual',
      sequence: 0,
      bytes: statSync(backup.path).size
    })
    // Only the backup: no .partial, no -wal or -shm (it is a rollback-journal file, not WAL).
    expect(filesIn(backupDir)).toEqual([backup.fileName])
    const copy = new Database(backup.path, { readonly: true })
    try {
      expect(copy.pragma('journal_mode', { simple: true })).toBe('delete')
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok')
    } finally {
      copy.close()
    }
    expect(filesIn(backupDir)).toEqual([backup.fileName])
    expect(lastNamesIn(backup.path)).toEqual(['Alder', 'Birch', 'Cedar'])

    // The app carries on with its connection as before.
    await addClients(app, 'Dogwood')
    expect(lastNamesIn(databasePath)).toEqual(['Alder', 'Birch', 'Cedar', 'Dogwood'])
    expect(lastNamesIn(backup.path)).toEqual(['Alder', 'Birch', 'Cedar'])
  })

  it('runs overlapping backups one at a time, and gives a second one in the same millisecond its own name', async () => {
    const { databasePath, backupDir } = practicePaths()
    const app = await openPractice(databasePath)
    const [first, second] = await Promise.all([
      createBackup(app.connection.sqlite, backupDir, { now: () => AT, reason: 'daily' }),
      createBackup(app.connection.sqlite, backupDir, { now: () => AT, reason: 'daily' })
    ])
    expect(first.fileName).toBe('kap-backup-2026-03-08T15-00-00-000Z-daily.db')
    expect(second.fileName).toBe('kap-backup-2026-03-08T15-00-00-000Z-daily-1.db')
    expect((await listBackups(backupDir)).map((b) => b.fileName)).toEqual([second.fileName, first.fileName])
    expect(filesIn(backupDir)).toEqual([first.fileName, second.fileName].sort())
  })

  it('stays consistent while the app keeps writing through the same connection during the backup', async () => {
    const dir = tempDir()
    const source = new Database(join(dir, 'busy.db'))
    source.pragma('journal_mode = WAL')
    source.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)')
    const insert = source.prepare('INSERT INTO notes (body) VALUES (?)')
    source.transaction(() => {
      for (let i = 0; i < 2000; i++) insert.run('x'.repeat(1000)) // ~500 pages: the backup takes several steps
    })()
    let writes = 0
    const state = { done: false }
    const writer = (async () => {
      while (!state.done) {
        insert.run('written during the backup')
        writes++
        await new Promise((r) => setImmediate(r))
      }
    })()
    const backup = await createBackup(source, join(dir, 'backups'), { now: AT, reason: 'daily' })
    state.done = true
    await writer
    const copy = new Database(backup.path, { readonly: true })
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok')
      const rows = (copy.prepare('SELECT count(*) AS n FROM notes').get() as { n: number }).n
      expect(rows).toBeGreaterThanOrEqual(2000)
      expect(rows).toBeLessThanOrEqual(2000 + writes)
    } finally {
      copy.close()
      source.close()
    }
    expect(writes).toBeGreaterThan(0)
  })

  it('discards a copy that fails integrity_check and throws without naming any data', async () => {
    const dir = tempDir()
    const backupDir = join(dir, 'backups')
    const sourcePath = join(dir, 'damaged-index.db')
    writeDatabaseWithBrokenIndex(sourcePath) // every page readable, one index disagrees with its table
    const source = new Database(sourcePath)
    try {
      const failure = await createBackup(source, backupDir, { now: AT, reason: 'daily' }).catch((err: unknown) => err)
      expect(failure).toMatchObject({ name: 'BackupError', code: 'integrity_check_failed' })
      expect(String((failure as Error).message)).not.toMatch(/label|items|row/i)
    } finally {
      source.close()
    }
    expect(filesIn(backupDir)).toEqual([])
  })

  it('replaces a partial copy left by a crash, which listBackups never showed', async () => {
    const { databasePath, backupDir } = practicePaths()
    const app = await openPractice(databasePath)
    mkdirSync(backupDir)
    const leftover = join(backupDir, `${backupFileName(AT, 'quit')}.partial`)
    writeFileSync(leftover, 'half a copy')
    expect(await listBackups(backupDir)).toEqual([])
    const backup = await createBackup(app.connection.sqlite, backupDir, { now: AT, reason: 'quit' })
    expect(backup.fileName).toBe(backupFileName(AT, 'quit'))
    expect(readFileSync(backup.path).subarray(0, 16)).toEqual(SQLITE_HEADER)
    expect(filesIn(backupDir)).toEqual([backup.fileName])
  })
})

describe('listBackups', () => {
  it('is empty when the folder does not exist yet', async () => {
    expect(await listBackups(join(tempDir(), 'backups'))).toEqual([])
  })

  it('lists backups newest first, with applyMigrations’ copies, and ignores every other file', async () => {
    const dir = tempDir()
    const write = (name: string, bytes = 10) => writeFileSync(join(dir, name), Buffer.alloc(bytes))
    write(backupFileName(new Date('2026-03-01T09:00:00Z'), 'daily'), 11)
    write(backupFileName(new Date('2026-03-08T18:00:00Z'), 'quit'), 12)
    write('before-migration-2026-03-05T10-00-00-000Z.db', 13)
    write(backupFileName(new Date('2026-03-08T18:00:00Z'), 'quit', 1), 14)
    write(`${backupFileName(new Date('2026-03-09T00:00:00Z'), 'daily')}.partial`)
    write(`${backupFileName(new Date('2026-03-01T09:00:00Z'), 'daily')}-wal`)
    write(damagedFileName(new Date('2026-03-09T00:00:00Z')))
    write('practice.db')
    write('readme.txt')
    mkdirSync(join(dir, backupFileName(new Date('2026-03-10T00:00:00Z'), 'manual')))

    const list = await listBackups(dir)
    expect(list.map((b) => [b.fileName, b.reason, b.createdAt.toISOString(), b.bytes])).toEqual([
      ['kap-backup-2026-03-08T18-00-00-000Z-quit-1.db', 'quit', '2026-03-08T18:00:00.000Z', 14],
      ['kap-backup-2026-03-08T18-00-00-000Z-quit.db', 'quit', '2026-03-08T18:00:00.000Z', 12],
      ['before-migration-2026-03-05T10-00-00-000Z.db', 'pre-migration', '2026-03-05T10:00:00.000Z', 13],
      ['kap-backup-2026-03-01T09-00-00-000Z-daily.db', 'daily', '2026-03-01T09:00:00.000Z', 11]
    ])
    expect(list[0]!.path).toBe(join(dir, 'kap-backup-2026-03-08T18-00-00-000Z-quit-1.db'))
  })
})

describe('applyRetention', () => {
  it('deletes exactly what pruneBackups lets go, with their side files, and keeps the rest', async () => {
    const dir = tempDir()
    const now = new Date('2026-03-08T20:00:00Z')
    for (let day = 0; day < 60; day++) {
      const at = new Date(now.getTime() - day * 86_400_000 - 3_600_000)
      writeFileSync(join(dir, backupFileName(at, day % 10 === 0 ? 'quit' : 'daily')), 'x')
    }
    const oldPreMigration = backupFileName(new Date('2026-01-02T08:00:00Z'), 'pre-migration')
    writeFileSync(join(dir, oldPreMigration), 'x')
    writeFileSync(join(dir, `${oldPreMigration}-wal`), 'x')
    writeFileSync(join(dir, 'readme.txt'), 'not a backup')

    const before = await listBackups(dir)
    const expected = pruneBackups(before, now).map((b) => b.fileName)
    const deleted = await applyRetention(dir, now)

    expect(deleted.map((b) => b.fileName)).toEqual(expected)
    expect(deleted.length).toBeGreaterThan(30)
    const remaining = filesIn(dir)
    for (const name of expected) expect(remaining).not.toContain(name)
    expect(remaining).toContain('readme.txt')
    expect(remaining.filter((n) => n.endsWith('-wal'))).toEqual([]) // went with its database
    expect((await listBackups(dir)).length).toBe(before.length - deleted.length)
    expect(await applyRetention(dir, now)).toEqual([])
  })
})
