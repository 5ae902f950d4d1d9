/**
 * The billing ledger's calls: providers, fee schedule, charges, adjustments, sliding scales,
 * invoices, payments and refunds, the Billing page's reports and the accountant's export.
 * Owner and administrator write; a clinician reads a chart's billing tab. Nothing here carries
 * note content — a charge knows its session only by ID, date and code.
 */
import { z } from 'zod'
import {
  ADJUSTMENT_KINDS, AGING_BUCKETS, BILLING_EVENTS, INVOICE_STATUSES, MAX_MODIFIERS, MAX_POINTERS, PAYMENT_METHODS, POINTER_LETTERS,
  containsCardNumber, isModifier, isServiceCode
} from '../domain/billing'
import { PLACE_OF_SERVICE_CODES } from '../domain/codes'
import { MAX_AMOUNT_CENTS, PERCENT_SCALE } from '../domain/money'
import { superbillRangeProblem } from '../domain/superbill'
import { ANY_ROLE, BILLING_ROLES } from '../domain/roles'
import { defineContract } from './contract'
import { isoDate, npi, optionalText, requiredName, requiredText, timestamp, usState, uuid } from './fields'

// ---- Field schemas --------------------------------------------------------------------------------
/** An amount in integer cents from `min` to $100,000. */
export const cents = (label: string, min = 0) =>
  z
    .number({ error: `${label} must be an amount` })
    .int({ error: `${label} must be a whole number of cents` })
    .min(min, { error: min > 0 ? `${label} must be more than $0.00` : `${label} cannot be negative` })
    .max(MAX_AMOUNT_CENTS, { error: `${label} cannot be more than $100,000.00` })

export const serviceCode = z
  .string({ error: 'Code is required' })
  .trim()
  .toUpperCase()
  .refine(isServiceCode, { error: 'Code should be 5 digits (90837), 4 digits and F, T or U (0820T), or a letter and 4 digits (J3490)' })

export const modifiers = z
  .array(
    z.string({ error: 'Modifier must be text' }).trim().toUpperCase().refine(isModifier, { error: 'Each modifier is 2 letters or digits, like 95 or GT' }),
    { error: 'Modifiers must be a list' }
  )
  .max(MAX_MODIFIERS, { error: `At most ${MAX_MODIFIERS} modifiers` })
  .refine((m) => new Set(m).size === m.length, { error: 'A modifier is listed twice' })

export const pointers = z
  .array(z.enum(POINTER_LETTERS, { error: 'Each diagnosis pointer is a letter from A to L' }), { error: 'Diagnosis pointers must be a list' })
  .max(MAX_POINTERS, { error: `At most ${MAX_POINTERS} diagnosis pointers` })
  .refine((p) => new Set(p).size === p.length, { error: 'A diagnosis pointer is listed twice' })

export const units = z
  .number({ error: 'Units must be a number' })
  .int({ error: 'Units must be a whole number' })
  .min(1, { error: 'Units must be at least 1' })
  .max(99, { error: 'Units must be 99 or fewer' })

export const placeOfService = z.enum(PLACE_OF_SERVICE_CODES, { error: 'Choose a place of service from the list' })
export const billingEvent = z.enum(BILLING_EVENTS, { error: 'Choose a kind of session from the list' })
export const paymentMethod = z.enum(PAYMENT_METHODS, { error: 'Choose a payment method from the list' })
export const adjustmentKind = z.enum(ADJUSTMENT_KINDS, { error: 'Choose a kind of adjustment from the list' })

/** A check number or a card's last 4 digits; a full card number is refused (PCI DSS). */
export const paymentReference = optionalText('Reference', 60).refine((s) => s === null || !containsCardNumber(s), {
  error: 'Do not enter a full card number: keep only the last 4 digits'
})

const optionalUserId = z
  .union([z.literal(''), z.null(), uuid('Rendering clinician')], { error: 'Choose a clinician from the list' })
  .optional()
  .transform((s) => (s ? s : null))

const reason = requiredText('Reason', 500)
const chargeId = uuid('Charge ID')
const invoiceId = uuid('Invoice ID')
const clientId = uuid('Client ID')

const dateRange = z
  .strictObject({ from: isoDate('From'), to: isoDate('To') })
  .refine((r) => r.to >= r.from, { path: ['to'], error: 'The end date cannot be before the start date' })

