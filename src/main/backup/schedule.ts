import { applyRetention, createBackup, listBackups, type BackupEntry } from './create'
import { dueForDailyBackup } from './retention'
import type { SqliteHandle } from './sqlite-file'

/**
 * The automatic backups: 'daily' runs only when today (on the user's calendar) has none yet;
 * 'quit' always runs. Retention is applied after each, so the folder never grows unbounded.
 */
export async function runAutomaticBackup(
  sqlite: SqliteHandle,
  backupDir: string,
  reason: 'daily' | 'quit',
  now: Date = new Date(),
  /** The data key when the database is encrypted (to check the copy). */
  key?: Buffer | null
): Promise<BackupEntry | null> {
  const calendar = { utcOffsetMinutes: -now.getTimezoneOffset() }
  if (reason === 'daily' && !dueForDailyBackup(await listBackups(backupDir), now, calendar)) return null
  const entry = await createBackup(sqlite, backupDir, { now, reason, key: key ?? undefined })
  await applyRetention(backupDir, now, calendar)
  return entry
}
