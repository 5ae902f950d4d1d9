import type { AuditListPage } from '@shared/contracts/audit'
import { ANY_ROLE } from '@shared/domain/roles'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { coreContracts, defineContract } from '@shared/contracts'
import type { AuditVerifyResult } from '@shared/contracts/audit'
import type { Charge, FeeItem, InvoiceDetail, Payment } from '@shared/contracts/billing'
import type { Client } from '@shared/contracts/clients'
import type { Consent } from '@shared/contracts/consents'
import type { Diagnosis } from '@shared/contracts/diagnoses'
import type { Course } from '@shared/contracts/courses'
import type { InsurancePolicy } from '@shared/contracts/insurance'
import type { Measure } from '@shared/contracts/measures'
import type { ContraindicationFlag } from '@shared/contracts/screening'
import type { Note } from '@shared/contracts/notes'
import type { ScheduledSession } from '@shared/contracts/sessions'
import { PROTOCOL_TEMPLATES } from '@shared/domain/scheduling'
import { openTestApp, testId, type TestApp } from '../../factories/app'
import { clientInput, createClient } from '../../factories/clients'
import { phq9, sessionInput, signableDosingBody } from '../../factories/clinical'
import { storedEntries, type StoredEntry } from './helpers'

let app: TestApp
beforeEach(async () => {
  // On a file, so the exports have a data folder; a cheap scrypt for the archive.
  app = await openTestApp({ file: true, archiveKdf: { log2N: 12, r: 8, p: 1 } })
})
afterEach(() => app.close())

const policy = { rank: 'primary', payerName: 'Aetna', payerId: '60054', memberId: 'W123456789', groupNumber: null, relationship: 'self', subscriberName: null, subscriberDateOfBirth: null }
const consent = { kind: 'kap', version: 'KAP consent v3 (2025)', signedOn: '2026-01-15', witness: 'Jordan Tate' }
const review = { answer: 'no', note: 'BP 128/82 today', reviewedBy: 'Dr. Rosa Ames, MD', reviewedOn: '2026-01-15' }
const profile = {
  practiceName: 'Cascade Ketamine-Assisted Therapy, PLLC', providerName: 'Dana Whitfield-Nakamura', providerCredentials: 'PhD, LMFT',
  individualNpi: '1234567893', organizationNpi: null, ein: '453456789', licenseNumber: 'T1234', licenseState: 'OR',
  addressLine1: '1200 SW Main St', addressLine2: null, city: 'Portland', state: 'OR', postalCode: '97205', phone: '(503) 555-0100',
  defaultPlaceOfService: '11'
}

/** Calls a channel that must succeed and returns its value and the entries it appended. */
async function audited<T>(channel: string, input: unknown): Promise<{ value: T; added: StoredEntry[] }> {
  const before = app.count('audit_log')
  const value = await app.ok<T>(channel, input)
  return { value, added: storedEntries(app.connection.sqlite).slice(before) }
}

const shape = (e: StoredEntry) => ({ channel: e.channel, action: e.action, entity: e.entity, entityId: e.entityId, clientId: e.clientId })

