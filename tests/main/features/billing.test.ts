import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Account, Aging, BillingExportResult, Charge, FeeItem, FeeSchedule, Invoice, InvoiceDetail, Payment, UnbilledRow } from '@shared/contracts/billing'
import type { ScheduledSession } from '@shared/contracts/sessions'
import { openTestApp, testId, type TestApp } from '../../factories/app'
import { createClient } from '../../factories/clients'
import { createNote, createSession, sessionInput, signableDosingBody } from '../../factories/clinical'
import { databaseFingerprint } from '../abuse/support'

const FEE = { intake: '01900000-0000-7000-8000-000000000001', therapy: '01900000-0000-7000-8000-000000000002', dosing: '01900000-0000-7000-8000-000000000003' }

let app: TestApp
let clientId: string
let fingerprint: () => string
beforeEach(async () => {
  app = await openTestApp({ file: true })
  clientId = (await createClient(app)).id
  await app.ok('diagnoses:add', { clientId, diagnosis: { code: 'F33.2' } })
  await app.ok('diagnoses:add', { clientId, diagnosis: { code: 'F41.1' } })
  fingerprint = databaseFingerprint(app.connection.sqlite)
})
afterEach(() => {
  // The aging report's settled flag and stored open amount always agree with the ledger rows, whatever the test did.
  const mismatches = app.services.billing.settledMismatches()
  app.close()
  if (mismatches > 0) throw new Error(`${mismatches} invoice(s) have a settled flag or open amount that disagrees with their ledger rows`)
})

const account = () => app.ok<Account>('billing:account', { clientId })
const complete = (s: ScheduledSession, overrides: Parameters<typeof sessionInput>[0] = {}) =>
  app.ok<ScheduledSession>('sessions:update', { id: s.session.id, session: sessionInput({ date: s.session.date, kind: s.session.kind, status: 'completed', ...overrides }) })
async function signNoteOf(sessionId: string) {
  const note = await createNote(app, sessionId)
  const saved = await app.ok<{ revision: number }>('notes:save', { id: note.id, revision: note.revision, body: signableDosingBody() })
  await app.ok('notes:sign', { id: note.id, revision: saved.revision })
}
/** A completed, signed dosing session: one unbilled 0820T × 3 line of $600. */
async function billedDosing(date = '2026-03-02'): Promise<Charge> {
  const s = await createSession(app, clientId, { date })
  await signNoteOf(s.session.id)
  await complete(s)
  return (await account()).charges.find((c) => c.sessionId === s.session.id)!
}
const manualCharge = (overrides: Record<string, unknown> = {}) =>
  app.ok<Charge>('billing:createCharge', {
    clientId,
    charge: { dateOfService: '2026-03-03', feeItemId: FEE.therapy, units: 1, unitFeeCents: 20000, modifiers: [], pointers: ['A'], placeOfService: '11', ...overrides }
  })
const invoice = (input: Record<string, unknown> = {}) => app.ok<InvoiceDetail>('billing:createInvoice', { clientId, issuedOn: '2026-03-08', ...input })
const pay = (amountCents: number, extra: Record<string, unknown> = {}) =>
  app.ok<Payment>('billing:recordPayment', { clientId, payment: { receivedOn: '2026-03-08', amountCents, method: 'card', reference: '4242', ...extra } })

const feeBody = (over: Record<string, unknown>) => ({ fee: { code: '90837', modifiers: [], description: 'Therapy', unitFeeCents: 20000, ...over } })
const paymentBody = (over: Record<string, unknown>) => ({ clientId, payment: { receivedOn: '2026-03-08', amountCents: 100, method: 'card', ...over } })

/** A failed call changes no row of any table. */
async function refused(channel: string, input: unknown) {
  const before = fingerprint()
  const error = await app.fail(channel, input)
  expect(fingerprint(), `${channel} failed but wrote`).toBe(before)
  expect(error.code).not.toBe('internal')
  return error
}

