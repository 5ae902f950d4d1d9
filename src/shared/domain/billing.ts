/**
 * The billing vocabulary and its pure rules: service codes and modifiers, diagnosis pointers,
 * card numbers in a payment's reference, invoice numbers and aging. Money itself is money.ts.
 */
import type { SessionKind } from './session-kinds'

// ---- Service codes ------------------------------------------------------------------------------
/** CPT (5 digits), CPT Category II/III (4 digits + F/T, U for PLA) or HCPCS Level II / a custom code (a letter + 4 digits). */
export const SERVICE_CODE_PATTERN = /^(?:\d{5}|\d{4}[FTU]|[A-Z]\d{4})$/
export const isServiceCode = (code: string): boolean => SERVICE_CODE_PATTERN.test(code)
/** Two letters or digits: 95, GT, 25, 59… */
export const MODIFIER_PATTERN = /^[A-Z0-9]{2}$/
export const isModifier = (m: string): boolean => MODIFIER_PATTERN.test(m)
export const MAX_MODIFIERS = 4
/** Synchronous telehealth. */
export const TELEHEALTH_MODIFIER = '95'
export const TELEHEALTH_POS: ReadonlySet<string> = new Set(['02', '10'])

/** The modifiers a line gets: its own, plus 95 for a telehealth place of service (once, at most four). */
export function modifiersFor(own: readonly string[], placeOfService: string): string[] {
  const out = [...own]
  if (TELEHEALTH_POS.has(placeOfService) && !out.includes(TELEHEALTH_MODIFIER) && out.length < MAX_MODIFIERS) out.push(TELEHEALTH_MODIFIER)
  return out
}

// ---- Diagnosis pointers ---------------------------------------------------------------------------
export const POINTER_LETTERS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L'] as const
export type PointerLetter = (typeof POINTER_LETTERS)[number]
export const MAX_POINTERS = 4

/** The letter of the n-th (0-based) active diagnosis, or null past L. */
export const pointerLetter = (index: number): PointerLetter | null => POINTER_LETTERS[index] ?? null

/** The default pointers of a new line: the primary diagnosis (A), when the client has one. */
export const defaultPointers = (activeDiagnoses: number): PointerLetter[] => (activeDiagnoses > 0 ? ['A'] : [])

// ---- Card numbers (PCI DSS: never store a full one) -------------------------------------------------
export function luhnValid(digits: string): boolean {
  let sum = 0
  for (let i = digits.length - 1, double = false; i >= 0; i--, double = !double) {
    let d = digits.charCodeAt(i) - 48
    if (d < 0 || d > 9) return false
    if (double) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  return sum % 10 === 0
}

/**
 * True when the text holds what looks like a full card number: 13–19 digits, possibly grouped
 * with spaces or dashes, passing the Luhn check. A check number or the last 4 digits pass.
 */
export function containsCardNumber(text: string): boolean {
  for (const run of text.match(/\d[\d -]*\d/g) ?? []) {
    const digits = run.replace(/[ -]/g, '')
    if (digits.length >= 13 && digits.length <= 19 && luhnValid(digits)) return true
  }
  return false
}

// ---- Payments -------------------------------------------------------------------------------------
export const PAYMENT_METHODS = ['cash', 'check', 'card', 'hsa_fsa', 'bank_transfer', 'other'] as const
export type PaymentMethod = (typeof PAYMENT_METHODS)[number]
export const PAYMENT_METHOD_LABELS: Record<PaymentMethod, string> = {
  cash: 'Cash',
  check: 'Check',
  card: 'Card',
  hsa_fsa: 'HSA/FSA',
  bank_transfer: 'Bank transfer',
  other: 'Other'
}

// ---- Adjustments ----------------------------------------------------------------------------------
export const ADJUSTMENT_KINDS = ['sliding_scale', 'write_off', 'courtesy', 'correction'] as const
export type AdjustmentKind = (typeof ADJUSTMENT_KINDS)[number]
export const ADJUSTMENT_KIND_LABELS: Record<AdjustmentKind, string> = {
  sliding_scale: 'Sliding scale',
  write_off: 'Write-off',
  courtesy: 'Courtesy discount',
  correction: 'Correction'
}

// ---- Invoices -------------------------------------------------------------------------------------
export const INVOICE_STATUSES = ['draft', 'issued', 'partially_paid', 'paid', 'void'] as const
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number]
export const INVOICE_STATUS_LABELS: Record<InvoiceStatus, string> = {
  draft: 'Draft',
  issued: 'Issued',
  partially_paid: 'Partially paid',
  paid: 'Paid',
  void: 'Void'
}

