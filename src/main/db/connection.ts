import Database from 'better-sqlite3'
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import * as schema from './schema'

export type Db = BetterSQLite3Database<typeof schema>
export interface Connection {
  sqlite: Database.Database
  db: Db
  close(): void
}

/**
 * Opens (creating if needed) a practice database. A factory, not a singleton, so tests and
 * tools open as many as they like. Clinical and billing data want durability over speed:
 * WAL for concurrent reads, synchronous=FULL so an acknowledged write survives power loss.
 */
export function openDatabase(path: string): Connection {
  const sqlite = new Database(path)
  if (path !== ':memory:') sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = FULL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  const db = drizzle({ client: sqlite, schema })
  return { sqlite, db, close: () => sqlite.close() }
}
