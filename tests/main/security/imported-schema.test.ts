/**
 * Review findings 2 and 4: a database from outside (an archive, a backup) is data, never code,
 * and importing into an encrypted practice writes nothing decrypted to the disk.
 * - an archive re-sealed with the immutability triggers dropped and a trigger of its own planted
 *   is refused, and the practice is unchanged; a backup doctored the same way is not restored;
 * - a database at an older migration level still passes (it is migrated after the restore);
 * - every connection runs with trusted_schema off;
 * - the staged import of an encrypted practice is encrypted from its first byte, no plaintext
 *   file is written beside it, and start-up removes what a crash left.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { readMigrationFiles } from 'drizzle-orm/migrator'
import Database from 'better-sqlite3-multiple-ciphers'
import { afterEach, describe, expect, it } from 'vitest'
import { createBackup } from '../../../src/main/backup/create'
import { restoreBackup } from '../../../src/main/backup/restore'
import { removeStaleTemporaries } from '../../../src/main/backup/stale'
import { openDatabase } from '../../../src/main/db/connection'
import { assertKnownSchema, SchemaMismatchError } from '../../../src/main/db/schema-check'
import { openArchive, sealArchive } from '../../../src/main/features/exports/archive-format'
import { isPlainSqliteFile } from '../../../src/main/security/encrypt-file'
import { MIGRATIONS_FOLDER, openTestApp, sequentialIds, type TestApp } from '../../factories/app'
import { createClient } from '../../factories/clients'
import { createNote, createSession, signableDosingBody } from '../../factories/clinical'
import { tempDir, testKey } from '../backup/helpers'

const FAST_KDF = { log2N: 12, r: 8, p: 1 }
const PASSPHRASE = 'correct horse battery staple'
const SENTINEL = 'Quintessa-Sentinel-Marlowe'

const apps: TestApp[] = []
afterEach(() => {
  for (const app of apps.splice(0)) app.close()
})

async function practice(options: { key?: Buffer; firstId?: number } = {}): Promise<TestApp & { dataDir: string }> {
  const app = await openTestApp({ file: true, archiveKdf: FAST_KDF, key: options.key, context: { newId: sequentialIds(options.firstId ?? 1) } })
  apps.push(app)
  return Object.assign(app, { dataDir: join(app.databasePath, '..') })
}
const exportsDir = (app: { dataDir: string }) => join(app.dataDir, 'exports')
const lastNames = (app: TestApp) => (app.connection.sqlite.prepare('SELECT legal_last_name AS n FROM clients ORDER BY 1').all() as { n: string }[]).map((r) => r.n)

/** What the reviewer did: drop the signed-note guard and plant a trigger that copies note text somewhere readable. */
const TAMPER = `
  DROP TRIGGER notes_signed_no_update;
  CREATE TRIGGER planted AFTER INSERT ON notes BEGIN UPDATE clients SET preferred_name = NEW.body WHERE id = NEW.client_id; END;
`

function tampered(database: Buffer, sql = TAMPER): Buffer {
  const db = new Database(database)
  try {
    db.exec(sql)
    return db.serialize()
  } finally {
    db.close()
  }
}

/** Practice A with a client and a signed dosing note, archived; the archive's bytes. */
async function archiveOfA(): Promise<Buffer> {
  const a = await practice()
  const client = await createClient(a, { legalLastName: SENTINEL })
  const dosing = await createSession(a, client.id, { kind: 'dosing' })
  const note = await createNote(a, dosing.session.id)
  await a.ok('notes:save', { id: note.id, revision: note.revision, body: signableDosingBody() })
  const made = await a.ok<{ path: string }>('exports:archive', { passphrase: PASSPHRASE })
  return readFileSync(made.path)
}

function placeArchive(app: { dataDir: string }, fileName: string, bytes: Buffer) {
  mkdirSync(exportsDir(app), { recursive: true })
  writeFileSync(join(exportsDir(app), fileName), bytes)
}

