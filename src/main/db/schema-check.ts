/**
 * Is an incoming database (a backup being restored, an archive being imported) exactly what our
 * own migrations build? A file is data, not code: a crafted one could drop the triggers that keep
 * signed notes and the audit chain immutable, or plant a trigger of its own, and SQLite would run
 * it for us. So its migration history must be a prefix of ours, and its every table, index, view
 * and trigger must equal, byte for byte, those of a database built from that same prefix.
 */
import { readMigrationFiles, type MigrationMeta } from 'drizzle-orm/migrator'
// oxlint-disable-next-line import/default -- a CommonJS module.exports; its index.d.ts has `export =`
import Database from 'better-sqlite3-multiple-ciphers'

/** What better-sqlite3 and its encrypting drop-in have in common, for the queries below. */
interface Reader {
  prepare(sql: string): { all(...params: unknown[]): unknown[] }
}

export type SchemaProblem = 'unknown_history' | 'newer_version' | 'schema_differs'

export class SchemaMismatchError extends Error {
  constructor(readonly problem: SchemaProblem) {
    super(problem === 'newer_version' ? 'The database was made by a newer version of KAP Practice' : 'The database is not one KAP Practice made')
    this.name = 'SchemaMismatchError'
  }
}

interface SchemaObject {
  type: string
  name: string
  tbl_name: string
  sql: string | null
}

// sqlite_stat* are the planner's statistics (PRAGMA optimize writes them): data, not code.
const SCHEMA_SQL = "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_stat%' ORDER BY type, name"

function schemaOf(db: Reader): SchemaObject[] {
  return db.prepare(SCHEMA_SQL).all() as SchemaObject[]
}

/** A database built from the first `count` migrations, as sqlite_master rows; built once per folder and count. */
const references = new Map<string, SchemaObject[]>()
function referenceSchema(migrationsFolder: string, known: MigrationMeta[], count: number): SchemaObject[] {
  const cacheKey = `${migrationsFolder}\0${count}`
  const cached = references.get(cacheKey)
  if (cached) return cached
  const migrations = known.slice(0, count)
  const db = new Database(':memory:')
  try {
    // The same bookkeeping table applyMigrations creates, so it is compared like any other table.
    db.exec('CREATE TABLE IF NOT EXISTS "__drizzle_migrations" (id INTEGER PRIMARY KEY AUTOINCREMENT, hash text NOT NULL, created_at numeric)')
    for (const migration of migrations) for (const statement of migration.sql) if (statement.trim()) db.exec(statement)
    // sqlite_sequence appears once an AUTOINCREMENT row exists; the incoming file has one.
    db.prepare('INSERT INTO "__drizzle_migrations" (hash, created_at) VALUES (?, ?)').run('reference', 0)
    const schema = schemaOf(db)
    references.set(cacheKey, schema)
    return schema
  } finally {
    db.close()
  }
}

/** Throws SchemaMismatchError unless `db` holds exactly the schema our migrations give its history. */
export function assertKnownSchema(db: Reader, migrationsFolder: string): void {
  const known = readMigrationFiles({ migrationsFolder })
  const history = db.prepare('SELECT hash, created_at AS createdAt FROM "__drizzle_migrations" ORDER BY id').all() as { hash: string; createdAt: number | string }[]
  if (history.length > known.length) throw new SchemaMismatchError('newer_version')
  history.forEach((row, i) => {
    if (row.hash !== known[i]!.hash || Number(row.createdAt) !== known[i]!.folderMillis) throw new SchemaMismatchError('unknown_history')
  })
  const expected = referenceSchema(migrationsFolder, known, history.length)
  const actual = schemaOf(db)
  const same = actual.length === expected.length && actual.every((o, i) => {
    const e = expected[i]!
    return o.type === e.type && o.name === e.name && o.tbl_name === e.tbl_name && o.sql === e.sql
  })
  if (!same) throw new SchemaMismatchError('schema_differs')
}

export interface TriggerComparison {
  expected: number
  missing: string[]
  changed: string[]
  unexpected: string[]
}

const triggers = (schema: SchemaObject[]) => new Map(schema.filter((o) => o.type === 'trigger').map((o) => [o.name, o.sql]))

/**
 * The database's triggers against those the migrations it has applied create (the same reference
 * database as above): a dropped guard is missing, a rewritten one changed, a planted one unexpected.
 */
export function compareTriggers(db: Reader, migrationsFolder: string): TriggerComparison {
  const known = readMigrationFiles({ migrationsFolder })
  const applied = (db.prepare('SELECT count(*) AS n FROM "__drizzle_migrations"').all() as { n: number }[])[0]!.n
  const expected = triggers(referenceSchema(migrationsFolder, known, Math.min(applied, known.length)))
  const actual = triggers(schemaOf(db))
  return {
    expected: expected.size,
    missing: [...expected.keys()].filter((name) => !actual.has(name)),
    changed: [...expected].filter(([name, sql]) => actual.has(name) && actual.get(name) !== sql).map(([name]) => name),
    unexpected: [...actual.keys()].filter((name) => !expected.has(name))
  }
}