// ---- Providers ------------------------------------------------------------------------------------
export const providerInput = z.strictObject({
  npi: npi('Individual NPI'),
  licenseNumber: requiredName('License number', 50),
  licenseState: usState('License state'),
  taxonomyCode: optionalText('Taxonomy code', 10).refine((s) => s === null || /^[0-9A-Z]{9}X$/i.test(s), {
    error: 'Taxonomy code is 10 characters ending in X, like 101YP2500X'
  }),
  credentials: requiredName('Credentials', 60)
})
export type ProviderInput = z.input<typeof providerInput>

export const provider = z.strictObject({
  userId: z.string(),
  displayName: z.string(),
  role: z.enum(['owner', 'clinician']),
  active: z.boolean(),
  npi: z.string().nullable(),
  licenseNumber: z.string().nullable(),
  licenseState: z.string().nullable(),
  taxonomyCode: z.string().nullable(),
  credentials: z.string().nullable(),
  updatedAt: timestamp.nullable()
})
export type Provider = z.infer<typeof provider>

export const billingSettings = z.strictObject({ holdUntilSigned: z.boolean(), updatedAt: timestamp.nullable() })
export type BillingSettings = z.infer<typeof billingSettings>

// ---- Fee schedule ---------------------------------------------------------------------------------
export const feeInput = z
  .strictObject({
    code: serviceCode,
    modifiers,
    description: requiredText('Description', 120),
    unitFeeCents: cents('Fee per unit'),
    minFeeCents: cents('Low end of the range').nullish().transform((v) => v ?? null),
    maxFeeCents: cents('High end of the range').nullish().transform((v) => v ?? null),
    active: z.boolean({ error: 'Choose active or archived' }).default(true)
  })
  .refine((f) => f.minFeeCents === null || f.maxFeeCents === null || f.maxFeeCents >= f.minFeeCents, {
    path: ['maxFeeCents'],
    error: 'The high end of the range cannot be below the low end'
  })
export type FeeInput = z.input<typeof feeInput>

export const feeItem = z.strictObject({
  id: z.string(),
  code: z.string(),
  modifiers: z.array(z.string()),
  description: z.string(),
  unitFeeCents: z.int(),
  minFeeCents: z.int().nullable(),
  maxFeeCents: z.int().nullable(),
  active: z.boolean(),
  createdAt: timestamp,
  updatedAt: timestamp
})
export type FeeItem = z.infer<typeof feeItem>

export const defaultLineInput = z.strictObject({ feeItemId: uuid('Service'), units })
export const feeDefault = z.strictObject({
  event: billingEvent,
  lines: z.array(z.strictObject({ feeItemId: z.string(), units: z.int(), code: z.string(), unitFeeCents: z.int(), amountCents: z.int() }))
})
export type FeeDefault = z.infer<typeof feeDefault>
export const feeSchedule = z.strictObject({ items: z.array(feeItem), defaults: z.array(feeDefault) })
export type FeeSchedule = z.infer<typeof feeSchedule>

// ---- Charges --------------------------------------------------------------------------------------
export const CHARGE_STATES = ['held', 'unbilled', 'invoiced', 'void'] as const
export type ChargeState = (typeof CHARGE_STATES)[number]

export const chargeEdit = z.strictObject({
  units,
  unitFeeCents: cents('Fee per unit'),
  modifiers,
  pointers,
  placeOfService,
  renderingUserId: optionalUserId
})
export type ChargeEdit = z.input<typeof chargeEdit>

export const manualChargeInput = chargeEdit.extend({
  dateOfService: isoDate('Date of service'),
  feeItemId: uuid('Service')
})
export type ManualChargeInput = z.input<typeof manualChargeInput>

/**
 * One line of a client's ledger as the documents (superbill, statement, invoice PDF) read it: a
 * charge with its code, modifiers, units, unit fee, amount, place of service, rendering provider,
 * diagnosis pointers (letters and codes), and what was adjusted and paid on it.
 */
