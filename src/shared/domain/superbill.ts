/** The superbill's date-range rule, shared by the contract (the form's fields) and the document. */
import { isCalendarDate } from './dates'

export const MAX_SUPERBILL_MONTHS = 12

/**
 * Where each missing item is fixed, as a superbill's refusal names it ("Address — client’s
 * profile"); the form turns each place into a link, so both sides use these exact words.
 */
export const SUPERBILL_FIX_PLACES = {
  practice: 'Settings → Practice',
  // Clinicians' NPI, licence and taxonomy live with the fee schedule, not with the user accounts.
  providers: 'Settings → Fees and billing',
  profile: 'client’s profile',
  billingTab: 'client’s Billing tab'
} as const

/** The first day past the longest range from `from` (12 months on, the same day of the month). */
const rangeLimit = (from: string): string => {
  const [y, m, d] = from.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(y, m - 1 + MAX_SUPERBILL_MONTHS, d)).toISOString().slice(0, 10)
}

/** `what` names the document in the message (a statement uses the same rule). */
export function superbillRangeProblem(from: string, to: string, what = 'A superbill'): { field: 'from' | 'to'; message: string } | null {
  if (!isCalendarDate(from)) return { field: 'from', message: 'The start date is not a date' }
  if (!isCalendarDate(to)) return { field: 'to', message: 'The end date is not a date' }
  if (to < from) return { field: 'to', message: 'The end date cannot be before the start date' }
  if (to >= rangeLimit(from)) return { field: 'to', message: `${what} covers at most ${MAX_SUPERBILL_MONTHS} months` }
  return null
}