describe('an incoming database must be exactly our schema', { timeout: 30_000 }, () => {
  it('an archive re-sealed with a trigger dropped and one planted is refused, and nothing changes', async () => {
    const archive = await archiveOfA()
    const plain = await openArchive(archive, PASSPHRASE, { accept: [FAST_KDF] })
    const b = await practice({ firstId: 1_000_000 })
    await createClient(b, { legalLastName: 'Onlyinb' })
    placeArchive(b, 'doctored.kaparchive', sealArchive(tampered(plain), PASSPHRASE, FAST_KDF))
    placeArchive(b, 'honest.kaparchive', archive)

    const error = await b.fail('exports:importArchive', { fileName: 'doctored.kaparchive', passphrase: PASSPHRASE })
    expect(error).toMatchObject({ code: 'invalid_input', fields: { fileName: expect.stringContaining('cannot be imported') } })
    expect(lastNames(b)).toEqual(['Onlyinb'])
    expect(readdirSync(exportsDir(b)).sort()).toEqual(['doctored.kaparchive', 'honest.kaparchive'])

    // Only adding an object is refused as well (an extra index or view is still someone else's code).
    placeArchive(b, 'extra.kaparchive', sealArchive(tampered(plain, 'CREATE VIEW notes_view AS SELECT body FROM notes'), PASSPHRASE, FAST_KDF))
    expect(await b.fail('exports:importArchive', { fileName: 'extra.kaparchive', passphrase: PASSPHRASE })).toMatchObject({ code: 'invalid_input' })

    // The untouched archive still imports.
    await b.ok('exports:importArchive', { fileName: 'honest.kaparchive', passphrase: PASSPHRASE })
    expect(lastNames(b)).toEqual([SENTINEL])
  })

  it('a doctored backup is not restored; an honest one is', async () => {
    const a = await practice()
    await createClient(a, { legalLastName: 'Alder' })
    const backupDir = join(a.dataDir, 'backups')
    const honest = await createBackup(a.connection.sqlite, backupDir, { reason: 'manual', now: () => new Date('2026-03-08T15:00:00Z') })
    const doctoredPath = join(backupDir, 'doctored.db')
    await createClient(a, { legalLastName: 'Birch' })
    writeFileSync(doctoredPath, readFileSync(honest.path))
    const doctor = new Database(doctoredPath)
    doctor.exec(TAMPER)
    doctor.close()

    const options = { databasePath: a.databasePath, backupDir, migrationsFolder: MIGRATIONS_FOLDER }
    await expect(restoreBackup({ ...options, backupPath: doctoredPath })).rejects.toMatchObject({ code: 'not_a_practice_database' })
    expect(lastNames(a)).toEqual(['Alder', 'Birch'])
    // The backup API writes into the live file: the open connection sees the backup's content.
    await expect(restoreBackup({ ...options, backupPath: honest.path })).resolves.toMatchObject({ restoredFrom: honest.path })
    expect(lastNames(a)).toEqual(['Alder'])
  })

  it('accepts a database at an older migration level, and refuses an unknown or newer history', () => {
    const migrations = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER })
    const older = new Database(':memory:')
    older.exec('CREATE TABLE IF NOT EXISTS "__drizzle_migrations" (id INTEGER PRIMARY KEY AUTOINCREMENT, hash text NOT NULL, created_at numeric)')
    for (const migration of migrations.slice(0, 3)) {
      for (const statement of migration.sql) if (statement.trim()) older.exec(statement)
      older.prepare('INSERT INTO "__drizzle_migrations" (hash, created_at) VALUES (?, ?)').run(migration.hash, migration.folderMillis)
    }
    expect(() => assertKnownSchema(older, MIGRATIONS_FOLDER)).not.toThrow()

    older.prepare('INSERT INTO "__drizzle_migrations" (hash, created_at) VALUES (?, ?)').run('not ours', migrations[3]!.folderMillis)
    expect(() => assertKnownSchema(older, MIGRATIONS_FOLDER)).toThrow(expect.objectContaining({ problem: 'unknown_history' }) as unknown as SchemaMismatchError)
    for (let i = 0; i < migrations.length; i++) older.prepare('INSERT INTO "__drizzle_migrations" (hash, created_at) VALUES (?, ?)').run('future', 1)
    expect(() => assertKnownSchema(older, MIGRATIONS_FOLDER)).toThrow(expect.objectContaining({ problem: 'newer_version' }) as unknown as SchemaMismatchError)
    older.close()
  })

  it('opens every connection with trusted_schema off', async () => {
    const dir = tempDir()
    const connection = openDatabase(join(dir, 'x.db'), testKey(1))
    expect(connection.sqlite.pragma('trusted_schema', { simple: true })).toBe(0)
    connection.close()
    const app = await practice()
    expect(app.connection.sqlite.pragma('trusted_schema', { simple: true })).toBe(0)
  })
})

