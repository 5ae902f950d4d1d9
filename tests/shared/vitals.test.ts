import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import {
  DEFAULT_VITAL_THRESHOLDS as T,
  VITAL_LIMITS,
  minutesOfDay,
  vitalFlags,
  vitalThresholdsSchema,
  vitalsRow
} from '@shared/domain/vitals'

/** Field path → first message. */
const problems = (result: z.ZodSafeParseResult<unknown>): Record<string, string> => {
  const out: Record<string, string> = {}
  for (const issue of result.error?.issues ?? []) out[issue.path.join('.') || '(input)'] ??= issue.message
  return out
}

const row = (over: Record<string, unknown> = {}) => ({ id: 'r1', time: '09:30', systolic: 128, diastolic: 82, heartRate: 72, spo2: 98, note: null, ...over })

describe('vitalsRow', () => {
  it('accepts a full reading, a row with only some readings, and one with none', () => {
    expect(vitalsRow.safeParse(row()).success).toBe(true)
    expect(vitalsRow.safeParse({ id: 'r2', time: '10:10', spo2: 97 }).success).toBe(true)
    expect(vitalsRow.safeParse({ id: 'r3', time: '23:59', note: 'Resting, eyes closed' }).success).toBe(true)
  })

  it.each([
    [{ systolic: 900 }, 'systolic', 'Systolic must be between 40 and 300 mmHg'],
    [{ systolic: 39 }, 'systolic', 'Systolic must be between 40 and 300 mmHg'],
    [{ diastolic: 201, systolic: 250 }, 'diastolic', 'Diastolic must be between 20 and 200 mmHg'],
    [{ heartRate: 19 }, 'heartRate', 'Heart rate must be between 20 and 250 bpm'],
    [{ heartRate: 251 }, 'heartRate', 'Heart rate must be between 20 and 250 bpm'],
    [{ spo2: 120 }, 'spo2', 'SpO2 must be between 50 and 100 %'],
    [{ spo2: 49 }, 'spo2', 'SpO2 must be between 50 and 100 %'],
    [{ heartRate: 72.5 }, 'heartRate', 'Heart rate must be a whole number'],
    [{ spo2: '98' }, 'spo2', 'SpO2 must be a number']
  ])('refuses %j', (over, path, message) => {
    expect(problems(vitalsRow.safeParse(row(over)))[path]).toBe(message)
  })

  it('accepts the limits themselves', () => {
    const { systolic: s, diastolic: d, heartRate: h, spo2: o } = VITAL_LIMITS
    expect(vitalsRow.safeParse(row({ systolic: s.max, diastolic: d.max, heartRate: h.max, spo2: o.max })).success).toBe(true)
    expect(vitalsRow.safeParse(row({ systolic: s.min, diastolic: d.min, heartRate: h.min, spo2: o.min })).success).toBe(true)
  })

  it('wants both BP values or neither', () => {
    expect(problems(vitalsRow.safeParse(row({ diastolic: null })))).toEqual({ diastolic: 'Enter both systolic and diastolic, or neither' })
    expect(problems(vitalsRow.safeParse(row({ systolic: undefined })))).toEqual({ systolic: 'Enter both systolic and diastolic, or neither' })
    expect(vitalsRow.safeParse(row({ systolic: null, diastolic: null })).success).toBe(true)
  })

  it('wants diastolic lower than systolic', () => {
    expect(problems(vitalsRow.safeParse(row({ systolic: 80, diastolic: 80 })))).toEqual({ diastolic: 'Diastolic must be lower than systolic' })
    expect(problems(vitalsRow.safeParse(row({ systolic: 80, diastolic: 120 })))).toEqual({ diastolic: 'Diastolic must be lower than systolic' })
  })

  it.each(['9:30', '24:00', '12:60', '0930', '', '09:30:00'])('refuses the time %j', (time) => {
    expect(problems(vitalsRow.safeParse(row({ time })))).toEqual({ time: 'Time should be HH:MM on a 24-hour clock, like 09:05 or 14:30' })
  })

  it('limits the note and refuses text that cannot be stored', () => {
    expect(problems(vitalsRow.safeParse(row({ note: 'x'.repeat(501) })))).toEqual({ note: 'Note must be 500 characters or fewer' })
    expect(problems(vitalsRow.safeParse(row({ note: 'a\u0000b' })))).toEqual({ note: 'Note contains characters that cannot be stored' })
  })

  it('needs an ID of 1–64 characters and refuses unknown fields in plain words', () => {
    expect(problems(vitalsRow.safeParse(row({ id: '' })))).toEqual({ id: 'Row ID is missing' })
    expect(problems(vitalsRow.safeParse(row({ id: 'x'.repeat(65) })))).toEqual({ id: 'Row ID is too long' })
    expect(problems(vitalsRow.safeParse(row({ temperature: 37 })))).toEqual({ '(input)': 'This field is not accepted here' })
  })
})

describe('minutesOfDay', () => {
  it('reads HH:MM and nothing else', () => {
    expect(minutesOfDay('00:00')).toBe(0)
    expect(minutesOfDay('09:05')).toBe(545)
    expect(minutesOfDay('23:59')).toBe(1439)
    expect(minutesOfDay('24:00')).toBeNull()
    expect(minutesOfDay('')).toBeNull()
    expect(minutesOfDay(null)).toBeNull()
  })
})

