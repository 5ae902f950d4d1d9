/**
 * Making, listing and pruning backups. A backup is one self-contained SQLite file in the
 * backups folder, taken from the live connection through SQLite's online backup API — never a
 * file copy, which could catch the database between a write and its WAL — verified with
 * `PRAGMA integrity_check` before it gets its final name.
 */
import { existsSync } from 'node:fs'
import { mkdir, readdir, rename, stat } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { BACKUP_EXT, backupFileName, parseBackupName, PARTIAL_SUFFIX, type BackupReason, type ParsedBackupName } from './names'
import { DEFAULT_RETENTION, pruneBackups, type CalendarOptions, type RetentionPolicy } from './retention'
import { BackupError, fsyncPath, passesCheck, removeDatabaseFiles, removeSideFiles, sqliteCode, withFile, type SqliteHandle } from './sqlite-file'

export interface BackupEntry extends ParsedBackupName {
  path: string
  bytes: number
}

export interface CreateBackupOptions {
  now: Date | (() => Date)
  reason: BackupReason
  /**
   * The key the source connection was opened with, if the database is encrypted; used to open
   * the copy for its check. The copy itself is encrypted by the connection: openDatabase(path,
   * key) replaces `backup()` on an encrypted connection with VACUUM INTO, because SQLite3
   * Multiple Ciphers refuses the backup API into the plain file it would open as destination
   * ("backup is not supported with incompatible source and target databases").
   */
  key?: Buffer
}

const resolveNow = (now: Date | (() => Date)): Date => (typeof now === 'function' ? now() : now)

/** The first free name for this time and reason (a second backup in the same millisecond gets "-1"). */
function freeName(backupDir: string, createdAt: Date, reason: BackupReason): string {
  for (let sequence = 0; ; sequence++) {
    const name = backupFileName(createdAt, reason, sequence)
    if (!existsSync(join(backupDir, name))) return name
  }
}

/**
 * Backups into one folder run one after another (a daily backup and a quit can overlap): each
 * then owns its .partial file, and a .partial found on disk is a crash's leftover, safe to replace.
 */
const running = new Map<string, Promise<unknown>>()
function oneAtATime<T>(backupDir: string, task: () => Promise<T>): Promise<T> {
  const key = resolve(backupDir)
  const result = (running.get(key) ?? Promise.resolve()).then(task, task)
  const settled = result.then(
    () => undefined,
    () => undefined
  )
  running.set(key, settled)
  void settled.then(() => {
    if (running.get(key) === settled) running.delete(key)
  })
  return result
}

const DAMAGE_CODES = /^SQLITE_(CORRUPT|NOTADB)/

/**
 * Turns a fresh copy into a single rollback-journal file (a copy of a WAL database is itself in
 * WAL mode and would grow -wal/-shm files whenever opened) and checks every page of it.
 */
function sealAndVerify(path: string, key: Buffer | undefined): boolean {
  try {
    let ok: boolean
    if (key) {
      // A keyed file can only be opened through openDatabase, read-write: seal and check in one go.
      ok = withFile(path, { key }, (db) => {
        db.pragma('journal_mode = DELETE')
        return passesCheck(db, 'integrity')
      })
    } else {
      withFile(path, {}, (db) => db.pragma('journal_mode = DELETE'))
      ok = withFile(path, { readonly: true }, (db) => passesCheck(db, 'integrity'))
    }
    removeSideFiles(path)
    return ok
  } catch (err) {
    if (DAMAGE_CODES.test(sqliteCode(err))) return false
    throw err
  }
}

/**
 * Backs up the open database `sqlite` into `backupDir` (created if needed) and returns the
 * verified copy. The copy is written as `<name>.partial`, checked, flushed and only then renamed,
 * so a crash or a failed check never leaves a file that looks like a backup.
 */
export function createBackup(sqlite: SqliteHandle, backupDir: string, options: CreateBackupOptions): Promise<BackupEntry> {
  return oneAtATime(backupDir, () => backupNow(sqlite, backupDir, options))
}

async function backupNow(sqlite: SqliteHandle, backupDir: string, options: CreateBackupOptions): Promise<BackupEntry> {
  const createdAt = resolveNow(options.now)
  await mkdir(backupDir, { recursive: true })
  const fileName = freeName(backupDir, createdAt, options.reason)
  const path = join(backupDir, fileName)
  const partial = path + PARTIAL_SUFFIX
  removeDatabaseFiles(partial) // a leftover from a crash
  try {
    await sqlite.backup(partial)
    if (!sealAndVerify(partial, options.key)) {
      throw new BackupError('integrity_check_failed', 'The backup copy failed its integrity check and was discarded')
    }
    fsyncPath(partial)
    await rename(partial, path)
    fsyncPath(backupDir)
  } catch (err) {
    removeDatabaseFiles(partial)
    throw err
  }
  const { size } = await stat(path)
  return { path, fileName, createdAt, reason: options.reason, sequence: parseBackupName(fileName)?.sequence ?? 0, bytes: size }
}

/** The backups in `backupDir`, newest first; other files (partial copies, damaged databases) are ignored. */
export async function listBackups(backupDir: string): Promise<BackupEntry[]> {
  let names: string[]
  try {
    names = await readdir(backupDir)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw err
  }
  const entries: BackupEntry[] = []
  for (const name of names) {
    if (!name.endsWith(BACKUP_EXT)) continue
    const parsed = parseBackupName(name)
    if (!parsed) continue
    const path = join(backupDir, name)
    const info = await stat(path).catch(() => null)
    if (!info?.isFile()) continue
    entries.push({ ...parsed, path, bytes: info.size })
  }
  return entries.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.sequence - a.sequence)
}

export interface RetentionOptions extends CalendarOptions {
  policy?: RetentionPolicy
}

/** Deletes what pruneBackups lets go (with any -wal/-shm beside it) and returns those entries. */
export async function applyRetention(backupDir: string, now: Date, options: RetentionOptions = {}): Promise<BackupEntry[]> {
  const doomed = pruneBackups(await listBackups(backupDir), now, options.policy ?? DEFAULT_RETENTION, options)
  for (const entry of doomed) removeDatabaseFiles(entry.path)
  return doomed
}
