/**
 * Restoring a backup over the practice database, and undoing that.
 *
 * How the content is replaced — the SQLite backup API, from the backup file into the database
 * file, rather than closing the database and renaming the backup over it:
 * - the whole replacement is ONE write transaction on the target, journalled by the target's
 *   own WAL: a crash or power cut mid-restore leaves the old database, never a mixture;
 * - the target keeps its inode, -wal and -shm stay consistent with it. A rename puts a new
 *   main file next to the old -wal; SQLite does not tie a WAL to its database file, so a
 *   leftover WAL would be replayed into the restored file and corrupt it;
 * - it cannot pull a file out from under a connection that is still open: SQLite's locks
 *   order the two, and that connection sees the restored content afterwards.
 * An encrypted database cannot take this path (the backup API refuses an encrypted
 * target it opens without the key), so with a key the restore checkpoints the target, takes
 * it out of WAL mode (which SQLite only allows when no other connection has it open, so this
 * doubles as an "is anyone using it" check), and renames a verified copy over it.
 */
import { copyFile, mkdir, rename } from 'node:fs/promises'
import { existsSync, rmSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import { createBackup, type BackupEntry } from './create'
import { assertKnownSchema, SchemaMismatchError } from '../db/schema-check'
import { inspectDatabase } from './inspect'
import { damagedFileName } from './names'
import { BackupError, fsyncPath, openFile, passesCheck, removeDatabaseFiles, removeSideFiles, sqliteCode, withFile, type SqliteHandle } from './sqlite-file'

export interface RestoreOptions {
  /** The practice database to replace. No other code should be using it: close the app core first. */
  databasePath: string
  /** The backup to bring back. */
  backupPath: string
  /** Where the pre-restore copy (and a damaged database, if any) is kept. */
  backupDir: string
  now?: () => Date
  /** The database key when encrypted; the backup must have been made with the same key. */
  key?: Buffer
  /**
   * The app's migrations: when given (the app always gives them), the backup's tables, indexes,
   * views and triggers must be exactly what they build (db/schema-check.ts).
   */
  migrationsFolder?: string
  /** How the content is replaced; chosen from `key` when not given (tests use both). */
  strategy?: 'backup-api' | 'replace-file'
}

export interface RestoreResult {
  databasePath: string
  restoredFrom: string
  /** The database as it was, kept so the restore can be undone (undoRestore); null if there was none. */
  preRestoreBackup: BackupEntry | null
  /** Where a damaged database (corrupt or not a database) was moved instead; null otherwise. */
  damagedCopy: string | null
}

/**
 * Checks every page of a backup and that it is a KAP Practice database (it has the migrations
 * table) — with `migrationsFolder`, one whose schema is exactly what our migrations build.
 */
export function verifyBackupFile(backupPath: string, key?: Buffer, migrationsFolder?: string): void {
  const inspection = inspectDatabase(backupPath, { key, check: 'integrity' })
  if (inspection.state !== 'ok') {
    throw new BackupError('backup_not_usable', 'The backup is damaged or unreadable; choose another one', inspection.detail ?? inspection.state)
  }
  withFile(backupPath, { readonly: true, key }, (db) => {
    const isPractice = (db.pragma("table_info('__drizzle_migrations')") as unknown[]).length > 0
    if (!isPractice) throw new BackupError('not_a_practice_database', 'The file is a database, but not a KAP Practice database')
    if (migrationsFolder) assertPracticeSchema(db, migrationsFolder)
  })
}

function assertPracticeSchema(db: SqliteHandle, migrationsFolder: string): void {
  try {
    assertKnownSchema(db, migrationsFolder)
  } catch (err) {
    if (!(err instanceof SchemaMismatchError)) throw err
    if (err.problem === 'newer_version') throw new BackupError('newer_version', 'The backup was made by a newer version of KAP Practice; update the app to restore it')
    throw new BackupError('not_a_practice_database', 'The file is a database, but not one KAP Practice made', err.problem)
  }
}

/**
 * Moves a database (and its -wal/-journal; the -shm is dropped) into the backups folder as
 * `kap-damaged-<time>.db`, so nothing is ever thrown away — restoreBackup does this with a
 * damaged database, and the recovery screen's "start a new, empty practice" should too.
 * No connection may have it open. Returns the new path.
 */
export async function setAsideDatabase(databasePath: string, backupDir: string, at: Date): Promise<string> {
  await mkdir(backupDir, { recursive: true })
  let target = join(backupDir, damagedFileName(at))
  for (let n = 1; existsSync(target); n++) target = join(backupDir, damagedFileName(at).replace(/\.db$/, `-${n}.db`))
  for (const suffix of ['', '-wal', '-journal']) {
    if (!existsSync(databasePath + suffix)) continue
    try {
      await rename(databasePath + suffix, target + suffix)
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EXDEV') throw err
      await copyFile(databasePath + suffix, target + suffix)
      rmSync(databasePath + suffix)
    }
  }
  rmSync(`${databasePath}-shm`, { force: true })
  fsyncPath(backupDir)
  return target
}

async function restoreWithBackupApi(databasePath: string, backupPath: string): Promise<void> {
  const source = new Database(backupPath, { readonly: true, fileMustExist: true })
  try {
    await source.backup(databasePath)
  } finally {
    source.close()
  }
}

const inUse = () => new BackupError('database_in_use', 'The database is still open elsewhere; close it before restoring')

async function restoreByReplacingFile(databasePath: string, backupPath: string, key: Buffer | undefined): Promise<void> {
  const staged = `${databasePath}.restoring`
  removeDatabaseFiles(staged)
  try {
    // The backup is a closed, verified, single-file database: copying it is safe (the live one is never copied).
    await copyFile(backupPath, staged)
    removeSideFiles(staged)
    const ok = withFile(staged, { key }, (db) => {
      db.pragma('journal_mode = DELETE')
      return passesCheck(db, 'integrity')
    })
    removeSideFiles(staged)
    if (!ok) throw new BackupError('backup_not_usable', 'The backup is damaged or unreadable; choose another one', 'check_failed')
    fsyncPath(staged)
    if (existsSync(databasePath)) {
      let mode: unknown
      try {
        mode = withFile(databasePath, { key, timeoutMs: 0 }, (db) => {
          db.pragma('wal_checkpoint(TRUNCATE)')
          return db.pragma('journal_mode = DELETE', { simple: true })
        })
      } catch (err) {
        throw /^SQLITE_(BUSY|LOCKED)/.test(sqliteCode(err)) ? inUse() : err
      }
      if (mode !== 'delete') throw inUse()
      // No connection is open and the WAL is checkpointed: the side files hold nothing.
      removeSideFiles(databasePath)
    }
    await rename(staged, databasePath)
    fsyncPath(dirname(resolve(databasePath)))
  } finally {
    removeDatabaseFiles(staged)
  }
}

/**
 * Replaces the database's content with a backup's: verify the backup → keep the current database
 * as a 'pre-restore' backup (or move a damaged one aside) → replace → integrity_check.
 * Afterwards open the app as usual (openApp): it applies any migrations the backup predates.
 */
export async function restoreBackup(options: RestoreOptions): Promise<RestoreResult> {
  const { databasePath, backupPath, backupDir, key } = options
  const now = options.now ?? (() => new Date())
  if (resolve(databasePath) === resolve(backupPath)) throw new BackupError('backup_not_usable', 'A database cannot be restored from itself')
  const strategy = options.strategy ?? (key ? 'replace-file' : 'backup-api')
  if (key && strategy === 'backup-api') throw new TypeError('An encrypted database is restored with the replace-file strategy')
  verifyBackupFile(backupPath, key, options.migrationsFolder)

  let preRestoreBackup: BackupEntry | null = null
  let damagedCopy: string | null = null
  const current = inspectDatabase(databasePath, { key, check: 'quick' })
  switch (current.state) {
    case 'locked':
      throw new BackupError('database_locked', 'The database is in use or cannot be opened; close other programs using it and try again', current.detail)
    case 'ok':
      preRestoreBackup = await withFileAsync(databasePath, key, (db) => createBackup(db, backupDir, { now, reason: 'pre-restore', key }))
      break
    case 'corrupt':
    case 'not_a_database':
      damagedCopy = await setAsideDatabase(databasePath, backupDir, now())
      break
    case 'missing':
      rmSync(`${databasePath}-shm`, { force: true })
      break
  }

  await mkdir(dirname(resolve(databasePath)), { recursive: true })
  if (strategy === 'backup-api') await restoreWithBackupApi(databasePath, backupPath)
  else await restoreByReplacingFile(databasePath, backupPath, key)

  const after = inspectDatabase(databasePath, { key, check: 'integrity' })
  if (after.state !== 'ok') {
    throw new BackupError(
      'restored_database_failed_check',
      'The restored database failed its integrity check; undo the restore from the pre-restore backup',
      after.detail ?? after.state
    )
  }
  return { databasePath, restoredFrom: backupPath, preRestoreBackup, damagedCopy }
}

export interface UndoRestoreOptions extends Omit<RestoreOptions, 'backupPath'> {
  /** RestoreResult.preRestoreBackup.path of the restore to undo. */
  preRestoreBackupPath: string
}

/** Puts back the database as it was before a restore. It is itself a restore, so it can be undone in turn. */
export function undoRestore(options: UndoRestoreOptions): Promise<RestoreResult> {
  const { preRestoreBackupPath, ...rest } = options
  return restoreBackup({ ...rest, backupPath: preRestoreBackupPath })
}

async function withFileAsync<T>(path: string, key: Buffer | undefined, fn: (db: SqliteHandle) => Promise<T>): Promise<T> {
  const db = openFile(path, { readonly: true, key })
  try {
    return await fn(db)
  } finally {
    db.close()
  }
}
