/**
 * Writes an in-memory database to a new file encrypted with the data key from its first byte,
 * so nothing decrypted touches the disk (an imported archive used to be written out in the clear
 * and then re-keyed, which also left plaintext pages in the re-key's journal). The target is
 * attached with its key and journal off (a failed copy is thrown away whole), then filled the way
 * VACUUM would: tables, rows, the FTS indexes rebuilt from their content, then indexes and
 * triggers, so no trigger fires on the copied rows.
 */
import type Database from 'better-sqlite3-multiple-ciphers'
import { DATABASE_CIPHER } from './connection'

interface SchemaRow {
  type: string
  name: string
  sql: string | null
}

const TARGET = 'incoming'
/** `CREATE [UNIQUE] INDEX|TABLE|TRIGGER|VIEW|VIRTUAL TABLE name` → the same in the target schema. */
const qualify = (sql: string) => sql.replace(/^(CREATE\s+(?:UNIQUE\s+INDEX|INDEX|TABLE|TRIGGER|VIEW|VIRTUAL\s+TABLE))\s+/i, `$1 ${TARGET}.`)
const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`

export function writeEncryptedCopy(source: Database.Database, path: string, key: Buffer): void {
  const kinds = new Map((source.pragma('main.table_list') as { name: string; type: string }[]).map((t) => [t.name, t.type]))
  const schema = (source.prepare("SELECT type, name, sql FROM main.sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY rowid").all() as SchemaRow[])
    // A virtual table makes its own shadow tables.
    .filter((row) => kinds.get(row.name) !== 'shadow')
  const tables = schema.filter((row) => row.type === 'table')
  // Rows go in table by table, parents not always first; the source passed its own checks.
  source.pragma('foreign_keys = OFF')
  source.pragma(`cipher = '${DATABASE_CIPHER}'`)
  source.prepare(`ATTACH DATABASE ? AS ${TARGET} KEY "x'${key.toString('hex')}'"`).run(path)
  try {
    source.pragma(`${TARGET}.journal_mode = OFF`)
    source.transaction(() => {
      for (const table of tables) source.exec(qualify(table.sql!))
      const virtual = tables.filter((table) => kinds.get(table.name) === 'virtual')
      for (const table of tables) if (!virtual.includes(table)) source.exec(`INSERT INTO ${TARGET}.${quoted(table.name)} SELECT * FROM main.${quoted(table.name)}`)
      // Our FTS5 indexes are external-content: 'rebuild' reads them again from the copied rows.
      for (const table of virtual) source.exec(`INSERT INTO ${TARGET}.${quoted(table.name)} (${quoted(table.name)}) VALUES ('rebuild')`)
      if (kinds.has('sqlite_sequence')) source.exec(`DELETE FROM ${TARGET}.sqlite_sequence; INSERT INTO ${TARGET}.sqlite_sequence SELECT * FROM main.sqlite_sequence`)
      for (const row of schema) if (row.type !== 'table') source.exec(qualify(row.sql!))
    })()
  } finally {
    source.exec(`DETACH DATABASE ${TARGET}`)
  }
}
