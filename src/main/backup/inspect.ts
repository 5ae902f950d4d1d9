/**
 * What state is the database file in? Answered without throwing, so start-up can show a
 * recovery screen (offering the backups) instead of crashing. Without a key the file is opened
 * read-only and never changed; with a key it is opened through openDatabase(path, key), which
 * puts it in WAL mode (as the app would) — the one write a check makes.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs'
import { passesCheck, sqliteCode, withFile } from './sqlite-file'

export type DatabaseState = 'missing' | 'ok' | 'corrupt' | 'not_a_database' | 'locked'

export interface DatabaseInspection {
  state: DatabaseState
  /**
   * A fixed code saying why, for logs and the recovery screen's wording — never data:
   * 'empty_file', 'wal_without_database', 'not_a_file', 'bad_header', 'check_failed',
   * or the SQLite result code (e.g. 'SQLITE_CORRUPT', 'SQLITE_BUSY', 'SQLITE_CANTOPEN').
   */
  detail?: string
}

export interface InspectOptions {
  /** The database key when it is encrypted (forwarded to openDatabase). */
  key?: Buffer
  /** 'quick' (default; O(N) page checks, what start-up can afford) or 'integrity' (also indexes vs rows). */
  check?: 'quick' | 'integrity'
  /** How long to wait for a lock held by another connection before answering 'locked'. */
  timeoutMs?: number
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1')

const sizeOf = (path: string): number | null => {
  try {
    const info = statSync(path)
    return info.isFile() ? info.size : -1
  } catch {
    return null
  }
}

function readHeader(path: string): Buffer {
  const fd = openSync(path, 'r')
  try {
    const header = Buffer.alloc(SQLITE_HEADER.length)
    const read = readSync(fd, header, 0, header.length, 0)
    return header.subarray(0, read)
  } finally {
    closeSync(fd)
  }
}

export function stateForError(code: string): DatabaseState {
  if (code.startsWith('SQLITE_NOTADB')) return 'not_a_database'
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'locked'
  // Cannot open or not allowed to (permissions, a read-only folder): nothing suggests damage,
  // and restoring over it would fail the same way — the screen should say "in use / no access".
  if (code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_PERM') || code.startsWith('SQLITE_AUTH')) return 'locked'
  return 'corrupt'
}

export function inspectDatabase(path: string, options: InspectOptions = {}): DatabaseInspection {
  try {
    const size = sizeOf(path)
    const walSize = sizeOf(`${path}-wal`) ?? 0
    if (size === null) return walSize > 0 ? { state: 'corrupt', detail: 'wal_without_database' } : { state: 'missing' }
    if (size < 0) return { state: 'not_a_database', detail: 'not_a_file' }
    // SQLite would read a zero-byte file as an empty database, and the app would then migrate
    // it into an empty practice. That is how a truncated file looks: say so, and let the
    // recovery screen offer the backups (or a fresh start when there are none).
    if (size === 0 && walSize <= 0) return { state: 'corrupt', detail: 'empty_file' }
    // An encrypted file has no readable header; only SQLite with the key can tell.
    if (!options.key && size > 0 && !readHeader(path).equals(SQLITE_HEADER)) return { state: 'not_a_database', detail: 'bad_header' }
    const ok = withFile(path, { readonly: true, key: options.key, timeoutMs: options.timeoutMs ?? 1000 }, (db) =>
      passesCheck(db, options.check === 'integrity' ? 'integrity' : 'quick')
    )
    return ok ? { state: 'ok' } : { state: 'corrupt', detail: 'check_failed' }
  } catch (err) {
    const code = sqliteCode(err)
    if (code) return { state: stateForError(code), detail: code }
    const errno = (err as NodeJS.ErrnoException | null)?.code
    if (errno === 'EACCES' || errno === 'EPERM' || errno === 'EBUSY') return { state: 'locked', detail: errno }
    return { state: 'corrupt', detail: 'unreadable' }
  }
}
