/**
 * The billing ledger. Money is INTEGER cents. Ledger rows (charges, adjustments, payments and
 * refunds, allocations) are never deleted: a void marks the row with who, when and why, and
 * totals skip it. Every balance shown is computed from these rows (features/billing/repository.ts).
 * IDs are UUIDs and nothing means anything by rowid, so the ledger can later merge across machines.
 */
import { sql } from 'drizzle-orm'
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { ADJUSTMENT_KINDS, BILLING_EVENTS, PAYMENT_METHODS } from '../../../shared/domain/billing'
import { clients } from './clients'
import { sessions } from './clinical'
import { users } from './users'

/** A clinician's billing identity (a superbill's rendering provider). One row per user who has one. */
export const providerProfiles = sqliteTable('provider_profiles', {
  userId: text('user_id').primaryKey().references(() => users.id, { onDelete: 'restrict' }),
  npi: text('npi').notNull(),
  licenseNumber: text('license_number').notNull(),
  licenseState: text('license_state').notNull(),
  taxonomyCode: text('taxonomy_code'),
  credentials: text('credentials').notNull(),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull()
})

/** Practice-wide billing choices: one row, id 'practice' (defaults apply until it is saved). */
export const billingSettings = sqliteTable('billing_settings', {
  id: text('id').primaryKey(),
  /** Hold a session's charges until its note is signed. */
  holdUntilSigned: integer('hold_until_signed', { mode: 'boolean' }).notNull().default(true),
  updatedAt: text('updated_at').notNull()
})