describe('audit entries: one per audited call', () => {
  it('writes exactly one entry with the action, record and client for every mutating channel and clients:get', async () => {
    const seen = new Set<string>()
    let calls = 0
    const expectOne = async <T>(channel: string, input: unknown, expected: (value: T) => Omit<ReturnType<typeof shape>, 'channel'>) => {
      const { value, added } = await audited<T>(channel, input)
      expect(added.map(shape)).toEqual([{ channel, ...expected(value) }])
      seen.add(channel)
      calls++
      return value
    }

    const c = await expectOne<Client>('clients:create', { client: clientInput() }, (v) => ({ action: 'create', entity: 'client', entityId: v.id, clientId: v.id }))
    const client = { entity: 'client', entityId: c.id, clientId: c.id }
    await expectOne('clients:get', { id: c.id }, () => ({ action: 'view', ...client }))
    await expectOne('clients:update', { id: c.id, client: clientInput({ status: 'active' }) }, () => ({ action: 'update', ...client }))
    await expectOne('clients:archive', { id: c.id, reason: 'Moved away' }, () => ({ action: 'archive', ...client }))
    await expectOne('clients:restore', { id: c.id }, () => ({ action: 'restore', ...client }))

    const p = await expectOne<InsurancePolicy>('insurance:create', { clientId: c.id, policy }, (v) => ({ action: 'create', entity: 'insurance_policy', entityId: v.id, clientId: c.id }))
    await expectOne('insurance:update', { id: p.id, policy: { ...policy, memberId: 'W999' } }, () => ({ action: 'update', entity: 'insurance_policy', entityId: p.id, clientId: c.id }))
    await expectOne('insurance:archive', { id: p.id }, () => ({ action: 'archive', entity: 'insurance_policy', entityId: p.id, clientId: c.id }))

    const [first] = await expectOne<Diagnosis[]>('diagnoses:add', { clientId: c.id, diagnosis: { code: 'F33.2' } }, (v) => ({ action: 'create', entity: 'diagnosis', entityId: v[0]!.id, clientId: c.id }))
    const list = await expectOne<Diagnosis[]>('diagnoses:add', { clientId: c.id, diagnosis: { code: 'f4310' } }, (v) => ({
      action: 'create', entity: 'diagnosis', entityId: v.find((d) => d.code === 'F43.10')!.id, clientId: c.id
    }))
    const second = list[1]!
    await expectOne('diagnoses:setPrimary', { id: second.id }, () => ({ action: 'update', entity: 'diagnosis', entityId: second.id, clientId: c.id }))
    await expectOne('diagnoses:reorder', { clientId: c.id, orderedIds: [second.id, first!.id] }, () => ({ action: 'update', entity: 'diagnosis', entityId: null, clientId: c.id }))
    await expectOne('diagnoses:remove', { id: second.id }, () => ({ action: 'remove', entity: 'diagnosis', entityId: second.id, clientId: c.id }))
    // Removing the last one answers an empty list: the client comes from the diagnosis row itself.
    expect(await expectOne<Diagnosis[]>('diagnoses:remove', { id: first!.id }, () => ({ action: 'remove', entity: 'diagnosis', entityId: first!.id, clientId: c.id }))).toEqual([])

    await expectOne('screening:record', { clientId: c.id, itemKey: 'glaucoma', item: review }, () => ({ action: 'create', entity: 'screening_item', entityId: null, clientId: c.id }))
    await expectOne('screening:flags', { clientId: c.id }, () => ({ action: 'view', entity: 'screening_item', entityId: null, clientId: c.id }))
    await expectOne('screening:recordAll', { clientId: c.id, reviewedBy: 'Dr. Rosa Ames, MD', reviewedOn: '2026-01-15', items: [{ itemKey: 'glaucoma', answer: 'no', note: null }] }, () => ({
      action: 'create', entity: 'screening_item', entityId: null, clientId: c.id
    }))
    // Reads of clinical content are logged as views of whose record they showed.
    await expectOne('screening:get', { clientId: c.id }, () => ({ action: 'view', entity: 'screening_item', entityId: null, clientId: c.id }))

    const k = await expectOne<Consent>('consents:create', { clientId: c.id, consent }, (v) => ({ action: 'create', entity: 'consent', entityId: v.id, clientId: c.id }))
    await expectOne('consents:revoke', { id: k.id, revokedOn: '2026-02-01' }, () => ({ action: 'revoke', entity: 'consent', entityId: k.id, clientId: c.id }))

    const course = await expectOne<Course>('courses:create', { clientId: c.id, course: { protocol: PROTOCOL_TEMPLATES[0], startedOn: '2026-03-01' } }, (v) => ({
      action: 'create', entity: 'course', entityId: v.id, clientId: c.id
    }))
    await expectOne('courses:update', { id: course.id, course: { protocol: PROTOCOL_TEMPLATES[0], startedOn: '2026-03-02', status: 'active' } }, () => ({
      action: 'update', entity: 'course', entityId: course.id, clientId: c.id
    }))
    const { session } = await expectOne<ScheduledSession>('sessions:create', { clientId: c.id, session: sessionInput({ courseId: course.id }) }, (v) => ({
      action: 'create', entity: 'session', entityId: v.session.id, clientId: c.id
    }))
    await expectOne('sessions:update', { id: session.id, session: sessionInput({ startTime: '11:00', status: 'cancelled' }) }, () => ({ action: 'update', entity: 'session', entityId: session.id, clientId: c.id }))
    // A recurring series (one entry for all its sessions), its following sessions moved and cancelled, reminders, the course booked in one step.
    const series = await expectOne<{ sessions: { id: string }[] }>(
      'series:create',
      { clientId: c.id, series: { kind: 'integration', date: '2026-04-06', startTime: '15:00', durationMinutes: 50, placeOfService: '11', intervalWeeks: 1, end: 'count', occurrences: 3 } },
      (v) => ({ action: 'create', entity: 'session', entityId: v.sessions[0]!.id, clientId: c.id })
    )
    await expectOne('series:updateFollowing', { sessionId: series.sessions[1]!.id, change: { startTime: '16:00', durationMinutes: 50 } }, () => ({
      action: 'update', entity: 'session', entityId: series.sessions[1]!.id, clientId: c.id
    }))
    await expectOne('series:cancelFollowing', { sessionId: series.sessions[2]!.id }, () => ({ action: 'update', entity: 'session', entityId: series.sessions[2]!.id, clientId: c.id }))
    await expectOne('reminders:ics', { clientId: c.id, sessionId: series.sessions[0]!.id }, () => ({ action: 'export', entity: 'session', entityId: series.sessions[0]!.id, clientId: c.id }))
    await expectOne('reminders:card', { clientId: c.id }, () => ({ action: 'export', entity: 'session', entityId: null, clientId: c.id }))
    const proposal = await app.ok<{ rows: unknown[] }>('courses:proposeSchedule', { id: course.id })
    await expectOne<{ sessions: { id: string }[] }>('courses:bookSchedule', { id: course.id, rows: proposal.rows.slice(0, 1), placeOfService: '11' }, (v) => ({
      action: 'create', entity: 'session', entityId: v.sessions[0]!.id, clientId: c.id
    }))
    const note = await expectOne<Note>('notes:create', { sessionId: session.id }, (v) => ({ action: 'create', entity: 'note', entityId: v.id, clientId: c.id }))
    // A contraindication answered yes shows on the dosing note, to be acknowledged there.
    await expectOne('screening:record', { clientId: c.id, itemKey: 'recent_seizures', item: { ...review, answer: 'yes' } }, () => ({ action: 'create', entity: 'screening_item', entityId: null, clientId: c.id }))
    const [flag] = await expectOne<ContraindicationFlag[]>('screening:flags', { clientId: c.id, context: { kind: 'note', id: note.id } }, () => ({ action: 'view', entity: 'screening_item', entityId: null, clientId: c.id }))
    await expectOne('screening:acknowledge', { clientId: c.id, context: { kind: 'note', id: note.id }, screeningItemIds: [flag!.screeningItemId] }, () => ({
      action: 'create', entity: 'screening_item', entityId: null, clientId: c.id
    }))
    await expectOne('notes:get', { id: note.id }, () => ({ action: 'view', entity: 'note', entityId: note.id, clientId: c.id }))
    await expectOne('notes:list', { sessionId: session.id }, () => ({ action: 'view', entity: 'session', entityId: session.id, clientId: c.id }))
    const saved = await expectOne<Note>('notes:save', { id: note.id, revision: note.revision, body: signableDosingBody() }, () => ({
      action: 'update', entity: 'note', entityId: note.id, clientId: c.id
    }))
    // The session is cancelled and stays so: signing a scheduled one would complete it and charge it too.
    await expectOne('notes:sign', { id: note.id, revision: saved.revision, sessionOutcome: 'keep' }, () => ({ action: 'sign', entity: 'note', entityId: note.id, clientId: c.id }))
    await expectOne<Note>('notes:addAddendum', { noteId: note.id, text: 'Lot number corrected.' }, (v) => ({
      action: 'create', entity: 'addendum', entityId: v.addenda[0]!.id, clientId: c.id
    }))
    await expectOne('notes:print', { id: note.id }, () => ({ action: 'export', entity: 'note', entityId: note.id, clientId: c.id }))
    await expectOne('notes:printRange', { clientId: c.id, from: '2026-03-01', to: '2026-03-31' }, () => ({ action: 'export', entity: 'client', entityId: c.id, clientId: c.id }))
    const measure = await expectOne<Measure>('measures:create', { clientId: c.id, measure: phq9([1, 1, 1, 1, 1, 1, 1, 1, 1]) }, (v) => ({
      action: 'create', entity: 'measure', entityId: v.id, clientId: c.id
    }))
    await expectOne('measures:list', { clientId: c.id }, () => ({ action: 'view', entity: 'measure', entityId: null, clientId: c.id }))
    await expectOne('measures:trend', { clientId: c.id }, () => ({ action: 'view', entity: 'measure', entityId: null, clientId: c.id }))
    await expectOne('notes:search', { query: 'lot' }, () => ({ action: 'view', entity: 'note', entityId: null, clientId: c.id }))
    await expectOne('notes:search', { query: 'nothingmatchesthis' }, () => ({ action: 'view', entity: 'note', entityId: null, clientId: null }))
    await expectOne('measures:acknowledge', { id: measure.id }, () => ({ action: 'update', entity: 'measure', entityId: measure.id, clientId: c.id }))
    await expectOne('measures:void', { id: measure.id, reason: 'Entered for the wrong client' }, () => ({ action: 'archive', entity: 'measure', entityId: measure.id, clientId: c.id }))

    // Billing: the fee schedule, a manual charge and its adjustment, an invoice, payments, a refund.
    const billed = { clientId: c.id }
    const practice = { entityId: null, clientId: null }
    await expectOne<Diagnosis[]>('diagnoses:add', { clientId: c.id, diagnosis: { code: 'F33.2' } }, (v) => ({ action: 'create', entity: 'diagnosis', entityId: v[0]!.id, clientId: c.id }))
    app.connection.sqlite
      .prepare("INSERT INTO users (id, login, login_key, display_name, credentials, role, deactivated_at, created_at, updated_at) VALUES (?, 'dana', 'dana', 'Dana Ames', 'LMFT', 'clinician', NULL, '2026-01-01', '2026-01-01')")
      .run(testId(500))
    await expectOne('billing:saveProvider', { userId: testId(500), provider: { npi: '1234567893', licenseNumber: 'LMFT 123', licenseState: 'OR', credentials: 'LMFT' } }, () => ({
      action: 'update', entity: 'provider', entityId: testId(500), clientId: null
    }))
    await expectOne('billing:saveSettings', { holdUntilSigned: false }, () => ({ action: 'update', entity: 'practice', ...practice }))
    const fee = await expectOne<FeeItem>('billing:createFee', { fee: { code: 'X0001', modifiers: [], description: 'Course deposit', unitFeeCents: 60000 } }, (v) => ({
      action: 'create', entity: 'fee', entityId: v.id, clientId: null
    }))
    await expectOne('billing:updateFee', { id: fee.id, fee: { code: 'X0001', modifiers: [], description: 'Course deposit', unitFeeCents: 50000 } }, () => ({
      action: 'update', entity: 'fee', entityId: fee.id, clientId: null
    }))
    await expectOne('billing:saveDefaults', { event: 'integration', lines: [{ feeItemId: fee.id, units: 1 }] }, () => ({ action: 'update', entity: 'fee', ...practice }))
    const line = { dateOfService: '2026-03-03', feeItemId: fee.id, units: 1, unitFeeCents: 50000, modifiers: [], pointers: ['A'], placeOfService: '11' }
    const charge = await expectOne<Charge>('billing:createCharge', { clientId: c.id, charge: line }, (v) => ({ action: 'create', entity: 'charge', entityId: v.id, ...billed }))
    await expectOne('billing:updateCharge', { id: charge.id, charge: { units: 1, unitFeeCents: 40000, modifiers: [], pointers: ['A'], placeOfService: '11' } }, () => ({
      action: 'update', entity: 'charge', entityId: charge.id, ...billed
    }))
    const adjustment = await expectOne<{ id: string }>('billing:adjust', { chargeId: charge.id, adjustment: { kind: 'courtesy', mode: 'amount', value: 1000, date: '2026-03-04', reason: 'First session' } }, (v) => ({
      action: 'create', entity: 'adjustment', entityId: v.id, ...billed
    }))
    await expectOne('billing:voidAdjustment', { id: adjustment.id, reason: 'Entered twice' }, () => ({ action: 'void', entity: 'adjustment', entityId: adjustment.id, ...billed }))
    const scale = await expectOne<{ id: string }>('billing:setSlidingScale', { clientId: c.id, scale: { mode: 'percent', percentBp: 5000, reason: 'Income-based', startsOn: '2026-05-01' } }, (v) => ({
      action: 'create', entity: 'sliding_scale', entityId: v.id, ...billed
    }))
    await expectOne('billing:endSlidingScale', { id: scale.id, endedOn: '2026-06-30' }, () => ({ action: 'update', entity: 'sliding_scale', entityId: scale.id, ...billed }))
    const spare = await app.ok<Charge>('billing:createCharge', { clientId: c.id, charge: { ...line, dateOfService: '2026-02-10' } })
    calls++
    seen.add('billing:createCharge')
    await expectOne('billing:voidCharge', { id: spare.id, reason: 'Entered twice' }, () => ({ action: 'void', entity: 'charge', entityId: spare.id, ...billed }))
    const draft = await expectOne<InvoiceDetail>('billing:createInvoice', { clientId: c.id, issuedOn: '2026-03-08', issue: false }, (v) => ({
      action: 'create', entity: 'invoice', entityId: v.id, ...billed
    }))
    await expectOne('billing:issueInvoice', { id: draft.id, issuedOn: '2026-03-09' }, () => ({ action: 'issue', entity: 'invoice', entityId: draft.id, ...billed }))
    await expectOne('billing:voidInvoice', { id: draft.id, reason: 'Reissue' }, () => ({ action: 'void', entity: 'invoice', entityId: draft.id, ...billed }))
    await expectOne('billing:invoiceMonth', { month: '2026-03', issuedOn: '2026-04-01' }, () => ({ action: 'create', entity: 'invoice', ...practice }))
    const payment = await expectOne<Payment>('billing:recordPayment', { clientId: c.id, payment: { receivedOn: '2026-04-02', amountCents: 50000, method: 'card', reference: '4242' } }, (v) => ({
      action: 'create', entity: 'payment', entityId: v.id, ...billed
    }))
    expect(payment.amountCents).toBe(50000)
    await expectOne<Payment>('billing:refund', { clientId: c.id, refund: { receivedOn: '2026-04-03', amountCents: 1000, method: 'check', reference: '1043' } }, (v) => ({
      action: 'create', entity: 'payment', entityId: v.id, ...billed
    }))
    // The payment left $90 of credit after the refund; a new invoice gives it somewhere to go.
    await expectOne<Charge>('billing:createCharge', { clientId: c.id, charge: { ...line, dateOfService: '2026-04-02' } }, (v) => ({ action: 'create', entity: 'charge', entityId: v.id, ...billed }))
    await expectOne<InvoiceDetail>('billing:createInvoice', { clientId: c.id, issuedOn: '2026-04-02', issue: true }, (v) => ({ action: 'create', entity: 'invoice', entityId: v.id, ...billed }))
    await expectOne('billing:applyCredit', { clientId: c.id }, () => ({ action: 'update', entity: 'payment', entityId: null, ...billed }))
    await expectOne('billing:exportCsv', { from: '2026-03-01', to: '2026-04-30' }, () => ({ action: 'export', entity: 'practice', ...practice }))

    await expectOne('practice:save', { profile }, () => ({ action: 'update', entity: 'practice', entityId: null, clientId: null }))
    // Needs the practice profile; the manual charge of 2026-03-03 points at diagnosis A.
    const superbill = await expectOne<{ id: string }>('billing:superbill', { clientId: c.id, from: '2026-03-01', to: '2026-04-30' }, (v) => ({ action: 'create', entity: 'document', entityId: v.id, clientId: c.id }))
    await expectOne('documents:download', { id: superbill.id }, () => ({ action: 'export', entity: 'document', entityId: superbill.id, clientId: c.id }))
    await expectOne('documents:void', { id: superbill.id, reason: 'Wrong range' }, () => ({ action: 'void', entity: 'document', entityId: superbill.id, clientId: c.id }))
    await expectOne<{ id: string }>('documents:statement', { clientId: c.id, from: '2026-03-01', to: '2026-04-30' }, (v) => ({ action: 'create', entity: 'document', entityId: v.id, clientId: c.id }))
    await expectOne<{ id: string }>('documents:goodFaithEstimate', { clientId: c.id, courseId: course.id, selfPay: true }, (v) => ({ action: 'create', entity: 'document', entityId: v.id, clientId: c.id }))
    await expectOne('settings:save', { settings: { idleLockMinutes: 15 } }, () => ({ action: 'update', entity: 'practice', entityId: null, clientId: null }))

    const practiceWide = { entity: 'practice', entityId: null, clientId: null }
    await expectOne('exports:custodian', {}, () => ({ action: 'export', ...practiceWide }))
    const archive = await expectOne<{ fileName: string }>('exports:archive', { passphrase: 'a long enough passphrase' }, () => ({ action: 'export', ...practiceWide }))
    // The import brings back the log as the archive froze it — taken just before its own 'export'
    // entry was appended — and adds one entry: the same count as before, ending with the restore.
    const before = app.count('audit_log')
    await app.ok('exports:importArchive', { fileName: archive.fileName, passphrase: 'a long enough passphrase' })
    const after = storedEntries(app.connection.sqlite)
    expect(after).toHaveLength(before)
    expect(shape(after.at(-1)!)).toEqual({ channel: 'exports:importArchive', action: 'restore', ...practiceWide })
    seen.add('exports:importArchive')

    // Every contract of the practice core that declares an intent was exercised here (the host's
    // own audited calls, users:*, are exercised through the host in tests/main/auth).
    expect([...seen].sort()).toEqual(coreContracts().filter((x) => x.audit).map((x) => x.channel).sort())
    expect(await app.ok<AuditVerifyResult>('audit:verify', {})).toMatchObject({ ok: true, checked: calls, guarded: true })
  })

  it('chains each entry to the one before, in order, with who and when from the context', async () => {
    const c = await createClient(app)
    await app.ok('clients:get', { id: c.id })
    await app.ok('clients:get', { id: c.id })
    const entries = storedEntries(app.connection.sqlite)
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3])
    expect(entries[0]!.prevHash).toBe('0'.repeat(64))
    expect(entries[1]!.prevHash).toBe(entries[0]!.hash)
    expect(entries[2]!.prevHash).toBe(entries[1]!.hash)
    for (const e of entries) {
      expect(e.hash).toMatch(/^[0-9a-f]{64}$/)
      expect(e.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
      expect(e).toMatchObject({ actorId: null, actorLabel: 'local' })
    }
    expect(new Set(entries.map((e) => e.id)).size).toBe(3)
  })

  it('records the actor the context names', async () => {
    const other = await openTestApp({ context: { actor: () => ({ id: testId(500), label: 'Dana W.', role: 'owner' as const }) } })
    try {
      await createClient(other)
      expect(storedEntries(other.connection.sqlite)[0]).toMatchObject({ actorId: testId(500), actorLabel: 'Dana W.' })
    } finally {
      other.close()
    }
  })

  it('does not log lists of names, the client search or the other non-clinical reads', async () => {
    const c = await createClient(app)
    const before = app.count('audit_log')
    await app.ok('clients:list', {})
    await app.ok('clients:search', { query: 'lopez' })
    await app.ok('insurance:list', { clientId: c.id })
    await app.ok('diagnoses:list', { clientId: c.id })
    await app.ok('consents:list', { clientId: c.id })
    await app.ok('practice:get', {})
    await app.ok('audit:list', {})
    await app.ok('audit:verify', {})
    expect(app.count('audit_log')).toBe(before)
  })
})

