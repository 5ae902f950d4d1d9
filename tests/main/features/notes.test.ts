import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Note, NoteSummary } from '@shared/contracts/notes'
import { NOTE_CONFLICT_MESSAGE, NOTE_SIGNED_MESSAGE } from '@shared/contracts/notes'
import { emptyBody } from '@shared/domain/note-templates'
import { addendumContentHash, noteContentHash } from '../../../src/main/features/notes/hash'
import { ADDENDUM_DRAFT_MESSAGE, NOT_READY_MESSAGE } from '../../../src/main/features/notes/service'
import { openTestApp, testId, type TestApp } from '../../factories/app'
import { createClient } from '../../factories/clients'
import { createMeasure, createNote, createSession, openAs, phq9, signableDosingBody } from '../../factories/clinical'
import { storedEntries } from '../audit/helpers'

let app: TestApp
let clientId: string
let sessionId: string
beforeEach(async () => {
  app = await openTestApp({ file: true })
  clientId = (await createClient(app, { status: 'active' })).id
  sessionId = (await createSession(app, clientId)).session.id
})
afterEach(() => app.close())

const save = (note: Pick<Note, 'id' | 'revision'>, body: unknown) => app.ok<Note>('notes:save', { id: note.id, revision: note.revision, body })
const get = (id: string) => app.ok<Note>('notes:get', { id })
const noteRow = (id: string) => app.connection.sqlite.prepare('SELECT * FROM notes WHERE id = ?').get(id) as Record<string, unknown>

/** A dosing note saved with a signable body, then signed. */
async function signedNote(): Promise<Note> {
  const note = await createNote(app, sessionId)
  const saved = await save(note, signableDosingBody())
  return app.ok<Note>('notes:sign', { id: note.id, revision: saved.revision })
}