describe('fee schedule', () => {
  it('ships KAP defaults: intake 90791 $300, 90837 $200, dosing 0820T × 3 = $600 in $400–$800, late-cancel and no-show $100', async () => {
    const fees = await app.ok<FeeSchedule>('billing:fees', {})
    const byCode = Object.fromEntries(fees.items.map((i) => [i.code, i]))
    expect(byCode['90791']).toMatchObject({ unitFeeCents: 30000, active: true })
    expect(byCode['0820T']).toMatchObject({ unitFeeCents: 20000, minFeeCents: 40000, maxFeeCents: 80000 })
    const lines = Object.fromEntries(fees.defaults.map((d) => [d.event, d.lines]))
    expect(lines.dosing).toEqual([{ feeItemId: FEE.dosing, units: 3, code: '0820T', unitFeeCents: 20000, amountCents: 60000 }])
    expect(lines.preparation![0]).toMatchObject({ code: '90837', amountCents: 20000 })
    expect(lines.late_cancel![0]).toMatchObject({ amountCents: 10000 })
    expect(lines.no_show![0]).toMatchObject({ amountCents: 10000 })
  })

  it('a fee change never rewrites a past charge', async () => {
    const before = await billedDosing()
    await app.ok<FeeItem>('billing:updateFee', { id: FEE.dosing, fee: { code: '0820T', modifiers: [], description: 'Monitoring, per hour', unitFeeCents: 25000 } })
    const after = (await account()).charges.find((c) => c.id === before.id)!
    expect(after).toMatchObject({ unitFeeCents: 20000, amountCents: 60000, description: before.description })
    const next = await billedDosing('2026-03-05')
    expect(next).toMatchObject({ unitFeeCents: 25000, amountCents: 75000 })
  })

  it('default lines per kind are editable, and a custom code with modifiers', async () => {
    const fee = await app.ok<FeeItem>('billing:createFee', { fee: { code: 'x0001', modifiers: ['gt'], description: 'Course deposit', unitFeeCents: 60000 } })
    expect(fee).toMatchObject({ code: 'X0001', modifiers: ['GT'] })
    const schedule = await app.ok<FeeSchedule>('billing:saveDefaults', { event: 'integration', lines: [{ feeItemId: FEE.therapy, units: 1 }, { feeItemId: fee.id, units: 1 }] })
    expect(schedule.defaults.find((d) => d.event === 'integration')!.lines.map((l) => l.code)).toEqual(['90837', 'X0001'])
  })
})