export const charge = z.strictObject({
  id: z.string(),
  clientId: z.string(),
  sessionId: z.string().nullable(),
  feeItemId: z.string().nullable(),
  event: billingEvent.nullable(),
  dateOfService: z.string(),
  code: z.string(),
  modifiers: z.array(z.string()),
  description: z.string(),
  units: z.int(),
  unitFeeCents: z.int(),
  amountCents: z.int(),
  placeOfService,
  renderingUserId: z.string().nullable(),
  pointers: z.array(z.enum(POINTER_LETTERS)),
  diagnosisCodes: z.array(z.string()),
  state: z.enum(CHARGE_STATES),
  /** Why it is held, in words (only for a held charge). */
  heldReason: z.string().nullable(),
  invoiceId: z.string().nullable(),
  invoiceNumber: z.string().nullable(),
  adjustedCents: z.int(),
  paidCents: z.int(),
  /** amount − adjusted − paid. */
  openCents: z.int(),
  reimbursable: z.boolean(),
  voidReason: z.string().nullable(),
  createdAt: timestamp
})
export type Charge = z.infer<typeof charge>

// ---- Adjustments and sliding scales -----------------------------------------------------------------
export const adjustmentInput = z
  .strictObject({
    kind: adjustmentKind,
    /** A fixed amount in cents, or a percent of the charge in basis points (25 % = 2500), rounded half away from zero to the cent. */
    mode: z.enum(['amount', 'percent'], { error: 'Choose an amount or a percent' }),
    value: cents('Amount', 1),
    date: isoDate('Date'),
    reason
  })
  .refine((a) => a.mode === 'amount' || a.value <= PERCENT_SCALE, { path: ['value'], error: 'Percent cannot be more than 100' })
export type AdjustmentInput = z.input<typeof adjustmentInput>

export const adjustment = z.strictObject({
  id: z.string(),
  clientId: z.string(),
  chargeId: z.string(),
  kind: adjustmentKind,
  amountCents: z.int(),
  date: z.string(),
  reason: z.string(),
  slidingScaleId: z.string().nullable(),
  voided: z.boolean(),
  createdAt: timestamp
})
export type Adjustment = z.infer<typeof adjustment>

export const slidingScaleInput = z
  .strictObject({
    mode: z.enum(['percent', 'fixed'], { error: 'Choose percent or a fixed amount' }),
    percentBp: z
      .int({ error: 'Percent must be a whole number of hundredths' })
      .min(1, { error: 'Percent must be more than 0' })
      .max(PERCENT_SCALE, { error: 'Percent cannot be more than 100' })
      .nullish()
      .transform((v) => v ?? null),
    fixedCents: cents('Amount off each session', 1).nullish().transform((v) => v ?? null),
    reason,
    startsOn: isoDate('Start date')
  })
  .refine((s) => (s.mode === 'percent' ? s.percentBp !== null : s.fixedCents !== null), {
    path: ['percentBp'],
    error: 'Give the percent or the amount off each session'
  })
export type SlidingScaleInput = z.input<typeof slidingScaleInput>

export const slidingScale = z.strictObject({
  id: z.string(),
  clientId: z.string(),
  mode: z.enum(['percent', 'fixed']),
  percentBp: z.int().nullable(),
  fixedCents: z.int().nullable(),
  reason: z.string(),
  startsOn: z.string(),
  endedOn: z.string().nullable(),
  createdAt: timestamp
})
export type SlidingScale = z.infer<typeof slidingScale>

// ---- Invoices -------------------------------------------------------------------------------------
export const invoice = z.strictObject({
  id: z.string(),
  clientId: z.string(),
  clientName: z.string(),
  number: z.string(),
  status: z.enum(INVOICE_STATUSES),
  issuedOn: z.string().nullable(),
  totalCents: z.int(),
  adjustedCents: z.int(),
  paidCents: z.int(),
  openCents: z.int(),
  lineCount: z.int(),
  note: z.string().nullable(),
  voidReason: z.string().nullable(),
  createdAt: timestamp
})
export type Invoice = z.infer<typeof invoice>

export const invoiceDetail = invoice.extend({ lines: z.array(charge) })
export type InvoiceDetail = z.infer<typeof invoiceDetail>

export const createInvoiceInput = z.strictObject({
  clientId,
  /** Left out: every unbilled charge of the client. */
  chargeIds: z.array(chargeId).min(1, { error: 'Choose at least one charge' }).max(500, { error: 'At most 500 charges on one invoice' }).optional(),
  /** Issue at once (the usual), or keep a draft to look over first. */
  issue: z.boolean({ error: 'Choose to issue or keep a draft' }).default(true),
  issuedOn: isoDate('Issue date').optional(),
  note: optionalText('Note', 500)
})
export type CreateInvoiceInput = z.input<typeof createInvoiceInput>

