import { describe, expect, it } from 'vitest'
import { addBusinessDays, businessDaysBetween, federalHolidays, isBusinessDay } from '@shared/domain/business-days'
import { disputeFlag, gfeDeadline, gfeTimeliness } from '@shared/domain/good-faith-estimate'

describe('federal holidays', () => {
  it('lists the eleven observed holidays of 2026 (July 4 on a Saturday is observed Friday July 3)', () => {
    expect(federalHolidays(2026)).toEqual([
      '2026-01-01', '2026-01-19', '2026-02-16', '2026-05-25', '2026-06-19', '2026-07-03', '2026-09-07', '2026-10-12', '2026-11-11', '2026-11-26', '2026-12-25'
    ])
  })

  it('moves Saturday holidays to Friday and Sunday ones to Monday, across the year end', () => {
    const y2027 = federalHolidays(2027)
    expect(y2027).toContain('2027-06-18') // Juneteenth, Saturday
    expect(y2027).toContain('2027-07-05') // Independence Day, Sunday
    expect(y2027).toContain('2027-12-24') // Christmas, Saturday
    expect(y2027).toContain('2027-12-31') // New Year's Day 2028 is a Saturday: observed in 2027
    expect(y2027).toHaveLength(12)
    expect(federalHolidays(2028)).not.toContain('2028-01-01')
    expect(federalHolidays(2023)[0]).toBe('2023-01-02') // Sunday New Year → Monday
  })

  it('a business day is a weekday that is not an observed holiday', () => {
    expect(isBusinessDay('2026-03-06')).toBe(true) // Friday
    expect(isBusinessDay('2026-03-07')).toBe(false) // Saturday
    expect(isBusinessDay('2026-07-03')).toBe(false) // observed Independence Day
    expect(isBusinessDay('2026-07-04')).toBe(false) // Saturday anyway
    expect(isBusinessDay('2027-07-05')).toBe(false)
  })
})

describe('business-day arithmetic', () => {
  it('skips weekends and holidays; the start day never counts', () => {
    expect(addBusinessDays('2026-03-06', 1)).toBe('2026-03-09') // Fri → Mon
    expect(addBusinessDays('2026-03-05', 3)).toBe('2026-03-10') // Thu → Tue
    expect(addBusinessDays('2026-07-02', 1)).toBe('2026-07-06') // Thu → (Fri Jul 3 observed) → Mon
    expect(addBusinessDays('2026-11-25', 1)).toBe('2026-11-27') // over Thanksgiving
    expect(addBusinessDays('2026-12-24', 3)).toBe('2026-12-30') // Christmas, weekend
    expect(addBusinessDays('2027-12-23', 1)).toBe('2027-12-27') // Fri Dec 24 observed
    expect(addBusinessDays('2027-12-30', 1)).toBe('2028-01-03') // Fri Dec 31 observed, weekend
  })

  it('counts business days after the first date up to and including the second', () => {
    expect(businessDaysBetween('2026-03-02', '2026-03-05')).toBe(3) // Mon → Thu
    expect(businessDaysBetween('2026-03-06', '2026-03-09')).toBe(1) // Fri → Mon
    expect(businessDaysBetween('2026-03-09', '2026-03-09')).toBe(0)
    expect(businessDaysBetween('2026-03-10', '2026-03-09')).toBe(0)
    expect(businessDaysBetween('2026-06-29', '2026-07-10')).toBe(8) // Jul 3 is off
  })
})

describe('Good Faith Estimate deadline', () => {
  it('≥ 10 business days ahead: within 3 business days of scheduling', () => {
    // Scheduled Monday Mar 2 for Mar 20 (14 business days ahead) → due Thursday Mar 5.
    expect(gfeDeadline({ kind: 'scheduled', scheduledOn: '2026-03-02', serviceOn: '2026-03-20' })).toBe('2026-03-05')
    // Scheduled Wednesday Jul 1 for Jul 31: due Tuesday Jul 7 (Fri Jul 3 and the weekend are not business days).
    expect(gfeDeadline({ kind: 'scheduled', scheduledOn: '2026-07-01', serviceOn: '2026-07-31' })).toBe('2026-07-07')
  })

  it('3 to 9 business days ahead: within 1 business day; fewer than 3: no deadline', () => {
    expect(gfeDeadline({ kind: 'scheduled', scheduledOn: '2026-03-06', serviceOn: '2026-03-13' })).toBe('2026-03-09') // Fri, 5 ahead → Mon
    expect(gfeDeadline({ kind: 'scheduled', scheduledOn: '2026-03-02', serviceOn: '2026-03-05' })).toBe('2026-03-03') // exactly 3
    expect(gfeDeadline({ kind: 'scheduled', scheduledOn: '2026-03-02', serviceOn: '2026-03-04' })).toBeNull() // 2 ahead
    // 9 business days ahead over Thanksgiving still gets the 1-day rule; the next business day is Friday.
    expect(gfeDeadline({ kind: 'scheduled', scheduledOn: '2026-11-25', serviceOn: '2026-12-09' })).toBe('2026-11-27')
  })

  it('on request: within 3 business days of the request', () => {
    expect(gfeDeadline({ kind: 'requested', requestedOn: '2026-12-23' })).toBe('2026-12-29')
  })

  it('says on time or late against the issue date', () => {
    expect(gfeTimeliness('2026-03-05', '2026-03-05')).toBe('on_time')
    expect(gfeTimeliness('2026-03-05', '2026-03-06')).toBe('late')
    expect(gfeTimeliness(null, '2026-03-06')).toBe('no_deadline')
  })
})

describe('the $400 rule', () => {
  it('flags billed amounts $400.00 or more over the estimate, with the window 120 days after the bill', () => {
    expect(disputeFlag(300_000, 339_999, '2026-04-01')).toBeNull()
    expect(disputeFlag(300_000, 340_000, '2026-04-01')).toEqual({ overByCents: 40_000, windowEndsOn: '2026-07-30' })
    expect(disputeFlag(300_000, 250_000, '2026-04-01')).toBeNull()
    expect(disputeFlag(0, 40_000, '2026-12-15')?.windowEndsOn).toBe('2027-04-14')
  })
})
