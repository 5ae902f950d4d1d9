import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { allowedFor, estimateReimbursement, type OonBenefits, type OonSession } from '@shared/domain/oon-estimate'

const benefits = (o: Partial<OonBenefits> = {}): OonBenefits => ({
  rules: { '0820T': { kind: 'fixed', cents: 45_000 } },
  fallback: { kind: 'percent', percentBp: 7000 },
  deductibleRemainingCents: 50_000,
  coinsuranceBp: 3000,
  outOfPocketRemainingCents: 300_000,
  ...o
})

describe('out-of-network reimbursement estimate', () => {
  it('allowed is the rule capped at the fee', () => {
    expect(allowedFor({ kind: 'percent', percentBp: 7000 }, 20_000)).toBe(14_000)
    expect(allowedFor({ kind: 'fixed', cents: 45_000 }, 60_000)).toBe(45_000)
    expect(allowedFor({ kind: 'fixed', cents: 45_000 }, 30_000)).toBe(30_000)
    expect(allowedFor({ kind: 'percent', percentBp: 12_000 }, 20_000)).toBe(20_000)
  })

  it('applies the deductible first, then coinsurance, in date order', () => {
    const sessions: OonSession[] = [
      { date: '2026-03-10', code: '0820T', feeCents: 60_000 },
      { date: '2026-03-03', code: '90837', feeCents: 20_000 }
    ]
    const est = estimateReimbursement(sessions, benefits())
    // Mar 3: allowed 140.00, all to the $500 deductible → nothing back. Mar 10: allowed 450.00, 360.00 of deductible left, then 30 % of 90.00 = 27.00.
    expect(est.lines.map((l) => [l.date, l.allowedCents, l.deductibleCents, l.coinsuranceCents, l.reimbursementCents, l.netCostCents])).toEqual([
      ['2026-03-03', 14_000, 14_000, 0, 0, 20_000],
      ['2026-03-10', 45_000, 36_000, 2_700, 6_300, 53_700]
    ])
    expect(est.totals).toEqual({ feeCents: 80_000, allowedCents: 59_000, reimbursementCents: 6_300, netCostCents: 73_700 })
  })

  it('once the out-of-pocket maximum is reached, the plan pays all of allowed', () => {
    const sessions: OonSession[] = [1, 2, 3].map((d) => ({ date: `2026-03-0${d}`, code: '0820T', feeCents: 60_000 }))
    const est = estimateReimbursement(sessions, benefits({ deductibleRemainingCents: 0, outOfPocketRemainingCents: 15_000 }))
    // 30 % of 450.00 = 135.00; then 15.00 left of the maximum; then nothing.
    expect(est.lines.map((l) => [l.coinsuranceCents, l.reimbursementCents])).toEqual([[13_500, 31_500], [1_500, 43_500], [0, 45_000]])
    // The $150.00 above allowed on each session stays the client's.
    expect(est.lines.map((l) => l.netCostCents)).toEqual([28_500, 16_500, 15_000])
  })

  const rule = fc.oneof(
    fc.record({ kind: fc.constant('percent' as const), percentBp: fc.integer({ min: 0, max: 20_000 }) }),
    fc.record({ kind: fc.constant('fixed' as const), cents: fc.integer({ min: 0, max: 10_000_000 }) })
  )
  const inputs = fc.record({
    sessions: fc.array(fc.record({ date: fc.integer({ min: 1, max: 28 }).map((d) => `2026-02-${String(d).padStart(2, '0')}`), code: fc.constantFrom('90837', '0820T', '90791'), feeCents: fc.integer({ min: 0, max: 10_000_000 }) }), { maxLength: 30 }),
    benefits: fc.record({
      rules: fc.record({ '0820T': rule }, { requiredKeys: [] }),
      fallback: rule,
      deductibleRemainingCents: fc.integer({ min: 0, max: 2_000_000 }),
      coinsuranceBp: fc.integer({ min: 0, max: 10_000 }),
      outOfPocketRemainingCents: fc.option(fc.integer({ min: 0, max: 5_000_000 }), { nil: null })
    })
  })

  it('property: reimbursement never exceeds allowed, allowed never exceeds the fee, net cost is never negative', () => {
    fc.assert(
      fc.property(inputs, ({ sessions, benefits: b }) => {
        const est = estimateReimbursement(sessions, b as OonBenefits)
        for (const l of est.lines) {
          expect(l.reimbursementCents).toBeGreaterThanOrEqual(0)
          expect(l.reimbursementCents).toBeLessThanOrEqual(l.allowedCents)
          expect(l.allowedCents).toBeLessThanOrEqual(l.feeCents)
          expect(l.netCostCents).toBeGreaterThanOrEqual(0)
          expect(l.netCostCents).toBe(l.feeCents - l.reimbursementCents)
        }
        expect(est.totals.reimbursementCents).toBeLessThanOrEqual(est.totals.allowedCents)
      })
    )
  })

  it('property: the client never pays more of allowed than the deductible plus the out-of-pocket maximum allow', () => {
    fc.assert(
      fc.property(inputs, ({ sessions, benefits: b }) => {
        const est = estimateReimbursement(sessions, b as OonBenefits)
        const share = est.lines.reduce((a, l) => a + l.deductibleCents + l.coinsuranceCents, 0)
        expect(share).toBeLessThanOrEqual(b.outOfPocketRemainingCents ?? Number.POSITIVE_INFINITY)
        expect(est.lines.reduce((a, l) => a + l.deductibleCents, 0)).toBeLessThanOrEqual(b.deductibleRemainingCents)
      })
    )
  })
})
