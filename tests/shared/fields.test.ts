import { describe, expect, it } from 'vitest'
import { clientInput, clientListInput } from '@shared/contracts/clients'
import { consentInput } from '@shared/contracts/consents'
import { insurancePolicyInput } from '@shared/contracts/insurance'
import { practiceInput } from '@shared/contracts/practice'
import { optionalEmail, optionalText, optionalZip, requiredText } from '@shared/contracts/fields'
import { localToday } from '@shared/domain/dates'
import { clientInput as validClient } from '../factories/clients'
import type { z } from 'zod'

/** Field path → first message, the way main reports it. */
const problems = (result: z.ZodSafeParseResult<unknown>): Record<string, string> => {
  const out: Record<string, string> = {}
  for (const issue of result.error?.issues ?? []) out[issue.path.join('.') || '(input)'] ??= issue.message
  return out
}

const tomorrow = () => {
  const d = new Date()
  d.setDate(d.getDate() + 1)
  return localToday(d)
}

describe('clientInput', () => {
  it('accepts the factory client and trims, normalizes and nulls empties', () => {
    const parsed = clientInput.parse(validClient({ legalFirstName: '  Maria ', email: 'Maria.Lopez@Example.COM', phone: '503.555.0142', suffix: '', state: 'or' }))
    expect(parsed.legalFirstName).toBe('Maria')
    expect(parsed.email).toBe('maria.lopez@example.com')
    expect(parsed.phone).toBe('(503) 555-0142')
    expect(parsed.suffix).toBeNull()
    expect(parsed.state).toBe('OR')
  })

  it.each([
    ["O'Brien", 'Siobhán'],
    ['García-López', 'María José'],
    ['Nguyễn', 'Thị Minh Khai'],
    ['李', '小龍'],
    ['Zuñiga y Ñúñez', 'Ægir'],
    ['A'.repeat(100), 'B'.repeat(100)]
  ])('accepts the name %s, %s', (last, first) => {
    const parsed = clientInput.parse(validClient({ legalLastName: last, legalFirstName: first }))
    expect(parsed.legalLastName).toBe(last)
    expect(parsed.legalFirstName).toBe(first)
  })

  it('accepts an APO AE address with ZIP+4, a territory, and a bare 9-digit ZIP', () => {
    expect(clientInput.parse(validClient({ addressLine1: 'Unit 2050 Box 4190', city: 'APO', state: 'AE', postalCode: '09096-4190' }))).toMatchObject({
      state: 'AE',
      postalCode: '09096-4190'
    })
    expect(clientInput.parse(validClient({ addressLine1: 'PSC 1234 Box 12345', city: 'FPO', state: 'AP', postalCode: '96349' })).state).toBe('AP')
    expect(clientInput.parse(validClient({ city: 'San Juan', state: 'PR', postalCode: '009011234' })).postalCode).toBe('00901-1234')
  })

  it('accepts a phone extension and a leap-day birth date', () => {
    const parsed = clientInput.parse(validClient({ phone: '503-555-0142 ext. 12', dateOfBirth: '2000-02-29' }))
    expect(parsed.phone).toBe('(503) 555-0142 x12')
  })

  it('rejects a date of birth in the future, before 1900, or not on the calendar', () => {
    expect(problems(clientInput.safeParse(validClient({ dateOfBirth: tomorrow() })))).toEqual({ dateOfBirth: 'Date of birth cannot be in the future' })
    expect(problems(clientInput.safeParse(validClient({ dateOfBirth: '1899-12-31' })))).toEqual({ dateOfBirth: 'Date of birth cannot be before 1900' })
    expect(problems(clientInput.safeParse(validClient({ dateOfBirth: '2023-02-29' })))).toEqual({ dateOfBirth: 'Date of birth should be a real date (YYYY-MM-DD)' })
    expect(problems(clientInput.safeParse(validClient({ dateOfBirth: '03/08/1985' })))).toEqual({ dateOfBirth: 'Date of birth should be a real date (YYYY-MM-DD)' })
  })

  it('rejects a 1 MB name with a message that names the limit and not the value', () => {
    const result = clientInput.safeParse(validClient({ legalFirstName: 'x'.repeat(1024 * 1024) }))
    expect(problems(result)).toEqual({ legalFirstName: 'Legal first name must be 100 characters or fewer' })
  })

  it('rejects a 101-character name', () => {
    expect(problems(clientInput.safeParse(validClient({ legalLastName: 'L'.repeat(101) })))).toEqual({
      legalLastName: 'Legal last name must be 100 characters or fewer'
    })
  })

  it('rejects missing and blank required fields by name', () => {
    const { legalLastName: _omit, ...rest } = validClient()
    expect(problems(clientInput.safeParse(rest))).toEqual({ legalLastName: 'Legal last name is required' })
    expect(problems(clientInput.safeParse(validClient({ legalFirstName: '   ' })))).toEqual({ legalFirstName: 'Legal first name is required — or tick “This client has one legal name”' })
    expect(problems(clientInput.safeParse(validClient({ dateOfBirth: '' })))).toEqual({ dateOfBirth: 'Date of birth is required' })
  })

  it('accepts a client with only the required fields, every optional key left out', () => {
    const parsed = clientInput.parse({ legalFirstName: 'Kai', legalLastName: 'Nakamura', dateOfBirth: '1990-07-04', sex: 'X', status: 'inquiry' })
    expect(parsed).toMatchObject({ state: null, intakeDate: null, prescriberNpi: null, email: null, postalCode: null })
  })

  it('names the field, not "Invalid input", when an optional field has the wrong type', () => {
    expect(problems(clientInput.safeParse(validClient({ intakeDate: 5 as unknown as string, state: 7 as unknown as string, prescriberNpi: true as unknown as string })))).toEqual({
      intakeDate: 'Intake date should be a real date (YYYY-MM-DD)',
      state: 'State should be a two-letter US state or territory code',
      prescriberNpi: 'Prescriber NPI should be exactly 10 digits'
    })
  })

  it('rejects unknown keys', () => {
    const result = clientInput.safeParse({ ...validClient(), ssn: '123-45-6789' })
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['ssn'] })
  })

  it('rejects wrong types with a readable message', () => {
    expect(problems(clientInput.safeParse(validClient({ legalFirstName: 42 as unknown as string })))).toEqual({ legalFirstName: 'Legal first name must be text' })
    expect(problems(clientInput.safeParse(validClient({ notes: { a: 1 } as unknown as string })))).toEqual({ notes: 'Notes must be text' })
    expect(problems(clientInput.safeParse(validClient({ status: 'happy' as 'active' })))).toEqual({ status: 'Choose a status from the list' })
    expect(problems(clientInput.safeParse(validClient({ sex: 'female' as 'F' })))).toEqual({ sex: 'Choose a sex from the list' })
    expect(clientInput.safeParse(null).success).toBe(false)
    expect(clientInput.safeParse('client').success).toBe(false)
  })

  it('rejects control characters, bad email, phone, ZIP, state and prescriber NPI', () => {
    expect(
      problems(
        clientInput.safeParse(
          validClient({
            legalFirstName: 'Ma\u0000ria',
            email: 'maria@',
            phone: '555-0142',
            postalCode: '9720',
            state: 'XX',
            prescriberNpi: '1234567894'
          })
        )
      )
    ).toEqual({
      legalFirstName: 'Legal first name contains characters that cannot be stored',
      email: 'Email is not a valid email address',
      phone: 'Phone should be a 10-digit US number like (555) 123-4567, or + and a country code',
      postalCode: 'ZIP code should be 5 digits, or ZIP+4 like 12345-6789',
      state: 'State should be a two-letter US state or territory code',
      prescriberNpi: 'Prescriber NPI check digit does not match — check for a typo'
    })
  })
})

