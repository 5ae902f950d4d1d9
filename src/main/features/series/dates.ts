import { addDays } from '@shared/domain/scheduling'
import { SERIES_MAX_SESSIONS } from '@shared/contracts/series'

/**
 * The dates of a series: every `intervalWeeks` weeks from `first`, up to `until` inclusive or
 * `count` sessions, never more than SERIES_MAX_SESSIONS. Plain dates, so a DST change keeps the weekday and time.
 */
export function seriesDates(first: string, intervalWeeks: number, end: { until: string } | { count: number }): string[] {
  const dates: string[] = []
  for (let i = 0; i < SERIES_MAX_SESSIONS; i++) {
    const date = addDays(first, 7 * intervalWeeks * i)
    if ('until' in end ? date > end.until : i >= end.count) break
    dates.push(date)
  }
  return dates
}