/** The fee schedule: our own descriptions (never CPT's descriptor text). A fee change never rewrites a charge. */
export const feeItems = sqliteTable(
  'fee_items',
  {
    id: text('id').primaryKey(),
    code: text('code').notNull(),
    /** Comma-separated two-character modifiers, '' for none. */
    modifiers: text('modifiers').notNull(),
    description: text('description').notNull(),
    unitFeeCents: integer('unit_fee_cents').notNull(),
    /** The usual range of a line's amount (units × fee), for the fee schedule's reader; never enforced on a charge. */
    minFeeCents: integer('min_fee_cents'),
    maxFeeCents: integer('max_fee_cents'),
    archivedAt: text('archived_at'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull()
  },
  (t) => [index('fee_items_code_idx').on(t.code)]
)

/** The charge lines a billing event (a session of a kind, a late cancellation, a no-show) creates. */
export const feeDefaults = sqliteTable(
  'fee_defaults',
  {
    id: text('id').primaryKey(),
    event: text('event', { enum: BILLING_EVENTS }).notNull(),
    position: integer('position').notNull(),
    feeItemId: text('fee_item_id').notNull().references(() => feeItems.id, { onDelete: 'restrict' }),
    units: integer('units').notNull()
  },
  (t) => [uniqueIndex('fee_defaults_event_position_uq').on(t.event, t.position)]
)

/** A client's sliding scale: a percent (basis points) or a fixed amount off each session from a date. */
export const slidingScales = sqliteTable(
  'sliding_scales',
  {
    id: text('id').primaryKey(),
    clientId: text('client_id').notNull().references(() => clients.id, { onDelete: 'restrict' }),
    mode: text('mode', { enum: ['percent', 'fixed'] }).notNull(),
    percentBp: integer('percent_bp'),
    fixedCents: integer('fixed_cents'),
    reason: text('reason').notNull(),
    startsOn: text('starts_on').notNull(),
    endedOn: text('ended_on'),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull(),
    updatedAt: text('updated_at').notNull()
  },
  (t) => [index('sliding_scales_client_idx').on(t.clientId, t.startsOn)]
)

export const invoices = sqliteTable(
  'invoices',
  {
    id: text('id').primaryKey(),
    clientId: text('client_id').notNull().references(() => clients.id, { onDelete: 'restrict' }),
    /** INV-YYYY-NNNN, taken from invoice_counters in the transaction that inserts the row. */
    number: text('number').notNull(),
    year: integer('year').notNull(),
    seq: integer('seq').notNull(),
    status: text('status', { enum: ['draft', 'issued', 'void'] }).notNull(),
    issuedOn: text('issued_on'),
    /** Sum of its lines; fixed, because lines cannot change once the invoice is issued. */
    totalCents: integer('total_cents').notNull(),
    /**
     * Nothing left to pay (total − adjustments − payments applied = 0), refreshed from the rows by
     * every write that touches the invoice. Only a filter, so the aging report skips paid invoices;
     * amounts are always summed from the rows (a test checks the flag against them).
     */
    settled: integer('settled', { mode: 'boolean' }).notNull().default(false),
    /**
     * What is still open (total − adjustments − payments applied), refreshed with `settled` by the
     * same writes, so the aging report reads one column instead of summing two tables per invoice.
     * Kept in one place and checked against the rows by a test (settledMismatches).
     */
    openCents: integer('open_cents').notNull().default(0),
    note: text('note'),
    voidedAt: text('voided_at'),
    voidReason: text('void_reason'),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull(),
    updatedAt: text('updated_at').notNull()
  },
  (t) => [
    uniqueIndex('invoices_number_uq').on(t.number),
    uniqueIndex('invoices_year_seq_uq').on(t.year, t.seq),
    index('invoices_client_idx').on(t.clientId, t.createdAt),
    index('invoices_open_idx').on(t.issuedOn).where(sql`status = 'issued' AND settled = 0`)
  ]
)

/** One counter per year: the last invoice number taken. Numbers are never reused and never skipped. */
export const invoiceCounters = sqliteTable('invoice_counters', {
  year: integer('year').primaryKey({ autoIncrement: false }),
  last: integer('last').notNull()
})

export const charges = sqliteTable(
  'charges',
  {
    id: text('id').primaryKey(),
    clientId: text('client_id').notNull().references(() => clients.id, { onDelete: 'restrict' }),
    sessionId: text('session_id').references(() => sessions.id, { onDelete: 'restrict' }),
    feeItemId: text('fee_item_id').references(() => feeItems.id, { onDelete: 'restrict' }),
    event: text('event', { enum: BILLING_EVENTS }),
    dateOfService: text('date_of_service').notNull(),
    code: text('code').notNull(),
    modifiers: text('modifiers').notNull(),
    description: text('description').notNull(),
    units: integer('units').notNull(),
    unitFeeCents: integer('unit_fee_cents').notNull(),
    /** units × unit fee (shared/domain/money lineAmount). */
    amountCents: integer('amount_cents').notNull(),
    placeOfService: text('place_of_service').notNull(),
    renderingUserId: text('rendering_user_id').references(() => users.id, { onDelete: 'restrict' }),
    /** JSON array of the diagnosis IDs pointed to, in pointer order (letters come from the client's current order). */
    diagnosisIds: text('diagnosis_ids').notNull(),
    /** Waiting for the session's note to be signed (the hold-until-signed setting). */
    held: integer('held', { mode: 'boolean' }).notNull(),
    /** The invoice the charge is on now; cleared when that invoice is voided (invoice_lines keeps the history). */
    invoiceId: text('invoice_id').references(() => invoices.id, { onDelete: 'restrict' }),
    voidedAt: text('voided_at'),
    voidReason: text('void_reason'),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull(),
    updatedAt: text('updated_at').notNull()
  },
  (t) => [
    index('charges_client_idx').on(t.clientId, t.dateOfService),
    index('charges_session_idx').on(t.sessionId).where(sql`session_id IS NOT NULL`),
    index('charges_invoice_idx').on(t.invoiceId).where(sql`invoice_id IS NOT NULL`),
    index('charges_unbilled_idx').on(t.dateOfService).where(sql`invoice_id IS NULL AND voided_at IS NULL`)
  ]
)

export const invoiceLines = sqliteTable(
  'invoice_lines',
  {
    id: text('id').primaryKey(),
    invoiceId: text('invoice_id').notNull().references(() => invoices.id, { onDelete: 'restrict' }),
    chargeId: text('charge_id').notNull().references(() => charges.id, { onDelete: 'restrict' }),
    position: integer('position').notNull(),
    amountCents: integer('amount_cents').notNull()
  },
  (t) => [uniqueIndex('invoice_lines_invoice_charge_uq').on(t.invoiceId, t.chargeId), index('invoice_lines_charge_idx').on(t.chargeId)]
)

/** An adjustment names the charge it adjusts; the charge never changes. Positive amounts reduce what is owed. */
export const adjustments = sqliteTable(
  'adjustments',
  {
    id: text('id').primaryKey(),
    clientId: text('client_id').notNull().references(() => clients.id, { onDelete: 'restrict' }),
    chargeId: text('charge_id').notNull().references(() => charges.id, { onDelete: 'restrict' }),
    kind: text('kind', { enum: ADJUSTMENT_KINDS }).notNull(),
    amountCents: integer('amount_cents').notNull(),
    date: text('date').notNull(),
    reason: text('reason').notNull(),
    slidingScaleId: text('sliding_scale_id').references(() => slidingScales.id, { onDelete: 'restrict' }),
    /** The invoice its charge is on now (kept with charges.invoice_id), so an invoice's adjustments are one index probe. */
    invoiceId: text('invoice_id').references(() => invoices.id, { onDelete: 'restrict' }),
    voidedAt: text('voided_at'),
    voidReason: text('void_reason'),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull()
  },
  (t) => [
    index('adjustments_client_idx').on(t.clientId, t.date),
    index('adjustments_charge_idx').on(t.chargeId),
    // Covering: an invoice's adjustments are summed from the index alone (the aging report).
    index('adjustments_invoice_idx').on(t.invoiceId, t.voidedAt, t.amountCents).where(sql`invoice_id IS NOT NULL`)
  ]
)

/** Money in (kind 'payment') or out of the client's credit (kind 'refund'). A refund is its own row, never a deleted payment. */
export const payments = sqliteTable(
  'payments',
  {
    id: text('id').primaryKey(),
    clientId: text('client_id').notNull().references(() => clients.id, { onDelete: 'restrict' }),
    kind: text('kind', { enum: ['payment', 'refund'] }).notNull(),
    receivedOn: text('received_on').notNull(),
    amountCents: integer('amount_cents').notNull(),
    method: text('method', { enum: PAYMENT_METHODS }).notNull(),
    /** Check number or a card's last 4 digits; a full card number is refused. */
    reference: text('reference'),
    note: text('note'),
    voidedAt: text('voided_at'),
    voidReason: text('void_reason'),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull()
  },
  (t) => [index('payments_client_idx').on(t.clientId, t.receivedOn), index('payments_received_idx').on(t.receivedOn)]
)

/** A part of a payment applied to one charge of an invoice. Voided (money back to credit) when the invoice is voided. */
export const allocations = sqliteTable(
  'allocations',
  {
    id: text('id').primaryKey(),
    paymentId: text('payment_id').notNull().references(() => payments.id, { onDelete: 'restrict' }),
    invoiceId: text('invoice_id').notNull().references(() => invoices.id, { onDelete: 'restrict' }),
    chargeId: text('charge_id').notNull().references(() => charges.id, { onDelete: 'restrict' }),
    clientId: text('client_id').notNull().references(() => clients.id, { onDelete: 'restrict' }),
    amountCents: integer('amount_cents').notNull(),
    voidedAt: text('voided_at'),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull()
  },
  (t) => [
    index('allocations_payment_idx').on(t.paymentId),
    // Covering: an invoice's payments are summed from the index alone (the aging report).
    index('allocations_invoice_idx').on(t.invoiceId, t.voidedAt, t.amountCents),
    index('allocations_charge_idx').on(t.chargeId),
    index('allocations_client_idx').on(t.clientId)
  ]
)
