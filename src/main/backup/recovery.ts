/**
 * The start-up question, in one call: can the database be opened, and if not, what can the
 * recovery screen offer? Run it before openApp; it never throws for a damaged file.
 */
import { listBackups, type BackupEntry } from './create'
import { inspectDatabase, type DatabaseInspection, type InspectOptions } from './inspect'

export interface StartupCheck extends DatabaseInspection {
  /** Newest first: what the recovery screen offers to restore. */
  backups: BackupEntry[]
  /**
   * True when the app should show the recovery screen instead of opening the database:
   * it is corrupt, not a database, or locked — or it is missing although backups exist
   * (a fresh install has neither; a lost database file still has its backups folder).
   */
  needsRecovery: boolean
}

export async function checkDatabaseAtStartup(databasePath: string, backupDir: string, options: Pick<InspectOptions, 'key' | 'timeoutMs'> = {}): Promise<StartupCheck> {
  const inspection = inspectDatabase(databasePath, { ...options, check: 'quick' })
  const backups = await listBackups(backupDir).catch(() => [])
  const needsRecovery = inspection.state === 'missing' ? backups.length > 0 : inspection.state !== 'ok'
  return { ...inspection, backups, needsRecovery }
}
