/**
 * Money is integer cents everywhere (in memory, on the wire and in SQLite INTEGER columns).
 * These are the only rules that turn it into text or combine it, so every screen, export and
 * document computes an amount the same way.
 */
const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' })

/** The largest amount the app accepts for one fee, payment or adjustment: $100,000.00. */
export const MAX_AMOUNT_CENTS = 10_000_000

const assertCents = (cents: number, what = 'amount'): void => {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`${what} must be an integer number of cents`)
}

export function formatCents(cents: number): string {
  assertCents(cents)
  return usd.format(cents / 100)
}

/** 123450 → "1234.50", -5 → "-0.05": the accountant's export (dot decimal, no sign, no grouping). */
export function centsToDecimal(cents: number): string {
  assertCents(cents)
  const sign = cents < 0 ? '-' : ''
  const abs = Math.abs(cents)
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
}

/**
 * "1,234.5" / "$600" / "0.05" → cents, exactly (no floating point); null when it is not an
 * amount of dollars with at most two decimals.
 */
export function parseDollars(text: string): number | null {
  const s = text.trim().replace(/^\$/, '').replaceAll(',', '')
  const m = /^(-)?(\d{1,12})(?:\.(\d{1,2}))?$/.exec(s)
  if (!m) return null
  const cents = Number(m[2]) * 100 + Number((m[3] ?? '0').padEnd(2, '0'))
  return m[1] ? -cents : cents
}

/** A line's amount: units × unit fee, both integers. */
export function lineAmount(units: number, unitFeeCents: number): number {
  if (!Number.isSafeInteger(units) || units < 0) throw new RangeError('units must be a whole number')
  assertCents(unitFeeCents, 'unit fee')
  const amount = units * unitFeeCents
  assertCents(amount)
  return amount
}

/** Percent as basis points (hundredths of a percent): 25 % = 2500, so no fraction is ever a float. */
export const PERCENT_SCALE = 10_000

/** Rounds n / d to the nearest integer, halves away from zero (d > 0), in integer arithmetic. */
export function divideRoundHalfAway(n: number, d: number): number {
  if (!Number.isSafeInteger(n) || !Number.isSafeInteger(d) || d <= 0) throw new RangeError('integer division needs integers and a positive divisor')
  const abs = Math.abs(n)
  const q = Math.floor(abs / d)
  const r = abs - q * d
  const rounded = 2 * r >= d ? q + 1 : q
  return n < 0 ? -rounded : rounded
}

/** `basisPoints` of `cents`, rounded half away from zero to the cent: 12.5 % of $1.01 → 13 ¢. */
export function percentOf(cents: number, basisPoints: number): number {
  assertCents(cents)
  if (!Number.isSafeInteger(basisPoints) || basisPoints < 0 || basisPoints > PERCENT_SCALE) throw new RangeError('percent must be 0–100 % in basis points')
  return divideRoundHalfAway(cents * basisPoints, PERCENT_SCALE)
}

/**
 * A percent adjustment over several lines: computed and rounded per line; the total is the sum
 * of the rounded lines (never a separately rounded product of the total).
 */
export function percentPerLine(lineAmounts: readonly number[], basisPoints: number): number[] {
  return lineAmounts.map((a) => percentOf(a, basisPoints))
}

export function sumCents(amounts: readonly number[]): number {
  let total = 0
  for (const a of amounts) {
    assertCents(a)
    total += a
  }
  assertCents(total, 'total')
  return total
}

/**
 * A fixed amount spread over lines in order, never more than a line's amount: $50 off a session
 * of $200 + $100 → [50, 0]; $250 off → [200, 50].
 */
export function spreadFixed(lineAmounts: readonly number[], fixedCents: number): number[] {
  assertCents(fixedCents)
  let left = Math.max(0, fixedCents)
  return lineAmounts.map((a) => {
    const take = Math.min(Math.max(0, a), left)
    left -= take
    return take
  })
}

/** What is owed on an open item, as the allocation rules see it. */
export interface OpenItem {
  id: string
  open: number
}

/**
 * Applies `amount` to the items in the order given (oldest first), each up to what is open on it;
 * what is left over is `remainder` (client credit).
 */
export function allocateInOrder(items: readonly OpenItem[], amount: number): { allocations: { id: string; amount: number }[]; remainder: number } {
  assertCents(amount)
  let left = Math.max(0, amount)
  const allocations: { id: string; amount: number }[] = []
  for (const item of items) {
    if (left === 0) break
    const take = Math.min(left, Math.max(0, item.open))
    if (take > 0) {
      allocations.push({ id: item.id, amount: take })
      left -= take
    }
  }
  return { allocations, remainder: left }
}

/** One row of a client's ledger as the money rules see it. `applied` is for payments: how much went to invoices. */
export type LedgerMoneyRow =
  | { type: 'charge'; amount: number }
  | { type: 'adjustment'; amount: number }
  | { type: 'payment'; amount: number; applied?: number }
  | { type: 'refund'; amount: number }

export interface AccountTotals {
  charged: number
  adjusted: number
  paid: number
  refunded: number
  /** charged − adjusted − paid + refunded: what the client owes (negative: the practice owes them). */
  net: number
  /** Payments not applied to any invoice and not refunded. Never negative. */
  credit: number
}

/**
 * A client's totals from their ledger rows — the one way every screen gets a balance.
 * `credit` = payments − what was applied − refunds; a refund larger than the credit, or an
 * application larger than its payment, is refused upstream, and throws here.
 */
export function accountTotals(rows: readonly LedgerMoneyRow[]): AccountTotals {
  let charged = 0
  let adjusted = 0
  let paid = 0
  let refunded = 0
  let applied = 0
  for (const row of rows) {
    assertCents(row.amount)
    if (row.amount < 0) throw new RangeError('ledger amounts are positive; the row type gives the direction')
    if (row.type === 'charge') charged += row.amount
    else if (row.type === 'adjustment') adjusted += row.amount
    else if (row.type === 'payment') {
      const a = row.applied ?? 0
      if (a < 0 || a > row.amount) throw new RangeError('a payment cannot apply more than its amount')
      paid += row.amount
      applied += a
    } else refunded += row.amount
  }
  const credit = paid - applied - refunded
  if (credit < 0) throw new RangeError('refunds exceed the credit')
  return { charged, adjusted, paid, refunded, net: charged - adjusted - paid + refunded, credit }
}
