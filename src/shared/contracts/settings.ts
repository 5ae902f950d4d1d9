import { z } from 'zod'
import { ANY_ROLE, OWNER_ONLY } from '../domain/roles'
import { defineContract } from './contract'
import { timestamp } from './fields'
import { vitalThresholdsSchema } from '../domain/vitals'

/** The shortest idle lock allowed; main skips its idle check for calls closer together than this. */
export const IDLE_LOCK_MIN_MINUTES = 1

export const IDLE_LOCK_CHOICES = [1, 2, 5, 10, 15, 30, 60] as const

export const practiceSettingsInput = z.strictObject({
  idleLockMinutes: z
    .int({ error: 'Choose how many minutes' })
    .min(IDLE_LOCK_MIN_MINUTES, { error: 'Lock after at least 1 minute' })
    .max(240, { error: 'Lock after at most 240 minutes' }),
  /** The practice's vitals flag thresholds (Settings → Clinical): left out, the stored ones stay; null goes back to the defaults. */
  vitalThresholds: vitalThresholdsSchema.nullish()
})

export const practiceSettings = z.strictObject({
  idleLockMinutes: z.int(),
  /** The stored thresholds, or DEFAULT_VITAL_THRESHOLDS when none were saved. */
  vitalThresholds: z.strictObject({
    preDoseSystolic: z.int(),
    preDoseDiastolic: z.int(),
    alertSystolic: z.int(),
    alertDiastolic: z.int(),
    heartRateHigh: z.int(),
    heartRateLow: z.int(),
    spo2Low: z.int()
  }),
  vitalThresholdsAreDefault: z.boolean(),
  updatedAt: timestamp.nullable()
})
export type PracticeSettings = z.infer<typeof practiceSettings>

/** Practice-wide settings (Settings → Security, and the vitals thresholds of Settings → Clinical). */
export const settingsContracts = {
  get: defineContract('settings:get', z.strictObject({}), practiceSettings, { roles: ANY_ROLE }),
  save: defineContract('settings:save', z.strictObject({ settings: practiceSettingsInput }), practiceSettings, {
    roles: OWNER_ONLY,
    audit: { action: 'update', entity: 'practice', target: () => ({ entityId: null, clientId: null }) }
  })
}
