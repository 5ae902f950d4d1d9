import { describe, expect, it } from 'vitest'
import { einPrefixAssigned, normalizeEin } from '@shared/domain/ein'
import { ein } from '@shared/contracts/fields'

describe('EIN', () => {
  it('normalizes 9 digits with or without the dash', () => {
    expect(normalizeEin('123456789')).toBe('12-3456789')
    expect(normalizeEin('12-3456789')).toBe('12-3456789')
    expect(normalizeEin(' 12 3456789 ')).toBe('12-3456789')
  })

  it.each(['12345678', '1234567890', '12-345678a', 'AB-CDEFGHI', ''])('rejects the malformed %j', (value) => {
    expect(normalizeEin(value)).toBeNull()
  })

  it.each(['00', '07', '08', '09', '17', '18', '19', '28', '29', '49', '69', '70', '78', '79', '89', '96', '97'])(
    'knows the IRS never issued prefix %s',
    (prefix) => {
      expect(einPrefixAssigned(`${prefix}-1234567`)).toBe(false)
    }
  )

  it.each(['01', '10', '12', '20', '27', '45', '46', '98', '99'])('accepts the assigned prefix %s', (prefix) => {
    expect(einPrefixAssigned(`${prefix}-1234567`)).toBe(true)
  })

  it('the field schema returns the canonical form and says what is wrong', () => {
    expect(ein().parse('453456789')).toBe('45-3456789')
    const format = ein().safeParse('4534')
    expect(format.error?.issues[0]?.message).toBe('Tax ID (EIN) should look like 12-3456789')
    const prefix = ein().safeParse('07-1234567')
    expect(prefix.error?.issues[0]?.message).toMatch(/prefix the IRS does not issue/)
    // Messages never echo the value typed.
    expect(prefix.error?.issues[0]?.message).not.toContain('1234567')
  })
})
