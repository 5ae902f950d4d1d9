/**
 * The ledger's reads and writes. Hot reads (a client's account, the aging report, invoice
 * creation) are raw statements prepared once per connection; rows come back in the shape the
 * service needs. Every amount is read from the ledger rows themselves: nothing here stores a
 * balance.
 */
import type Database from 'better-sqlite3-multiple-ciphers'
import type { Sqlite } from '../../db/connection'

type Statement = Database.Statement<unknown[]>

export interface ChargeRow {
  id: string
  clientId: string
  sessionId: string | null
  feeItemId: string | null
  event: string | null
  dateOfService: string
  code: string
  modifiers: string
  description: string
  units: number
  unitFeeCents: number
  amountCents: number
  placeOfService: string
  renderingUserId: string | null
  diagnosisIds: string
  held: number
  invoiceId: string | null
  invoiceNumber: string | null
  voidedAt: string | null
  voidReason: string | null
  createdAt: string
  createdBy: string
  adjusted: number
  paid: number
}

export interface InvoiceRow {
  id: string
  clientId: string
  clientName: string
  number: string
  year: number
  seq: number
  status: 'draft' | 'issued' | 'void'
  issuedOn: string | null
  totalCents: number
  note: string | null
  voidReason: string | null
  createdAt: string
  lineCount: number
  adjusted: number
  paid: number
}

export interface PaymentRow {
  id: string
  clientId: string
  clientName: string
  kind: 'payment' | 'refund'
  receivedOn: string
  amountCents: number
  method: string
  reference: string | null
  note: string | null
  createdAt: string
  applied: number
}

export interface AdjustmentRow {
  id: string
  clientId: string
  chargeId: string
  kind: string
  amountCents: number
  date: string
  reason: string
  slidingScaleId: string | null
  voidedAt: string | null
  createdAt: string
  chargeCounts: number
}

export interface FeeItemRow {
  id: string
  code: string
  modifiers: string
  description: string
  unitFeeCents: number
  minFeeCents: number | null
  maxFeeCents: number | null
  archivedAt: string | null
  createdAt: string
  updatedAt: string
}

export interface SlidingScaleRow {
  id: string
  clientId: string
  mode: 'percent' | 'fixed'
  percentBp: number | null
  fixedCents: number | null
  reason: string
  startsOn: string
  endedOn: string | null
  createdAt: string
}

const CLIENT_NAME = `trim(coalesce(nullif(k.preferred_name, ''), k.legal_first_name) || ' ' || k.legal_last_name)`

const CHARGE_SELECT = `SELECT c.id, c.client_id AS clientId, c.session_id AS sessionId, c.fee_item_id AS feeItemId, c.event,
  c.date_of_service AS dateOfService, c.code, c.modifiers, c.description, c.units, c.unit_fee_cents AS unitFeeCents,
  c.amount_cents AS amountCents, c.place_of_service AS placeOfService, c.rendering_user_id AS renderingUserId,
  c.diagnosis_ids AS diagnosisIds, c.held, c.invoice_id AS invoiceId, i.number AS invoiceNumber, c.voided_at AS voidedAt,
  c.void_reason AS voidReason, c.created_at AS createdAt, c.created_by AS createdBy,
  coalesce((SELECT sum(a.amount_cents) FROM adjustments a WHERE a.charge_id = c.id AND a.voided_at IS NULL), 0) AS adjusted,
  coalesce((SELECT sum(l.amount_cents) FROM allocations l WHERE l.charge_id = c.id AND l.voided_at IS NULL), 0) AS paid
FROM charges c LEFT JOIN invoices i ON i.id = c.invoice_id`

const INVOICE_SELECT = `SELECT i.id, i.client_id AS clientId, ${CLIENT_NAME} AS clientName, i.number, i.year, i.seq, i.status,
  i.issued_on AS issuedOn, i.total_cents AS totalCents, i.note, i.void_reason AS voidReason, i.created_at AS createdAt,
  (SELECT count(*) FROM invoice_lines n WHERE n.invoice_id = i.id) AS lineCount,
  coalesce((SELECT sum(a.amount_cents) FROM charges c JOIN adjustments a ON a.charge_id = c.id AND a.voided_at IS NULL WHERE c.invoice_id = i.id), 0) AS adjusted,
  coalesce((SELECT sum(l.amount_cents) FROM allocations l WHERE l.invoice_id = i.id AND l.voided_at IS NULL), 0) AS paid
FROM invoices i JOIN clients k ON k.id = i.client_id`

