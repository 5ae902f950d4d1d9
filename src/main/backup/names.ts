/**
 * Backup file names — pure, no fs. A name carries everything listBackups needs, so the list
 * survives without an index file:
 *
 *   kap-backup-2026-03-08T15-00-00-000Z-daily.db
 *   kap-backup-2026-03-08T15-00-00-000Z-daily-2.db      (a second one in the same millisecond)
 *
 * The stamp is ISO-8601 UTC with ':' and '.' replaced (Windows forbids ':'), fixed width, so
 * names sort by time. Backups that applyMigrations (src/main/db/migrate.ts) writes on its own,
 * `before-migration-<stamp>.db`, are recognised as reason 'pre-migration'.
 */

export const BACKUP_REASONS = ['daily', 'quit', 'manual', 'pre-migration', 'pre-restore'] as const
export type BackupReason = (typeof BACKUP_REASONS)[number]

export const BACKUP_PREFIX = 'kap-backup-'
export const BACKUP_EXT = '.db'
/** A copy being written or verified; never listed, removed on failure. */
export const PARTIAL_SUFFIX = '.partial'

export interface ParsedBackupName {
  fileName: string
  createdAt: Date
  reason: BackupReason
  /** 0, or n for the (n+1)-th backup with the same time and reason. */
  sequence: number
}

/** 2026-03-08T15:00:00.000Z → 2026-03-08T15-00-00-000Z */
export const stampOf = (date: Date): string => date.toISOString().replace(/[:.]/g, '-')

const STAMP = String.raw`(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z`
const CURRENT = new RegExp(`^${BACKUP_PREFIX}${STAMP}-(${BACKUP_REASONS.join('|')})(?:-([1-9]\\d*))?\\${BACKUP_EXT}$`)
const LEGACY_MIGRATION = new RegExp(`^before-migration-${STAMP}\\.db$`)

export function backupFileName(createdAt: Date, reason: BackupReason, sequence = 0): string {
  if (!BACKUP_REASONS.includes(reason)) throw new TypeError('Unknown backup reason')
  if (Number.isNaN(createdAt.getTime())) throw new TypeError('Backup time is not a valid date')
  return `${BACKUP_PREFIX}${stampOf(createdAt)}-${reason}${sequence > 0 ? `-${sequence}` : ''}${BACKUP_EXT}`
}

function dateFrom(match: RegExpExecArray): Date | null {
  const [, day, h, m, s, ms] = match
  const date = new Date(`${day}T${h}:${m}:${s}.${ms}Z`)
  // Reject impossible stamps (2026-02-31…) rather than let Date roll them over.
  return Number.isNaN(date.getTime()) || stampOf(date) !== `${day}T${h}-${m}-${s}-${ms}Z` ? null : date
}

/** The time and reason a backup's file name carries, or null for any other file. */
export function parseBackupName(fileName: string): ParsedBackupName | null {
  const current = CURRENT.exec(fileName)
  if (current) {
    const createdAt = dateFrom(current)
    return createdAt ? { fileName, createdAt, reason: current[6] as BackupReason, sequence: current[7] ? Number(current[7]) : 0 } : null
  }
  const legacy = LEGACY_MIGRATION.exec(fileName)
  if (legacy) {
    const createdAt = dateFrom(legacy)
    return createdAt ? { fileName, createdAt, reason: 'pre-migration', sequence: 0 } : null
  }
  return null
}

/** Name for a damaged database moved aside during a restore; deliberately not a backup name. */
export const damagedFileName = (at: Date): string => `kap-damaged-${stampOf(at)}.db`
