/**
 * Opening database files for checks, and the small fs helpers backups need. No electron.
 *
 * Without a key a file is opened directly (read-only where the caller asks), with the same
 * SQLite build the app uses (better-sqlite3-multiple-ciphers, which reads plain files too).
 * With a key it is opened through openDatabase(path, key), the one place that knows how keys
 * are applied — so the cipher settings live in one file. That open is read-write (it sets WAL
 * mode); the keyed paths below say where that matters.
 */
import { closeSync, existsSync, fsyncSync, openSync, rmSync } from 'node:fs'
import Database from 'better-sqlite3-multiple-ciphers'
import { openDatabase } from '../db/connection'

/** What these modules use of a connection; better-sqlite3 and its multiple-ciphers fork both fit. */
export interface SqliteHandle {
  pragma(source: string, options?: { simple?: boolean }): unknown
  exec(source: string): unknown
  close(): unknown
  prepare(source: string): { all(...params: unknown[]): unknown[] }
  backup(destination: string): Promise<unknown>
}

export interface OpenFileOptions {
  readonly?: boolean
  key?: Buffer
  /** Busy timeout; 0 makes a locked file fail at once instead of waiting. */
  timeoutMs?: number
}

/** Opens an existing database file (never creates one). */
export function openFile(path: string, options: OpenFileOptions = {}): SqliteHandle {
  if (!existsSync(path)) throw new BackupError('file_missing', 'The database file does not exist')
  if (options.key) {
    return openDatabase(path, options.key, { timeoutMs: options.timeoutMs }).sqlite
  }
  const db = new Database(path, { readonly: options.readonly ?? false, fileMustExist: true, timeout: options.timeoutMs ?? 5000 })
  db.pragma('trusted_schema = OFF')
  return db
}

/** Runs `fn` on a freshly opened file and always closes it. */
export function withFile<T>(path: string, options: OpenFileOptions, fn: (db: SqliteHandle) => T): T {
  const db = openFile(path, options)
  try {
    return fn(db)
  } finally {
    db.close()
  }
}

/** 'ok' from integrity_check (every page, index and constraint) or quick_check (pages only, O(N)). */
export function passesCheck(db: SqliteHandle, kind: 'integrity' | 'quick'): boolean {
  // simple: the first cell of the first row — 'ok' only when the check found nothing. The
  // messages otherwise name tables and rowids; they are never passed on.
  return db.pragma(kind === 'integrity' ? 'integrity_check' : 'quick_check', { simple: true }) === 'ok'
}

export type BackupErrorCode =
  | 'file_missing'
  | 'integrity_check_failed'
  | 'backup_not_usable'
  | 'not_a_practice_database'
  | 'newer_version'
  | 'database_locked'
  | 'database_in_use'
  | 'restored_database_failed_check'

/** Errors carry a code and a fixed sentence: never data, never a path from the user's disk. */
export class BackupError extends Error {
  override readonly name = 'BackupError'
  constructor(
    readonly code: BackupErrorCode,
    message: string,
    readonly detail?: string
  ) {
    super(message)
  }
}

/**
 * The SQLite result code of an error thrown by better-sqlite3 (e.g. SQLITE_NOTADB), else ''.
 * openDatabase's WrongKeyError (a wrong key, or no key for an encrypted file) counts as SQLITE_NOTADB,
 * which is what SQLite itself says to a wrong key.
 */
export const sqliteCode = (err: unknown): string => {
  const code = (err as { code?: unknown } | null)?.code
  if (code === 'wrong_key') return 'SQLITE_NOTADB'
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : ''
}

export const SIDE_FILES = ['-wal', '-shm', '-journal'] as const

/** Removes the -wal, -shm and -journal beside a database file (only safe with no connection open). */
export function removeSideFiles(path: string): void {
  for (const suffix of SIDE_FILES) rmSync(path + suffix, { force: true })
}

/** Removes a database file and its -wal, -shm and -journal; missing files are fine. */
export function removeDatabaseFiles(path: string): void {
  rmSync(path, { force: true })
  removeSideFiles(path)
}

/** Flushes a file, or a directory entry after a rename, to disk. Directories cannot be fsynced on Windows: skipped there. */
export function fsyncPath(path: string): void {
  let fd: number | undefined
  try {
    fd = openSync(path, 'r')
    fsyncSync(fd)
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL' && code !== 'EBADF') throw err
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}