describe('notes: drafts', () => {
  it('starts an empty draft with the template of the session’s kind', async () => {
    const note = await createNote(app, sessionId)
    expect(note).toMatchObject({
      sessionId, clientId, template: 'dosing', revision: 1, status: 'draft', signedAt: null, signer: null, contentHash: null, addenda: [], safetyFlags: [],
      session: { id: sessionId, date: '2026-03-06', startTime: '10:00', kind: 'dosing', status: 'scheduled', placeOfService: '11' }
    })
    expect(note.body).toEqual(emptyBody('dosing'))
    expect(note.signingProblems).toEqual([{ path: '', message: 'This note is empty. Write something before signing.' }])

    const integration = (await createSession(app, clientId, { kind: 'integration', startTime: '15:00' })).session.id
    expect((await createNote(app, integration)).template).toBe('integration')
    expect((await createNote(app, integration, 'dap')).template).toBe('dap')
    const therapy = (await createSession(app, clientId, { kind: 'psychotherapy', startTime: '17:00' })).session.id
    expect((await createNote(app, therapy)).template).toBe('soap')
    expect((await app.fail('notes:create', { sessionId: testId(999) })).code).toBe('not_found')
  })

  it('autosaves the whole body, counting revisions; the same body again changes nothing', async () => {
    const note = await createNote(app, sessionId)
    const first = await save(note, signableDosingBody({ notes: 'First draft' }))
    expect(first).toMatchObject({ revision: 2, status: 'draft', body: { notes: 'First draft' } })
    expect(first.updatedAt > note.updatedAt).toBe(true)
    const second = await save(first, signableDosingBody({ notes: 'Second draft' }))
    expect(second.revision).toBe(3)
    // A retried save of the same body (even from the revision it started at) is a no-op.
    expect(await save(first, signableDosingBody({ notes: 'Second draft' }))).toEqual(second)
    expect(await save(second, signableDosingBody({ notes: 'Second draft' }))).toEqual(second)
    expect(noteRow(note.id).revision).toBe(3)
  })

  it('refuses a stale revision: the note changed in another window', async () => {
    const note = await createNote(app, sessionId)
    await save(note, signableDosingBody({ notes: 'Window A' }))
    const error = await app.fail('notes:save', { id: note.id, revision: note.revision, body: signableDosingBody({ notes: 'Window B' }) })
    expect(error).toEqual({ code: 'conflict', message: NOTE_CONFLICT_MESSAGE })
    expect(NOTE_CONFLICT_MESSAGE).toMatch(/^This note changed in another window/)
    expect((await get(note.id)).body).toMatchObject({ notes: 'Window A' })
  })

  it('refuses impossible values with a message per field, and saves nothing', async () => {
    const note = await createNote(app, sessionId)
    const before = noteRow(note.id)
    const error = await app.fail('notes:save', {
      id: note.id,
      revision: note.revision,
      body: signableDosingBody({
        medication: { drug: 'racemic_ketamine', route: 'im', doseMg: -5, weightKg: 70 },
        times: { doseStart: '10:05', discharge: '09:30' },
        vitals: [{ id: 'v1', time: '10:00', systolic: 900, diastolic: 80, heartRate: 70, spo2: 120, note: '' }]
      })
    })
    expect(error).toEqual({
      code: 'invalid_input',
      message: 'Some fields need attention. Nothing was saved.',
      fields: {
        'body.medication.doseMg': 'Dose must be more than 0 mg',
        'body.times.discharge': 'Discharge must be after dose start',
        'body.vitals.0.systolic': 'Systolic must be between 40 and 300 mmHg',
        'body.vitals.0.spo2': 'SpO2 must be between 50 and 100 %'
      }
    })
    expect(noteRow(note.id)).toEqual(before)
    expect((await app.fail('notes:save', { id: note.id, revision: 1, body: { unknownSection: 'x' } })).fields).toEqual({ 'body.unknownSection': 'This field is not accepted here' })
    expect((await app.fail('notes:save', { id: note.id, revision: 1, body: 'text' })).fields).toEqual({ body: 'The note is not in the right form' })
  })

  it('computes dosing warnings against the practice’s vitals thresholds, never blocking', async () => {
    const note = await createNote(app, sessionId)
    const saved = await save(note, signableDosingBody({ medication: { drug: 'racemic_ketamine', route: 'im', doseMg: 140, weightKg: 70 } }))
    expect(saved.dosingWarnings).toEqual([{ level: 'caution', path: 'medication.doseMg', message: '2 mg/kg is above the usual IM range (0.25–1 mg/kg). Check the dose.' }])
    // The 10:45 reading is 142/88: past a stricter practice's alert level.
    await app.ok('settings:save', {
      settings: { idleLockMinutes: 10, vitalThresholds: { preDoseSystolic: 130, preDoseDiastolic: 85, alertSystolic: 140, alertDiastolic: 95, heartRateHigh: 120, heartRateLow: 50, spo2Low: 92 } }
    })
    const again = await get(note.id)
    expect(again.dosingWarnings.map((w) => [w.level, w.path])).toEqual([
      ['caution', 'medication.doseMg'],
      ['alert', 'vitals.1.systolic']
    ])
    const soap = await createNote(app, sessionId, 'soap')
    expect(soap.dosingWarnings).toEqual([])
  })

  it('lists a session’s notes without their content', async () => {
    const a = await createNote(app, sessionId)
    const b = await createNote(app, sessionId, 'soap')
    const list = await app.ok<NoteSummary[]>('notes:list', { sessionId })
    expect(list.map((n) => [n.id, n.template, n.status, n.addendaCount])).toEqual([
      [a.id, 'dosing', 'draft', 0],
      [b.id, 'soap', 'draft', 0]
    ])
    expect(JSON.stringify(list)).not.toContain('body')
  })

  it('needs a current client to write', async () => {
    const note = await createNote(app, sessionId)
    await app.ok('clients:archive', { id: clientId })
    expect((await app.fail('notes:create', { sessionId })).code).toBe('invalid_input')
    expect((await app.fail('notes:save', { id: note.id, revision: 1, body: signableDosingBody() })).code).toBe('invalid_input')
    expect((await get(note.id)).revision).toBe(1)
  })
})