describe('charges from sessions', () => {
  it('holds a completed session’s charges until its note is signed, then releases them with pointer A', async () => {
    const s = await createSession(app, clientId, { date: '2026-03-02' })
    await complete(s)
    let charges = (await account()).charges
    expect(charges).toHaveLength(1)
    expect(charges[0]).toMatchObject({ state: 'held', heldReason: expect.stringMatching(/note/), code: '0820T', units: 3, amountCents: 60000, pointers: ['A'], diagnosisCodes: ['F33.2'] })
    const unbilled = await app.ok<UnbilledRow[]>('billing:unbilled', {})
    expect(unbilled.map((u) => u.state)).toEqual(['held'])
    expect((await account()).totals).toMatchObject({ net: 0, held: 60000 })
    await signNoteOf(s.session.id)
    charges = (await account()).charges
    expect(charges[0]).toMatchObject({ state: 'unbilled', heldReason: null })
    expect((await account()).totals).toMatchObject({ net: 60000, unbilled: 60000, held: 0 })
  })

  it('with the setting off, charges are billable at once; 95 is added for telehealth', async () => {
    await app.ok('billing:saveSettings', { holdUntilSigned: false })
    const s = await createSession(app, clientId, { kind: 'integration', placeOfService: '10', durationMinutes: 60 })
    await complete(s, { kind: 'integration', placeOfService: '10', durationMinutes: 60 })
    expect((await account()).charges[0]).toMatchObject({ state: 'unbilled', code: '90837', modifiers: ['95'], placeOfService: '10' })
  })

  it('late cancellation and no-show fees are never held and not reimbursable; undoing the status voids them', async () => {
    const s = await createSession(app, clientId)
    await app.ok('sessions:update', { id: s.session.id, session: sessionInput({ status: 'late_cancelled' }) })
    let charges = (await account()).charges
    expect(charges).toMatchObject([{ state: 'unbilled', code: 'X9001', amountCents: 10000, reimbursable: false }])
    await app.ok('sessions:update', { id: s.session.id, session: sessionInput({ status: 'no_show' }) })
    charges = (await account()).charges
    expect(charges.map((c) => [c.code, c.state])).toEqual([['X9001', 'void'], ['X9002', 'unbilled']])
    await app.ok('sessions:update', { id: s.session.id, session: sessionInput({ status: 'scheduled' }) })
    expect((await account()).charges.every((c) => c.state === 'void')).toBe(true)
    expect(app.count('charges')).toBe(2)
    expect((await account()).totals.net).toBe(0)
  })

  it('completing twice does not charge twice; edits are allowed until invoiced', async () => {
    const charge = await billedDosing()
    const edited = await app.ok<Charge>('billing:updateCharge', { id: charge.id, charge: { units: 2, unitFeeCents: 25000, modifiers: ['25'], pointers: ['B', 'A'], placeOfService: '11' } })
    expect(edited).toMatchObject({ units: 2, amountCents: 50000, pointers: ['B', 'A'], diagnosisCodes: ['F41.1', 'F33.2'], modifiers: ['25'] })
    await invoice()
    const error = await refused('billing:updateCharge', { id: charge.id, charge: { units: 1, unitFeeCents: 100, modifiers: [], pointers: [], placeOfService: '11' } })
    expect(error.message).toMatch(/invoice/)
  })

  it('the rendering clinician goes on the charge, and is fixed once the session is charged', async () => {
    const insertUser = app.connection.sqlite.prepare(
      "INSERT INTO users (id, login, login_key, display_name, credentials, role, deactivated_at, created_at, updated_at) VALUES (?, ?, ?, ?, 'LMFT', ?, NULL, '2026-01-01', '2026-01-01')"
    )
    insertUser.run(testId(500), 'dana', 'dana', 'Dana Ames', 'clinician')
    insertUser.run(testId(501), 'sam', 'sam', 'Sam Admin', 'administrator')
    fingerprint = databaseFingerprint(app.connection.sqlite)
    const bad = await refused('sessions:create', { clientId, session: sessionInput({ renderingUserId: testId(501) }) })
    expect(bad.fields).toEqual({ 'session.renderingUserId': 'Choose an active clinician or the owner as the rendering clinician' })
    const s = await createSession(app, clientId, { renderingUserId: testId(500) })
    expect(s.session.renderingUserId).toBe(testId(500))
    await signNoteOf(s.session.id)
    await complete(s, { renderingUserId: testId(500) })
    expect((await account()).charges[0]!.renderingUserId).toBe(testId(500))
    fingerprint = databaseFingerprint(app.connection.sqlite)
    const fixed = await refused('sessions:update', { id: s.session.id, session: sessionInput({ status: 'completed', renderingUserId: null }) })
    expect(fixed.fields).toEqual({ 'session.renderingUserId': 'The rendering clinician cannot change once the session is charged' })
    await app.ok('billing:saveProvider', { userId: testId(500), provider: { npi: '1234567893', licenseNumber: 'LMFT 123', licenseState: 'or', credentials: 'LMFT' } })
    const providers = await app.ok<{ userId: string; npi: string | null; licenseState: string | null }[]>('billing:providers', {})
    expect(providers).toEqual([expect.objectContaining({ userId: testId(500), npi: '1234567893', licenseState: 'OR' })])
    const npi = await refused('billing:saveProvider', { userId: testId(500), provider: { npi: '1234567890', licenseNumber: 'x', licenseState: 'OR', credentials: 'LMFT' } })
    expect(npi.fields).toEqual({ 'provider.npi': 'Individual NPI check digit does not match — check for a typo' })
  })
})