describe('vitalThresholdsSchema', () => {
  it('accepts the defaults', () => {
    expect(vitalThresholdsSchema.parse(T)).toEqual(T)
    expect(T).toEqual({ preDoseSystolic: 140, preDoseDiastolic: 90, alertSystolic: 180, alertDiastolic: 110, heartRateHigh: 120, heartRateLow: 50, spo2Low: 92 })
  })

  it('keeps each threshold within the physiological limits', () => {
    expect(problems(vitalThresholdsSchema.safeParse({ ...T, spo2Low: 101 }))).toEqual({ spo2Low: 'Low SpO2 alert must be a whole number between 50 and 100 %' })
    expect(problems(vitalThresholdsSchema.safeParse({ ...T, alertSystolic: 400 }))).toEqual({
      alertSystolic: 'Alert systolic level must be a whole number between 40 and 300 mmHg'
    })
  })

  it('keeps each pair the right way round', () => {
    expect(problems(vitalThresholdsSchema.safeParse({ ...T, preDoseSystolic: 190 }))).toEqual({
      preDoseSystolic: 'The pre-dose systolic limit cannot be above the alert level'
    })
    expect(problems(vitalThresholdsSchema.safeParse({ ...T, heartRateLow: 130 }))).toEqual({ heartRateLow: 'The low heart rate alert must be below the high one' })
    expect(problems(vitalThresholdsSchema.safeParse({ ...T, alertDiastolic: 180 }))).toEqual({
      alertDiastolic: 'The alert diastolic level must be lower than the systolic level'
    })
  })
})

const flags = (over: Record<string, unknown>, preDose = false) => vitalFlags(row(over) as Parameters<typeof vitalFlags>[0], T, { preDose })

describe('vitalFlags', () => {
  it('a normal row raises nothing, before or after dosing', () => {
    expect(flags({}, true)).toEqual([])
    expect(flags({})).toEqual([])
  })

  it('before dosing, BP above 140/90 is a caution; exactly 140/90 is not', () => {
    expect(flags({ systolic: 150, diastolic: 95 }, true)).toEqual([
      { level: 'caution', field: 'bp', message: 'BP 150/95 is above 140/90 before dosing: consider delaying' }
    ])
    expect(flags({ systolic: 141, diastolic: 80 }, true)).toHaveLength(1)
    expect(flags({ systolic: 130, diastolic: 91 }, true)).toHaveLength(1)
    expect(flags({ systolic: 140, diastolic: 90 }, true)).toEqual([])
  })

  it('after dosing, the same BP raises nothing', () => {
    expect(flags({ systolic: 150, diastolic: 95 })).toEqual([])
  })

  it('BP at or above 180/110 is an alert, before or after dosing, and only one BP flag', () => {
    const alert = { level: 'alert', field: 'bp', message: 'BP 180/100 is at or above the alert level of 180/110' }
    expect(flags({ systolic: 180, diastolic: 100 })).toEqual([alert])
    expect(flags({ systolic: 180, diastolic: 100 }, true)).toEqual([alert])
    expect(flags({ systolic: 170, diastolic: 110 })).toEqual([{ ...alert, message: 'BP 170/110 is at or above the alert level of 180/110' }])
    expect(flags({ systolic: 179, diastolic: 109 })).toEqual([])
  })

  it('heart rate above 120 or below 50 is an alert; 120 and 50 are not', () => {
    expect(flags({ heartRate: 121 })).toEqual([{ level: 'alert', field: 'heartRate', message: 'Heart rate 121 is above 120 bpm' }])
    expect(flags({ heartRate: 49 })).toEqual([{ level: 'alert', field: 'heartRate', message: 'Heart rate 49 is below 50 bpm' }])
    expect(flags({ heartRate: 120 })).toEqual([])
    expect(flags({ heartRate: 50 })).toEqual([])
  })

  it('SpO2 below 92 % is an alert; 92 % is not', () => {
    expect(flags({ spo2: 91 })).toEqual([{ level: 'alert', field: 'spo2', message: 'SpO2 91 % is below 92 %' }])
    expect(flags({ spo2: 92 })).toEqual([])
  })

  it('uses the practice’s own thresholds', () => {
    const strict = { ...T, preDoseSystolic: 130, preDoseDiastolic: 85, spo2Low: 94 }
    expect(vitalFlags({ systolic: 135, diastolic: 80, spo2: 93 }, strict, { preDose: true }).map((f) => f.message)).toEqual([
      'BP 135/80 is above 130/85 before dosing: consider delaying',
      'SpO2 93 % is below 94 %'
    ])
  })

  it('judges a half-entered BP on the half that is there, and an empty row on nothing', () => {
    expect(vitalFlags({ systolic: 190 }, T, { preDose: false })).toEqual([
      { level: 'alert', field: 'bp', message: 'BP 190/– is at or above the alert level of 180/110' }
    ])
    expect(vitalFlags({}, T, { preDose: true })).toEqual([])
  })
})

describe('vitalFlags: an impossible value is a typo, not a clinical alert', () => {
  it('raises nothing for readings outside the physiological limits (the field shows its own message)', () => {
    expect(flags({ heartRate: 999 })).toEqual([])
    expect(flags({ heartRate: 7 })).toEqual([])
    expect(flags({ spo2: 20 })).toEqual([])
    expect(flags({ spo2: 101 })).toEqual([])
    expect(flags({ systolic: 1200, diastolic: 80 })).toEqual([])
    expect(flags({ systolic: 120, diastolic: 900 })).toEqual([])
    expect(flags({ heartRate: 72.5 })).toEqual([])
  })

  it('still flags a possible reading beside an impossible one', () => {
    expect(flags({ heartRate: 999, spo2: 88 })).toEqual([{ level: 'alert', field: 'spo2', message: 'SpO2 88 % is below 92 %' }])
  })
})
