/**
 * The vitals timeline of a dosing session: hard physiological limits (a reading outside them is a
 * typo and is refused) and the clinic's flag thresholds (a reading past them is shown, never refused).
 */
import { z } from 'zod'
import { storableText, strictObjectErrors } from './session-kinds'

/** A 24-hour clock time, HH:MM. Session times are same-day: a dosing session does not cross midnight. */
export const CLOCK_TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/

/** Minutes since midnight of an HH:MM time, or null when it is not one. */
export function minutesOfDay(time: string | null | undefined): number | null {
  if (!time || !CLOCK_TIME_PATTERN.test(time)) return null
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5))
}

export const VITAL_LIMITS = {
  systolic: { min: 40, max: 300, label: 'Systolic', unit: 'mmHg' },
  diastolic: { min: 20, max: 200, label: 'Diastolic', unit: 'mmHg' },
  heartRate: { min: 20, max: 250, label: 'Heart rate', unit: 'bpm' },
  spo2: { min: 50, max: 100, label: 'SpO2', unit: '%' }
} as const
export type VitalKey = keyof typeof VITAL_LIMITS

const reading = (key: VitalKey) => {
  const { min, max, label, unit } = VITAL_LIMITS[key]
  const range = `${label} must be between ${min} and ${max} ${unit}`
  return z
    .number({ error: `${label} must be a number` })
    .int({ error: `${label} must be a whole number` })
    .min(min, { error: range })
    .max(max, { error: range })
    .nullish()
}

export const vitalsRow = z
  .strictObject({
    // Made by the form when the row is added, so a row keeps its identity while others are edited.
    id: z.string({ error: 'Row ID is missing' }).min(1, { error: 'Row ID is missing' }).max(64, { error: 'Row ID is too long' }),
    time: z.string({ error: 'Time is required' }).regex(CLOCK_TIME_PATTERN, { error: 'Time should be HH:MM on a 24-hour clock, like 09:05 or 14:30' }),
    systolic: reading('systolic'),
    diastolic: reading('diastolic'),
    heartRate: reading('heartRate'),
    spo2: reading('spo2'),
    note: storableText('Note', 500)
  }, strictObjectErrors)
  .superRefine((row, ctx) => {
    const { systolic: sys, diastolic: dia } = row
    if ((sys == null) !== (dia == null)) {
      ctx.addIssue({ code: 'custom', path: [sys == null ? 'systolic' : 'diastolic'], message: 'Enter both systolic and diastolic, or neither' })
    } else if (sys != null && dia != null && dia >= sys) {
      ctx.addIssue({ code: 'custom', path: ['diastolic'], message: 'Diastolic must be lower than systolic' })
    }
  })
export type VitalsRow = z.infer<typeof vitalsRow>

export interface VitalThresholds {
  /** Before dosing, BP above this (systolic or diastolic) → "consider delaying". */
  preDoseSystolic: number
  preDoseDiastolic: number
  /** At any time, BP at or above this → alert. */
  alertSystolic: number
  alertDiastolic: number
  /** Heart rate above `heartRateHigh` or below `heartRateLow` → alert. */
  heartRateHigh: number
  heartRateLow: number
  /** SpO2 below this → alert. */
  spo2Low: number
}

/** DOMAIN.md's defaults; each practice may change them in Settings. */
export const DEFAULT_VITAL_THRESHOLDS: VitalThresholds = {
  preDoseSystolic: 140,
  preDoseDiastolic: 90,
  alertSystolic: 180,
  alertDiastolic: 110,
  heartRateHigh: 120,
  heartRateLow: 50,
  spo2Low: 92
}

const threshold = (label: string, key: VitalKey) => {
  const { min, max, unit } = VITAL_LIMITS[key]
  const range = `${label} must be a whole number between ${min} and ${max} ${unit}`
  return z.number({ error: range }).int({ error: range }).min(min, { error: range }).max(max, { error: range })
}

