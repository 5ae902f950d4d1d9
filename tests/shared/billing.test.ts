import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  agingBucket, billingEventOf, containsCardNumber, formatInvoiceNumber, invoiceStatus, isModifier, isServiceCode, luhnValid, modifiersFor, parseInvoiceNumber
} from '@shared/domain/billing'

describe('codes and modifiers', () => {
  it('accepts CPT, Category III and HCPCS shapes only', () => {
    for (const code of ['90837', '0820T', '0001U', '3074F', 'J3490', 'G2082', 'X9001']) expect(isServiceCode(code)).toBe(true)
    for (const code of ['9083', '908377', '0820X', 'JJ490', 'j3490', '', '90837 ']) expect(isServiceCode(code)).toBe(false)
    expect(isModifier('95')).toBe(true)
    expect(isModifier('GT')).toBe(true)
    expect(isModifier('9')).toBe(false)
    expect(isModifier('GTX')).toBe(false)
  })

  it('adds 95 for telehealth places of service, once and within four', () => {
    expect(modifiersFor([], '10')).toEqual(['95'])
    expect(modifiersFor(['25'], '02')).toEqual(['25', '95'])
    expect(modifiersFor(['95'], '02')).toEqual(['95'])
    expect(modifiersFor([], '11')).toEqual([])
    expect(modifiersFor(['25', '59', 'GT', 'GA'], '10')).toEqual(['25', '59', 'GT', 'GA'])
  })

  it('bills completed sessions by kind, late cancellations and no-shows by their fee, nothing else', () => {
    expect(billingEventOf('dosing', 'completed')).toBe('dosing')
    expect(billingEventOf('dosing', 'late_cancelled')).toBe('late_cancel')
    expect(billingEventOf('intake', 'no_show')).toBe('no_show')
    expect(billingEventOf('dosing', 'scheduled')).toBeNull()
    expect(billingEventOf('dosing', 'cancelled')).toBeNull()
  })
})

describe('card numbers', () => {
  it('refuses 13–19 Luhn-valid digits, grouped or not; a check number or last 4 pass', () => {
    expect(luhnValid('4242424242424242')).toBe(true)
    for (const s of ['4242424242424242', '4242 4242 4242 4242', '4111-1111-1111-1111', 'Visa 378282246310005', '6011111111111117']) expect(containsCardNumber(s)).toBe(true)
    for (const s of ['4242', 'Check 1042', '4242424242424241', 'ref 20260308', '', 'Visa ending 4242']) expect(containsCardNumber(s)).toBe(false)
  })
})

describe('invoice numbers', () => {
  it('INV-YYYY-NNNN, parsed back, sorting in order', () => {
    expect(formatInvoiceNumber(2026, 1)).toBe('INV-2026-0001')
    expect(formatInvoiceNumber(2026, 12345)).toBe('INV-2026-12345')
    expect(parseInvoiceNumber('INV-2026-0042')).toEqual({ year: 2026, seq: 42 })
    expect(parseInvoiceNumber('INV-26-1')).toBeNull()
    expect(() => formatInvoiceNumber(2026, 0)).toThrow(/out of range/)
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2100 }), fc.integer({ min: 1, max: 9998 }), (year, seq) => {
        expect(parseInvoiceNumber(formatInvoiceNumber(year, seq))).toEqual({ year, seq })
        expect(formatInvoiceNumber(year, seq) < formatInvoiceNumber(year, seq + 1)).toBe(true)
      })
    )
  })

  it('an issued invoice is issued, partially paid or paid by what is open', () => {
    expect(invoiceStatus('issued', 600, 600)).toBe('issued')
    expect(invoiceStatus('issued', 600, 350)).toBe('partially_paid')
    expect(invoiceStatus('issued', 600, 0)).toBe('paid')
    expect(invoiceStatus('void', 600, 600)).toBe('void')
    expect(invoiceStatus('draft', 600, 600)).toBe('draft')
  })
})

describe('aging', () => {
  it('buckets by days since issue: 0–30, 31–60, 61–90, over 90', () => {
    expect(agingBucket('2026-03-01', '2026-03-31')).toBe('current')
    expect(agingBucket('2026-03-01', '2026-04-01')).toBe('days31to60')
    expect(agingBucket('2026-03-01', '2026-04-30')).toBe('days31to60')
    expect(agingBucket('2026-03-01', '2026-05-01')).toBe('days61to90')
    expect(agingBucket('2026-03-01', '2026-05-30')).toBe('days61to90')
    expect(agingBucket('2026-03-01', '2026-05-31')).toBe('over90')
  })
})
