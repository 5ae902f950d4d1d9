import { describe, expect, it } from 'vitest'
import { normalizePhone, phoneDigits } from '@shared/domain/phone'

describe('normalizePhone', () => {
  it.each([
    ['5035550142', '(503) 555-0142'],
    ['503-555-0142', '(503) 555-0142'],
    ['(503) 555-0142', '(503) 555-0142'],
    ['503.555.0142', '(503) 555-0142'],
    ['+1 503 555 0142', '(503) 555-0142'],
    ['1-503-555-0142', '(503) 555-0142'],
    ['787-555-0100', '(787) 555-0100'], // Puerto Rico is NANP
    ['671 555 0100', '(671) 555-0100'] // Guam too
  ])('writes the NANP number %j as %j', (typed, stored) => {
    expect(normalizePhone(typed)).toBe(stored)
  })

  it.each([
    ['503-555-0142 x12', '(503) 555-0142 x12'],
    ['503-555-0142 ext. 345', '(503) 555-0142 x345'],
    ['(503) 555-0142 ext 7', '(503) 555-0142 x7'],
    ['503 555 0142 extension 4410', '(503) 555-0142 x4410'],
    ['5035550142#99', '(503) 555-0142 x99']
  ])('keeps the extension of %j', (typed, stored) => {
    expect(normalizePhone(typed)).toBe(stored)
  })

  it('keeps international numbers as + and digits', () => {
    expect(normalizePhone('+44 20 7946 0958')).toBe('+442079460958')
    expect(normalizePhone('+81 3-1234-5678')).toBe('+81312345678')
  })

  it.each(['', 'call me', '555-0142', '123-456-7890', '503-055-0142', '503-555-01423', '+44 12', '503-555-0142 xabc', '503 555 0142 x1234567', 'DROP TABLE'])(
    'rejects %j',
    (typed) => {
      expect(normalizePhone(typed)).toBeNull()
    }
  )

  it('phoneDigits keeps digits only', () => {
    expect(phoneDigits('(503) 555-0142 x12')).toBe('503555014212')
  })
})
