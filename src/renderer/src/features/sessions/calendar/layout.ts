/**
 * Geometry of the time grid, as pure functions: where a session sits (minutes from the top of
 * the day), how overlapping sessions share a column, 15-minute snapping, and the weeks of a
 * month. All on the wall clock (minutes of day), like the stored sessions.
 */
import { minutesOfDay } from '@shared/domain/vitals'
import { addDays, startOfWeek } from '../dates'

export const SNAP_MINUTES = 15
export const HOUR_PX = 48
export const DAY_MINUTES = 24 * 60
/** The working day shown unless sessions lie outside it. */
export const DEFAULT_FIRST_HOUR = 7
export const DEFAULT_LAST_HOUR = 20

export const pxPerMinute = HOUR_PX / 60

export const snap = (minutes: number, step = SNAP_MINUTES): number => Math.round(minutes / step) * step
export const clamp = (n: number, min: number, max: number): number => Math.min(max, Math.max(min, n))

/** "09:00" for 540. */
export const clockOf = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`

export interface Timed {
  id: string
  startTime: string
  durationMinutes: number
}

/** The hours the grid shows: the working day, widened to every session's start and end (within the day). */
export function hourRange(rows: readonly Timed[]): { first: number; last: number } {
  let first = DEFAULT_FIRST_HOUR
  let last = DEFAULT_LAST_HOUR
  for (const r of rows) {
    const start = minutesOfDay(r.startTime)
    if (start === null) continue
    first = Math.min(first, Math.floor(start / 60))
    last = Math.max(last, Math.min(24, Math.ceil((start + r.durationMinutes) / 60)))
  }
  return { first, last }
}

export interface Placed<T> {
  row: T
  start: number
  end: number
  /** Which of `lanes` side-by-side columns it takes in its cluster of overlapping sessions. */
  lane: number
  lanes: number
}

/**
 * Lays out one day's sessions: overlapping ones share the width in lanes (the first free lane,
 * in start order), so a clash is visible as two blocks side by side rather than one hiding the other.
 * A session running past midnight is cut at the end of the day.
 */
export function placeDay<T extends Timed>(rows: readonly T[]): Placed<T>[] {
  const items = rows
    .map((row) => {
      const start = minutesOfDay(row.startTime) ?? 0
      return { row, start, end: Math.min(DAY_MINUTES, start + row.durationMinutes), lane: 0, lanes: 1 }
    })
    .sort((a, b) => a.start - b.start || b.end - a.end)
  const placed: Placed<T>[] = []
  let cluster: Placed<T>[] = []
  let laneEnds: number[] = []
  let clusterEnd = -1
  const close = () => {
    for (const p of cluster) p.lanes = laneEnds.length
    cluster = []
    laneEnds = []
  }
  for (const item of items) {
    if (item.start >= clusterEnd) close()
    let lane = laneEnds.findIndex((end) => end <= item.start)
    if (lane === -1) lane = laneEnds.length
    laneEnds[lane] = item.end
    item.lane = lane
    cluster.push(item)
    placed.push(item)
    clusterEnd = Math.max(clusterEnd, item.end)
  }
  close()
  return placed
}

/** The Monday-first weeks covering `date`'s month (4 to 6 rows of 7 dates). */
export function monthWeeks(date: string): string[][] {
  const first = `${date.slice(0, 7)}-01`
  const weeks: string[][] = []
  let monday = startOfWeek(first)
  while (weeks.length === 0 || monday.slice(0, 7) === date.slice(0, 7)) {
    weeks.push(Array.from({ length: 7 }, (_, i) => addDays(monday, i)))
    monday = addDays(monday, 7)
  }
  return weeks
}

/** The first of the month `n` months from `date`'s. */
export function addMonths(date: string, n: number): string {
  const [y, m] = date.split('-').map(Number) as [number, number]
  const total = y * 12 + (m - 1) + n
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}-01`
}
