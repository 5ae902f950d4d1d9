/** Names and identifiers refuse bidirectional control characters (issue 13): they make text display as something else. */
import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { providerInput } from '@shared/contracts/billing'
import { optionalName, requiredName } from '@shared/contracts/fields'
import { insurancePolicyInput } from '@shared/contracts/insurance'
import { userProfileInput } from '@shared/contracts/users'

const BIDI = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069']
const fieldErrors = (r: z.ZodSafeParseResult<unknown>) =>
  r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]))

describe('requiredName / optionalName', () => {
  it.each(BIDI.map((c) => [`U+${c.codePointAt(0)!.toString(16).toUpperCase()}`, c]))('refuse %s with a message naming the field', (_code, c) => {
    expect(fieldErrors(requiredName('Legal last name', 100).safeParse(`Smith${c}`))).toEqual({
      '': 'Legal last name contains hidden characters that change how text displays — retype it instead of pasting'
    })
    expect(optionalName('Member ID', 50).safeParse(`W12${c}34`).success).toBe(false)
  })

  it('keep right-to-left text itself, marks and empty values', () => {
    expect(requiredName('Name', 100).parse('مريم')).toBe('مريم')
    expect(requiredName('Name', 100).parse('כהן\u200F')).toBe('כהן\u200F')
    expect(optionalName('Name', 100).parse('')).toBeNull()
  })
})

describe('the contracts use them for names and identifiers', () => {
  it('user display names and credentials', () => {
    expect(Object.keys(fieldErrors(userProfileInput.safeParse({ displayName: 'Dana\u202E Ames', credentials: 'LM\u2066FT' })))).toEqual(['displayName', 'credentials'])
  })

  it('insurance member ID, group number, payer and subscriber', () => {
    const policy = { rank: 'primary', payerName: 'Aet\u202Ena', payerId: '600\u202D54', memberId: 'W123\u2067456789', groupNumber: 'G\u2069-42', relationship: 'spouse', subscriberName: 'Al\u202Bex' }
    expect(Object.keys(fieldErrors(insurancePolicyInput.safeParse(policy))).sort()).toEqual(['groupNumber', 'memberId', 'payerId', 'payerName', 'subscriberName'])
  })

  it('provider NPI, licence number and credentials', () => {
    const provider = { npi: '\u202E1234567893', licenseNumber: 'PSY\u202E 77', licenseState: 'OR', taxonomyCode: null, credentials: 'Psy\u2068D' }
    expect(Object.keys(fieldErrors(providerInput.safeParse(provider))).sort()).toEqual(['credentials', 'licenseNumber', 'npi'])
  })
})
