/** Scales, ticks and the text description of the measures trend chart: pure functions of dates, scores and a size. */
import type { MeasureTrend } from '@shared/contracts/measures'
import { formatDate } from '@shared/domain/dates'
import { MEASURES } from '@shared/domain/measures'

const DAY_MS = 86_400_000

/** Days since 1970-01-01 for a YYYY-MM-DD date (UTC, so no time zone shifts a day). */
export function dayNumber(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number]
  return Math.round(Date.UTC(y, m - 1, d) / DAY_MS)
}

/** Back to YYYY-MM-DD. */
export function isoFromDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10)
}

/** Round steps for the score axis, at most about `target` intervals up to `max`. */
export function scoreTicks(max: number, target = 5): number[] {
  if (!(max > 0)) return [0]
  const steps = [1, 2, 5, 10, 20, 25, 50, 100]
  const step = steps.find((s) => max / s <= target) ?? Math.ceil(max / target)
  const ticks: number[] = []
  for (let v = 0; v <= max; v += step) ticks.push(v)
  return ticks
}

/** Day steps for the date axis: a day, a few days, weeks, months. */
const DAY_STEPS = [1, 2, 3, 7, 14, 28, 56, 91, 182, 365]

/** Dates for the x axis between two day numbers, at most `maxTicks` of them, on round steps from the first. */
export function dateTicks(fromDay: number, toDay: number, maxTicks: number): number[] {
  const span = Math.max(0, toDay - fromDay)
  const step = DAY_STEPS.find((s) => span / s <= Math.max(1, maxTicks - 1)) ?? Math.ceil(span / Math.max(1, maxTicks - 1))
  const ticks: number[] = []
  for (let d = fromDay; d <= toDay; d += step) ticks.push(d)
  return ticks
}

export interface TrendLayoutInput {
  width: number
  height: number
  /** Every date that must fit: the points' and the dosing sessions'. */
  dates: readonly string[]
  /** The top of the score axis (the largest instrument maximum shown). */
  yMax: number
  margin?: { top: number; right: number; bottom: number; left: number }
}

export interface TrendLayout {
  width: number
  height: number
  plot: { left: number; right: number; top: number; bottom: number }
  /** First and last day shown (padded around the data). */
  fromDay: number
  toDay: number
  x: (iso: string) => number
  y: (score: number) => number
  xTicks: { day: number; iso: string; x: number }[]
  yTicks: { value: number; y: number }[]
}

const DEFAULT_MARGIN = { top: 16, right: 20, bottom: 30, left: 40 }

/**
 * Where everything goes. A single date is widened to a week so its point sits in the middle;
 * otherwise a little room is left at both ends so the first and last points are not cut.
 */
export function trendLayout({ width, height, dates, yMax, margin = DEFAULT_MARGIN }: TrendLayoutInput): TrendLayout {
  const days = dates.map(dayNumber).filter(Number.isFinite)
  let fromDay = days.length ? Math.min(...days) : dayNumber(new Date().toISOString().slice(0, 10))
  let toDay = days.length ? Math.max(...days) : fromDay
  if (toDay - fromDay < 7) {
    const mid = (fromDay + toDay) / 2
    fromDay = Math.floor(mid - 3.5)
    toDay = Math.ceil(mid + 3.5)
  }
  const pad = Math.max(1, Math.round((toDay - fromDay) * 0.04))
  fromDay -= pad
  toDay += pad

  const plot = { left: margin.left, right: Math.max(margin.left + 1, width - margin.right), top: margin.top, bottom: Math.max(margin.top + 1, height - margin.bottom) }
  const top = yMax > 0 ? yMax : 1
  const xOfDay = (day: number) => plot.left + ((day - fromDay) / (toDay - fromDay)) * (plot.right - plot.left)
  const y = (score: number) => plot.bottom - (Math.min(Math.max(score, 0), top) / top) * (plot.bottom - plot.top)
  const maxXTicks = Math.max(2, Math.floor((plot.right - plot.left) / 80))
  const xTicks = dateTicks(fromDay + pad, toDay - pad, maxXTicks).map((day) => ({ day, iso: isoFromDay(day), x: xOfDay(day) }))
  const yTicks = scoreTicks(top, Math.max(2, Math.floor((plot.bottom - plot.top) / 28))).map((value) => ({ value, y: y(value) }))
  return { width, height, plot, fromDay, toDay, x: (iso) => xOfDay(dayNumber(iso)), y, xTicks, yTicks }
}

/** An SVG path through the points in order ("M x y L x y …"); '' for none. */
export function linePath(points: readonly { x: number; y: number }[]): string {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${round(p.x)} ${round(p.y)}`).join(' ')
}

const round = (n: number) => Math.round(n * 10) / 10

/** Plain-words summary of the chart for screen readers. */
export function describeTrend(trend: MeasureTrend): string {
  const parts = trend.series
    .filter((s) => s.points.length > 0)
    .map((s) => {
      const first = s.points[0]!
      const last = s.points.at(-1)!
      const label = MEASURES[s.kind].label
      return s.points.length === 1
        ? `${label}: one score, ${first.total} on ${formatDate(first.date)}.`
        : `${label}: ${s.points.length} scores, from ${first.total} on ${formatDate(first.date)} to ${last.total} on ${formatDate(last.date)}.`
    })
  if (trend.dosingDates.length) parts.push(`${trend.dosingDates.length} dosing session${trend.dosingDates.length === 1 ? '' : 's'} marked.`)
  return parts.join(' ')
}
