import { ageOn, formatDate as formatIsoDate, isCalendarDate, localToday } from '@shared/domain/dates'
import { CLIENT_STATUS_LABELS, type ClientStatus } from '@shared/domain/client-status'

/**
 * Intl formatters are costly to build and cheap to use, so each is made once, on first use (not
 * at import: local-time ones take the time zone in effect when they are made).
 */
const once = <T>(make: () => T): (() => T) => {
  let made: T | undefined
  return () => (made ??= make())
}
const timestampFormat = once(() => new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' }))
const dayFormat = once(() => new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' }))
const relativeFormat = once(() => new Intl.RelativeTimeFormat('en-US', { numeric: 'auto' }))
const countFormat = once(() => new Intl.NumberFormat('en-US'))

/** "Mar 8, 2026"; '' for an empty or malformed date. */
export const formatDate = (value: string | null | undefined): string => formatIsoDate(value)

/** Age today in whole years, or null for an unusable date. */
export function ageToday(dateOfBirth: string | null | undefined, today: string = localToday()): number | null {
  if (!dateOfBirth || !isCalendarDate(dateOfBirth)) return null
  const age = ageOn(dateOfBirth, today)
  return age >= 0 ? age : null
}

/** "Mar 8, 1985 (41)" — date of birth with age. */
export function formatDateOfBirth(dateOfBirth: string | null | undefined): string {
  const date = formatDate(dateOfBirth)
  const age = ageToday(dateOfBirth)
  return date ? (age === null ? date : `${date} (${age})`) : ''
}

/** "Mar 8, 2026, 2:05 PM" for an ISO-8601 UTC timestamp, in local time. */
export function formatTimestamp(iso: string | null | undefined): string {
  if (!iso) return ''
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return ''
  return timestampFormat().format(d)
}

/** "3 days ago" style for recent activity; falls back to the date beyond a month. */
export function formatRelative(iso: string | null | undefined, now: Date = new Date()): string {
  if (!iso) return ''
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return ''
  const seconds = Math.round((d.getTime() - now.getTime()) / 1000)
  const abs = Math.abs(seconds)
  const rtf = relativeFormat()
  if (abs < 60) return 'just now'
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), 'minute')
  if (abs < 86_400) return rtf.format(Math.round(seconds / 3600), 'hour')
  if (abs < 30 * 86_400) return rtf.format(Math.round(seconds / 86_400), 'day')
  return dayFormat().format(d)
}

/** "Rivera, Ana" — how lists name a client; "Madonna" for a client with one legal name (no first name). */
export const clientSortName = (c: { legalLastName: string; legalFirstName: string }) =>
  c.legalFirstName ? `${c.legalLastName}, ${c.legalFirstName}` : c.legalLastName

/** "Ana Rivera" or "Ana (Annie) Rivera" when a preferred name differs; "Madonna" with one legal name. */
export function clientDisplayName(c: { legalFirstName: string; legalLastName: string; preferredName?: string | null }): string {
  const preferred = c.preferredName && c.preferredName !== c.legalFirstName ? `(${c.preferredName})` : ''
  return [c.legalFirstName, preferred, c.legalLastName].filter(Boolean).join(' ')
}

export const statusLabel = (status: ClientStatus) => CLIENT_STATUS_LABELS[status]

/** "1–50 of 10,000" */
export function formatRange(page: number, pageSize: number, total: number): string {
  if (total === 0) return '0 of 0'
  const from = page * pageSize + 1
  const to = Math.min(total, (page + 1) * pageSize)
  const n = countFormat()
  return `${n.format(from)}–${n.format(to)} of ${n.format(total)}`
}

export const formatCount = (n: number) => countFormat().format(n)

/** "48 kB", "1.2 MB" — sizes of backups and archives. */
export function formatBytes(bytes: number): string {
  const [unit, value] = bytes >= 1024 * 1024 ? (['megabyte', bytes / (1024 * 1024)] as const) : (['kilobyte', Math.max(1, bytes / 1024)] as const)
  return new Intl.NumberFormat('en-US', { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: unit === 'megabyte' ? 1 : 0 }).format(value)
}
