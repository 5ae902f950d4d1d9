/** Signing rules: not before the session starts, completing the session, and the PHQ-9 self-harm risk assessment. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Note } from '@shared/contracts/notes'
import type { TimelineRow } from '@shared/contracts/sessions'
import { RISK_NOTE_NEEDED, RISK_SCREEN_NEEDED } from '@shared/domain/note-templates'
import { NOT_BEFORE_START_MESSAGE, SESSION_OUTCOME_MESSAGE } from '@shared/domain/signing'
import { openTestApp, sequentialIds, type TestApp } from '../../factories/app'
import { createClient } from '../../factories/clients'
import { createMeasure, createNote, createSession, phq9, signableDosingBody } from '../../factories/clinical'

// The session starts at 10:00 on the user's own clock, whatever the machine's time zone.
let clock = new Date(2026, 2, 10, 9, 59).getTime()
const at = (h: number, m: number) => (clock = new Date(2026, 2, 10, h, m).getTime())
let app: TestApp
let clientId: string
let sessionId: string
beforeEach(async () => {
  at(9, 0)
  app = await openTestApp({ context: { now: () => new Date(clock), newId: sequentialIds() } })
  clientId = (await createClient(app, { status: 'active' })).id
  sessionId = (await createSession(app, clientId, { date: '2026-03-10', startTime: '10:00' })).session.id
})
afterEach(() => app.close())

const save = (note: Pick<Note, 'id' | 'revision'>, body: unknown) => app.ok<Note>('notes:save', { id: note.id, revision: note.revision, body })
const session = () => app.ok<TimelineRow>('sessions:get', { id: sessionId })
const setStatus = async (status: string) => {
  const s = await session()
  await app.ok('sessions:update', { id: sessionId, session: { date: s.date, startTime: s.startTime, durationMinutes: s.durationMinutes, kind: s.kind, placeOfService: s.placeOfService, status } })
}
const readyNote = async (sid = sessionId) => save(await createNote(app, sid), signableDosingBody())

describe('signing: not before the session starts', () => {
  it('refuses a signature a minute before the start, with nothing written, and signs from the start', async () => {
    const note = await readyNote()
    at(9, 59)
    const error = await app.fail('notes:sign', { id: note.id, revision: note.revision })
    expect(error).toMatchObject({ code: 'invalid_input', message: NOT_BEFORE_START_MESSAGE })
    expect((await app.ok<Note>('notes:get', { id: note.id })).status).toBe('draft')
    expect((await session()).status).toBe('scheduled')

    at(10, 0)
    const signed = await app.ok<Note>('notes:sign', { id: note.id, revision: note.revision })
    expect(signed.status).toBe('signed')
  })
})

describe('signing: the session becomes completed', () => {
  it('marks a scheduled session completed in the same call', async () => {
    const note = await readyNote()
    at(12, 30)
    const signed = await app.ok<Note>('notes:sign', { id: note.id, revision: note.revision })
    expect(signed.session.status).toBe('completed')
    expect((await session()).status).toBe('completed')
  })

  it.each(['cancelled', 'late_cancelled', 'no_show'])('asks before overwriting a %s session, then follows the explicit choice', async (status) => {
    const note = await readyNote()
    await setStatus(status)
    at(12, 30)
    const asked = await app.fail('notes:sign', { id: note.id, revision: note.revision })
    expect(asked).toMatchObject({ code: 'invalid_input', message: SESSION_OUTCOME_MESSAGE, fields: { sessionOutcome: expect.any(String) } })
    expect((await app.ok<Note>('notes:get', { id: note.id })).status).toBe('draft')

    const kept = await app.ok<Note>('notes:sign', { id: note.id, revision: note.revision, sessionOutcome: 'keep' })
    expect(kept.status).toBe('signed')
    expect((await session()).status).toBe(status)
  })

  it('marks a no-show session completed when the user chooses so', async () => {
    const note = await readyNote()
    await setStatus('no_show')
    at(12, 30)
    await app.ok<Note>('notes:sign', { id: note.id, revision: note.revision, sessionOutcome: 'completed' })
    expect((await session()).status).toBe('completed')
  })

  it('refuses an outcome that is not one of the choices', async () => {
    const note = await readyNote()
    at(12, 30)
    const error = await app.fail('notes:sign', { id: note.id, revision: note.revision, sessionOutcome: 'deleted' })
    expect(error.code).toBe('invalid_input')
  })
})

describe('signing: PHQ-9 self-harm item needs the risk assessment', () => {
  it('blocks a dosing note until its risk assessment is recorded when a PHQ-9 entered with it has item 9 above 0', async () => {
    const note = await readyNote()
    await createMeasure(app, clientId, phq9([1, 1, 1, 1, 1, 1, 1, 1, 1], { administeredOn: '2026-03-10', noteId: note.id, sessionId }))
    const flagged = await app.ok<Note>('notes:get', { id: note.id })
    expect(flagged.signingProblems).toEqual([
      { path: 'riskAssessment.suicidalIdeation', message: RISK_SCREEN_NEEDED },
      { path: 'riskAssessment.note', message: RISK_NOTE_NEEDED }
    ])
    at(12, 30)
    const refused = await app.fail('notes:sign', { id: note.id, revision: flagged.revision })
    expect(refused).toMatchObject({ code: 'invalid_input', fields: { 'body.riskAssessment.suicidalIdeation': RISK_SCREEN_NEEDED, 'body.riskAssessment.note': RISK_NOTE_NEEDED } })

    const assessed = await save(flagged, signableDosingBody({ riskAssessment: { suicidalIdeation: 'passive', note: 'Passive thoughts, no plan or intent; safety plan reviewed.' } }))
    expect(assessed.signingProblems).toEqual([])
    expect((await app.ok<Note>('notes:sign', { id: note.id, revision: assessed.revision })).status).toBe('signed')
  })

  it('asks nothing more when item 9 is 0', async () => {
    const note = await readyNote()
    await createMeasure(app, clientId, phq9([2, 2, 2, 2, 2, 2, 2, 2, 0], { administeredOn: '2026-03-10', noteId: note.id, sessionId }))
    expect((await app.ok<Note>('notes:get', { id: note.id })).signingProblems).toEqual([])
  })

  it('asks an integration note for the assessment text too, not only the screen', async () => {
    const integration = (await createSession(app, clientId, { kind: 'integration', startTime: '15:00', durationMinutes: 50 })).session.id
    const note = await save(await createNote(app, integration), { experience: 'Felt held.', riskAssessment: { suicidalIdeation: 'none', note: '' } })
    expect(note.signingProblems).toEqual([])
    await createMeasure(app, clientId, phq9([0, 0, 0, 0, 0, 0, 0, 0, 2], { administeredOn: '2026-03-10', sessionId: integration }))
    expect((await app.ok<Note>('notes:get', { id: note.id })).signingProblems).toEqual([{ path: 'riskAssessment.note', message: RISK_NOTE_NEEDED }])
  })
})