/**
 * What is left to pay on a draft or issued invoice `i`, from the rows: total − adjustments on its
 * lines' charges − payments applied to it. Both sums are read from covering indexes.
 */
const OPEN_SQL = `(i.total_cents
  - coalesce((SELECT sum(a.amount_cents) FROM adjustments a WHERE a.invoice_id = i.id AND a.voided_at IS NULL), 0)
  - coalesce((SELECT sum(l.amount_cents) FROM allocations l WHERE l.invoice_id = i.id AND l.voided_at IS NULL), 0))`

/** Refreshes every issued invoice's settled flag and open amount from its rows (a bulk load's last step). */
export const REFRESH_ALL_OPEN_SQL = `UPDATE invoices AS i SET settled = (${OPEN_SQL}) <= 0, open_cents = ${OPEN_SQL} WHERE i.status = 'issued'`

const PAYMENT_SELECT = `SELECT p.id, p.client_id AS clientId, ${CLIENT_NAME} AS clientName, p.kind, p.received_on AS receivedOn,
  p.amount_cents AS amountCents, p.method, p.reference, p.note, p.created_at AS createdAt,
  coalesce((SELECT sum(l.amount_cents) FROM allocations l WHERE l.payment_id = p.id AND l.voided_at IS NULL), 0) AS applied
FROM payments p JOIN clients k ON k.id = p.client_id`

const ADJUSTMENT_SELECT = `SELECT a.id, a.client_id AS clientId, a.charge_id AS chargeId, a.kind, a.amount_cents AS amountCents, a.date,
  a.reason, a.sliding_scale_id AS slidingScaleId, a.voided_at AS voidedAt, a.created_at AS createdAt,
  (c.voided_at IS NULL AND c.held = 0) AS chargeCounts
FROM adjustments a JOIN charges c ON c.id = a.charge_id`

const FEE_SELECT = `SELECT id, code, modifiers, description, unit_fee_cents AS unitFeeCents, min_fee_cents AS minFeeCents,
  max_fee_cents AS maxFeeCents, archived_at AS archivedAt, created_at AS createdAt, updated_at AS updatedAt FROM fee_items`

const SCALE_SELECT = `SELECT id, client_id AS clientId, mode, percent_bp AS percentBp, fixed_cents AS fixedCents, reason,
  starts_on AS startsOn, ended_on AS endedOn, created_at AS createdAt FROM sliding_scales`

