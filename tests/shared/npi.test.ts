import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isValidNpi, npiCheckDigit, npiProblem } from '@shared/domain/npi'

// 1234567893 is CMS's worked example; the others are check-digit-valid NPIs of the same form.
const VALID = ['1234567893', '1245319599', '1003000126']

describe('NPI', () => {
  it.each(VALID)('accepts %s', (npi) => {
    expect(npiProblem(npi)).toBeNull()
    expect(isValidNpi(npi)).toBe(true)
  })

  it('computes the CMS example check digit', () => {
    expect(npiCheckDigit('123456789')).toBe(3)
  })

  it('reports a one-digit typo as a check-digit problem', () => {
    expect(npiProblem('1234567894')).toBe('check_digit')
    expect(npiProblem('1234557893')).toBe('check_digit')
  })

  it.each(['', '123456789', '12345678931', '12345-6789', '123456789O', ' 1234567893'])('reports %j as a format problem', (npi) => {
    expect(npiProblem(npi)).toBe('format')
  })

  const nineDigits = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 }).map((d) => d.join(''))

  it('any 9 digits plus the computed check digit is valid', () => {
    fc.assert(
      fc.property(nineDigits, (first) => {
        expect(npiProblem(`${first}${npiCheckDigit(first)}`)).toBeNull()
      })
    )
  })

  it('changing any single digit of a valid NPI makes it invalid', () => {
    fc.assert(
      fc.property(nineDigits, fc.integer({ min: 0, max: 9 }), fc.integer({ min: 1, max: 9 }), (first, position, delta) => {
        const npi = `${first}${npiCheckDigit(first)}`
        const changed = (Number(npi[position]) + delta) % 10
        const typo = `${npi.slice(0, position)}${changed}${npi.slice(position + 1)}`
        expect(npiProblem(typo)).toBe('check_digit')
      })
    )
  })
})
