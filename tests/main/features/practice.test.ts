import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Practice, PracticeInput } from '@shared/contracts/practice'
import { FIXED_NOW, openTestApp, type TestApp } from '../../factories/app'

let app: TestApp
beforeEach(async () => {
  app = await openTestApp()
})
afterEach(() => app.close())

const profile = (overrides: Partial<PracticeInput> = {}): PracticeInput => ({
  practiceName: 'Cascade Ketamine-Assisted Therapy, PLLC',
  providerName: 'Dana Whitfield-Nakamura',
  providerCredentials: 'PhD, LMFT',
  individualNpi: '1234567893',
  organizationNpi: '1245319599',
  ein: '453456789',
  licenseNumber: 'T1234',
  licenseState: 'OR',
  addressLine1: '1200 SW Main St',
  addressLine2: 'Suite 300',
  city: 'Portland',
  state: 'OR',
  postalCode: '97205-1234',
  phone: '503.555.0100 ext 2',
  defaultPlaceOfService: '11',
  ...overrides
})

describe('practice', () => {
  it('is null until first saved', async () => {
    expect(await app.ok('practice:get', {})).toBeNull()
  })

  it('saves a normalized profile and returns it', async () => {
    const saved = await app.ok<Practice>('practice:save', { profile: profile() })
    expect(saved).toEqual({
      ...profile(),
      ein: '45-3456789',
      phone: '(503) 555-0100 x2',
      updatedAt: FIXED_NOW
    })
    expect(await app.ok('practice:get', {})).toEqual(saved)
  })

  it('saving again updates the one profile', async () => {
    await app.ok('practice:save', { profile: profile() })
    const again = await app.ok<Practice>('practice:save', { profile: profile({ organizationNpi: '', addressLine2: null, defaultPlaceOfService: '10' }) })
    expect(again).toMatchObject({ organizationNpi: null, addressLine2: null, defaultPlaceOfService: '10' })
    expect(again.updatedAt > FIXED_NOW).toBe(true)
    expect(app.count('practice')).toBe(1)
  })

  it('rejects an NPI with a wrong check digit, and saves nothing', async () => {
    const error = await app.fail('practice:save', { profile: profile({ individualNpi: '1234567894' }) })
    expect(error).toEqual({
      code: 'invalid_input',
      message: 'Some fields need attention. Nothing was saved.',
      fields: { 'profile.individualNpi': 'Individual NPI check digit does not match — check for a typo' }
    })
    expect(app.count('practice')).toBe(0)
  })

  it('rejects an unissued EIN prefix, a missing phone and a bad place of service', async () => {
    const error = await app.fail('practice:save', { profile: profile({ ein: '07-1234567', phone: '', defaultPlaceOfService: '99' as '11' }) })
    expect(error.fields).toEqual({
      'profile.ein': 'Tax ID (EIN) starts with a prefix the IRS does not issue — check for a typo',
      'profile.phone': 'Phone is required',
      'profile.defaultPlaceOfService': 'Choose a place of service from the list'
    })
  })
})