export function createBillingRepository(sqlite: Sqlite) {
  const cache = new Map<string, Statement>()
  const stmt = (sql: string): Statement => {
    let s = cache.get(sql)
    if (!s) {
      s = sqlite.prepare(sql)
      cache.set(sql, s)
    }
    return s
  }
  const all = <T>(sql: string, ...params: unknown[]): T[] => stmt(sql).all(...params) as T[]
  const get = <T>(sql: string, ...params: unknown[]): T | undefined => stmt(sql).get(...params) as T | undefined
  const run = (sql: string, ...params: unknown[]): number => stmt(sql).run(...params).changes

  return {
    // ---- people and settings
    clientState: (clientId: string) => get<{ archivedAt: string | null }>('SELECT archived_at AS archivedAt FROM clients WHERE id = ?', clientId),
    clientName: (clientId: string) => get<{ name: string }>(`SELECT ${CLIENT_NAME} AS name FROM clients k WHERE k.id = ?`, clientId)?.name ?? '',
    providers: () =>
      all<{
        userId: string
        displayName: string
        role: 'owner' | 'clinician'
        deactivatedAt: string | null
        npi: string | null
        licenseNumber: string | null
        licenseState: string | null
        taxonomyCode: string | null
        credentials: string | null
        userCredentials: string | null
        updatedAt: string | null
      }>(
        `SELECT u.id AS userId, u.display_name AS displayName, u.role, u.deactivated_at AS deactivatedAt, p.npi, p.license_number AS licenseNumber,
          p.license_state AS licenseState, p.taxonomy_code AS taxonomyCode, p.credentials, u.credentials AS userCredentials, p.updated_at AS updatedAt
         FROM users u LEFT JOIN provider_profiles p ON p.user_id = u.id WHERE u.role IN ('owner', 'clinician') ORDER BY u.deactivated_at IS NOT NULL, u.display_name, u.id`
      ),
    userRole: (userId: string) => get<{ role: string; deactivatedAt: string | null }>('SELECT role, deactivated_at AS deactivatedAt FROM users WHERE id = ?', userId),
    upsertProvider: (row: { userId: string; npi: string; licenseNumber: string; licenseState: string; taxonomyCode: string | null; credentials: string; now: string }) =>
      run(
        `INSERT INTO provider_profiles (user_id, npi, license_number, license_state, taxonomy_code, credentials, created_at, updated_at)
         VALUES (@userId, @npi, @licenseNumber, @licenseState, @taxonomyCode, @credentials, @now, @now)
         ON CONFLICT (user_id) DO UPDATE SET npi = excluded.npi, license_number = excluded.license_number, license_state = excluded.license_state,
           taxonomy_code = excluded.taxonomy_code, credentials = excluded.credentials, updated_at = excluded.updated_at`,
        row
      ),
    settings: () => get<{ holdUntilSigned: number; updatedAt: string }>("SELECT hold_until_signed AS holdUntilSigned, updated_at AS updatedAt FROM billing_settings WHERE id = 'practice'"),
    saveSettings: (holdUntilSigned: boolean, now: string) =>
      run(
        `INSERT INTO billing_settings (id, hold_until_signed, updated_at) VALUES ('practice', ?, ?)
         ON CONFLICT (id) DO UPDATE SET hold_until_signed = excluded.hold_until_signed, updated_at = excluded.updated_at`,
        holdUntilSigned ? 1 : 0,
        now
      ),

    // ---- fee schedule
    feeItems: () => all<FeeItemRow>(`${FEE_SELECT} ORDER BY archived_at IS NOT NULL, code, description, id`),
    feeItem: (id: string) => get<FeeItemRow>(`${FEE_SELECT} WHERE id = ?`, id),
    insertFee: (row: Omit<FeeItemRow, 'updatedAt'> & { updatedAt: string }) =>
      run(
        `INSERT INTO fee_items (id, code, modifiers, description, unit_fee_cents, min_fee_cents, max_fee_cents, archived_at, created_at, updated_at)
         VALUES (@id, @code, @modifiers, @description, @unitFeeCents, @minFeeCents, @maxFeeCents, @archivedAt, @createdAt, @updatedAt)`,
        row
      ),
    updateFee: (row: Omit<FeeItemRow, 'createdAt'>) =>
      run(
        `UPDATE fee_items SET code = @code, modifiers = @modifiers, description = @description, unit_fee_cents = @unitFeeCents,
           min_fee_cents = @minFeeCents, max_fee_cents = @maxFeeCents, archived_at = @archivedAt, updated_at = @updatedAt WHERE id = @id`,
        row
      ),
    feeDefaults: () =>
      all<{ event: string; position: number; feeItemId: string; units: number }>(
        'SELECT event, position, fee_item_id AS feeItemId, units FROM fee_defaults ORDER BY event, position'
      ),
    feeDefaultsFor: (event: string) =>
      all<{ feeItemId: string; units: number }>('SELECT fee_item_id AS feeItemId, units FROM fee_defaults WHERE event = ? ORDER BY position', event),
    /** Default lines are configuration, not ledger rows: replacing them is a delete and insert. */
    replaceDefaults: (event: string, lines: { id: string; feeItemId: string; units: number }[]) => {
      run('DELETE FROM fee_defaults WHERE event = ?', event)
      lines.forEach((l, position) => run('INSERT INTO fee_defaults (id, event, position, fee_item_id, units) VALUES (?, ?, ?, ?, ?)', l.id, event, position, l.feeItemId, l.units))
    },

    // ---- diagnoses (for pointers)
    currentDiagnoses: (clientId: string) =>
      all<{ id: string; code: string }>('SELECT id, code FROM diagnoses WHERE client_id = ? AND removed_at IS NULL ORDER BY position, added_at', clientId),
    diagnosisCodes: (ids: readonly string[]) =>
      ids.length === 0 ? [] : all<{ id: string; code: string }>(`SELECT id, code FROM diagnoses WHERE id IN (${ids.map(() => '?').join(',')})`, ...ids),

    // ---- sessions
    session: (id: string) =>
      get<{ id: string; clientId: string; date: string; kind: string; status: string; placeOfService: string; renderingUserId: string | null }>(
        'SELECT id, client_id AS clientId, date, kind, status, place_of_service AS placeOfService, rendering_user_id AS renderingUserId FROM sessions WHERE id = ?',
        id
      ),
    /** 'none' | 'draft' | 'signed', as the timeline counts it. */
    sessionNotesSigned: (sessionId: string): boolean => {
      const r = get<{ n: number; unsigned: number }>('SELECT count(*) AS n, coalesce(sum(signed_at IS NULL), 0) AS unsigned FROM notes WHERE session_id = ?', sessionId)
      return !!r && r.n > 0 && r.unsigned === 0
    },
    liveChargesOfSession: (sessionId: string) =>
      all<{ id: string; event: string | null; invoiceId: string | null }>(
        'SELECT id, event, invoice_id AS invoiceId FROM charges WHERE session_id = ? AND voided_at IS NULL',
        sessionId
      ),
    hasLiveCharges: (sessionId: string): boolean => get('SELECT 1 FROM charges WHERE session_id = ? AND voided_at IS NULL LIMIT 1', sessionId) !== undefined,
    releaseHeld: (sessionId: string | null, now: string): string[] => {
      const ids =
        sessionId === null
          ? (stmt('SELECT id FROM charges WHERE held = 1 AND voided_at IS NULL').pluck().all() as string[])
          : (stmt('SELECT id FROM charges WHERE session_id = ? AND held = 1 AND voided_at IS NULL').pluck().all(sessionId) as string[])
      for (const id of ids) run('UPDATE charges SET held = 0, updated_at = ? WHERE id = ?', now, id)
      return ids
    },

    // ---- charges
    insertCharge: (row: {
      id: string
      clientId: string
      sessionId: string | null
      feeItemId: string | null
      event: string | null
      dateOfService: string
      code: string
      modifiers: string
      description: string
      units: number
      unitFeeCents: number
      amountCents: number
      placeOfService: string
      renderingUserId: string | null
      diagnosisIds: string
      held: number
      now: string
      by: string
    }) =>
      run(
        `INSERT INTO charges (id, client_id, session_id, fee_item_id, event, date_of_service, code, modifiers, description, units, unit_fee_cents,
           amount_cents, place_of_service, rendering_user_id, diagnosis_ids, held, invoice_id, voided_at, void_reason, created_at, created_by, updated_at)
         VALUES (@id, @clientId, @sessionId, @feeItemId, @event, @dateOfService, @code, @modifiers, @description, @units, @unitFeeCents,
           @amountCents, @placeOfService, @renderingUserId, @diagnosisIds, @held, NULL, NULL, NULL, @now, @by, @now)`,
        row
      ),
    charge: (id: string) => get<ChargeRow>(`${CHARGE_SELECT} WHERE c.id = ?`, id),
    chargesOfClient: (clientId: string) => all<ChargeRow>(`${CHARGE_SELECT} WHERE c.client_id = ? ORDER BY c.date_of_service, c.created_at, c.id`, clientId),
    chargesOfInvoice: (invoiceId: string) =>
      all<ChargeRow>(`${CHARGE_SELECT} JOIN invoice_lines n ON n.charge_id = c.id WHERE n.invoice_id = ? ORDER BY n.position`, invoiceId),
    chargesByIds: (ids: readonly string[]) => all<ChargeRow>(`${CHARGE_SELECT} WHERE c.id IN (SELECT value FROM json_each(?))`, JSON.stringify(ids)),
    unbilledOfClient: (clientId: string) =>
      all<ChargeRow>(`${CHARGE_SELECT} WHERE c.client_id = ? AND c.invoice_id IS NULL AND c.voided_at IS NULL AND c.held = 0 ORDER BY c.date_of_service, c.created_at, c.id`, clientId),
    /** Every unbilled or held charge of the practice, with the client's name. */
    unbilled: () =>
      all<ChargeRow & { clientName: string }>(
        `${CHARGE_SELECT.replace('FROM charges c', `, ${CLIENT_NAME} AS clientName FROM charges c JOIN clients k ON k.id = c.client_id`)}
         WHERE c.invoice_id IS NULL AND c.voided_at IS NULL ORDER BY c.date_of_service, clientName, c.id`
      ),
    clientsWithUnbilledIn: (from: string, to: string) =>
      stmt(
        `SELECT DISTINCT client_id FROM charges INDEXED BY charges_unbilled_idx WHERE invoice_id IS NULL AND voided_at IS NULL AND held = 0
           AND date_of_service >= ? AND date_of_service <= ? ORDER BY client_id`
      )
        .pluck()
        .all(from, to) as string[],
    unbilledIdsOfClientIn: (clientId: string, from: string, to: string) =>
      stmt(
        `SELECT id FROM charges WHERE client_id = ? AND invoice_id IS NULL AND voided_at IS NULL AND held = 0 AND date_of_service >= ? AND date_of_service <= ?
         ORDER BY date_of_service, created_at, id`
      )
        .pluck()
        .all(clientId, from, to) as string[],
    updateCharge: (row: {
      id: string
      units: number
      unitFeeCents: number
      amountCents: number
      modifiers: string
      diagnosisIds: string
      placeOfService: string
      renderingUserId: string | null
      now: string
    }) =>
      run(
        `UPDATE charges SET units = @units, unit_fee_cents = @unitFeeCents, amount_cents = @amountCents, modifiers = @modifiers, diagnosis_ids = @diagnosisIds,
           place_of_service = @placeOfService, rendering_user_id = @renderingUserId, updated_at = @now WHERE id = @id AND invoice_id IS NULL AND voided_at IS NULL`,
        row
      ),
    voidCharge: (id: string, reason: string, now: string) =>
      run('UPDATE charges SET voided_at = ?, void_reason = ?, updated_at = ? WHERE id = ? AND voided_at IS NULL AND invoice_id IS NULL', now, reason, now, id),
    setInvoice: (chargeId: string, invoiceId: string | null, now: string) => {
      run('UPDATE charges SET invoice_id = ?, updated_at = ? WHERE id = ?', invoiceId, now, chargeId)
      run('UPDATE adjustments SET invoice_id = ? WHERE charge_id = ?', invoiceId, chargeId)
    },

    // ---- adjustments and sliding scales
    insertAdjustment: (row: {
      id: string
      clientId: string
      chargeId: string
      kind: string
      amountCents: number
      date: string
      reason: string
      slidingScaleId: string | null
      now: string
      by: string
    }) =>
      run(
        `INSERT INTO adjustments (id, client_id, charge_id, kind, amount_cents, date, reason, sliding_scale_id, invoice_id, voided_at, void_reason, created_at, created_by)
         VALUES (@id, @clientId, @chargeId, @kind, @amountCents, @date, @reason, @slidingScaleId, (SELECT invoice_id FROM charges WHERE id = @chargeId), NULL, NULL, @now, @by)`,
        row
      ),
    adjustment: (id: string) => get<AdjustmentRow>(`${ADJUSTMENT_SELECT} WHERE a.id = ?`, id),
    adjustmentsOfClient: (clientId: string) => all<AdjustmentRow>(`${ADJUSTMENT_SELECT} WHERE a.client_id = ? ORDER BY a.date, a.created_at, a.id`, clientId),
    voidAdjustment: (id: string, reason: string, now: string) => run('UPDATE adjustments SET voided_at = ?, void_reason = ? WHERE id = ? AND voided_at IS NULL', now, reason, id),
    insertScale: (row: SlidingScaleRow & { by: string }) =>
      run(
        `INSERT INTO sliding_scales (id, client_id, mode, percent_bp, fixed_cents, reason, starts_on, ended_on, created_at, created_by, updated_at)
         VALUES (@id, @clientId, @mode, @percentBp, @fixedCents, @reason, @startsOn, @endedOn, @createdAt, @by, @createdAt)`,
        row
      ),
    scale: (id: string) => get<SlidingScaleRow>(`${SCALE_SELECT} WHERE id = ?`, id),
    scalesOfClient: (clientId: string) => all<SlidingScaleRow>(`${SCALE_SELECT} WHERE client_id = ? ORDER BY starts_on DESC, created_at DESC`, clientId),
    /** The scale in force on a date: the latest started on or before it and not ended before it. */
    scaleOn: (clientId: string, date: string) =>
      get<SlidingScaleRow>(`${SCALE_SELECT} WHERE client_id = ? AND starts_on <= ? AND (ended_on IS NULL OR ended_on >= ?) ORDER BY starts_on DESC, created_at DESC LIMIT 1`, clientId, date, date),
    endScale: (id: string, endedOn: string, now: string) => run('UPDATE sliding_scales SET ended_on = ?, updated_at = ? WHERE id = ?', endedOn, now, id),
    endOpenScales: (clientId: string, endedOn: string, now: string) =>
      run('UPDATE sliding_scales SET ended_on = ?, updated_at = ? WHERE client_id = ? AND ended_on IS NULL AND starts_on <= ?', endedOn, now, clientId, endedOn),

    // ---- invoices
    /** Takes the year's next number; rolled back with the transaction, so a failed invoice burns none. */
    nextInvoiceSeq: (year: number): number =>
      stmt('INSERT INTO invoice_counters (year, last) VALUES (?, 1) ON CONFLICT (year) DO UPDATE SET last = last + 1 RETURNING last')
        .pluck()
        .get(year) as number,
    insertInvoice: (row: {
      id: string
      clientId: string
      number: string
      year: number
      seq: number
      status: string
      issuedOn: string | null
      totalCents: number
      note: string | null
      now: string
      by: string
    }) =>
      run(
        `INSERT INTO invoices (id, client_id, number, year, seq, status, issued_on, total_cents, note, voided_at, void_reason, created_at, created_by, updated_at)
         VALUES (@id, @clientId, @number, @year, @seq, @status, @issuedOn, @totalCents, @note, NULL, NULL, @now, @by, @now)`,
        row
      ),
    insertLine: (id: string, invoiceId: string, chargeId: string, position: number, amountCents: number) =>
      run('INSERT INTO invoice_lines (id, invoice_id, charge_id, position, amount_cents) VALUES (?, ?, ?, ?, ?)', id, invoiceId, chargeId, position, amountCents),
    invoice: (id: string) => get<InvoiceRow>(`${INVOICE_SELECT} WHERE i.id = ?`, id),
    invoicesOfClient: (clientId: string) => all<InvoiceRow>(`${INVOICE_SELECT} WHERE i.client_id = ? ORDER BY i.created_at DESC, i.number DESC`, clientId),
    invoicesByIds: (ids: readonly string[]) => all<InvoiceRow>(`${INVOICE_SELECT} WHERE i.id IN (SELECT value FROM json_each(?)) ORDER BY i.number`, JSON.stringify(ids)),
    openInvoices: () => all<InvoiceRow>(`${INVOICE_SELECT} WHERE i.status IN ('draft', 'issued') ORDER BY i.issued_on IS NULL, i.issued_on, i.number`),
    recentInvoices: () => all<InvoiceRow>(`${INVOICE_SELECT} ORDER BY i.created_at DESC, i.number DESC LIMIT 500`),
    issue: (id: string, issuedOn: string, now: string) => run("UPDATE invoices SET status = 'issued', issued_on = ?, updated_at = ? WHERE id = ? AND status = 'draft'", issuedOn, now, id),
    voidInvoice: (id: string, reason: string, now: string) =>
      run("UPDATE invoices SET status = 'void', voided_at = ?, void_reason = ?, updated_at = ? WHERE id = ? AND status <> 'void'", now, reason, now, id),
    releaseInvoiceCharges: (invoiceId: string, now: string) => {
      run('UPDATE adjustments SET invoice_id = NULL WHERE invoice_id = ?', invoiceId)
      return run('UPDATE charges SET invoice_id = NULL, updated_at = ? WHERE invoice_id = ?', now, invoiceId)
    },
    voidAllocationsOfInvoice: (invoiceId: string, now: string) => run('UPDATE allocations SET voided_at = ? WHERE invoice_id = ? AND voided_at IS NULL', now, invoiceId),
    /** A client's issued invoices with something left to pay, oldest first. */
    openIssuedOfClient: (clientId: string) =>
      all<InvoiceRow>(`${INVOICE_SELECT} WHERE i.client_id = ? AND i.status = 'issued' ORDER BY i.issued_on, i.number`, clientId),

    // ---- payments and allocations
    insertPayment: (row: {
      id: string
      clientId: string
      kind: 'payment' | 'refund'
      receivedOn: string
      amountCents: number
      method: string
      reference: string | null
      note: string | null
      now: string
      by: string
    }) =>
      run(
        `INSERT INTO payments (id, client_id, kind, received_on, amount_cents, method, reference, note, voided_at, void_reason, created_at, created_by)
         VALUES (@id, @clientId, @kind, @receivedOn, @amountCents, @method, @reference, @note, NULL, NULL, @now, @by)`,
        row
      ),
    payment: (id: string) => get<PaymentRow>(`${PAYMENT_SELECT} WHERE p.id = ?`, id),
    paymentsOfClient: (clientId: string) => all<PaymentRow>(`${PAYMENT_SELECT} WHERE p.client_id = ? AND p.voided_at IS NULL ORDER BY p.received_on, p.created_at, p.id`, clientId),
    paymentsIn: (from: string, to: string) =>
      all<PaymentRow>(`${PAYMENT_SELECT} WHERE p.received_on >= ? AND p.received_on <= ? AND p.voided_at IS NULL ORDER BY p.received_on DESC, p.created_at DESC`, from, to),
    allocationsOfPayments: (paymentIds: readonly string[]) =>
      all<{ paymentId: string; invoiceId: string; invoiceNumber: string; chargeId: string; amountCents: number }>(
        `SELECT l.payment_id AS paymentId, l.invoice_id AS invoiceId, i.number AS invoiceNumber, l.charge_id AS chargeId, l.amount_cents AS amountCents
         FROM allocations l JOIN invoices i ON i.id = l.invoice_id WHERE l.voided_at IS NULL AND l.payment_id IN (SELECT value FROM json_each(?))
         ORDER BY l.created_at, l.id`,
        JSON.stringify(paymentIds)
      ),
    insertAllocation: (row: { id: string; paymentId: string; invoiceId: string; chargeId: string; clientId: string; amountCents: number; now: string; by: string }) =>
      run(
        `INSERT INTO allocations (id, payment_id, invoice_id, charge_id, client_id, amount_cents, voided_at, created_at, created_by)
         VALUES (@id, @paymentId, @invoiceId, @chargeId, @clientId, @amountCents, NULL, @now, @by)`,
        row
      ),
    /** payments − applied − refunds: the client's credit, from the rows. */
    credit: (clientId: string): number =>
      (get<{ c: number }>(
        `SELECT coalesce((SELECT sum(CASE kind WHEN 'payment' THEN amount_cents ELSE -amount_cents END) FROM payments WHERE client_id = @clientId AND voided_at IS NULL), 0)
          - coalesce((SELECT sum(amount_cents) FROM allocations WHERE client_id = @clientId AND voided_at IS NULL), 0) AS c`,
        { clientId }
      )?.c ?? 0),

    // ---- reports
    /**
     * The aging report by client: what is open on each issued invoice, bucketed by whole days since
     * it was issued (0–30, 31–60, 61–90, over 90 — shared/domain/billing agingBucket's rule), summed
     * in SQL from each invoice's stored open amount. Paid invoices are skipped by the settled flag's partial index.
     */
    aging: (asOf: string) =>
      all<{ clientId: string; current: number; days31to60: number; days61to90: number; over90: number; total: number }>(
        `WITH o AS (
           SELECT i.client_id AS clientId, CAST(julianday(?) - julianday(i.issued_on) AS INTEGER) AS age, i.open_cents AS open
           FROM invoices i INDEXED BY invoices_open_idx WHERE i.status = 'issued' AND i.settled = 0)
         SELECT clientId, sum(CASE WHEN age <= 30 THEN open ELSE 0 END) AS current, sum(CASE WHEN age > 30 AND age <= 60 THEN open ELSE 0 END) AS days31to60,
           sum(CASE WHEN age > 60 AND age <= 90 THEN open ELSE 0 END) AS days61to90, sum(CASE WHEN age > 90 THEN open ELSE 0 END) AS over90, sum(open) AS total
         FROM o WHERE open > 0 GROUP BY clientId`,
        asOf
      ),
    clientNames: (ids: readonly string[]) =>
      all<{ id: string; name: string }>(`SELECT k.id, ${CLIENT_NAME} AS name FROM clients k WHERE k.id IN (SELECT value FROM json_each(?))`, JSON.stringify(ids)),
    /** Sets the invoice's settled flag from its rows (total − adjustments − payments applied ≤ 0). */
    refreshSettled: (invoiceId: string) => run(`UPDATE invoices AS i SET settled = (${OPEN_SQL}) <= 0, open_cents = ${OPEN_SQL} WHERE i.id = ?`, invoiceId),
    /** Invoices whose settled flag disagrees with their rows: always none (tests check it). */
    settledMismatches: (): number =>
      (get<{ n: number }>(`SELECT count(*) AS n FROM invoices i WHERE i.status = 'issued' AND (i.settled <> ((${OPEN_SQL}) <= 0) OR i.open_cents <> ${OPEN_SQL})`)?.n ?? 0) +
      (get<{ n: number }>('SELECT count(*) AS n FROM adjustments a JOIN charges c ON c.id = a.charge_id WHERE a.invoice_id IS NOT c.invoice_id')?.n ?? 0),
    monthTotals: (from: string, to: string) =>
      all<{ month: string; charged: number; adjusted: number; received: number; refunded: number }>(
        `WITH m AS (
           SELECT substr(date_of_service, 1, 7) AS month, amount_cents AS charged, 0 AS adjusted, 0 AS received, 0 AS refunded FROM charges
             WHERE voided_at IS NULL AND held = 0 AND date_of_service >= @from AND date_of_service <= @to
           UNION ALL SELECT substr(a.date, 1, 7), 0, a.amount_cents, 0, 0 FROM adjustments a JOIN charges c ON c.id = a.charge_id
             WHERE a.voided_at IS NULL AND c.voided_at IS NULL AND c.held = 0 AND a.date >= @from AND a.date <= @to
           UNION ALL SELECT substr(received_on, 1, 7), 0, 0, CASE kind WHEN 'payment' THEN amount_cents ELSE 0 END, CASE kind WHEN 'refund' THEN amount_cents ELSE 0 END
             FROM payments WHERE voided_at IS NULL AND received_on >= @from AND received_on <= @to)
         SELECT month, sum(charged) AS charged, sum(adjusted) AS adjusted, sum(received) AS received, sum(refunded) AS refunded FROM m GROUP BY month ORDER BY month`,
        { from, to }
      ),
    /** The accountant's rows for a date range: every ledger line with its client's record ID. */
    exportRows: (from: string, to: string) => ({
      charges: all<{ date: string; clientId: string; code: string; modifiers: string; description: string; units: number; unitFee: number; amount: number; invoice: string | null; state: string }>(
        `SELECT c.date_of_service AS date, c.client_id AS clientId, c.code, c.modifiers, c.description, c.units, c.unit_fee_cents AS unitFee, c.amount_cents AS amount,
           i.number AS invoice, CASE WHEN c.voided_at IS NOT NULL THEN 'void' WHEN c.held = 1 THEN 'held' WHEN c.invoice_id IS NULL THEN 'unbilled' ELSE 'invoiced' END AS state
         FROM charges c LEFT JOIN invoices i ON i.id = c.invoice_id WHERE c.date_of_service >= ? AND c.date_of_service <= ? ORDER BY c.date_of_service, c.created_at, c.id`,
        from,
        to
      ),
      adjustments: all<{ date: string; clientId: string; code: string; kind: string; amount: number; invoice: string | null; voided: number }>(
        `SELECT a.date, a.client_id AS clientId, c.code, a.kind, a.amount_cents AS amount, i.number AS invoice, (a.voided_at IS NOT NULL OR c.voided_at IS NOT NULL) AS voided
         FROM adjustments a JOIN charges c ON c.id = a.charge_id LEFT JOIN invoices i ON i.id = c.invoice_id
         WHERE a.date >= ? AND a.date <= ? ORDER BY a.date, a.created_at, a.id`,
        from,
        to
      ),
      invoices: all<{ date: string; clientId: string; number: string; status: string; total: number }>(
        `SELECT coalesce(issued_on, substr(created_at, 1, 10)) AS date, client_id AS clientId, number, status, total_cents AS total FROM invoices
         WHERE coalesce(issued_on, substr(created_at, 1, 10)) >= ? AND coalesce(issued_on, substr(created_at, 1, 10)) <= ? ORDER BY number`,
        from,
        to
      ),
      payments: all<{ id: string; date: string; clientId: string; kind: string; amount: number; method: string; reference: string | null }>(
        `SELECT id, received_on AS date, client_id AS clientId, kind, amount_cents AS amount, method, reference FROM payments
         WHERE voided_at IS NULL AND received_on >= ? AND received_on <= ? ORDER BY received_on, created_at, id`,
        from,
        to
      ),
      allocations: all<{ paymentId: string; date: string; clientId: string; code: string; amount: number; invoice: string; method: string }>(
        `SELECT l.payment_id AS paymentId, p.received_on AS date, l.client_id AS clientId, c.code, l.amount_cents AS amount, i.number AS invoice, p.method
         FROM allocations l JOIN payments p ON p.id = l.payment_id JOIN charges c ON c.id = l.charge_id JOIN invoices i ON i.id = l.invoice_id
         WHERE l.voided_at IS NULL AND p.received_on >= ? AND p.received_on <= ? ORDER BY p.received_on, l.created_at, l.id`,
        from,
        to
      )
    })
  }
}
export type BillingRepository = ReturnType<typeof createBillingRepository>