describe('importing into an encrypted practice writes nothing decrypted', { timeout: 30_000 }, () => {
  it('the staged file is encrypted from its first byte and holds no plaintext; the import then works', async () => {
    const archive = await archiveOfA()
    const key = testKey(7)
    const b = await practice({ key, firstId: 1_000_000 })
    placeArchive(b, 'moving.kaparchive', archive)

    const staged = await b.services.exports.stageImport('moving.kaparchive', PASSPHRASE)
    try {
      expect(isPlainSqliteFile(staged.path)).toBe(false)
      expect(readFileSync(staged.path).includes(Buffer.from(SENTINEL))).toBe(false)
      // Beside the archive only the staged file: no plaintext copy, no re-key journal.
      expect(readdirSync(exportsDir(b)).sort()).toEqual(['moving.kaparchive', staged.path.split('/').at(-1)!].sort())
      // It opens with the practice's key and has everything, search index included.
      const opened = openDatabase(staged.path, key)
      expect(opened.sqlite.prepare('SELECT legal_last_name AS n FROM clients').all()).toEqual([{ n: SENTINEL }])
      const notes = opened.sqlite.prepare('SELECT count(*) AS n FROM notes').get() as { n: number }
      const indexed = opened.sqlite.prepare("SELECT count(*) AS n FROM note_fts WHERE note_fts MATCH 'Rivera'").get() as { n: number }
      expect(notes.n).toBe(1)
      expect(opened.sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
      expect(indexed.n).toBe(1)
      expect(() => assertKnownSchema(opened.sqlite, MIGRATIONS_FOLDER)).not.toThrow()
      opened.close()
    } finally {
      staged.discard()
    }
    expect(existsSync(staged.path)).toBe(false)
  })

  it('start-up removes what a crash left: staged imports, VACUUM temps, staged restores', () => {
    const dir = tempDir()
    const exportsFolder = join(dir, 'exports')
    const backups = join(dir, 'backups')
    mkdirSync(exportsFolder, { recursive: true })
    mkdirSync(backups, { recursive: true })
    const stale = [join(exportsFolder, '.import-1234.db'), join(exportsFolder, '.import-1234.db-journal'), join(backups, '.kap-2026.db.a1b2.tmp'), join(dir, 'practice.db.restoring'), join(exportsFolder, 'kap-practice-20260308T150000Z.kaparchive.partial'), join(exportsFolder, '.0b1c.partial')]
    const kept = [join(exportsFolder, 'kap-practice-20260308T150000Z.kaparchive'), join(backups, 'kap-2026-03-08.db'), join(dir, 'practice.db')]
    for (const path of [...stale, ...kept]) writeFileSync(path, 'x')
    expect(removeStaleTemporaries([dir, backups, exportsFolder])).toBe(stale.length)
    for (const path of stale) expect(existsSync(path)).toBe(false)
    for (const path of kept) expect(existsSync(path)).toBe(true)
  })
})