/** INV-2026-0001; past 9,999 in a year the number simply grows a digit (never reused). */
export function formatInvoiceNumber(year: number, seq: number): string {
  if (!Number.isSafeInteger(year) || year < 1000 || year > 9999 || !Number.isSafeInteger(seq) || seq < 1) throw new RangeError('invoice year and number out of range')
  return `INV-${year}-${String(seq).padStart(4, '0')}`
}

export function parseInvoiceNumber(number: string): { year: number; seq: number } | null {
  const m = /^INV-(\d{4})-(\d{4,})$/.exec(number)
  return m ? { year: Number(m[1]), seq: Number(m[2]) } : null
}

/** What an invoice's stored state and money say it is: a draft or void as stored; issued ones by what is left to pay. */
export function invoiceStatus(stored: 'draft' | 'issued' | 'void', total: number, open: number): InvoiceStatus {
  if (stored !== 'issued') return stored
  if (open <= 0) return 'paid'
  return open < total ? 'partially_paid' : 'issued'
}

// ---- Aging ----------------------------------------------------------------------------------------
export const AGING_BUCKETS = ['current', 'days31to60', 'days61to90', 'over90'] as const
export type AgingBucket = (typeof AGING_BUCKETS)[number]
export const AGING_BUCKET_LABELS: Record<AgingBucket, string> = {
  current: 'Current (0–30)',
  days31to60: '31–60 days',
  days61to90: '61–90 days',
  over90: 'Over 90 days'
}

/** Whole days from one YYYY-MM-DD to another (calendar days, no time zone involved). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)
}

/** By days since the invoice was issued: 0–30 current, 31–60, 61–90, over 90. */
export function agingBucket(issuedOn: string, today: string): AgingBucket {
  const days = daysBetween(issuedOn, today)
  if (days <= 30) return 'current'
  if (days <= 60) return 'days31to60'
  if (days <= 90) return 'days61to90'
  return 'over90'
}

// ---- Fee schedule -------------------------------------------------------------------------------
/** What creates charges: a session of a kind, or a late cancellation / no-show. */
export const BILLING_EVENTS = ['intake', 'preparation', 'dosing', 'integration', 'psychotherapy', 'booster', 'late_cancel', 'no_show'] as const
export type BillingEvent = (typeof BILLING_EVENTS)[number]
export const BILLING_EVENT_LABELS: Record<BillingEvent, string> = {
  intake: 'Intake',
  preparation: 'Preparation',
  dosing: 'Dosing',
  integration: 'Integration',
  psychotherapy: 'Psychotherapy',
  booster: 'Booster dosing',
  late_cancel: 'Late cancellation',
  no_show: 'No-show'
}

/** The billing event of a session in a status, or null when that status is not billed. */
export function billingEventOf(kind: SessionKind, status: string): BillingEvent | null {
  if (status === 'completed') return kind
  if (status === 'late_cancelled') return 'late_cancel'
  if (status === 'no_show') return 'no_show'
  return null
}

/** Late-cancel and no-show fees are not reimbursable: a superbill leaves them off. */
export const NON_REIMBURSABLE_EVENTS: ReadonlySet<BillingEvent> = new Set(['late_cancel', 'no_show'])