describe('notes: signing', () => {
  it('refuses to sign until the template’s minimum is there, naming the fields', async () => {
    const note = await createNote(app, sessionId)
    const saved = await save(note, { ...emptyBody('dosing'), notes: 'Started but not finished' })
    const error = await app.fail('notes:sign', { id: note.id, revision: saved.revision })
    expect(error).toEqual({
      code: 'invalid_input',
      message: NOT_READY_MESSAGE,
      fields: {
        'body.medication.drug': 'Choose the drug given',
        'body.medication.route': 'Choose the route',
        'body.medication.doseMg': 'Enter the dose in mg',
        'body.times.doseStart': 'Enter the time the dose started'
      }
    })
    expect(noteRow(note.id).signed_at).toBeNull()
  })

  it('stores the signer, the time and a SHA-256 of the canonical body, template and session', async () => {
    const signed = await signedNote()
    expect(signed).toMatchObject({ status: 'signed', signer: { userId: null, name: 'local', credentials: null }, signingProblems: [] })
    expect(signed.signedAt).toMatch(/^2026-03-08T15:00:\d\dZ$|^2026-03-08T15:00:\d\d\.\d{3}Z$/)
    expect(signed.contentHash).toMatch(/^[0-9a-f]{64}$/)
    expect(signed.contentHash).toBe(noteContentHash('dosing', sessionId, signed.body))
    // Key order does not matter; a different session or template would.
    expect(noteContentHash('dosing', sessionId, JSON.parse(JSON.stringify(signableDosingBody())))).toBe(signed.contentHash)
    expect(noteContentHash('dosing', testId(999), signed.body)).not.toBe(signed.contentHash)
    expect(noteContentHash('soap', sessionId, signed.body)).not.toBe(signed.contentHash)
    expect(noteRow(signed.id)).toMatchObject({ signed_by_user_id: null, signer_name: 'local', signer_credentials: null, content_hash: signed.contentHash })
  })

  it('signs as the signed-in user, with their name and credentials from the users table', async () => {
    const user = app.services.users.create({ login: 'dana', displayName: 'Dana Whitfield', credentials: 'PhD, LMFT', role: 'clinician' }, testId(7000))
    const dana = await openAs(app, { id: user.id, label: 'dana', role: 'clinician' })
    try {
      const note = await createNote(dana, sessionId)
      const saved = await dana.ok<Note>('notes:save', { id: note.id, revision: note.revision, body: signableDosingBody() })
      const signed = await dana.ok<Note>('notes:sign', { id: note.id, revision: saved.revision })
      expect(signed.signer).toEqual({ userId: user.id, name: 'Dana Whitfield', credentials: 'PhD, LMFT' })
      const entry = storedEntries(dana.connection.sqlite).at(-1)!
      expect(entry).toMatchObject({ channel: 'notes:sign', action: 'sign', entity: 'note', entityId: note.id, clientId, actorId: user.id })
    } finally {
      dana.close()
    }
  })

  it('needs the current revision to sign', async () => {
    const note = await createNote(app, sessionId)
    await save(note, signableDosingBody())
    expect(await app.fail('notes:sign', { id: note.id, revision: note.revision })).toEqual({ code: 'conflict', message: NOTE_CONFLICT_MESSAGE })
  })

  it('never changes a signed note through the app: autosave, signing again', async () => {
    const signed = await signedNote()
    const before = noteRow(signed.id)
    expect(await app.fail('notes:save', { id: signed.id, revision: signed.revision, body: signableDosingBody({ notes: 'Changed' }) })).toEqual({
      code: 'conflict',
      message: NOTE_SIGNED_MESSAGE
    })
    // Even the very same body: a signed note takes no saves at all.
    expect((await app.fail('notes:save', { id: signed.id, revision: signed.revision, body: signed.body })).message).toBe(NOTE_SIGNED_MESSAGE)
    expect((await app.fail('notes:sign', { id: signed.id, revision: signed.revision })).message).toBe('This note is already signed.')
    expect(noteRow(signed.id)).toEqual(before)
  })
})