describe('adjustments and sliding scale', () => {
  it('a percent sliding scale is applied per line, rounded half away from zero; the charge never changes', async () => {
    await app.ok('billing:setSlidingScale', { clientId, scale: { mode: 'percent', percentBp: 5000, reason: 'Income-based', startsOn: '2026-01-01' } })
    const a = await manualCharge({ unitFeeCents: 101 })
    const b = await manualCharge({ unitFeeCents: 101 })
    const acc = await account()
    expect(acc.adjustments.map((x) => x.amountCents)).toEqual([51, 51])
    expect(acc.charges.find((c) => c.id === a.id)).toMatchObject({ amountCents: 101, adjustedCents: 51, openCents: 50 })
    expect(b.amountCents).toBe(101)
    expect(acc.totals).toMatchObject({ charged: 202, adjusted: 102, net: 100 })
  })

  it('a fixed sliding scale takes a set amount off each session, spread over its lines', async () => {
    await app.ok('billing:setSlidingScale', { clientId, scale: { mode: 'fixed', fixedCents: 15000, reason: 'Sliding scale', startsOn: '2026-01-01' } })
    const charge = await billedDosing()
    expect(charge).toMatchObject({ amountCents: 60000, adjustedCents: 15000 })
  })

  it('write-offs and courtesy discounts are their own rows and cannot exceed what is open', async () => {
    const charge = await billedDosing()
    await app.ok('billing:adjust', { chargeId: charge.id, adjustment: { kind: 'courtesy', mode: 'percent', value: 1000, date: '2026-03-04', reason: 'First session' } })
    await app.ok('billing:adjust', { chargeId: charge.id, adjustment: { kind: 'write_off', mode: 'amount', value: 4000, date: '2026-03-04', reason: 'Hardship' } })
    const acc = await account()
    expect(acc.adjustments.map((a) => [a.kind, a.amountCents])).toEqual([['courtesy', 6000], ['write_off', 4000]])
    expect(acc.totals.net).toBe(50000)
    const error = await refused('billing:adjust', { chargeId: charge.id, adjustment: { kind: 'write_off', mode: 'amount', value: 50001, date: '2026-03-04', reason: 'Too much' } })
    expect(error.fields).toEqual({ 'adjustment.value': 'More than is open on this charge' })
  })
})

describe('invoices', () => {
  it('numbers INV-YYYY-NNNN per year, gap-free; a void keeps its number and frees its charges', async () => {
    const first = await billedDosing()
    const inv1 = await invoice()
    expect(inv1).toMatchObject({ number: 'INV-2026-0001', status: 'issued', totalCents: 60000, openCents: 60000, lineCount: 1 })
    expect(inv1.lines.map((l) => l.id)).toEqual([first.id])
    await manualCharge()
    const inv2 = await invoice()
    expect(inv2.number).toBe('INV-2026-0002')
    const voided = await app.ok<InvoiceDetail>('billing:voidInvoice', { id: inv2.id, reason: 'Wrong date' })
    expect(voided).toMatchObject({ number: 'INV-2026-0002', status: 'void', openCents: 0 })
    expect((await account()).charges.filter((c) => c.state === 'unbilled')).toHaveLength(1)
    const inv3 = await invoice()
    expect(inv3.number).toBe('INV-2026-0003')
    const other = await invoice({ chargeIds: [(await manualCharge({ dateOfService: '2025-12-30' })).id], issuedOn: '2025-12-31' })
    expect(other.number).toBe('INV-2025-0001')
  })

  it('a draft gets its number at once and is issued later; an issued or void invoice cannot change', async () => {
    await billedDosing()
    const draft = await invoice({ issue: false })
    expect(draft).toMatchObject({ status: 'draft', issuedOn: null, number: 'INV-2026-0001' })
    const issued = await app.ok<InvoiceDetail>('billing:issueInvoice', { id: draft.id, issuedOn: '2026-03-09' })
    expect(issued).toMatchObject({ status: 'issued', issuedOn: '2026-03-09' })
    expect((await refused('billing:issueInvoice', { id: draft.id })).message).toMatch(/void it/)
    await app.ok('billing:voidInvoice', { id: draft.id, reason: 'Reissue' })
    expect((await refused('billing:voidInvoice', { id: draft.id, reason: 'Again' })).message).toMatch(/already void/)
    expect((await refused('billing:issueInvoice', { id: draft.id })).message).toMatch(/void/)
  })

  it('invoices every client with unbilled charges in a month in one action', async () => {
    const other = (await createClient(app, { legalFirstName: 'Ben', legalLastName: 'Okafor', email: 'ben@example.com' })).id
    await manualCharge({ dateOfService: '2026-02-10' })
    await app.ok('billing:createCharge', { clientId: other, charge: { dateOfService: '2026-02-11', feeItemId: FEE.intake, units: 1, unitFeeCents: 30000, modifiers: [], pointers: [], placeOfService: '11' } })
    await manualCharge({ dateOfService: '2026-03-01' })
    const made = await app.ok<Invoice[]>('billing:invoiceMonth', { month: '2026-02', issuedOn: '2026-03-01' })
    expect(made.map((i) => [i.clientId, i.number, i.totalCents])).toEqual([[clientId, 'INV-2026-0001', 20000], [other, 'INV-2026-0002', 30000]])
    expect((await account()).charges.filter((c) => c.state === 'unbilled').map((c) => c.dateOfService)).toEqual(['2026-03-01'])
  })
})

