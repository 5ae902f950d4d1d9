/** The time grid's geometry: lanes for overlapping sessions, the hours shown, snapping, a month's weeks. */
import { describe, expect, it } from 'vitest'
import { addMonths, clockOf, hourRange, monthWeeks, placeDay, snap } from '@renderer/features/sessions/calendar/layout'
import { formatTimeRange } from '@renderer/features/sessions/dates'

const s = (id: string, startTime: string, durationMinutes: number) => ({ id, startTime, durationMinutes })
/** Intl puts narrow no-break spaces around the dash and before AM/PM. */
const plain = (t: string) => t.replace(/\s/g, ' ')
const lanes = (rows: ReturnType<typeof s>[]) => placeDay(rows).map((p) => `${p.row.id}:${p.lane}/${p.lanes}`)

describe('placeDay', () => {
  it('gives overlapping sessions side-by-side lanes and back-to-back ones the full width', () => {
    expect(lanes([s('dosing', '09:00', 180), s('integration', '10:00', 50), s('after', '12:00', 50)])).toEqual(['dosing:0/2', 'integration:1/2', 'after:0/1'])
    expect(lanes([s('a', '09:00', 60), s('b', '10:00', 60)])).toEqual(['a:0/1', 'b:0/1'])
  })

  it('reuses a lane freed inside a cluster, and cuts a session at midnight', () => {
    expect(lanes([s('long', '09:00', 240), s('x', '09:30', 30), s('y', '10:00', 30)])).toEqual(['long:0/2', 'x:1/2', 'y:1/2'])
    expect(placeDay([s('late', '23:00', 120)])[0]).toMatchObject({ start: 23 * 60, end: 24 * 60 })
  })
})

describe('grid helpers', () => {
  it('shows 7 AM to 8 PM, widened to the sessions', () => {
    expect(hourRange([])).toEqual({ first: 7, last: 20 })
    expect(hourRange([s('early', '06:30', 50), s('late', '20:15', 60)])).toEqual({ first: 6, last: 22 })
  })

  it('snaps to 15 minutes and writes clock times', () => {
    expect([snap(7), snap(8), snap(52), snap(53)]).toEqual([0, 15, 45, 60])
    expect(clockOf(9 * 60 + 5)).toBe('09:05')
    expect(plain(formatTimeRange('10:00', 50))).toBe('10:00 – 10:50 AM')
    expect(plain(formatTimeRange('11:30', 180))).toBe('11:30 AM – 2:30 PM')
  })

  it('lays out a month in Monday-first weeks, and steps months across a year', () => {
    const march = monthWeeks('2026-03-11')
    expect(march).toHaveLength(6)
    expect(march[0]![0]).toBe('2026-02-23')
    expect(march.at(-1)![6]).toBe('2026-04-05')
    expect(monthWeeks('2021-02-14')).toHaveLength(4) // Feb 2021 starts on a Monday and has 28 days
    expect([addMonths('2026-12-31', 1), addMonths('2026-01-15', -1), addMonths('2026-03-01', 12)]).toEqual(['2027-01-01', '2025-12-01', '2027-03-01'])
  })
})
