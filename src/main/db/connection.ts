import { randomBytes } from 'node:crypto'
import { open, rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
// oxlint-disable-next-line import/default -- a CommonJS module.exports; its index.d.ts has `export =`
import Database from 'better-sqlite3-multiple-ciphers'
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import { WrongKeyError } from '../security/errors'
import * as schema from './schema'

export type Db = BetterSQLite3Database<typeof schema>
export type Sqlite = Database.Database
export interface Connection {
  sqlite: Sqlite
  db: Db
  /** True when the file is encrypted with a key (SQLite3MultipleCiphers). */
  encrypted: boolean
  /** The data key it was opened with, for backups and restores of the same file; null when plain. */
  key: Buffer | null
  close(): void
}

/**
 * SQLCipher 4's format (AES-256-CBC, HMAC-SHA512 per page) as SQLite3MultipleCiphers writes it.
 * The key is the raw 32-byte data key from the keyring, so SQLite runs no KDF of its own.
 */
export const DATABASE_CIPHER = 'sqlcipher'
export const DATABASE_KEY_BYTES = 32

/**
 * Opens (creating if needed) a practice database. A factory, not a singleton, so tests and
 * tools open as many as they like. Clinical and billing data want durability over speed:
 * WAL for concurrent reads, synchronous=FULL so an acknowledged write survives power loss.
 *
 * With `key` (the data key from the keyring) the file, its WAL and its backups are encrypted;
 * the cipher and key are set before any other statement. A wrong key, or no key for an
 * encrypted file, throws WrongKeyError. Temp tables and sorts stay in memory either way, so no
 * plaintext reaches a temp file.
 */
export function openDatabase(path: string, key?: Buffer, options: { timeoutMs?: number } = {}): Connection {
  if (key !== undefined && (!Buffer.isBuffer(key) || key.length !== DATABASE_KEY_BYTES)) {
    throw new TypeError(`A database key is ${DATABASE_KEY_BYTES} bytes`)
  }
  // How long to wait for another connection's lock; checks at start-up wait less than the app does.
  const timeoutMs = Math.max(0, Math.floor(options.timeoutMs ?? 5000))
  const sqlite = new Database(path, { timeout: timeoutMs })
  try {
    if (key) {
      sqlite.pragma(`cipher = '${DATABASE_CIPHER}'`)
      sqlite.pragma(`key = "x'${key.toString('hex')}'"`)
    }
    assertReadable(sqlite)
    // A file's triggers and views may call only functions SQLite marks harmless: a crafted
    // database cannot reach anything with side effects through its schema.
    sqlite.pragma('trusted_schema = OFF')
    sqlite.pragma('temp_store = MEMORY')
    if (path !== ':memory:') sqlite.pragma('journal_mode = WAL')
    sqlite.pragma('synchronous = FULL')
    sqlite.pragma('foreign_keys = ON')
    sqlite.pragma(`busy_timeout = ${timeoutMs}`)
    if (key) encryptBackups(sqlite)
  } catch (err) {
    sqlite.close()
    throw err
  }
  const db = drizzle({ client: sqlite, schema })
  return { sqlite, db, encrypted: key !== undefined, key: key ?? null, close: () => sqlite.close() }
}

/** The first read decrypts page 1: SQLITE_NOTADB there means the key (or its absence) is wrong. */
function assertReadable(sqlite: Sqlite): void {
  try {
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get()
  } catch (err) {
    if ((err as { code?: string }).code === 'SQLITE_NOTADB') throw new WrongKeyError()
    throw err
  }
}

/**
 * SQLite's backup API cannot write an encrypted copy (the target connection has no key: it fails
 * with "backup is not supported with incompatible source and target databases"). VACUUM INTO
 * writes the copy through this connection's cipher and key, so on an encrypted connection
 * `backup()` is replaced by it: callers such as applyMigrations keep calling `sqlite.backup(path)`
 * and get an encrypted, consistent copy. It is written to a temp name, synced, then renamed.
 */
function encryptBackups(sqlite: Sqlite): void {
  Object.defineProperty(sqlite, 'backup', {
    configurable: true,
    value: (destination: string): Promise<Database.BackupMetadata> => backupByVacuum(sqlite, destination)
  })
}

export async function backupByVacuum(sqlite: Sqlite, destination: string): Promise<Database.BackupMetadata> {
  const temp = join(dirname(destination), `.${basename(destination)}.${randomBytes(6).toString('hex')}.tmp`)
  try {
    sqlite.prepare('VACUUM INTO ?').run(temp)
    const file = await open(temp, 'r+')
    try {
      await file.sync()
    } finally {
      await file.close()
    }
    await rename(temp, destination)
  } catch (err) {
    await rm(temp, { force: true })
    throw err
  }
  const totalPages = sqlite.pragma('page_count', { simple: true }) as number
  return { totalPages, remainingPages: 0 }
}
