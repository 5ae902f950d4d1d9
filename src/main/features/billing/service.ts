/**
 * The billing ledger's rules. Charges come from the fee schedule when a session is completed,
 * late-cancelled or marked a no-show (or are entered by hand); adjustments, invoices, payments,
 * allocations and refunds are rows of their own; every total is computed from those rows with
 * shared/domain/money.ts. Runs inside dispatch's transaction (BEGIN IMMEDIATE), so an invoice
 * number is taken and its invoice written together, or neither.
 */
import type { z } from 'zod'
import type {
  Account, AccountTotals, Adjustment, adjustmentInput, Aging, BillingExportResult, BillingSettings, Charge, chargeEdit, FeeItem, feeInput,
  FeeSchedule, Invoice, InvoiceDetail, LedgerRow, manualChargeInput, MonthTotal, Payment, paymentInput, Provider, providerInput, refundInput,
  SlidingScale, slidingScaleInput, UnbilledRow
} from '@shared/contracts/billing'
import {
  ADJUSTMENT_KIND_LABELS, AGING_BUCKETS, BILLING_EVENTS, NON_REIMBURSABLE_EVENTS, PAYMENT_METHOD_LABELS, billingEventOf,
  formatInvoiceNumber, invoiceStatus, modifiersFor, pointerLetter, type BillingEvent, type PointerLetter
} from '@shared/domain/billing'
import { localToday } from '@shared/domain/dates'
import { accountTotals as moneyTotals, allocateInOrder, centsToDecimal, lineAmount, percentOf, spreadFixed, sumCents } from '@shared/domain/money'
import { SESSION_KINDS, type SessionKind } from '@shared/domain/session-kinds'
import type { ServiceContext } from '../../context'
import { conflict, invalid, notFound } from '../../errors'
import type { AuditService } from '../audit/service'
import type { NotesService } from '../notes/service'
import type { SessionsService } from '../sessions/service'
import { createBillingRepository, type ChargeRow, type InvoiceRow, type PaymentRow } from './repository'

type FeeValues = z.output<typeof feeInput>
type ChargeEditValues = z.output<typeof chargeEdit>
type ManualChargeValues = z.output<typeof manualChargeInput>
type AdjustmentValues = z.output<typeof adjustmentInput>
type ScaleValues = z.output<typeof slidingScaleInput>
type PaymentValues = z.output<typeof paymentInput>
type RefundValues = z.output<typeof refundInput>
type ProviderValues = z.output<typeof providerInput>

export const HELD_REASON = 'Waiting for the session’s note to be signed'
export const ARCHIVED_MESSAGE = 'This client is archived. Restore the client before changing their billing.'
const splitList = (s: string): string[] => (s ? s.split(',') : [])
const invoiceArchived = (s: string) => s === 'void'

const chargeState = (row: ChargeRow): Charge['state'] =>
  row.voidedAt ? 'void' : row.invoiceId ? 'invoiced' : row.held ? 'held' : 'unbilled'

const toInvoice = (row: InvoiceRow): Invoice => {
  const open = row.status === 'void' ? 0 : row.totalCents - row.adjusted - row.paid
  return {
    id: row.id,
    clientId: row.clientId,
    clientName: row.clientName,
    number: row.number,
    status: invoiceStatus(row.status, row.totalCents - row.adjusted, open),
    issuedOn: row.issuedOn,
    totalCents: row.totalCents,
    adjustedCents: row.status === 'void' ? 0 : row.adjusted,
    paidCents: row.status === 'void' ? 0 : row.paid,
    openCents: open,
    lineCount: row.lineCount,
    note: row.note,
    voidReason: row.voidReason,
    createdAt: row.createdAt
  }
}

/** Writes a ledger CSV through the exports folder (features/exports); injected so billing needs no file system. */
export type CsvWriter = (baseName: string, content: string) => { path: string; fileName: string; bytes: number }

