import { describe, expect, it } from 'vitest'
import { ageOn, formatDate, isCalendarDate, localToday, usDate } from '@shared/domain/dates'

describe('dates', () => {
  it.each(['2024-02-29', '2000-02-29', '1900-01-01', '2026-12-31'])('%s is a calendar date', (d) => {
    expect(isCalendarDate(d)).toBe(true)
  })

  it.each(['2023-02-29', '1900-02-29', '2026-13-01', '2026-04-31', '2026-00-10', '2026-3-8', '03/08/2026', '', '2026-03-08T00:00'])(
    '%j is not',
    (d) => {
      expect(isCalendarDate(d)).toBe(false)
    }
  )

  it('counts whole years, leap-day births turning a year older on Mar 1', () => {
    expect(ageOn('1985-03-08', '2026-03-07')).toBe(40)
    expect(ageOn('1985-03-08', '2026-03-08')).toBe(41)
    expect(ageOn('2004-02-29', '2025-02-28')).toBe(20)
    expect(ageOn('2004-02-29', '2025-03-01')).toBe(21)
    expect(ageOn('2004-02-29', '2024-02-29')).toBe(20)
  })

  it('formats without shifting a day', () => {
    expect(formatDate('2026-03-08')).toBe('Mar 8, 2026')
    expect(formatDate('2026-01-01')).toBe('Jan 1, 2026')
    expect(formatDate('2025-12-31')).toBe('Dec 31, 2025')
    expect(formatDate(null)).toBe('')
    expect(formatDate('not a date')).toBe('')
  })

  it('writes MM/DD/YYYY', () => {
    expect(usDate('1985-03-08')).toBe('03/08/1985')
  })

  it('localToday uses the local calendar', () => {
    expect(localToday(new Date(2026, 2, 8, 23, 59))).toBe('2026-03-08')
    expect(localToday(new Date(2026, 0, 1, 0, 0))).toBe('2026-01-01')
  })
})