export const monthInput = z.strictObject({
  month: z.string({ error: 'Month is required' }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'Month should be YYYY-MM' }),
  issuedOn: isoDate('Issue date').optional()
})

// ---- Payments -------------------------------------------------------------------------------------
export const paymentInput = z.strictObject({
  receivedOn: isoDate('Date received'),
  amountCents: cents('Amount', 1),
  method: paymentMethod,
  reference: paymentReference,
  note: optionalText('Note', 500),
  /** Oldest open invoice first (the usual), one invoice by hand, or keep it all as credit (a deposit). */
  applyTo: z
    .union([z.literal('oldest'), z.literal('credit'), uuid('Invoice')], { error: 'Choose how to apply the payment' })
    .default('oldest')
})
export type PaymentInput = z.input<typeof paymentInput>

export const refundInput = z.strictObject({
  receivedOn: isoDate('Refund date'),
  amountCents: cents('Amount', 1),
  method: paymentMethod,
  reference: paymentReference,
  note: optionalText('Note', 500)
})
export type RefundInput = z.input<typeof refundInput>

export const allocation = z.strictObject({ invoiceId: z.string(), invoiceNumber: z.string(), chargeId: z.string(), amountCents: z.int() })

export const payment = z.strictObject({
  id: z.string(),
  clientId: z.string(),
  clientName: z.string(),
  kind: z.enum(['payment', 'refund']),
  receivedOn: z.string(),
  amountCents: z.int(),
  method: paymentMethod,
  reference: z.string().nullable(),
  note: z.string().nullable(),
  appliedCents: z.int(),
  allocations: z.array(allocation),
  createdAt: timestamp
})
export type Payment = z.infer<typeof payment>

export const applyCreditInput = z.strictObject({
  clientId,
  /** Left out: oldest open invoices first. */
  invoiceId: invoiceId.optional(),
  /** Left out: as much as the credit and the invoices allow. */
  amountCents: cents('Amount', 1).optional()
})

// ---- The client's account -------------------------------------------------------------------------
export const LEDGER_ROW_TYPES = ['charge', 'adjustment', 'payment', 'refund'] as const
export const ledgerRow = z.strictObject({
  type: z.enum(LEDGER_ROW_TYPES),
  id: z.string(),
  date: z.string(),
  description: z.string(),
  code: z.string().nullable(),
  invoiceNumber: z.string().nullable(),
  method: paymentMethod.nullable(),
  /** Positive adds to what is owed (a charge, a refund); negative takes from it (an adjustment, a payment). */
  amountCents: z.int(),
  /** Running net balance after this row (owed − credit). */
  balanceCents: z.int()
})
export type LedgerRow = z.infer<typeof ledgerRow>

export const accountTotals = z.strictObject({
  charged: z.int(),
  adjusted: z.int(),
  paid: z.int(),
  refunded: z.int(),
  /** charged − adjusted − paid + refunded. */
  net: z.int(),
  /** Payments not applied to an invoice and not refunded. */
  credit: z.int(),
  /** Open on issued invoices. */
  invoicedOpen: z.int(),
  /** Unbilled charges less their adjustments. */
  unbilled: z.int(),
  held: z.int()
})
export type AccountTotals = z.infer<typeof accountTotals>

export const account = z.strictObject({
  clientId: z.string(),
  totals: accountTotals,
  ledger: z.array(ledgerRow),
  charges: z.array(charge),
  adjustments: z.array(adjustment),
  invoices: z.array(invoice),
  payments: z.array(payment),
  slidingScales: z.array(slidingScale)
})
export type Account = z.infer<typeof account>

export const accountInput = z.strictObject({ clientId, from: isoDate('From').optional(), to: isoDate('To').optional() })

// ---- The Billing page -----------------------------------------------------------------------------
export const unbilledRow = charge.extend({ clientName: z.string() })
export type UnbilledRow = z.infer<typeof unbilledRow>

export const agingRow = z.strictObject({
  clientId: z.string(),
  clientName: z.string(),
  current: z.int(),
  days31to60: z.int(),
  days61to90: z.int(),
  over90: z.int(),
  total: z.int()
})
export type AgingRow = z.infer<typeof agingRow>
export const aging = z.strictObject({
  asOf: z.string(),
  rows: z.array(agingRow),
  totals: z.strictObject(Object.fromEntries(AGING_BUCKETS.map((b) => [b, z.int()])) as Record<(typeof AGING_BUCKETS)[number], z.ZodInt>).extend({ total: z.int() })
})
export type Aging = z.infer<typeof aging>

