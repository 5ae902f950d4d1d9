import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase, type Connection } from '../../../src/main/db/connection'
import { applyMigrations } from '../../../src/main/db/migrate'
import { MIGRATIONS_FOLDER } from '../../factories/app'

const TABLES = [
  '__drizzle_migrations', 'adjustments', 'allocations', 'audit_log', 'billing_settings', 'charges', 'clients', 'consents', 'contraindication_acks', 'courses', 'diagnoses', 'document_counters', 'documents',
  'fee_defaults', 'fee_items', 'insurance_policies', 'invoice_counters', 'invoice_lines', 'invoices', 'measures', 'note_addenda',
  // The notes' FTS5 index (a virtual table) and its shadow tables.
  'note_fts', 'note_fts_config', 'note_fts_data', 'note_fts_docsize', 'note_fts_idx',
  'note_search', 'note_terms', 'notes', 'payments', 'practice', 'provider_profiles', 'screening_items', 'session_series', 'sessions', 'settings', 'sliding_scales', 'users'
]

const temps: string[] = []
const open: Connection[] = []
afterEach(() => {
  for (const c of open.splice(0)) if (c.sqlite.open) c.close()
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true })
})

const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'kap-migrate-'))
  temps.push(dir)
  return dir
}
const connect = (path: string) => {
  const c = openDatabase(path)
  open.push(c)
  return c
}

/** A copy of the real migrations that a test may add to. */
function migrationsCopy(): string {
  const dir = join(tempDir(), 'drizzle')
  cpSync(MIGRATIONS_FOLDER, dir, { recursive: true })
  return dir
}

/** Appends a migration the way drizzle-kit would: a SQL file and a journal entry. */
function addMigration(folder: string, tag: string, statements: string[]): void {
  const journalPath = join(folder, 'meta', '_journal.json')
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { idx: number; when: number; tag: string; version: string; breakpoints: boolean }[] }
  const last = journal.entries.at(-1)!
  journal.entries.push({ idx: last.idx + 1, version: last.version, when: last.when + 1000, tag, breakpoints: true })
  writeFileSync(join(folder, `${tag}.sql`), statements.join('\n--> statement-breakpoint\n'))
  writeFileSync(journalPath, JSON.stringify(journal, null, 2))
}