describe('audit entries: only for what happened', () => {
  it('an invalid input writes no entry', async () => {
    const c = await createClient(app)
    const before = app.count('audit_log')
    expect((await app.fail('clients:create', { client: clientInput({ legalLastName: '' }) })).code).toBe('invalid_input')
    expect((await app.fail('clients:update', { id: c.id, client: clientInput({ dateOfBirth: '1850-01-01' }) })).code).toBe('invalid_input')
    expect((await app.fail('clients:get', { id: 'not-an-id' })).code).toBe('invalid_input')
    expect(app.count('audit_log')).toBe(before)
  })

  it('a handler that fails writes no entry — a rule, a missing record, or a chart view of no one', async () => {
    const c = await createClient(app)
    await app.ok('clients:archive', { id: c.id })
    const before = app.count('audit_log')
    expect((await app.fail('clients:archive', { id: c.id })).code).toBe('invalid_input')
    expect((await app.fail('clients:get', { id: testId(999) })).code).toBe('not_found')
    expect((await app.fail('diagnoses:add', { clientId: c.id, diagnosis: { code: 'F33.2' } })).code).toBe('invalid_input')
    expect((await app.fail('consents:revoke', { id: testId(998), revokedOn: '2026-02-01' })).code).toBe('not_found')
    expect(app.count('audit_log')).toBe(before)
  })

  it('a write that throws after writing leaves neither the write nor an entry', async () => {
    app.router.set('test:writeThenThrow', {
      contract: defineContract('test:writeThenThrow', z.strictObject({}), z.unknown(), { roles: ANY_ROLE, audit: { action: 'create', entity: 'client' } }),
      handler: () => {
        app.services.clients.create(clientInput() as never)
        throw new Error('disk hiccup')
      }
    })
    expect(await app.call('test:writeThenThrow', {})).toMatchObject({ ok: false, error: { code: 'internal' } })
    expect(app.count('clients')).toBe(0)
    expect(app.count('audit_log')).toBe(0)
  })

  it('an entry that cannot be written undoes the write it records', async () => {
    await createClient(app)
    app.connection.sqlite.exec("CREATE TRIGGER test_refuse BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'no room'); END")
    expect(await app.call('clients:create', { client: clientInput({ legalLastName: 'Second' }) })).toMatchObject({ ok: false, error: { code: 'internal' } })
    expect(app.count('clients')).toBe(1)
    expect(app.count('audit_log')).toBe(1)
    app.connection.sqlite.exec('DROP TRIGGER test_refuse')
    await createClient(app, { legalLastName: 'Third' })
    expect(await app.ok('audit:verify', {})).toMatchObject({ ok: true, checked: 2, guarded: true })
  })

  it('a commit that fails after the entry was appended does not leave the chain pointing at it', async () => {
    const c = await createClient(app)
    // A deferred foreign-key violation passes every statement and fails at COMMIT, after the append.
    app.router.set('test:commitFails', {
      contract: defineContract('test:commitFails', z.strictObject({}), z.unknown(), { roles: ANY_ROLE, audit: { action: 'update', entity: 'client' } }),
      handler: () => {
        app.connection.sqlite.pragma('defer_foreign_keys = ON')
        app.connection.sqlite
          .prepare("INSERT INTO diagnoses (id, client_id, code, position, is_primary, added_at) VALUES (?, ?, 'F33.2', 0, 1, 'x')")
          .run(testId(900), testId(901))
        return { id: c.id }
      }
    })
    expect(await app.call('test:commitFails', {})).toMatchObject({ ok: false, error: { code: 'internal' } })
    expect(app.count('audit_log')).toBe(1)
    await app.ok('clients:get', { id: c.id })
    expect(storedEntries(app.connection.sqlite).map((e) => e.seq)).toEqual([1, 2])
    expect(await app.ok('audit:verify', {})).toMatchObject({ ok: true, checked: 2, guarded: true })
  })

  it('picks up entries another connection appended before writing its own', async () => {
    const shared = await openTestApp({ file: true })
    const second = await openTestApp({ databasePath: shared.databasePath, context: { newId: () => crypto.randomUUID() } })
    try {
      const c = await createClient(shared)
      await second.ok('clients:get', { id: c.id })
      await shared.ok('clients:get', { id: c.id })
      await second.ok('clients:get', { id: c.id })
      expect(storedEntries(shared.connection.sqlite).map((e) => e.seq)).toEqual([1, 2, 3, 4])
      expect(await shared.ok('audit:verify', {})).toMatchObject({ ok: true, checked: 4, guarded: true })
    } finally {
      second.close()
      shared.close()
    }
  })
})