export const monthTotal = z.strictObject({ month: z.string(), charged: z.int(), adjusted: z.int(), received: z.int(), refunded: z.int() })
export type MonthTotal = z.infer<typeof monthTotal>

export const exportResult = z.strictObject({ path: z.string(), fileName: z.string(), rows: z.int(), bytes: z.int() })
export type BillingExportResult = z.infer<typeof exportResult>

const practiceWide = { target: () => ({ entityId: null, clientId: null }) } as const

/**
 * A superbill for one client over a date range (at most 12 months), stored as a numbered document
 * (SB-2026-0001, documents:list) and written as a PDF into the exports folder. Refused when incomplete: a conflict whose fields `missing.0`, `missing.1`… each
 * name one missing item and where it is fixed; a range with nothing billable is a conflict on `to`;
 * a range backwards or over 12 months is invalid input.
 */
export const superbillInput = z.strictObject({ clientId, from: isoDate('From'), to: isoDate('To') }).superRefine((r, ctx) => {
  const problem = superbillRangeProblem(r.from, r.to)
  if (problem) ctx.addIssue({ code: 'custom', path: [problem.field], message: problem.message })
})
export const superbillResult = z.strictObject({
  /** The stored document. */
  id: z.string(),
  number: z.string(),
  path: z.string(),
  fileName: z.string(),
  bytes: z.int(),
  /** Printed blank but not required (payer and member ID). */
  warnings: z.array(z.string())
})
export type SuperbillResult = z.infer<typeof superbillResult>

