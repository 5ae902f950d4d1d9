/** Dates of service and birth are plain calendar dates, YYYY-MM-DD, with no time zone. */
export const ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/

export function isCalendarDate(value: string): boolean {
  if (!ISO_DATE_PATTERN.test(value)) return false
  const [y, m, d] = value.split('-').map(Number) as [number, number, number]
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}

/** Today's date on the user's own calendar (not UTC: an evening session is still today). */
export function localToday(now: Date = new Date()): string {
  const y = now.getFullYear()
  const m = String(now.getMonth() + 1).padStart(2, '0')
  const d = String(now.getDate()).padStart(2, '0')
  return `${y}-${m}-${d}`
}

/** Whole years between a birth date and a day, both YYYY-MM-DD. Leap-day births turn a year older on Mar 1. */
export function ageOn(dateOfBirth: string, on: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number]
  const [oy, om, od] = on.split('-').map(Number) as [number, number, number]
  let age = oy - by
  if (om < bm || (om === bm && od < bd)) age--
  return age
}

/** Made once: building an Intl formatter costs far more than formatting (a list formats hundreds of dates). */
const calendarDateFormat = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' })

/** "Mar 8, 2026" — formatted without going through a Date in local time, so it never shifts a day. */
export function formatDate(value: string | null | undefined): string {
  if (!value || !isCalendarDate(value)) return ''
  const [y, m, d] = value.split('-').map(Number) as [number, number, number]
  return calendarDateFormat.format(new Date(Date.UTC(y, m - 1, d)))
}

/** MM/DD/YYYY, the way US forms and many people type a date of birth. */
export function usDate(value: string): string {
  const [y, m, d] = value.split('-')
  return `${m}/${d}/${y}`
}
