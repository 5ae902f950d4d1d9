import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { PracticeSettings } from '@shared/contracts/settings'
import { DEFAULT_VITAL_THRESHOLDS } from '@shared/domain/vitals'
import { openTestApp, type TestApp } from '../../factories/app'
import { ADMIN, openAs } from '../../factories/clinical'

let app: TestApp
beforeEach(async () => {
  app = await openTestApp({ file: true })
})
afterEach(() => app.close())

const strict = { preDoseSystolic: 130, preDoseDiastolic: 85, alertSystolic: 170, alertDiastolic: 105, heartRateHigh: 110, heartRateLow: 55, spo2Low: 94 }

describe('settings: vitals thresholds', () => {
  it('answers the defaults until the practice saves its own', async () => {
    expect(await app.ok<PracticeSettings>('settings:get', {})).toEqual({
      idleLockMinutes: 10, vitalThresholds: DEFAULT_VITAL_THRESHOLDS, vitalThresholdsAreDefault: true, updatedAt: null
    })
  })

  it('saves them with the other settings; leaving them out keeps them; null goes back to the defaults', async () => {
    const saved = await app.ok<PracticeSettings>('settings:save', { settings: { idleLockMinutes: 5, vitalThresholds: strict } })
    expect(saved).toMatchObject({ idleLockMinutes: 5, vitalThresholds: strict, vitalThresholdsAreDefault: false })
    expect(await app.ok<PracticeSettings>('settings:save', { settings: { idleLockMinutes: 15 } })).toMatchObject({ idleLockMinutes: 15, vitalThresholds: strict })
    expect(await app.ok<PracticeSettings>('settings:save', { settings: { idleLockMinutes: 15, vitalThresholds: null } })).toMatchObject({
      vitalThresholds: DEFAULT_VITAL_THRESHOLDS,
      vitalThresholdsAreDefault: true
    })
  })

  it('refuses thresholds outside physiological limits or the wrong way round, naming the field', async () => {
    const error = await app.fail('settings:save', { settings: { idleLockMinutes: 10, vitalThresholds: { ...strict, alertSystolic: 900, spo2Low: 120 } } })
    expect(error.fields).toEqual({
      'settings.vitalThresholds.alertSystolic': 'Alert systolic level must be a whole number between 40 and 300 mmHg',
      'settings.vitalThresholds.spo2Low': 'Low SpO2 alert must be a whole number between 50 and 100 %'
    })
    expect((await app.fail('settings:save', { settings: { idleLockMinutes: 10, vitalThresholds: { ...strict, heartRateLow: 130 } } })).fields).toEqual({
      'settings.vitalThresholds.heartRateLow': 'The low heart rate alert must be below the high one'
    })
    expect((await app.ok<PracticeSettings>('settings:get', {})).vitalThresholdsAreDefault).toBe(true)
  })

  it('are the owner’s to change; everyone may read them', async () => {
    const admin = await openAs(app, ADMIN)
    const clinician = await openAs(app, { id: null, label: 'Clinician', role: 'clinician' }, 20_000)
    try {
      expect((await admin.ok<PracticeSettings>('settings:get', {})).vitalThresholds).toEqual(DEFAULT_VITAL_THRESHOLDS)
      expect((await admin.fail('settings:save', { settings: { idleLockMinutes: 10, vitalThresholds: strict } })).code).toBe('forbidden')
      expect((await clinician.fail('settings:save', { settings: { idleLockMinutes: 10, vitalThresholds: strict } })).code).toBe('forbidden')
    } finally {
      admin.close()
      clinician.close()
    }
  })
})
