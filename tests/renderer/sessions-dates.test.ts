/** The agenda's calendar helpers: plain dates and clock times, never shifted by a time zone. */
import { describe, expect, it } from 'vitest'
import {
  formatClock,
  formatDateRange,
  formatDayHeading,
  formatDuration,
  formatEnd,
  relativeDayName,
  startOfWeek,
  weekDates,
  weekdayIndex
} from '@renderer/features/sessions/dates'
import { rulesSummary } from '@renderer/features/courses/CoursePanel'
import { PROTOCOL_TEMPLATES } from '@shared/domain/scheduling'

describe('agenda dates', () => {
  it('starts the week on Monday, across months and years', () => {
    expect(weekdayIndex('2026-03-09')).toBe(0) // a Monday
    expect(startOfWeek('2026-03-15')).toBe('2026-03-09') // Sunday → the Monday before
    expect(startOfWeek('2026-03-09')).toBe('2026-03-09')
    expect(startOfWeek('2027-01-01')).toBe('2026-12-28')
    expect(weekDates('2026-03-09')).toEqual(['2026-03-09', '2026-03-10', '2026-03-11', '2026-03-12', '2026-03-13', '2026-03-14', '2026-03-15'])
  })

  it('steps over the daylight-saving change without losing or repeating a day', () => {
    // US clocks go forward on Mar 8, 2026 and back on Nov 1, 2026.
    expect(weekDates('2026-03-02').at(-1)).toBe('2026-03-08')
    expect(startOfWeek('2026-11-01')).toBe('2026-10-26')
  })

  it('formats days and ranges in en-US without going through local time', () => {
    expect(formatDayHeading('2026-03-09')).toBe('Monday, March 9, 2026')
    expect(formatDateRange('2026-03-09', '2026-03-15')).toMatch(/^Mar 9\s*–\s*15, 2026$/)
    expect(relativeDayName('2026-03-10', '2026-03-09')).toBe('Tomorrow')
    expect(relativeDayName('2026-03-09', '2026-03-09')).toBe('Today')
    expect(relativeDayName('2026-03-12', '2026-03-09')).toBeNull()
  })

  it('formats clock times, ends and lengths', () => {
    expect(formatClock('09:00')).toBe('9:00 AM')
    expect(formatClock('14:30')).toBe('2:30 PM')
    expect(formatClock('00:05')).toBe('12:05 AM')
    expect(formatEnd('09:00', 180)).toBe('12:00 PM')
    expect(formatEnd('23:00', 90)).toBe('12:30 AM (next day)')
    expect(formatDuration(50)).toBe('50 min')
    expect(formatDuration(180)).toBe('3 h')
    expect(formatDuration(150)).toBe('2 h 30 min')
  })

  it('says a protocol’s rules in plain words', () => {
    expect(rulesSummary(PROTOCOL_TEMPLATES[0]!.rules)).toBe(
      'At least 3 days between dosings · at most 2 dosings in any 7 days · integration 1–3 days after each dosing · preparation before the first dosing'
    )
  })
})