describe('field helpers', () => {
  it('optional text turns empty into null and keeps tabs and newlines', () => {
    const notes = optionalText('Notes', 50)
    expect(notes.parse('')).toBeNull()
    expect(notes.parse('   ')).toBeNull()
    expect(notes.parse(undefined)).toBeNull()
    expect(notes.parse('line 1\n\tline 2')).toBe('line 1\n\tline 2')
  })

  it('required text counts characters after trimming', () => {
    expect(requiredText('Name', 3).parse('  abc  ')).toBe('abc')
  })

  it('email and ZIP normalize', () => {
    expect(optionalEmail('Email').parse(' A@B.CO ')).toBe('a@b.co')
    expect(optionalZip().parse('12345-6789')).toBe('12345-6789')
    expect(optionalZip().safeParse('12345-678').success).toBe(false)
  })
})

describe('other inputs', () => {
  it('list input fills defaults and caps page size', () => {
    expect(clientListInput.parse({})).toEqual({ search: '', statuses: [], archived: 'current', sort: 'name', direction: 'asc', page: 0, pageSize: 50 })
    expect(clientListInput.safeParse({ pageSize: 10_000 }).success).toBe(false)
    expect(clientListInput.safeParse({ sort: 'ssn' }).success).toBe(false)
  })

  it('insurance needs a subscriber name when the client is not the subscriber', () => {
    const base = { rank: 'primary', payerName: 'Aetna', memberId: 'W123456789', relationship: 'spouse' } as const
    expect(problems(insurancePolicyInput.safeParse(base))).toEqual({ subscriberName: 'Subscriber name is required when the client is not the subscriber' })
    expect(insurancePolicyInput.safeParse({ ...base, subscriberName: 'Luis López' }).success).toBe(true)
    expect(insurancePolicyInput.safeParse({ ...base, relationship: 'self' }).success).toBe(true)
  })

  it('a consent cannot be signed in the future', () => {
    expect(problems(consentInput.safeParse({ kind: 'kap', version: 'v1', signedOn: tomorrow() }))).toEqual({ signedOn: 'Signed date cannot be in the future' })
  })

  it('the practice profile checks NPI, EIN and requires ZIP and phone', () => {
    const profile = {
      practiceName: 'Cascade KAP', providerName: 'Dana Whitfield', providerCredentials: 'LCSW',
      individualNpi: '1234567893', ein: '45-3456789', licenseNumber: 'C12345', licenseState: 'OR',
      addressLine1: '1 Main St', city: 'Portland', state: 'OR', postalCode: '97205', phone: '503-555-0100', defaultPlaceOfService: '11'
    }
    expect(practiceInput.safeParse(profile).success).toBe(true)
    expect(problems(practiceInput.safeParse({ ...profile, individualNpi: '1234567894', postalCode: '', phone: null }))).toEqual({
      individualNpi: 'Individual NPI check digit does not match — check for a typo',
      postalCode: 'ZIP code is required',
      phone: 'Phone is required'
    })
    expect(problems(practiceInput.safeParse({ ...profile, organizationNpi: '12345' }))).toEqual({ organizationNpi: 'Organization NPI should be exactly 10 digits' })
  })
})