export const billingContracts = {
  // Providers and settings
  providers: defineContract('billing:providers', z.strictObject({}), z.array(provider), { roles: ANY_ROLE }),
  saveProvider: defineContract('billing:saveProvider', z.strictObject({ userId: uuid('User'), provider: providerInput }), provider, {
    roles: BILLING_ROLES,
    audit: { action: 'update', entity: 'provider', target: (input) => ({ entityId: input.userId, clientId: null }) }
  }),
  settings: defineContract('billing:settings', z.strictObject({}), billingSettings, { roles: ANY_ROLE }),
  saveSettings: defineContract('billing:saveSettings', z.strictObject({ holdUntilSigned: z.boolean({ error: 'Choose on or off' }) }), billingSettings, {
    roles: BILLING_ROLES,
    audit: { action: 'update', entity: 'practice', ...practiceWide }
  }),

  // Fee schedule
  fees: defineContract('billing:fees', z.strictObject({}), feeSchedule, { roles: ANY_ROLE }),
  createFee: defineContract('billing:createFee', z.strictObject({ fee: feeInput }), feeItem, {
    roles: BILLING_ROLES,
    audit: { action: 'create', entity: 'fee', target: (_in, out) => ({ entityId: out.id, clientId: null }) }
  }),
  updateFee: defineContract('billing:updateFee', z.strictObject({ id: uuid('Service'), fee: feeInput }), feeItem, {
    roles: BILLING_ROLES,
    audit: { action: 'update', entity: 'fee', target: (_in, out) => ({ entityId: out.id, clientId: null }) }
  }),
  saveDefaults: defineContract(
    'billing:saveDefaults',
    z.strictObject({ event: billingEvent, lines: z.array(defaultLineInput).max(6, { error: 'At most 6 lines for one kind of session' }) }),
    feeSchedule,
    { roles: BILLING_ROLES, audit: { action: 'update', entity: 'fee', ...practiceWide } }
  ),

  // A client's account
  account: defineContract('billing:account', accountInput, account, { roles: ANY_ROLE }),
  createCharge: defineContract('billing:createCharge', z.strictObject({ clientId, charge: manualChargeInput }), charge, {
    roles: BILLING_ROLES,
    audit: { action: 'create', entity: 'charge' }
  }),
  updateCharge: defineContract('billing:updateCharge', z.strictObject({ id: chargeId, charge: chargeEdit }), charge, {
    roles: BILLING_ROLES,
    audit: { action: 'update', entity: 'charge' }
  }),
  voidCharge: defineContract('billing:voidCharge', z.strictObject({ id: chargeId, reason }), charge, {
    roles: BILLING_ROLES,
    audit: { action: 'void', entity: 'charge' }
  }),
  adjust: defineContract('billing:adjust', z.strictObject({ chargeId, adjustment: adjustmentInput }), adjustment, {
    roles: BILLING_ROLES,
    audit: { action: 'create', entity: 'adjustment' }
  }),
  voidAdjustment: defineContract('billing:voidAdjustment', z.strictObject({ id: uuid('Adjustment ID'), reason }), adjustment, {
    roles: BILLING_ROLES,
    audit: { action: 'void', entity: 'adjustment' }
  }),
  setSlidingScale: defineContract('billing:setSlidingScale', z.strictObject({ clientId, scale: slidingScaleInput }), slidingScale, {
    roles: BILLING_ROLES,
    audit: { action: 'create', entity: 'sliding_scale' }
  }),
  endSlidingScale: defineContract('billing:endSlidingScale', z.strictObject({ id: uuid('Sliding scale ID'), endedOn: isoDate('End date') }), slidingScale, {
    roles: BILLING_ROLES,
    audit: { action: 'update', entity: 'sliding_scale' }
  }),

  // Invoices
  invoice: defineContract('billing:invoice', z.strictObject({ id: invoiceId }), invoiceDetail, { roles: ANY_ROLE }),
  createInvoice: defineContract('billing:createInvoice', createInvoiceInput, invoiceDetail, {
    roles: BILLING_ROLES,
    audit: { action: 'create', entity: 'invoice' }
  }),
  invoiceMonth: defineContract('billing:invoiceMonth', monthInput, z.array(invoice), {
    roles: BILLING_ROLES,
    audit: { action: 'create', entity: 'invoice', ...practiceWide }
  }),
  issueInvoice: defineContract('billing:issueInvoice', z.strictObject({ id: invoiceId, issuedOn: isoDate('Issue date').optional() }), invoiceDetail, {
    roles: BILLING_ROLES,
    audit: { action: 'issue', entity: 'invoice' }
  }),
  voidInvoice: defineContract('billing:voidInvoice', z.strictObject({ id: invoiceId, reason }), invoiceDetail, {
    roles: BILLING_ROLES,
    audit: { action: 'void', entity: 'invoice' }
  }),

  // Payments
  recordPayment: defineContract('billing:recordPayment', z.strictObject({ clientId, payment: paymentInput }), payment, {
    roles: BILLING_ROLES,
    audit: { action: 'create', entity: 'payment' }
  }),
  applyCredit: defineContract('billing:applyCredit', applyCreditInput, z.array(allocation), {
    roles: BILLING_ROLES,
    audit: { action: 'update', entity: 'payment', target: (input) => ({ entityId: null, clientId: input.clientId }) }
  }),
  refund: defineContract('billing:refund', z.strictObject({ clientId, refund: refundInput }), payment, {
    roles: BILLING_ROLES,
    audit: { action: 'create', entity: 'payment' }
  }),

  // The Billing page
  unbilled: defineContract('billing:unbilled', z.strictObject({}), z.array(unbilledRow), { roles: BILLING_ROLES }),
  invoices: defineContract('billing:invoices', z.strictObject({ openOnly: z.boolean({ error: 'Choose open or all' }).default(true) }), z.array(invoice), {
    roles: BILLING_ROLES
  }),
  payments: defineContract('billing:payments', dateRange, z.array(payment), { roles: BILLING_ROLES }),
  aging: defineContract('billing:aging', z.strictObject({ asOf: isoDate('As of').optional() }), aging, { roles: BILLING_ROLES }),
  /** The twelve months of the calendar year of `asOf`. */
  monthTotals: defineContract('billing:monthTotals', z.strictObject({ asOf: isoDate('Year') }), z.array(monthTotal), {
    roles: BILLING_ROLES
  }),
  superbill: defineContract('billing:superbill', superbillInput, superbillResult, {
    roles: BILLING_ROLES,
    audit: { action: 'create', entity: 'document', target: (input, out) => ({ entityId: out.id, clientId: input.clientId }) }
  }),
  exportCsv: defineContract('billing:exportCsv', dateRange, exportResult, { roles: BILLING_ROLES, audit: { action: 'export', entity: 'practice', ...practiceWide } })
}
