/**
 * Which backups to keep — pure functions of a list and a clock, so the rule is property-tested
 * and the caller (applyRetention) only deletes what these return.
 *
 * Rule "7 daily, 4 weekly, 12 monthly" (the grandfather-father-son scheme of borg/restic
 * `--keep-daily 7 --keep-weekly 4 --keep-monthly 12`):
 * - keep the newest backup of each of the 7 most recent days that have a backup,
 *   of each of the 4 most recent ISO weeks that have one, of each of the 12 most recent months;
 * - never delete a 'pre-migration' or 'pre-restore' backup younger than 30 days (undo points);
 * - never delete the newest backup.
 * Days, weeks and months are calendar periods in UTC shifted by `utcOffsetMinutes` (pass the
 * machine's offset, `-new Date().getTimezoneOffset()`, to bucket by the practice's local day).
 */
import type { BackupReason } from './names'

export interface Datable {
  createdAt: Date
  reason: BackupReason
}

export interface RetentionPolicy {
  daily: number
  weekly: number
  monthly: number
  /** Backups with these reasons are kept while younger than protectDays. */
  protectedReasons: readonly BackupReason[]
  protectDays: number
}

export const DEFAULT_RETENTION: RetentionPolicy = {
  daily: 7,
  weekly: 4,
  monthly: 12,
  protectedReasons: ['pre-migration', 'pre-restore'],
  protectDays: 30
}

export interface CalendarOptions {
  /** Minutes east of UTC of the practice's local time; 0 (UTC) when not given. */
  utcOffsetMinutes?: number
}

const DAY_MS = 86_400_000
const pad = (n: number, width = 2) => String(n).padStart(width, '0')

/** The calendar date of an instant, as a Date at UTC midnight, in the given offset. */
function localMidnight(at: Date, offsetMinutes: number): Date {
  const shifted = new Date(at.getTime() + offsetMinutes * 60_000)
  return new Date(Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth(), shifted.getUTCDate()))
}

export function dayKey(at: Date, offsetMinutes = 0): string {
  const d = localMidnight(at, offsetMinutes)
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
}

export function monthKey(at: Date, offsetMinutes = 0): string {
  const d = localMidnight(at, offsetMinutes)
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}`
}

/** ISO-8601 week, e.g. 2021-01-03 → "2020-W53": weeks start on Monday, week 1 holds January 4. */
export function isoWeekKey(at: Date, offsetMinutes = 0): string {
  const d = localMidnight(at, offsetMinutes)
  const weekday = (d.getUTCDay() + 6) % 7 // Monday 0 … Sunday 6
  const thursday = new Date(d.getTime() + (3 - weekday) * DAY_MS)
  const year = thursday.getUTCFullYear()
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS))
  return `${pad(year, 4)}-W${pad(week)}`
}

function newestFirst<T extends Datable>(list: readonly T[]): T[] {
  // Array.prototype.sort is stable: equal times keep the caller's order, so ties resolve alike every run.
  return [...list].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
}

/** The newest backup of each of the `count` most recent periods that have one. */
function newestPerPeriod<T extends Datable>(sorted: readonly T[], count: number, key: (d: Date) => string): T[] {
  const seen = new Set<string>()
  const kept: T[] = []
  for (const item of sorted) {
    const k = key(item.createdAt)
    if (seen.has(k)) continue
    if (seen.size >= count) break
    seen.add(k)
    kept.push(item)
  }
  return kept
}

export function isProtected(item: Datable, now: Date, policy: RetentionPolicy = DEFAULT_RETENTION): boolean {
  return policy.protectedReasons.includes(item.reason) && now.getTime() - item.createdAt.getTime() < policy.protectDays * DAY_MS
}

/** The backups the rule keeps (newest first). */
export function backupsToKeep<T extends Datable>(list: readonly T[], now: Date, policy: RetentionPolicy = DEFAULT_RETENTION, calendar: CalendarOptions = {}): T[] {
  const offset = calendar.utcOffsetMinutes ?? 0
  const sorted = newestFirst(list)
  const keep = new Set<T>(sorted.slice(0, 1))
  for (const item of newestPerPeriod(sorted, policy.daily, (d) => dayKey(d, offset))) keep.add(item)
  for (const item of newestPerPeriod(sorted, policy.weekly, (d) => isoWeekKey(d, offset))) keep.add(item)
  for (const item of newestPerPeriod(sorted, policy.monthly, (d) => monthKey(d, offset))) keep.add(item)
  for (const item of sorted) if (isProtected(item, now, policy)) keep.add(item)
  return sorted.filter((item) => keep.has(item))
}

/** The backups the rule lets go (newest first); everything else in `list` is kept. Pure. */
export function pruneBackups<T extends Datable>(list: readonly T[], now: Date, policy: RetentionPolicy = DEFAULT_RETENTION, calendar: CalendarOptions = {}): T[] {
  const keep = new Set(backupsToKeep(list, now, policy, calendar))
  return newestFirst(list).filter((item) => !keep.has(item))
}

/**
 * True when no backup (of any reason — each is a full copy) was made on the current calendar
 * day. A backup dated in the future (the clock was wrong, or moved back) does not count, so a
 * bad clock can only cause an extra backup, never stop them.
 */
export function dueForDailyBackup(list: readonly Pick<Datable, 'createdAt'>[], now: Date, calendar: CalendarOptions = {}): boolean {
  const offset = calendar.utcOffsetMinutes ?? 0
  const today = dayKey(now, offset)
  return !list.some((b) => b.createdAt.getTime() <= now.getTime() && dayKey(b.createdAt, offset) === today)
}