describe('audit entries: no PHI', () => {
  it('no audit column holds anything typed about a client', async () => {
    const sentinel = 'Zyxwquorph'
    const c = await createClient(app, {
      legalFirstName: `${sentinel}a`, legalLastName: `${sentinel}b`, preferredName: `${sentinel}c`, email: `${sentinel.toLowerCase()}@example.com`,
      dateOfBirth: '1961-07-29', phone: '(503) 555-0177', notes: `${sentinel} notes`, city: `${sentinel}ville`
    })
    await app.ok('clients:update', { id: c.id, client: clientInput({ legalLastName: `${sentinel}d`, dateOfBirth: '1961-07-29' }) })
    await app.ok('clients:get', { id: c.id })
    await app.ok('clients:archive', { id: c.id, reason: `${sentinel} reason` })
    await app.ok('clients:restore', { id: c.id })
    await app.ok('insurance:create', { clientId: c.id, policy: { ...policy, memberId: `${sentinel}M`, subscriberName: `${sentinel}S`, relationship: 'spouse' } })
    await app.ok('consents:create', { clientId: c.id, consent: { ...consent, witness: `${sentinel}W`, notes: `${sentinel}N` } })
    await app.ok('screening:record', { clientId: c.id, itemKey: 'glaucoma', item: { ...review, note: `${sentinel}note`, reviewedBy: `${sentinel}R` } })
    await app.ok('diagnoses:add', { clientId: c.id, diagnosis: { code: 'F33.2', description: `${sentinel}desc` } })

    const rows = app.connection.sqlite.prepare('SELECT * FROM audit_log').all() as Record<string, unknown>[]
    expect(rows.length).toBe(9)
    const text = JSON.stringify(rows).toLowerCase()
    for (const needle of [sentinel.toLowerCase(), '1961-07-29', '07/29/1961', '5035550177', '555-0177', 'glaucoma', 'f33.2']) expect(text).not.toContain(needle)
    // Column by column too, and through the viewer's channel.
    for (const row of rows) for (const value of Object.values(row)) expect(String(value).toLowerCase()).not.toContain(sentinel.toLowerCase())
    // The owner's viewer names the client (read from the client record, not the log), and nothing else typed.
    const listed = await app.ok<AuditListPage>('audit:list', { pageSize: 200 })
    // (clients:update above renamed them: the name shown is the current one.)
    expect(new Set(listed.rows.map((r) => r.clientName))).toEqual(new Set([`${sentinel}d, ${clientInput().legalFirstName}`]))
    expect(JSON.stringify(listed.rows.map(({ clientName: _name, ...rest }) => rest)).toLowerCase()).not.toContain(sentinel.toLowerCase())
  })
})