export function createBillingService(
  ctx: ServiceContext,
  deps: { sessions: SessionsService; notes: NotesService; audit: AuditService; writeCsv: CsvWriter; toCsv: (columns: string[], rows: Record<string, string | number | null>[]) => string }
) {
  const repo = createBillingRepository(ctx.sqlite)
  const stamp = () => ctx.now().toISOString()
  const today = () => localToday(ctx.now())
  const by = () => ctx.actor().id ?? ctx.actor().label

  // ---- lookups -----------------------------------------------------------------------------------
  const requireClient = (clientId: string, current: boolean) => {
    const state = repo.clientState(clientId)
    if (!state) throw notFound('That client')
    if (current && state.archivedAt) throw invalid(ARCHIVED_MESSAGE)
  }
  const requireCharge = (id: string): ChargeRow => {
    const row = repo.charge(id)
    if (!row) throw notFound('That charge')
    return row
  }
  const requireInvoice = (id: string): InvoiceRow => {
    const row = repo.invoice(id)
    if (!row) throw notFound('That invoice')
    return row
  }
  const settings = (): BillingSettings => {
    const r = repo.settings()
    return { holdUntilSigned: r ? r.holdUntilSigned === 1 : true, updatedAt: r?.updatedAt ?? null }
  }

  /** Letters → diagnosis IDs among the client's current diagnoses; a letter past the list is refused. */
  const pointersToIds = (clientId: string, letters: readonly string[], field: string): string[] => {
    const current = repo.currentDiagnoses(clientId)
    return letters.map((letter) => {
      const index = letter.charCodeAt(0) - 65
      const dx = current[index]
      if (!dx) throw conflict('A diagnosis pointer points past the client’s diagnoses.', { [field]: `Pointer ${letter} is not one of the client’s current diagnoses` })
      return dx.id
    })
  }

  const renderingUser = (userId: string | null, field: string): string | null => {
    if (userId === null) return null
    const u = repo.userRole(userId)
    if (!u || u.deactivatedAt || (u.role !== 'owner' && u.role !== 'clinician')) {
      throw conflict('Choose an active clinician or the owner.', { [field]: 'Choose an active clinician or the owner as the rendering clinician' })
    }
    return userId
  }

  // ---- shapes ------------------------------------------------------------------------------------
  const toCharges = (rows: readonly ChargeRow[]): Charge[] => {
    if (rows.length === 0) return []
    const lettersByClient = new Map<string, Map<string, { letter: PointerLetter; code: string }>>()
    const lettersOf = (clientId: string) => {
      let m = lettersByClient.get(clientId)
      if (!m) {
        m = new Map()
        repo.currentDiagnoses(clientId).forEach((d, i) => {
          const letter = pointerLetter(i)
          if (letter) m!.set(d.id, { letter, code: d.code })
        })
        lettersByClient.set(clientId, m)
      }
      return m
    }
    return rows.map((row) => {
      const ids = JSON.parse(row.diagnosisIds) as string[]
      const letters = lettersOf(row.clientId)
      const pointed = ids.map((id) => letters.get(id)).filter((x) => x !== undefined)
      const state = chargeState(row)
      return {
        id: row.id,
        clientId: row.clientId,
        sessionId: row.sessionId,
        feeItemId: row.feeItemId,
        event: row.event as BillingEvent | null,
        dateOfService: row.dateOfService,
        code: row.code,
        modifiers: splitList(row.modifiers),
        description: row.description,
        units: row.units,
        unitFeeCents: row.unitFeeCents,
        amountCents: row.amountCents,
        placeOfService: row.placeOfService as Charge['placeOfService'],
        renderingUserId: row.renderingUserId,
        pointers: pointed.map((p) => p.letter),
        diagnosisCodes: pointed.map((p) => p.code),
        state,
        heldReason: state === 'held' ? HELD_REASON : null,
        invoiceId: row.invoiceId,
        invoiceNumber: row.invoiceNumber,
        adjustedCents: row.adjusted,
        paidCents: row.paid,
        openCents: state === 'void' ? 0 : row.amountCents - row.adjusted - row.paid,
        reimbursable: !(row.event && NON_REIMBURSABLE_EVENTS.has(row.event as BillingEvent)),
        voidReason: row.voidReason,
        createdAt: row.createdAt
      }
    })
  }
  const toCharge = (row: ChargeRow): Charge => toCharges([row])[0]!


  const invoiceDetail = (id: string): InvoiceDetail => ({ ...toInvoice(requireInvoice(id)), lines: toCharges(repo.chargesOfInvoice(id)) })

  const toPayments = (rows: readonly PaymentRow[]): Payment[] => {
    const allocations = repo.allocationsOfPayments(rows.map((r) => r.id))
    return rows.map((r) => ({
      id: r.id,
      clientId: r.clientId,
      clientName: r.clientName,
      kind: r.kind,
      receivedOn: r.receivedOn,
      amountCents: r.amountCents,
      method: r.method as Payment['method'],
      reference: r.reference,
      note: r.note,
      appliedCents: r.applied,
      allocations: allocations.filter((a) => a.paymentId === r.id).map(({ paymentId: _p, ...a }) => a),
      createdAt: r.createdAt
    }))
  }

  const toFee = (r: NonNullable<ReturnType<typeof repo.feeItem>>): FeeItem => ({
    id: r.id,
    code: r.code,
    modifiers: splitList(r.modifiers),
    description: r.description,
    unitFeeCents: r.unitFeeCents,
    minFeeCents: r.minFeeCents,
    maxFeeCents: r.maxFeeCents,
    active: r.archivedAt === null,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt
  })

  const feeSchedule = (): FeeSchedule => {
    const items = repo.feeItems().map(toFee)
    const byId = new Map(items.map((i) => [i.id, i]))
    const defaults = repo.feeDefaults()
    return {
      items,
      defaults: BILLING_EVENTS.map((event) => ({
        event,
        lines: defaults
          .filter((d) => d.event === event)
          .map((d) => {
            const item = byId.get(d.feeItemId)!
            return { feeItemId: d.feeItemId, units: d.units, code: item.code, unitFeeCents: item.unitFeeCents, amountCents: lineAmount(d.units, item.unitFeeCents) }
          })
      }))
    }
  }

  const audit = (channel: string, action: 'create' | 'update' | 'void', entity: 'charge' | 'adjustment', entityId: string, clientId: string) =>
    deps.audit.append({ channel, action, entity, entityId, clientId })

  // ---- charges -------------------------------------------------------------------------------------
  /** A sliding scale in force on the date adjusts each new line: a percent per line, or a fixed amount spread over the session's lines. */
  const applySlidingScale = (clientId: string, date: string, lines: { id: string; amount: number }[], channel: string) => {
    const scale = repo.scaleOn(clientId, date)
    if (!scale || lines.length === 0) return
    const amounts = lines.map((l) => l.amount)
    const off = scale.mode === 'percent' ? amounts.map((a) => percentOf(a, scale.percentBp ?? 0)) : spreadFixed(amounts, scale.fixedCents ?? 0)
    lines.forEach((line, i) => {
      const amount = off[i]!
      if (amount <= 0) return
      const id = ctx.newId()
      repo.insertAdjustment({ id, clientId, chargeId: line.id, kind: 'sliding_scale', amountCents: amount, date, reason: scale.reason, slidingScaleId: scale.id, now: stamp(), by: by() })
      audit(channel, 'create', 'adjustment', id, clientId)
    })
  }

  /** The session's charge lines from the fee schedule's defaults for its billing event. */
  const chargeSession = (sessionId: string, event: BillingEvent, channel: string) => {
    const s = repo.session(sessionId)!
    const defaults = repo.feeDefaultsFor(event)
    if (defaults.length === 0) return
    const current = repo.currentDiagnoses(s.clientId)
    const diagnosisIds = JSON.stringify(current.length > 0 ? [current[0]!.id] : [])
    const held = (SESSION_KINDS as readonly string[]).includes(event) && settings().holdUntilSigned && !repo.sessionNotesSigned(sessionId)
    const lines: { id: string; amount: number }[] = []
    for (const d of defaults) {
      const item = repo.feeItem(d.feeItemId)!
      const id = ctx.newId()
      const amount = lineAmount(d.units, item.unitFeeCents)
      repo.insertCharge({
        id,
        clientId: s.clientId,
        sessionId,
        feeItemId: item.id,
        event,
        dateOfService: s.date,
        code: item.code,
        modifiers: modifiersFor(splitList(item.modifiers), s.placeOfService).join(','),
        description: item.description,
        units: d.units,
        unitFeeCents: item.unitFeeCents,
        amountCents: amount,
        placeOfService: s.placeOfService,
        renderingUserId: s.renderingUserId,
        diagnosisIds,
        held: held ? 1 : 0,
        now: stamp(),
        by: by()
      })
      audit(channel, 'create', 'charge', id, s.clientId)
      lines.push({ id, amount })
    }
    applySlidingScale(s.clientId, s.date, lines, channel)
  }

  /** On every saved session: a billed status gets its charges (once); a status that is no longer billed voids the unbilled ones. */
  deps.sessions.onSaved((before, after, via) => {
    const event = billingEventOf(after.kind as SessionKind, after.status)
    const previous = before ? billingEventOf(before.kind as SessionKind, before.status) : null
    if (before && event === previous) return
    const channel = via ?? (before ? 'sessions:update' : 'sessions:create')
    for (const c of repo.liveChargesOfSession(after.id)) {
      if (c.event !== event && c.invoiceId === null) {
        repo.voidCharge(c.id, 'The session’s status changed', stamp())
        audit(channel, 'void', 'charge', c.id, after.clientId)
      }
    }
    if (event && !repo.liveChargesOfSession(after.id).some((c) => c.event === event)) chargeSession(after.id, event, channel)
  })
  deps.sessions.chargedBy((sessionId) => repo.hasLiveCharges(sessionId))
  deps.notes.onSigned((sessionId) => {
    if (!repo.sessionNotesSigned(sessionId)) return
    const s = repo.session(sessionId)
    for (const id of repo.releaseHeld(sessionId, stamp())) audit('notes:sign', 'update', 'charge', id, s!.clientId)
  })

  // ---- the client's account --------------------------------------------------------------------
  const account = (clientId: string, from?: string, to?: string): Account => {
    requireClient(clientId, false)
    const chargeRows = repo.chargesOfClient(clientId)
    const charges = toCharges(chargeRows)
    const adjustments = repo.adjustmentsOfClient(clientId)
    const payments = toPayments(repo.paymentsOfClient(clientId))
    const invoices = repo.invoicesOfClient(clientId).map(toInvoice)

    const counted = charges.filter((c) => c.state !== 'void' && c.state !== 'held')
    const liveAdjustments = adjustments.filter((a) => a.voidedAt === null && a.chargeCounts === 1)
    const totals = moneyTotals([
      ...counted.map((c) => ({ type: 'charge' as const, amount: c.amountCents })),
      ...liveAdjustments.map((a) => ({ type: 'adjustment' as const, amount: a.amountCents })),
      ...payments.map((p) => (p.kind === 'payment' ? { type: 'payment' as const, amount: p.amountCents, applied: p.appliedCents } : { type: 'refund' as const, amount: p.amountCents }))
    ])
    const fullTotals: AccountTotals = {
      ...totals,
      invoicedOpen: sumCents(invoices.filter((i) => i.status !== 'void' && i.status !== 'draft').map((i) => i.openCents)),
      unbilled: sumCents(charges.filter((c) => c.state === 'unbilled').map((c) => c.amountCents - c.adjustedCents)),
      held: sumCents(charges.filter((c) => c.state === 'held').map((c) => c.amountCents))
    }

    const codeOf = new Map(charges.map((c) => [c.id, c]))
    const events: (Omit<LedgerRow, 'balanceCents'> & { at: string })[] = [
      ...counted.map((c) => ({
        type: 'charge' as const,
        id: c.id,
        date: c.dateOfService,
        at: c.createdAt,
        description: c.description,
        code: c.code,
        invoiceNumber: c.invoiceNumber,
        method: null,
        amountCents: c.amountCents
      })),
      ...liveAdjustments.map((a) => ({
        type: 'adjustment' as const,
        id: a.id,
        date: a.date,
        at: a.createdAt,
        description: ADJUSTMENT_KIND_LABELS[a.kind as keyof typeof ADJUSTMENT_KIND_LABELS],
        code: codeOf.get(a.chargeId)?.code ?? null,
        invoiceNumber: codeOf.get(a.chargeId)?.invoiceNumber ?? null,
        method: null,
        amountCents: -a.amountCents
      })),
      ...payments.map((p) => ({
        type: p.kind,
        id: p.id,
        date: p.receivedOn,
        at: p.createdAt,
        description: `${p.kind === 'payment' ? 'Payment' : 'Refund'} · ${PAYMENT_METHOD_LABELS[p.method]}`,
        code: null,
        invoiceNumber: p.allocations.length > 0 ? [...new Set(p.allocations.map((a) => a.invoiceNumber))].join(', ') : null,
        method: p.method,
        amountCents: p.kind === 'payment' ? -p.amountCents : p.amountCents
      }))
    ].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : 1))
    let running = 0
    const ledger: LedgerRow[] = []
    for (const { at: _at, ...e } of events) {
      running += e.amountCents
      if ((from && e.date < from) || (to && e.date > to)) continue
      ledger.push({ ...e, balanceCents: running })
    }
    return {
      clientId,
      totals: fullTotals,
      ledger,
      charges,
      adjustments: adjustments.map((a) => ({
        id: a.id,
        clientId: a.clientId,
        chargeId: a.chargeId,
        kind: a.kind as Adjustment['kind'],
        amountCents: a.amountCents,
        date: a.date,
        reason: a.reason,
        slidingScaleId: a.slidingScaleId,
        voided: a.voidedAt !== null,
        createdAt: a.createdAt
      })),
      invoices,
      payments,
      slidingScales: repo.scalesOfClient(clientId)
    }
  }

  // ---- invoices ------------------------------------------------------------------------------------
  const createInvoice = (clientId: string, chargeIds: readonly string[] | undefined, issue: boolean, issuedOn: string | undefined, note: string | null): InvoiceDetail => {
    requireClient(clientId, true)
    let rows: ChargeRow[]
    if (chargeIds) {
      if (new Set(chargeIds).size !== chargeIds.length) throw conflict('A charge is listed twice.', { chargeIds: 'A charge is listed twice' })
      rows = repo.chargesByIds(chargeIds)
      if (rows.length !== chargeIds.length || rows.some((r) => r.clientId !== clientId)) {
        throw conflict('A charge is not one of this client’s.', { chargeIds: 'Choose charges of this client' })
      }
      const problem = rows.find((r) => r.voidedAt || r.invoiceId || r.held)
      if (problem) {
        const why = problem.voidedAt ? 'A void charge cannot be invoiced' : problem.invoiceId ? 'A charge is already on an invoice' : 'A held charge waits for its note to be signed'
        throw conflict(`${why}.`, { chargeIds: why })
      }
      rows.sort((a, b) => (a.dateOfService < b.dateOfService ? -1 : a.dateOfService > b.dateOfService ? 1 : a.createdAt < b.createdAt ? -1 : 1))
    } else {
      rows = repo.unbilledOfClient(clientId)
      if (rows.length === 0) throw conflict('This client has no unbilled charges to invoice.', { chargeIds: 'There are no unbilled charges' })
    }
    const date = issue ? (issuedOn ?? today()) : null
    const year = Number((date ?? today()).slice(0, 4))
    const seq = repo.nextInvoiceSeq(year)
    const id = ctx.newId()
    const now = stamp()
    repo.insertInvoice({
      id,
      clientId,
      number: formatInvoiceNumber(year, seq),
      year,
      seq,
      status: issue ? 'issued' : 'draft',
      issuedOn: date,
      totalCents: sumCents(rows.map((r) => r.amountCents)),
      note,
      now,
      by: by()
    })
    rows.forEach((r, position) => {
      repo.insertLine(ctx.newId(), id, r.id, position, r.amountCents)
      repo.setInvoice(r.id, id, now)
    })
    repo.refreshSettled(id)
    return invoiceDetail(id)
  }

  /** Applies `amount` of the client's credit to open invoices (one, or oldest first), charge by charge; returns the allocations. */
  const applyFromCredit = (clientId: string, amount: number, invoiceId: string | undefined) => {
    const targets = invoiceId ? [requireInvoice(invoiceId)] : repo.openIssuedOfClient(clientId)
    const open = targets.map((i) => ({ id: i.id, open: i.status === 'issued' ? i.totalCents - i.adjusted - i.paid : 0 }))
    const { allocations } = allocateInOrder(open, amount)
    // Sources: payments with money not yet applied, oldest first (refunds come out of the pool, so cap at the credit).
    const sources = repo
      .paymentsOfClient(clientId)
      .filter((p) => p.kind === 'payment' && p.amountCents > p.applied)
      .map((p) => ({ id: p.id, open: p.amountCents - p.applied }))
    const out: { invoiceId: string; invoiceNumber: string; chargeId: string; amountCents: number }[] = []
    for (const a of allocations) {
      const inv = targets.find((t) => t.id === a.id)!
      const lines = repo.chargesOfInvoice(a.id).map((c) => ({ id: c.id, open: c.amountCents - c.adjusted - c.paid }))
      const perLine = allocateInOrder(lines, a.amount).allocations
      for (const line of perLine) {
        let left = line.amount
        for (const src of sources) {
          if (left === 0) break
          const take = Math.min(left, src.open)
          if (take <= 0) continue
          repo.insertAllocation({ id: ctx.newId(), paymentId: src.id, invoiceId: a.id, chargeId: line.id, clientId, amountCents: take, now: stamp(), by: by() })
          src.open -= take
          left -= take
          out.push({ invoiceId: a.id, invoiceNumber: inv.number, chargeId: line.id, amountCents: take })
        }
      }
      repo.refreshSettled(a.id)
    }
    return out
  }

  const unpaidTotal = (clientId: string, invoiceId?: string) =>
    (invoiceId ? [requireInvoice(invoiceId)] : repo.openIssuedOfClient(clientId))
      .filter((i) => i.status === 'issued')
      .reduce((s, i) => s + Math.max(0, i.totalCents - i.adjusted - i.paid), 0)

  const requireIssuedInvoiceOf = (clientId: string, invoiceId: string, field: string) => {
    const inv = repo.invoice(invoiceId)
    if (!inv || inv.clientId !== clientId) throw conflict('That invoice is not one of this client’s.', { [field]: 'Choose an invoice of this client' })
    if (inv.status !== 'issued') throw conflict('Payments apply to issued invoices only.', { [field]: inv.status === 'void' ? 'This invoice is void' : 'Issue this invoice first' })
    if (inv.totalCents - inv.adjusted - inv.paid <= 0) throw conflict('This invoice is already paid.', { [field]: 'This invoice is already paid' })
    return inv
  }

  return {
    // ---- providers and settings
    providers(): Provider[] {
      return repo.providers().map((p) => ({
        userId: p.userId,
        displayName: p.displayName,
        role: p.role,
        active: p.deactivatedAt === null,
        npi: p.npi,
        licenseNumber: p.licenseNumber,
        licenseState: p.licenseState,
        taxonomyCode: p.taxonomyCode,
        credentials: p.credentials ?? p.userCredentials,
        updatedAt: p.updatedAt
      }))
    },
    saveProvider(userId: string, values: ProviderValues): Provider {
      const u = repo.userRole(userId)
      if (!u) throw notFound('That user')
      if (u.role !== 'owner' && u.role !== 'clinician') throw conflict('Only clinicians and the owner have a billing identity.', { userId: 'Choose a clinician or the owner' })
      repo.upsertProvider({ userId, ...values, now: stamp() })
      return this.providers().find((p) => p.userId === userId)!
    },
    settings,
    saveSettings(holdUntilSigned: boolean): BillingSettings {
      const now = stamp()
      repo.saveSettings(holdUntilSigned, now)
      if (!holdUntilSigned) for (const id of repo.releaseHeld(null, now)) deps.audit.append({ channel: 'billing:saveSettings', action: 'update', entity: 'charge', entityId: id })
      return settings()
    },

    // ---- fee schedule
    fees: feeSchedule,
    createFee(values: FeeValues): FeeItem {
      const id = ctx.newId()
      const now = stamp()
      const { active, modifiers, ...rest } = values
      repo.insertFee({ id, ...rest, modifiers: modifiers.join(','), archivedAt: active ? null : now, createdAt: now, updatedAt: now })
      return toFee(repo.feeItem(id)!)
    },
    updateFee(id: string, values: FeeValues): FeeItem {
      const row = repo.feeItem(id)
      if (!row) throw notFound('That service')
      const { active, modifiers, ...rest } = values
      const now = stamp()
      if (!active && repo.feeDefaults().some((d) => d.feeItemId === id)) {
        throw conflict('This service is a default line of a kind of session. Take it off the defaults before archiving it.', { active: 'Used by a session kind’s default lines' })
      }
      // A fee change never rewrites a charge: charges keep their own code, fee and amount.
      repo.updateFee({ id, ...rest, modifiers: modifiers.join(','), archivedAt: active ? null : (row.archivedAt ?? now), updatedAt: now })
      return toFee(repo.feeItem(id)!)
    },
    saveDefaults(event: BillingEvent, lines: { feeItemId: string; units: number }[]): FeeSchedule {
      lines.forEach((l, i) => {
        const item = repo.feeItem(l.feeItemId)
        if (!item || item.archivedAt) throw conflict('A default line names a service that is not active.', { [`lines.${i}.feeItemId`]: 'Choose an active service from the fee schedule' })
      })
      repo.replaceDefaults(event, lines.map((l) => ({ id: ctx.newId(), ...l })))
      return feeSchedule()
    },

    // ---- account and charges
    account,
    /** Issued invoices whose settled flag disagrees with their rows, and adjustments whose invoice is not their charge's (tests: always 0). */
    settledMismatches: () => repo.settledMismatches(),

    /** For documents (superbill, statement): a client's charge lines of a date range, with what was paid on each. */
    ledgerLines(clientId: string, from: string, to: string): Charge[] {
      requireClient(clientId, false)
      return toCharges(repo.chargesOfClient(clientId).filter((c) => c.dateOfService >= from && c.dateOfService <= to && !c.voidedAt && !c.held))
    },
    createCharge(clientId: string, values: ManualChargeValues): Charge {
      requireClient(clientId, true)
      const item = repo.feeItem(values.feeItemId)
      if (!item || item.archivedAt) throw conflict('Choose an active service.', { 'charge.feeItemId': 'Choose an active service from the fee schedule' })
      const diagnosisIds = pointersToIds(clientId, values.pointers, 'charge.pointers')
      const id = ctx.newId()
      const amount = lineAmount(values.units, values.unitFeeCents)
      if (amount > 10_000_000) throw conflict('A charge cannot be more than $100,000.00.', { 'charge.units': 'Units × fee cannot be more than $100,000.00' })
      repo.insertCharge({
        id,
        clientId,
        sessionId: null,
        feeItemId: item.id,
        event: null,
        dateOfService: values.dateOfService,
        code: item.code,
        modifiers: modifiersFor(values.modifiers, values.placeOfService).join(','),
        description: item.description,
        units: values.units,
        unitFeeCents: values.unitFeeCents,
        amountCents: amount,
        placeOfService: values.placeOfService,
        renderingUserId: renderingUser(values.renderingUserId, 'charge.renderingUserId'),
        diagnosisIds: JSON.stringify(diagnosisIds),
        held: 0,
        now: stamp(),
        by: by()
      })
      applySlidingScale(clientId, values.dateOfService, [{ id, amount }], 'billing:createCharge')
      return toCharge(requireCharge(id))
    },
    updateCharge(id: string, values: ChargeEditValues): Charge {
      const row = requireCharge(id)
      requireClient(row.clientId, true)
      if (row.voidedAt) throw conflict('This charge is void.', { id: 'This charge is void' })
      if (row.invoiceId) throw conflict('This charge is on an invoice: correct it with an adjustment, or void the invoice first.', { id: 'Already on an invoice' })
      const amount = lineAmount(values.units, values.unitFeeCents)
      if (amount > 10_000_000) throw conflict('A charge cannot be more than $100,000.00.', { 'charge.units': 'Units × fee cannot be more than $100,000.00' })
      if (amount < row.adjusted) throw conflict('The new amount is less than what was already adjusted off this charge.', { 'charge.unitFeeCents': 'Less than the adjustments already made' })
      repo.updateCharge({
        id,
        units: values.units,
        unitFeeCents: values.unitFeeCents,
        amountCents: amount,
        modifiers: values.modifiers.join(','),
        diagnosisIds: JSON.stringify(pointersToIds(row.clientId, values.pointers, 'charge.pointers')),
        placeOfService: values.placeOfService,
        renderingUserId: renderingUser(values.renderingUserId, 'charge.renderingUserId'),
        now: stamp()
      })
      return toCharge(requireCharge(id))
    },
    voidCharge(id: string, reason: string): Charge {
      const row = requireCharge(id)
      requireClient(row.clientId, true)
      if (row.voidedAt) throw conflict('This charge is already void.', { id: 'Already void' })
      if (row.invoiceId) throw conflict('This charge is on an invoice: void the invoice first, or correct it with an adjustment.', { id: 'Already on an invoice' })
      repo.voidCharge(id, reason, stamp())
      return toCharge(requireCharge(id))
    },

    // ---- adjustments and sliding scales
    adjust(chargeId: string, values: AdjustmentValues): Adjustment {
      const row = requireCharge(chargeId)
      requireClient(row.clientId, true)
      if (row.voidedAt) throw conflict('A void charge cannot be adjusted.', { chargeId: 'This charge is void' })
      const amount = values.mode === 'amount' ? values.value : percentOf(row.amountCents, values.value)
      const open = row.amountCents - row.adjusted - row.paid
      if (amount <= 0) throw conflict('The adjustment comes to $0.00.', { 'adjustment.value': 'This comes to $0.00' })
      if (amount > open) throw conflict('An adjustment cannot be more than what is open on the charge.', { 'adjustment.value': 'More than is open on this charge' })
      const id = ctx.newId()
      repo.insertAdjustment({ id, clientId: row.clientId, chargeId, kind: values.kind, amountCents: amount, date: values.date, reason: values.reason, slidingScaleId: null, now: stamp(), by: by() })
      if (row.invoiceId) repo.refreshSettled(row.invoiceId)
      return account(row.clientId).adjustments.find((a) => a.id === id)!
    },
    voidAdjustment(id: string, reason: string): Adjustment {
      const row = repo.adjustment(id)
      if (!row) throw notFound('That adjustment')
      requireClient(row.clientId, true)
      if (row.voidedAt) throw conflict('This adjustment is already void.', { id: 'Already void' })
      const charge = requireCharge(row.chargeId)
      if (charge.paid > charge.amountCents - (charge.adjusted - row.amountCents)) {
        throw conflict('Voiding this adjustment would leave more paid than charged.', { id: 'More would be paid than charged' })
      }
      repo.voidAdjustment(id, reason, stamp())
      if (charge.invoiceId) repo.refreshSettled(charge.invoiceId)
      return account(row.clientId).adjustments.find((a) => a.id === id)!
    },
    setSlidingScale(clientId: string, values: ScaleValues): SlidingScale {
      requireClient(clientId, true)
      const now = stamp()
      const dayBefore = new Date(Date.parse(`${values.startsOn}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10)
      repo.endOpenScales(clientId, dayBefore, now)
      const id = ctx.newId()
      repo.insertScale({
        id,
        clientId,
        mode: values.mode,
        percentBp: values.mode === 'percent' ? values.percentBp : null,
        fixedCents: values.mode === 'fixed' ? values.fixedCents : null,
        reason: values.reason,
        startsOn: values.startsOn,
        endedOn: null,
        createdAt: now,
        by: by()
      })
      return repo.scale(id)!
    },
    endSlidingScale(id: string, endedOn: string): SlidingScale {
      const row = repo.scale(id)
      if (!row) throw notFound('That sliding scale')
      requireClient(row.clientId, true)
      if (endedOn < row.startsOn) throw conflict('A sliding scale cannot end before it starts.', { endedOn: 'End date cannot be before the start date' })
      repo.endScale(id, endedOn, stamp())
      return repo.scale(id)!
    },

    // ---- invoices
    invoice: invoiceDetail,
    createInvoice,
    invoiceMonth(month: string, issuedOn?: string): Invoice[] {
      const from = `${month}-01`
      const to = `${month}-31`
      const created: string[] = []
      for (const clientId of repo.clientsWithUnbilledIn(from, to)) {
        if (repo.clientState(clientId)?.archivedAt) continue
        created.push(createInvoice(clientId, repo.unbilledIdsOfClientIn(clientId, from, to), true, issuedOn, null).id)
      }
      return repo.invoicesByIds(created).map(toInvoice)
    },
    issueInvoice(id: string, issuedOn?: string): InvoiceDetail {
      const row = requireInvoice(id)
      requireClient(row.clientId, true)
      if (row.status !== 'draft') throw conflict(row.status === 'void' ? 'This invoice is void and cannot change.' : 'This invoice is already issued: void it and issue a new one to change it.', { id: 'Only a draft can be issued' })
      repo.issue(id, issuedOn ?? today(), stamp())
      repo.refreshSettled(id)
      return invoiceDetail(id)
    },
    voidInvoice(id: string, reason: string): InvoiceDetail {
      const row = requireInvoice(id)
      requireClient(row.clientId, true)
      if (invoiceArchived(row.status)) throw conflict('This invoice is already void.', { id: 'Already void' })
      const now = stamp()
      // The number and record stay; its charges can be invoiced again, and what was paid on it returns to credit.
      repo.voidInvoice(id, reason, now)
      repo.voidAllocationsOfInvoice(id, now)
      repo.releaseInvoiceCharges(id, now)
      return invoiceDetail(id)
    },

    // ---- payments
    recordPayment(clientId: string, values: PaymentValues): Payment {
      requireClient(clientId, true)
      const target = values.applyTo
      if (target !== 'oldest' && target !== 'credit') requireIssuedInvoiceOf(clientId, target, 'payment.applyTo')
      const id = ctx.newId()
      repo.insertPayment({ id, clientId, kind: 'payment', receivedOn: values.receivedOn, amountCents: values.amountCents, method: values.method, reference: values.reference, note: values.note, now: stamp(), by: by() })
      if (target !== 'credit') {
        const owed = unpaidTotal(clientId, target === 'oldest' ? undefined : target)
        const amount = Math.min(values.amountCents, owed)
        if (amount > 0) applyFromCredit(clientId, amount, target === 'oldest' ? undefined : target)
      }
      return toPayments([repo.payment(id)!])[0]!
    },
    applyCredit(clientId: string, invoiceId: string | undefined, amountCents: number | undefined) {
      requireClient(clientId, true)
      if (invoiceId) requireIssuedInvoiceOf(clientId, invoiceId, 'invoiceId')
      const credit = repo.credit(clientId)
      if (credit <= 0) throw conflict('This client has no credit to apply.', { amountCents: 'There is no credit to apply' })
      if (amountCents !== undefined && amountCents > credit) throw conflict('That is more than the client’s credit.', { amountCents: 'More than the client’s credit' })
      const owed = unpaidTotal(clientId, invoiceId)
      if (owed <= 0) throw conflict('Nothing is open to apply the credit to.', { invoiceId: 'No open invoice' })
      if (amountCents !== undefined && amountCents > owed) throw conflict('That is more than is open on the invoices.', { amountCents: 'More than is open on the invoices' })
      return applyFromCredit(clientId, Math.min(amountCents ?? credit, credit, owed), invoiceId)
    },
    refund(clientId: string, values: RefundValues): Payment {
      requireClient(clientId, false)
      const credit = repo.credit(clientId)
      if (values.amountCents > credit) throw conflict('A refund cannot be more than the client’s credit.', { 'refund.amountCents': 'More than the client’s credit' })
      const id = ctx.newId()
      repo.insertPayment({ id, clientId, kind: 'refund', receivedOn: values.receivedOn, amountCents: values.amountCents, method: values.method, reference: values.reference, note: values.note, now: stamp(), by: by() })
      return toPayments([repo.payment(id)!])[0]!
    },

    // ---- the Billing page
    unbilled(): UnbilledRow[] {
      const rows = repo.unbilled()
      const charges = toCharges(rows)
      return charges.map((c, i) => ({ ...c, clientName: rows[i]!.clientName }))
    },
    invoices(openOnly: boolean): Invoice[] {
      const rows = (openOnly ? repo.openInvoices() : repo.recentInvoices()).map(toInvoice)
      return openOnly ? rows.filter((i) => i.status === 'draft' || i.openCents > 0) : rows
    },
    payments(from: string, to: string): Payment[] {
      return toPayments(repo.paymentsIn(from, to))
    },
    aging(asOf?: string): Aging {
      const date = asOf ?? today()
      const byClient = repo.aging(date)
      const names = new Map(repo.clientNames(byClient.map((r) => r.clientId)).map((n) => [n.id, n.name]))
      const totals = { current: 0, days31to60: 0, days61to90: 0, over90: 0, total: 0 }
      const rows = byClient.map((r) => {
        for (const b of AGING_BUCKETS) totals[b] += r[b]
        totals.total += r.total
        return { ...r, clientName: names.get(r.clientId) ?? '' }
      })
      rows.sort((a, b) => b.total - a.total || (a.clientName < b.clientName ? -1 : 1))
      return { asOf: date, rows, totals }
    },
    monthTotals(year: number): MonthTotal[] {
      const found = new Map(repo.monthTotals(`${year}-01-01`, `${year}-12-31`).map((m) => [m.month, m]))
      return Array.from({ length: 12 }, (_, i) => {
        const month = `${year}-${String(i + 1).padStart(2, '0')}`
        return found.get(month) ?? { month, charged: 0, adjusted: 0, received: 0, refunded: 0 }
      })
    },

    /** The accountant's CSV: one row per ledger line (charges, adjustments, invoices, payments with their allocations, refunds). */
    exportCsv(from: string, to: string): BillingExportResult {
      const data = repo.exportRows(from, to)
      type Row = Record<string, string | number | null>
      const rows: (Row & { sortDate: string; sortOrder: number })[] = []
      const push = (order: number, r: Row & { date: string }) => rows.push({ ...r, sortDate: r.date, sortOrder: order })
      for (const c of data.charges)
        push(0, { type: 'charge', date: c.date, client_record_id: c.clientId, code: c.code, modifiers: c.modifiers.replaceAll(',', ' '), description: c.description, units: c.units, unit_fee: centsToDecimal(c.unitFee), amount: centsToDecimal(c.amount), invoice_number: c.invoice, method: null, reference: null, status: c.state })
      for (const a of data.adjustments)
        push(1, { type: 'adjustment', date: a.date, client_record_id: a.clientId, code: a.code, modifiers: null, description: ADJUSTMENT_KIND_LABELS[a.kind as keyof typeof ADJUSTMENT_KIND_LABELS], units: null, unit_fee: null, amount: centsToDecimal(-a.amount), invoice_number: a.invoice, method: null, reference: null, status: a.voided ? 'void' : 'posted' })
      for (const i of data.invoices)
        push(2, { type: 'invoice', date: i.date, client_record_id: i.clientId, code: null, modifiers: null, description: 'Invoice', units: null, unit_fee: null, amount: centsToDecimal(i.total), invoice_number: i.number, method: null, reference: null, status: i.status })
      for (const p of data.payments)
        push(3, { type: p.kind, date: p.date, client_record_id: p.clientId, code: null, modifiers: null, description: p.kind === 'payment' ? 'Payment' : 'Refund', units: null, unit_fee: null, amount: centsToDecimal(p.kind === 'payment' ? -p.amount : p.amount), invoice_number: null, method: PAYMENT_METHOD_LABELS[p.method as keyof typeof PAYMENT_METHOD_LABELS], reference: p.reference, status: 'posted' })
      for (const l of data.allocations)
        push(4, { type: 'allocation', date: l.date, client_record_id: l.clientId, code: l.code, modifiers: null, description: 'Payment applied', units: null, unit_fee: null, amount: centsToDecimal(l.amount), invoice_number: l.invoice, method: PAYMENT_METHOD_LABELS[l.method as keyof typeof PAYMENT_METHOD_LABELS], reference: null, status: 'posted' })
      rows.sort((a, b) => (a.sortDate < b.sortDate ? -1 : a.sortDate > b.sortDate ? 1 : a.sortOrder - b.sortOrder))
      const columns = ['type', 'date', 'client_record_id', 'code', 'modifiers', 'description', 'units', 'unit_fee', 'amount', 'invoice_number', 'method', 'reference', 'status']
      const content = deps.toCsv(columns, rows.map(({ sortDate: _d, sortOrder: _o, ...r }) => r))
      const written = deps.writeCsv(`billing-ledger-${from}-to-${to}`, content)
      return { ...written, rows: rows.length }
    }
  }
}
export type BillingService = ReturnType<typeof createBillingService>