describe('payments, credit and refunds', () => {
  it('partial payment → overpay → credit → refund; account, invoice and aging agree at every step', async () => {
    await billedDosing()
    const inv = await invoice()
    const partial = await pay(25000)
    expect(partial.allocations).toEqual([{ invoiceId: inv.id, invoiceNumber: 'INV-2026-0001', chargeId: inv.lines[0]!.id, amountCents: 25000 }])
    let acc = await account()
    expect(acc.invoices[0]).toMatchObject({ status: 'partially_paid', openCents: 35000 })
    expect(acc.totals).toMatchObject({ net: 35000, credit: 0, invoicedOpen: 35000 })
    let aging = await app.ok<Aging>('billing:aging', { asOf: '2026-03-20' })
    expect(aging.rows).toEqual([{ clientId, clientName: 'Maria Lopez', current: 35000, days31to60: 0, days61to90: 0, over90: 0, total: 35000 }])
    expect((await app.ok<Aging>('billing:aging', { asOf: '2026-05-01' })).rows[0]).toMatchObject({ days31to60: 35000, current: 0 })
    expect((await app.ok<Aging>('billing:aging', { asOf: '2026-06-07' })).rows[0]).toMatchObject({ over90: 35000 })

    await pay(45000, { method: 'check', reference: '1042' })
    acc = await account()
    expect(acc.invoices[0]).toMatchObject({ status: 'paid', openCents: 0 })
    expect(acc.totals).toMatchObject({ net: -10000, credit: 10000, invoicedOpen: 0 })
    aging = await app.ok<Aging>('billing:aging', { asOf: '2026-03-20' })
    expect(aging.rows).toEqual([])

    const tooMuch = await refused('billing:refund', { clientId, refund: { receivedOn: '2026-03-09', amountCents: 10001, method: 'check' } })
    expect(tooMuch.fields).toEqual({ 'refund.amountCents': 'More than the client’s credit' })
    await app.ok('billing:refund', { clientId, refund: { receivedOn: '2026-03-09', amountCents: 10000, method: 'check', reference: '1043' } })
    acc = await account()
    expect(acc.totals).toMatchObject({ charged: 60000, paid: 70000, refunded: 10000, net: 0, credit: 0 })
    expect(acc.ledger.map((r) => [r.type, r.amountCents, r.balanceCents])).toEqual([
      ['charge', 60000, 60000],
      ['payment', -25000, 35000],
      ['payment', -45000, -10000],
      ['refund', 10000, 0]
    ])
    expect(app.count('payments')).toBe(3)
  })

  it('a deposit is kept as credit and applied to a later invoice by hand', async () => {
    await pay(60000, { applyTo: 'credit', method: 'bank_transfer', reference: null })
    expect((await account()).totals).toMatchObject({ credit: 60000, net: -60000 })
    await billedDosing()
    const inv = await invoice()
    expect((await refused('billing:applyCredit', { clientId, invoiceId: inv.id, amountCents: 60001 })).fields).toEqual({ amountCents: 'More than the client’s credit' })
    const applied = await app.ok<{ amountCents: number }[]>('billing:applyCredit', { clientId, invoiceId: inv.id })
    expect(applied.map((a) => a.amountCents)).toEqual([60000])
    expect((await app.ok<InvoiceDetail>('billing:invoice', { id: inv.id })).status).toBe('paid')
    expect((await account()).totals).toMatchObject({ credit: 0, net: 0 })
  })

  it('voiding a paid invoice returns what was paid to credit', async () => {
    await billedDosing()
    const inv = await invoice()
    await pay(60000)
    await app.ok('billing:voidInvoice', { id: inv.id, reason: 'Wrong client' })
    expect((await account()).totals).toMatchObject({ credit: 60000, unbilled: 60000, net: 0 })
  })

  it('payments apply to the oldest open invoice first', async () => {
    await manualCharge({ dateOfService: '2026-02-01' })
    const older = await invoice({ issuedOn: '2026-02-05' })
    await manualCharge({ dateOfService: '2026-03-01' })
    const newer = await invoice({ issuedOn: '2026-03-05' })
    const p = await pay(30000)
    expect(p.allocations.map((a) => [a.invoiceNumber, a.amountCents])).toEqual([[older.number, 20000], [newer.number, 10000]])
  })
})

