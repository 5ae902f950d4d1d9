import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  accountTotals, allocateInOrder, centsToDecimal, divideRoundHalfAway, formatCents, lineAmount, parseDollars, percentOf, percentPerLine, spreadFixed,
  sumCents, type LedgerMoneyRow
} from '@shared/domain/money'

describe('money in integer cents', () => {
  it('formats and parses dollars exactly', () => {
    expect(formatCents(123450)).toBe('$1,234.50')
    expect(centsToDecimal(123450)).toBe('1234.50')
    expect(centsToDecimal(-5)).toBe('-0.05')
    expect(centsToDecimal(0)).toBe('0.00')
    expect(parseDollars('$1,234.5')).toBe(123450)
    expect(parseDollars('0.05')).toBe(5)
    expect(parseDollars('600')).toBe(60000)
    expect(parseDollars('1.234')).toBeNull()
    expect(parseDollars('abc')).toBeNull()
    fc.assert(fc.property(fc.integer({ min: -1e10, max: 1e10 }), (c) => parseDollars(centsToDecimal(c)) === c))
  })

  it('a line is units × unit fee', () => {
    expect(lineAmount(3, 20000)).toBe(60000)
    expect(() => lineAmount(1.5, 100)).toThrow(/whole number/)
    expect(() => lineAmount(1, 0.5)).toThrow(/integer number of cents/)
  })

  it('rounds a percent half away from zero, per line; the total is the sum of the rounded lines', () => {
    expect(percentOf(101, 5000)).toBe(51)
    expect(percentOf(-101, 5000)).toBe(-51)
    expect(percentOf(100, 1250)).toBe(13) // 12.5 → 13
    expect(percentOf(99, 3333)).toBe(33) // 32.9967 → 33
    expect(divideRoundHalfAway(5, 2)).toBe(3)
    expect(divideRoundHalfAway(-5, 2)).toBe(-3)
    expect(divideRoundHalfAway(4, 3)).toBe(1)
    // Three lines of $1.01 at 50 %: 51 ¢ each, 153 ¢ in all — not 50 % of $3.03 rounded once (152 ¢).
    expect(sumCents(percentPerLine([101, 101, 101], 5000))).toBe(153)
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000_000 }), { maxLength: 20 }), fc.integer({ min: 0, max: 10_000 }), (lines, bp) => {
        const per = percentPerLine(lines, bp)
        per.forEach((p, i) => {
          expect(Number.isInteger(p)).toBe(true)
          expect(Math.abs(p - (lines[i]! * bp) / 10_000)).toBeLessThanOrEqual(0.5)
          expect(p).toBeLessThanOrEqual(lines[i]!)
        })
        expect(sumCents(per)).toBe(per.reduce((a, b) => a + b, 0))
      })
    )
  })

  it('spreads a fixed amount over lines in order, never past a line', () => {
    expect(spreadFixed([20000, 10000], 5000)).toEqual([5000, 0])
    expect(spreadFixed([20000, 10000], 25000)).toEqual([20000, 5000])
    expect(spreadFixed([20000, 10000], 99999)).toEqual([20000, 10000])
  })

  it('allocates oldest first, each item up to what is open, the rest is credit', () => {
    expect(allocateInOrder([{ id: 'a', open: 100 }, { id: 'b', open: 50 }], 120)).toEqual({ allocations: [{ id: 'a', amount: 100 }, { id: 'b', amount: 20 }], remainder: 0 })
    expect(allocateInOrder([{ id: 'a', open: 100 }], 150)).toEqual({ allocations: [{ id: 'a', amount: 100 }], remainder: 50 })
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100_000 }), { maxLength: 10 }), fc.integer({ min: 0, max: 1_000_000 }), (opens, amount) => {
        const items = opens.map((open, i) => ({ id: String(i), open }))
        const { allocations, remainder } = allocateInOrder(items, amount)
        expect(allocations.reduce((s, a) => s + a.amount, 0) + remainder).toBe(amount)
        for (const a of allocations) expect(a.amount).toBeLessThanOrEqual(items[Number(a.id)]!.open)
        expect(remainder > 0 ? allocations.length === opens.filter((o) => o > 0).length : true).toBe(true)
      })
    )
  })
})

describe('balances from the ledger rows', () => {
  type Op = { kind: 'charge' | 'adjust' | 'pay' | 'refund' | 'apply'; amount: number }
  const op = fc.record({ kind: fc.constantFrom('charge', 'adjust', 'pay', 'refund', 'apply'), amount: fc.integer({ min: 1, max: 100_000 }) }) as fc.Arbitrary<Op>

  /** Plays operations as the service does (refusing what it refuses) and keeps the ledger rows. */
  function play(ops: readonly Op[]) {
    const rows: LedgerMoneyRow[] = []
    const sums = { charges: 0, adjustments: 0, payments: 0, refunds: 0 }
    let owedOnInvoices = 0
    for (const o of ops) {
      const current = accountTotals(rows)
      if (o.kind === 'charge') {
        rows.push({ type: 'charge', amount: o.amount })
        sums.charges += o.amount
        owedOnInvoices += o.amount
      } else if (o.kind === 'adjust') {
        const amount = Math.min(o.amount, owedOnInvoices)
        if (amount === 0) continue
        rows.push({ type: 'adjustment', amount })
        sums.adjustments += amount
        owedOnInvoices -= amount
      } else if (o.kind === 'pay') {
        const applied = Math.min(o.amount, owedOnInvoices)
        rows.push({ type: 'payment', amount: o.amount, applied })
        sums.payments += o.amount
        owedOnInvoices -= applied
      } else if (o.kind === 'refund') {
        if (o.amount > current.credit) continue // refused: a refund larger than the credit
        rows.push({ type: 'refund', amount: o.amount })
        sums.refunds += o.amount
      } else {
        // Applying credit later: take it from the payments with unapplied money.
        let left = Math.min(o.amount, current.credit, owedOnInvoices)
        owedOnInvoices -= left
        for (const r of rows) {
          if (left === 0) break
          if (r.type !== 'payment') continue
          const free = r.amount - (r.applied ?? 0)
          const take = Math.min(free, left)
          r.applied = (r.applied ?? 0) + take
          left -= take
        }
      }
    }
    return { rows, sums }
  }

  it('any sequence keeps balance = charges − adjustments − payments + refunds, and credit never goes negative', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const { rows, sums } = play(ops)
        const totals = accountTotals(rows)
        expect(totals.net).toBe(sums.charges - sums.adjustments - sums.payments + sums.refunds)
        expect(totals.credit).toBeGreaterThanOrEqual(0)
        expect(totals.charged).toBe(sums.charges)
        expect(totals.refunded).toBe(sums.refunds)
      }),
      { numRuns: 500 }
    )
  })

  it('refuses rows that would make the credit negative or apply more than a payment', () => {
    expect(() => accountTotals([{ type: 'payment', amount: 100 }, { type: 'refund', amount: 101 }])).toThrow(/credit/)
    expect(() => accountTotals([{ type: 'payment', amount: 100, applied: 101 }])).toThrow(/more than its amount/)
    expect(() => accountTotals([{ type: 'charge', amount: -1 }])).toThrow(/positive/)
    expect(() => accountTotals([{ type: 'charge', amount: 0.5 }])).toThrow(/integer number of cents/)
  })
})
