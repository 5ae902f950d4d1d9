/**
 * The Good Faith Estimate's timing and dispute rules (45 CFR 149.610, 149.620), pure.
 * BILLING.md "Good Faith Estimate" is the source of each rule.
 */
import { addBusinessDays, businessDaysBetween } from './business-days'

/** Billed at least this much over the estimate opens patient–provider dispute resolution. */
export const DISPUTE_THRESHOLD_CENTS = 40_000
/** The client may start it within this many calendar days of the bill's date. */
export const DISPUTE_WINDOW_DAYS = 120
/** One GFE may cover a recurring course for up to 12 months of services. */
export const GFE_MAX_MONTHS = 12

export type GfeTrigger = { kind: 'scheduled'; scheduledOn: string; serviceOn: string } | { kind: 'requested'; requestedOn: string }

/**
 * When the estimate is due: scheduled ≥ 10 business days ahead → within 3 business days of
 * scheduling; ≥ 3 → within 1; on request → within 3 of the request. Null when the service was
 * scheduled fewer than 3 business days ahead (no deadline applies; one may still be given).
 * "Days ahead" counts the business days after the scheduling date up to the service date.
 */
export function gfeDeadline(trigger: GfeTrigger): string | null {
  if (trigger.kind === 'requested') return addBusinessDays(trigger.requestedOn, 3)
  const ahead = businessDaysBetween(trigger.scheduledOn, trigger.serviceOn)
  if (ahead >= 10) return addBusinessDays(trigger.scheduledOn, 3)
  if (ahead >= 3) return addBusinessDays(trigger.scheduledOn, 1)
  return null
}

export type GfeTimeliness = 'on_time' | 'late' | 'no_deadline'
export const GFE_TIMELINESS_LABELS: Record<GfeTimeliness, string> = { on_time: 'Issued on time', late: 'Issued late', no_deadline: 'No deadline applied' }

export function gfeTimeliness(deadline: string | null, issuedOn: string): GfeTimeliness {
  if (deadline === null) return 'no_deadline'
  return issuedOn <= deadline ? 'on_time' : 'late'
}

const plusDays = (value: string, days: number) => new Date(Date.parse(`${value}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)

export interface DisputeFlag {
  overByCents: number
  /** The last day the client may start dispute resolution: 120 calendar days after the bill. */
  windowEndsOn: string
}

/**
 * The $400 rule: billed for the estimate's services exceeds the estimate by $400 or more. The
 * estimate's total is its high end (what the client was told at most). Null when it does not.
 */
export function disputeFlag(estimateCents: number, billedCents: number, billedOn: string): DisputeFlag | null {
  const over = billedCents - estimateCents
  if (over < DISPUTE_THRESHOLD_CENTS) return null
  return { overByCents: over, windowEndsOn: plusDays(billedOn, DISPUTE_WINDOW_DAYS) }
}