describe('bad input: a field-named message and nothing written', () => {
  it('fees out of range, malformed codes and modifiers', async () => {
    expect((await refused('billing:createFee', feeBody({ unitFeeCents: -1 }))).fields).toEqual({ 'fee.unitFeeCents': 'Fee per unit cannot be negative' })
    expect((await refused('billing:createFee', feeBody({ unitFeeCents: 10_000_001 }))).fields).toEqual({ 'fee.unitFeeCents': 'Fee per unit cannot be more than $100,000.00' })
    for (const code of ['9083', '908377', '0820X', 'JJ490', '']) {
      expect((await refused('billing:createFee', feeBody({ code }))).fields?.['fee.code']).toMatch(/Code should be 5 digits/)
    }
    expect((await refused('billing:createFee', feeBody({ modifiers: ['9'] }))).fields).toEqual({ 'fee.modifiers.0': 'Each modifier is 2 letters or digits, like 95 or GT' })
    expect((await refused('billing:createFee', feeBody({ modifiers: ['25', '59', 'GT', '95', 'GA'] }))).fields).toEqual({ 'fee.modifiers': 'At most 4 modifiers' })
  })

  it('pointers: more than four, past the client’s diagnoses, or to a removed diagnosis', async () => {
    const charge = await billedDosing()
    const edit = (pointers: string[]) => ({ id: charge.id, charge: { units: 3, unitFeeCents: 20000, modifiers: [], pointers, placeOfService: '11' } })
    expect((await refused('billing:updateCharge', edit(['A', 'B', 'C', 'D', 'E']))).fields).toEqual({ 'charge.pointers': 'At most 4 diagnosis pointers' })
    expect((await refused('billing:updateCharge', edit(['C']))).fields).toEqual({ 'charge.pointers': 'Pointer C is not one of the client’s current diagnoses' })
    expect((await refused('billing:updateCharge', edit(['M']))).fields?.['charge.pointers.0']).toMatch(/A to L/)
    const dx = await app.ok<{ id: string }[]>('diagnoses:list', { clientId })
    await app.ok('diagnoses:remove', { id: dx[1]!.id })
    fingerprint = databaseFingerprint(app.connection.sqlite)
    expect((await refused('billing:updateCharge', edit(['B']))).fields).toEqual({ 'charge.pointers': 'Pointer B is not one of the client’s current diagnoses' })
  })

  it('payments of $0, negative, absurdly large, or with a full card number', async () => {
    await billedDosing()
    await invoice()
    expect((await refused('billing:recordPayment', paymentBody({ amountCents: 0 }))).fields).toEqual({ 'payment.amountCents': 'Amount must be more than $0.00' })
    expect((await refused('billing:recordPayment', paymentBody({ amountCents: -500 }))).fields).toEqual({ 'payment.amountCents': 'Amount must be more than $0.00' })
    expect((await refused('billing:recordPayment', paymentBody({ amountCents: 10_000_001 }))).fields).toEqual({ 'payment.amountCents': 'Amount cannot be more than $100,000.00' })
    expect((await refused('billing:recordPayment', paymentBody({ amountCents: 12.5 }))).fields).toEqual({ 'payment.amountCents': 'Amount must be a whole number of cents' })
    for (const reference of ['4242424242424242', '4242 4242 4242 4242', 'Visa 4111-1111-1111-1111']) {
      const error = await refused('billing:recordPayment', paymentBody({ reference }))
      expect(error.fields).toEqual({ 'payment.reference': 'Do not enter a full card number: keep only the last 4 digits' })
      expect(JSON.stringify(error)).not.toMatch(/4242|4111/)
    }
    await app.ok('billing:recordPayment', paymentBody({ reference: 'Visa ending 4242' }))
  })

  it('invoicing charges already invoiced, void or of another client; applying more than a payment; a refund beyond the credit', async () => {
    const charge = await billedDosing()
    await invoice()
    expect((await refused('billing:createInvoice', { clientId, chargeIds: [charge.id] })).fields).toEqual({ chargeIds: 'A charge is already on an invoice' })
    expect((await refused('billing:createInvoice', { clientId })).fields).toEqual({ chargeIds: 'There are no unbilled charges' })
    expect((await refused('billing:createInvoice', { clientId, chargeIds: [testId(999)] })).fields).toEqual({ chargeIds: 'Choose charges of this client' })
    const manual = await manualCharge()
    await app.ok('billing:voidCharge', { id: manual.id, reason: 'Entered twice' })
    fingerprint = databaseFingerprint(app.connection.sqlite)
    expect((await refused('billing:createInvoice', { clientId, chargeIds: [manual.id] })).fields).toEqual({ chargeIds: 'A void charge cannot be invoiced' })
    await pay(1000, { applyTo: 'credit' })
    fingerprint = databaseFingerprint(app.connection.sqlite)
    expect((await refused('billing:applyCredit', { clientId, amountCents: 1001 })).fields).toEqual({ amountCents: 'More than the client’s credit' })
    expect((await refused('billing:refund', { clientId, refund: { receivedOn: '2026-03-09', amountCents: 1001, method: 'cash' } })).fields).toEqual({ 'refund.amountCents': 'More than the client’s credit' })
  })
})