const tables = (sqlite: Database.Database) =>
  (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((r) => r.name)
const columns = (sqlite: Database.Database, table: string) => (sqlite.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name)
const appliedCount = (sqlite: Database.Database) => (sqlite.prepare('SELECT count(*) AS n FROM "__drizzle_migrations"').get() as { n: number }).n

function insertClient(sqlite: Database.Database, id: string) {
  sqlite
    .prepare(
      `INSERT INTO clients (id, legal_first_name, legal_last_name, date_of_birth, sex, status, sort_name, search_text, created_at, updated_at)
       VALUES (?, 'Ana', 'Ruiz', '1980-01-01', 'F', 'active', 'ruiz ana', 'ana ruiz', '2026-03-08T15:00:00.000Z', '2026-03-08T15:00:00.000Z')`
    )
    .run(id)
}
function insertDiagnosis(sqlite: Database.Database, id: string, clientId: string) {
  sqlite
    .prepare(`INSERT INTO diagnoses (id, client_id, code, position, is_primary, added_at) VALUES (?, ?, 'F33.2', 0, 1, '2026-03-08T15:00:00.000Z')`)
    .run(id, clientId)
}

describe('applyMigrations', () => {
  it('gives a fresh database every table, with foreign keys left on', async () => {
    const { sqlite } = connect(':memory:')
    const report = await applyMigrations(sqlite, MIGRATIONS_FOLDER)
    expect(report.applied).toBeGreaterThanOrEqual(1)
    expect(report.backupPath).toBeNull()
    expect(tables(sqlite)).toEqual(TABLES)
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
  })

  it('applies nothing the second time', async () => {
    const { sqlite } = connect(':memory:')
    await applyMigrations(sqlite, MIGRATIONS_FOLDER)
    const before = appliedCount(sqlite)
    expect(await applyMigrations(sqlite, MIGRATIONS_FOLDER)).toEqual({ applied: 0, backupPath: null })
    expect(appliedCount(sqlite)).toBe(before)
  })

  it('fails loudly when the migrations folder is missing', async () => {
    const { sqlite } = connect(':memory:')
    await expect(applyMigrations(sqlite, join(tempDir(), 'nowhere'))).rejects.toThrow(/No migrations found in .*nowhere/)
    expect(tables(sqlite)).toEqual([])
  })

  it('backs up an existing database before applying a pending migration', async () => {
    const folder = migrationsCopy()
    const dir = tempDir()
    const dbPath = join(dir, 'practice.db')
    const backupDir = join(dir, 'backups')

    const first = connect(dbPath)
    expect((await applyMigrations(first.sqlite, folder, { backupDir })).backupPath).toBeNull() // nothing to protect yet
    insertClient(first.sqlite, 'c1')
    first.close()

    addMigration(folder, '0001_client_nickname', ['ALTER TABLE `clients` ADD `nickname` text;'])
    const second = connect(dbPath)
    const report = await applyMigrations(second.sqlite, folder, { backupDir, now: () => new Date('2026-03-08T15:00:00Z') })
    expect(report.applied).toBe(1)
    expect(report.backupPath).toBe(join(backupDir, 'before-migration-2026-03-08T15-00-00-000Z.db'))
    expect(columns(second.sqlite, 'clients')).toContain('nickname')

    // The backup is the database as it was: the client, and no new column.
    expect(existsSync(report.backupPath!)).toBe(true)
    const backup = new Database(report.backupPath!, { readonly: true })
    try {
      expect(columns(backup, 'clients')).not.toContain('nickname')
      expect(backup.prepare('SELECT id FROM clients').all()).toEqual([{ id: 'c1' }])
    } finally {
      backup.close()
    }
  })

  it('a migration that fails midway leaves schema, data and bookkeeping unchanged', async () => {
    const folder = migrationsCopy()
    const { sqlite } = connect(':memory:')
    await applyMigrations(sqlite, folder)
    insertClient(sqlite, 'c1')
    const applied = appliedCount(sqlite)
    const schemaBefore = sqlite.prepare('SELECT sql FROM sqlite_master ORDER BY name').all()

    addMigration(folder, '0001_broken', [
      'ALTER TABLE `clients` ADD `nickname` text;',
      "UPDATE `clients` SET `legal_last_name` = 'changed';",
      'INSERT INTO `no_such_table` VALUES (1);'
    ])
    await expect(applyMigrations(sqlite, folder)).rejects.toThrow(/no_such_table/)

    expect(sqlite.prepare('SELECT sql FROM sqlite_master ORDER BY name').all()).toEqual(schemaBefore)
    expect(columns(sqlite, 'clients')).not.toContain('nickname')
    expect(sqlite.prepare('SELECT legal_last_name AS last FROM clients').get()).toEqual({ last: 'Ruiz' })
    expect(appliedCount(sqlite)).toBe(applied)
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
  })

  it('rolls back a migration that leaves a foreign-key violation', async () => {
    const folder = migrationsCopy()
    const { sqlite } = connect(':memory:')
    await applyMigrations(sqlite, folder)
    addMigration(folder, '0001_orphan', [
      "INSERT INTO `diagnoses` (id, client_id, code, position, is_primary, added_at) VALUES ('d1', 'no-such-client', 'F33.2', 0, 1, 'x');"
    ])
    await expect(applyMigrations(sqlite, folder)).rejects.toThrow(/1 foreign-key violations; rolled back/)
    expect(sqlite.prepare('SELECT count(*) AS n FROM diagnoses').get()).toEqual({ n: 0 })
  })

  it('a table rebuild does not cascade into the rows that point at it', async () => {
    const folder = migrationsCopy()
    const { sqlite } = connect(':memory:')
    await applyMigrations(sqlite, folder)
    insertClient(sqlite, 'c1')
    insertDiagnosis(sqlite, 'd1', 'c1')

    // The shape drizzle-kit generates for a column change SQLite cannot ALTER.
    const createSql = (sqlite.prepare("SELECT sql FROM sqlite_master WHERE name = 'clients'").get() as { sql: string }).sql
    addMigration(folder, '0001_rebuild_clients', [
      createSql.replace('CREATE TABLE `clients`', 'CREATE TABLE `__new_clients`') + ';',
      'INSERT INTO `__new_clients` SELECT * FROM `clients`;',
      'DROP TABLE `clients`;',
      'ALTER TABLE `__new_clients` RENAME TO `clients`;'
    ])
    expect((await applyMigrations(sqlite, folder)).applied).toBe(1)
    expect(sqlite.prepare('SELECT id, client_id AS clientId FROM diagnoses').all()).toEqual([{ id: 'd1', clientId: 'c1' }])
    expect(sqlite.pragma('foreign_key_check')).toEqual([])
  })
})
