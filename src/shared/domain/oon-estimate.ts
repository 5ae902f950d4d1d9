/**
 * The out-of-network reimbursement estimate for a course (BILLING.md, "Out-of-network
 * reimbursement estimate"), pure and in integer cents. Per session: allowed = min(fee, rule),
 * the rule being a percent of the billed fee or a fixed allowed amount for the code. In date
 * order: the client pays allowed up to the remaining deductible, then coinsurance on the rest of
 * allowed, until the out-of-pocket maximum is reached (then the plan pays all of allowed).
 * Reimbursement = allowed − the client's share of allowed; net cost = fee − reimbursement (the
 * part above allowed, balance billing, is always the client's). An estimate, never a promise.
 */
import { PERCENT_SCALE, divideRoundHalfAway, percentOf } from './money'

export type AllowedRule = { kind: 'percent'; percentBp: number } | { kind: 'fixed'; cents: number }

export interface OonBenefits {
  /** Per code, else `fallback`. */
  rules: Record<string, AllowedRule>
  fallback: AllowedRule
  deductibleRemainingCents: number
  /** The client's coinsurance in basis points (30 % = 3000). */
  coinsuranceBp: number
  /** What is left of the out-of-pocket maximum; null when the plan has none. */
  outOfPocketRemainingCents: number | null
}

export interface OonSession {
  date: string
  code: string
  feeCents: number
}

export interface OonLine extends OonSession {
  allowedCents: number
  deductibleCents: number
  coinsuranceCents: number
  reimbursementCents: number
  netCostCents: number
}

export interface OonEstimate {
  lines: OonLine[]
  totals: { feeCents: number; allowedCents: number; reimbursementCents: number; netCostCents: number }
}

export function allowedFor(rule: AllowedRule, feeCents: number): number {
  // A percent may exceed 100 % (a plan's quote); allowed never exceeds the fee either way.
  const raw = rule.kind === 'percent' ? divideRoundHalfAway(feeCents * rule.percentBp, PERCENT_SCALE) : rule.cents
  return Math.max(0, Math.min(feeCents, raw))
}

export function estimateReimbursement(sessions: readonly OonSession[], benefits: OonBenefits): OonEstimate {
  let deductibleLeft = Math.max(0, benefits.deductibleRemainingCents)
  let oopLeft = benefits.outOfPocketRemainingCents === null ? Number.POSITIVE_INFINITY : Math.max(0, benefits.outOfPocketRemainingCents)
  const ordered = sessions.toSorted((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
  const lines = ordered.map((s): OonLine => {
    const allowed = allowedFor(benefits.rules[s.code] ?? benefits.fallback, s.feeCents)
    // The client's share of allowed: deductible first, then coinsurance, both capped by what is left of the maximum.
    const deductible = Math.min(allowed, deductibleLeft, oopLeft)
    deductibleLeft -= deductible
    oopLeft -= deductible
    const coinsurance = Math.min(percentOf(allowed - deductible, benefits.coinsuranceBp), oopLeft)
    oopLeft -= coinsurance
    const reimbursement = allowed - deductible - coinsurance
    return { ...s, allowedCents: allowed, deductibleCents: deductible, coinsuranceCents: coinsurance, reimbursementCents: reimbursement, netCostCents: s.feeCents - reimbursement }
  })
  const sum = (pick: (l: OonLine) => number) => lines.reduce((a, l) => a + pick(l), 0)
  return {
    lines,
    totals: { feeCents: sum((l) => l.feeCents), allowedCents: sum((l) => l.allowedCents), reimbursementCents: sum((l) => l.reimbursementCents), netCostCents: sum((l) => l.netCostCents) }
  }
}