describe('documents and the accountant', () => {
  it('ledger lines for a date range carry what a superbill needs', async () => {
    await billedDosing('2026-03-02')
    await manualCharge({ dateOfService: '2026-04-01' })
    await invoice({ chargeIds: undefined })
    await pay(30000)
    const lines = app.services.billing.ledgerLines(clientId, '2026-03-01', '2026-03-31')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatchObject({ dateOfService: '2026-03-02', code: '0820T', modifiers: [], units: 3, unitFeeCents: 20000, amountCents: 60000, placeOfService: '11', renderingUserId: null, pointers: ['A'], diagnosisCodes: ['F33.2'], paidCents: 30000 })
  })

  it('exports a formula-safe UTF-8 CSV with a BOM into the exports folder, amounts as 1234.50', async () => {
    await manualCharge({ dateOfService: '2026-03-03', unitFeeCents: 123450 })
    await invoice()
    await pay(1005, { reference: '=HYPERLINK("x")' })
    const result = await app.ok<BillingExportResult>('billing:exportCsv', { from: '2026-03-01', to: '2026-03-31' })
    expect(result.fileName).toMatch(/^billing-ledger-2026-03-01-to-2026-03-31-.*\.csv$/)
    const text = readFileSync(result.path, 'utf8')
    expect(text.startsWith('\uFEFF')).toBe(true)
    const lines = text.slice(1).trimEnd().split('\r\n')
    expect(lines[0]).toBe('type,date,client_record_id,code,modifiers,description,units,unit_fee,amount,invoice_number,method,reference,status')
    expect(lines).toContain(`charge,2026-03-03,${clientId},90837,,"Psychotherapy, 60 minutes (preparation, integration)",1,1234.50,1234.50,INV-2026-0001,,,invoiced`)
    expect(lines.find((l) => l.startsWith('payment,'))).toBe(`payment,2026-03-08,${clientId},,,Payment,,,-10.05,,Card,"'=HYPERLINK(""x"")",posted`)
    expect(lines.find((l) => l.startsWith('allocation,'))).toBe(`allocation,2026-03-08,${clientId},90837,,Payment applied,,,10.05,INV-2026-0001,Card,,posted`)
    expect(result.rows).toBe(lines.length - 1)
    expect(join(app.databasePath, '..', 'exports', result.fileName)).toBe(result.path)
  })

  it('audits every write with its client, and the month totals come from the rows', async () => {
    await billedDosing()
    await invoice()
    await pay(10000)
    const entries = app.connection.sqlite.prepare("SELECT action, entity, client_id AS clientId FROM audit_log WHERE entity IN ('charge', 'invoice', 'payment') ORDER BY seq").all()
    expect(entries).toEqual([
      { action: 'create', entity: 'charge', clientId },
      { action: 'create', entity: 'invoice', clientId },
      { action: 'create', entity: 'payment', clientId }
    ])
    const months = await app.ok<{ month: string; charged: number; received: number }[]>('billing:monthTotals', { asOf: '2026-03-08' })
    expect(months[2]).toMatchObject({ month: '2026-03', charged: 60000, received: 10000 })
  })
})
