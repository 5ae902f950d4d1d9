/**
 * Calendar helpers for the agenda. Session dates are plain YYYY-MM-DD and times plain HH:MM on the
 * therapist's own clock, so nothing here goes through the local time zone or UTC offsets: every
 * Date is built with Date.UTC and formatted with timeZone 'UTC', which can never shift a day.
 */
import { isCalendarDate } from '@shared/domain/dates'
import { addDays, daysBetween } from '@shared/domain/scheduling'
import { minutesOfDay } from '@shared/domain/vitals'

export { addDays, daysBetween }

const utc = (date: string) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(y, m - 1, d))
}

/** 0 = Monday … 6 = Sunday. */
export const weekdayIndex = (date: string) => (utc(date).getUTCDay() + 6) % 7

/** The Monday of the week holding `date` (a therapist's working week starts on Monday). */
export const startOfWeek = (date: string) => addDays(date, -weekdayIndex(date))

/** The 7 dates of the week starting on `monday`. */
export const weekDates = (monday: string) => Array.from({ length: 7 }, (_, i) => addDays(monday, i))

export const isValidDate = (value: string | null | undefined): value is string => !!value && isCalendarDate(value)

const fmt = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat('en-US', { ...options, timeZone: 'UTC' })
const dayHeading = fmt({ weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' })
const dayShort = fmt({ weekday: 'short', month: 'short', day: 'numeric' })
const weekdayLong = fmt({ weekday: 'long' })
const monthDay = fmt({ month: 'short', day: 'numeric' })
const range = fmt({ month: 'short', day: 'numeric', year: 'numeric' })
const clock = fmt({ hour: 'numeric', minute: '2-digit' })

/** "Monday, March 9, 2026" */
export const formatDayHeading = (date: string) => dayHeading.format(utc(date))
/** "Mon, Mar 9" */
export const formatDayShort = (date: string) => dayShort.format(utc(date))
/** "Monday" */
export const formatWeekday = (date: string) => weekdayLong.format(utc(date))
/** "Mar 9" */
export const formatMonthDay = (date: string) => monthDay.format(utc(date))
/** "Mar 9 – 15, 2026" (Intl collapses what the two ends share). */
export const formatDateRange = (from: string, to: string) => range.formatRange(utc(from), utc(to))

/** "9:00 AM" for "09:00"; the text as given when it is not a clock time. */
export function formatClock(time: string): string {
  const minutes = minutesOfDay(time)
  if (minutes === null) return time
  return clock.format(new Date(Date.UTC(1970, 0, 1, Math.floor(minutes / 60), minutes % 60)))
}

/** The clock time `duration` minutes after `start` ("12:00 PM"); past midnight it says so. */
export function formatEnd(start: string, duration: number): string {
  const minutes = minutesOfDay(start)
  if (minutes === null) return ''
  const end = minutes + duration
  const label = clock.format(new Date(Date.UTC(1970, 0, 1, Math.floor(end / 60) % 24, end % 60)))
  return end >= 24 * 60 ? `${label} (next day)` : label
}

const clockRange = fmt({ hour: 'numeric', minute: '2-digit' })
const clockDate = (minutes: number) => new Date(Date.UTC(1970, 0, 1, 0, Math.min(minutes, 24 * 60 - 1)))

/** "10:00 – 10:50 AM", "11:30 AM – 2:30 PM" (Intl drops what the ends share); within one day. */
export function formatTimeRange(start: string, duration: number): string {
  const minutes = minutesOfDay(start)
  if (minutes === null) return start
  return clockRange.formatRange(clockDate(minutes), clockDate(minutes + duration))
}

/** "50 min", "3 h", "2 h 30 min" */
export function formatDuration(minutes: number): string {
  const h = Math.floor(minutes / 60)
  const m = minutes % 60
  if (h === 0) return `${m} min`
  return m === 0 ? `${h} h` : `${h} h ${m} min`
}

/** "Today", "Tomorrow", "Yesterday" or null, relative to `today`. */
export function relativeDayName(date: string, today: string): string | null {
  const d = daysBetween(today, date)
  return d === 0 ? 'Today' : d === 1 ? 'Tomorrow' : d === -1 ? 'Yesterday' : null
}