describe('notes: addenda', () => {
  it('are only for signed notes', async () => {
    const note = await createNote(app, sessionId)
    expect(await app.fail('notes:addAddendum', { noteId: note.id, text: 'Too early' })).toEqual({ code: 'invalid_input', message: ADDENDUM_DRAFT_MESSAGE })
    expect(app.count('note_addenda')).toBe(0)
  })

  it('are each signed on creation and listed in order with the note', async () => {
    const signed = await signedNote()
    await app.ok('notes:addAddendum', { noteId: signed.id, text: 'Lot number was K-2292, not K-2291.' })
    await app.ok('notes:addAddendum', { noteId: signed.id, text: '  Client called the next day: slept well, no nausea.  ' })
    const note = await app.ok<Note>('notes:addAddendum', { noteId: signed.id, text: 'Follow-up booked for 2026-03-13.' })
    expect(note.addenda.map((a) => [a.position, a.text])).toEqual([
      [1, 'Lot number was K-2292, not K-2291.'],
      [2, 'Client called the next day: slept well, no nausea.'],
      [3, 'Follow-up booked for 2026-03-13.']
    ])
    for (const a of note.addenda) {
      expect(a.signer).toEqual({ userId: null, name: 'local', credentials: null })
      expect(a.contentHash).toBe(addendumContentHash({ noteId: signed.id, noteHash: signed.contentHash!, position: a.position, text: a.text, signedAt: a.signedAt, signer: a.signer }))
    }
    expect(note.addenda[0]!.signedAt < note.addenda[1]!.signedAt).toBe(true)
    // The note itself is unchanged.
    expect(note).toMatchObject({ contentHash: signed.contentHash, revision: signed.revision, body: signed.body, updatedAt: signed.updatedAt })
    expect((await get(signed.id)).addenda).toEqual(note.addenda)
    expect((await app.ok<NoteSummary[]>('notes:list', { sessionId }))[0]!.addendaCount).toBe(3)
  })

  it('refuses empty text', async () => {
    const signed = await signedNote()
    expect((await app.fail('notes:addAddendum', { noteId: signed.id, text: '   ' })).fields).toEqual({ text: 'Addendum text is required' })
  })
})

describe('notes: safety flag, audit and roles', () => {
  it('shows a PHQ-9 item 9 flag linked to the note or its session', async () => {
    const note = await createNote(app, sessionId)
    const measure = await createMeasure(app, clientId, phq9([0, 0, 0, 0, 0, 0, 0, 0, 2], { sessionId }))
    await createMeasure(app, clientId, phq9([3, 3, 3, 3, 3, 3, 3, 3, 0], { noteId: note.id }))
    expect((await get(note.id)).safetyFlags).toEqual([{ measureId: measure.id, kind: 'phq9', administeredOn: '2026-03-01', acknowledgedAt: null }])
  })

  it('logs opening a note as a view', async () => {
    const note = await createNote(app, sessionId)
    await get(note.id)
    expect(storedEntries(app.connection.sqlite).at(-1)).toMatchObject({ channel: 'notes:get', action: 'view', entity: 'note', entityId: note.id, clientId })
  })

  it('never gives the administrator note content, addenda or search, and never lets them sign', async () => {
    const signed = await signedNote()
    const draft = await createNote(app, sessionId, 'soap')
    const admin = await openAs(app)
    try {
      const calls: [string, unknown][] = [
        ['notes:list', { sessionId }],
        ['notes:get', { id: signed.id }],
        ['notes:create', { sessionId }],
        ['notes:save', { id: draft.id, revision: draft.revision, body: { subjective: 'x' } }],
        ['notes:sign', { id: draft.id, revision: draft.revision }],
        ['notes:addAddendum', { noteId: signed.id, text: 'x' }],
        ['notes:search', { query: 'spaciousness' }],
        ['measures:list', { clientId }],
        ['measures:trend', { clientId }],
        ['measures:create', { clientId, measure: phq9([0, 0, 0, 0, 0, 0, 0, 0, 0]) }]
      ]
      for (const [channel, input] of calls) {
        expect({ channel, error: await admin.fail(channel, input) }).toEqual({
          channel,
          error: { code: 'forbidden', message: 'Your role does not allow this. Ask the practice owner if you need it.' }
        })
      }
    } finally {
      admin.close()
    }
    expect(app.count('note_addenda')).toBe(0)
  })
})