/** Thresholds as edited in Settings: each within the physiological limits, and each pair the right way round. */
export const vitalThresholdsSchema = z
  .strictObject({
    preDoseSystolic: threshold('Pre-dose systolic limit', 'systolic'),
    preDoseDiastolic: threshold('Pre-dose diastolic limit', 'diastolic'),
    alertSystolic: threshold('Alert systolic level', 'systolic'),
    alertDiastolic: threshold('Alert diastolic level', 'diastolic'),
    heartRateHigh: threshold('High heart rate alert', 'heartRate'),
    heartRateLow: threshold('Low heart rate alert', 'heartRate'),
    spo2Low: threshold('Low SpO2 alert', 'spo2')
  }, strictObjectErrors)
  .superRefine((t, ctx) => {
    const issue = (path: keyof VitalThresholds, message: string) => ctx.addIssue({ code: 'custom', path: [path], message })
    if (t.preDoseSystolic > t.alertSystolic) issue('preDoseSystolic', 'The pre-dose systolic limit cannot be above the alert level')
    if (t.preDoseDiastolic > t.alertDiastolic) issue('preDoseDiastolic', 'The pre-dose diastolic limit cannot be above the alert level')
    if (t.preDoseDiastolic >= t.preDoseSystolic) issue('preDoseDiastolic', 'The pre-dose diastolic limit must be lower than the systolic limit')
    if (t.alertDiastolic >= t.alertSystolic) issue('alertDiastolic', 'The alert diastolic level must be lower than the systolic level')
    if (t.heartRateLow >= t.heartRateHigh) issue('heartRateLow', 'The low heart rate alert must be below the high one')
  })

export interface VitalFlag {
  level: 'alert' | 'caution'
  field: 'bp' | 'heartRate' | 'spo2'
  message: string
}

type Readings = Pick<VitalsRow, 'systolic' | 'diastolic' | 'heartRate' | 'spo2'>

/** A reading the schema would accept, else null: an impossible value is a typo its field reports, never an alert. */
const possible = (key: VitalKey, value: number | null | undefined): number | null =>
  typeof value === 'number' && Number.isInteger(value) && value >= VITAL_LIMITS[key].min && value <= VITAL_LIMITS[key].max ? value : null

/**
 * What a row's readings call for. A BP at the alert level is one alert (not also a pre-dose
 * caution); a half-entered BP is judged on the half that is there.
 */
export function vitalFlags(row: Readings, t: VitalThresholds, opts: { preDose: boolean }): VitalFlag[] {
  const flags: VitalFlag[] = []
  const sys = possible('systolic', row.systolic)
  const dia = possible('diastolic', row.diastolic)
  if (sys !== null || dia !== null) {
    const bp = `${sys ?? '–'}/${dia ?? '–'}`
    if ((sys !== null && sys >= t.alertSystolic) || (dia !== null && dia >= t.alertDiastolic)) {
      flags.push({ level: 'alert', field: 'bp', message: `BP ${bp} is at or above the alert level of ${t.alertSystolic}/${t.alertDiastolic}` })
    } else if (opts.preDose && ((sys !== null && sys > t.preDoseSystolic) || (dia !== null && dia > t.preDoseDiastolic))) {
      flags.push({ level: 'caution', field: 'bp', message: `BP ${bp} is above ${t.preDoseSystolic}/${t.preDoseDiastolic} before dosing: consider delaying` })
    }
  }
  const hr = possible('heartRate', row.heartRate)
  if (hr !== null && hr > t.heartRateHigh) flags.push({ level: 'alert', field: 'heartRate', message: `Heart rate ${hr} is above ${t.heartRateHigh} bpm` })
  if (hr !== null && hr < t.heartRateLow) flags.push({ level: 'alert', field: 'heartRate', message: `Heart rate ${hr} is below ${t.heartRateLow} bpm` })
  const spo2 = possible('spo2', row.spo2)
  if (spo2 !== null && spo2 < t.spo2Low) flags.push({ level: 'alert', field: 'spo2', message: `SpO2 ${spo2} % is below ${t.spo2Low} %` })
  return flags
}
