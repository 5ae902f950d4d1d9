import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AgendaRow, ScheduledSession, TimelineRow } from '@shared/contracts/sessions'
import type { Note } from '@shared/contracts/notes'
import { ARCHIVED_CLIENT_MESSAGE, SIGNED_SESSION_MESSAGE } from '../../../src/main/features/sessions/service'
import { openTestApp, testId, type TestApp } from '../../factories/app'
import { createClient } from '../../factories/clients'
import { createCourse, createNote, createSession, openAs, sessionInput, signableDosingBody } from '../../factories/clinical'

let app: TestApp
let clientId: string
beforeEach(async () => {
  app = await openTestApp()
  clientId = (await createClient(app, { status: 'active' })).id
})
afterEach(() => app.close())

const timeline = (id = clientId) => app.ok<TimelineRow[]>('sessions:list', { clientId: id })
const agenda = (from: string, to: string) => app.ok<AgendaRow[]>('sessions:agenda', { from, to })

describe('sessions: scheduling', () => {
  it('schedules a session and shows it on the timeline with no notes yet', async () => {
    const { session, warnings } = await createSession(app, clientId, { kind: 'preparation', durationMinutes: 50 })
    expect(session).toMatchObject({
      clientId, courseId: null, date: '2026-03-06', startTime: '10:00', durationMinutes: 50, kind: 'preparation', placeOfService: '11', status: 'scheduled'
    })
    expect(warnings).toEqual([])
    expect(await timeline()).toEqual([{ ...session, noteStatus: 'none', notes: [] }])
    expect(await app.ok('sessions:get', { id: session.id })).toEqual({ ...session, noteStatus: 'none', notes: [] })
  })

  it('allows several sessions for one client on one date, newest first on the timeline', async () => {
    await createSession(app, clientId, { kind: 'dosing', startTime: '09:00' })
    await createSession(app, clientId, { kind: 'integration', startTime: '14:30', durationMinutes: 60 })
    await createSession(app, clientId, { kind: 'preparation', date: '2026-03-03', startTime: '09:00' })
    expect((await timeline()).map((s) => `${s.date} ${s.startTime} ${s.kind}`)).toEqual([
      '2026-03-06 14:30 integration',
      '2026-03-06 09:00 dosing',
      '2026-03-03 09:00 preparation'
    ])
  })

  it('refuses a session for an archived client, with a clear message, and writes nothing', async () => {
    await app.ok('clients:archive', { id: clientId, reason: 'Moved away' })
    const error = await app.fail('sessions:create', { clientId, session: sessionInput() })
    expect(error).toEqual({ code: 'invalid_input', message: ARCHIVED_CLIENT_MESSAGE })
    expect(app.count('sessions')).toBe(0)
    expect((await app.fail('sessions:create', { clientId: testId(999), session: sessionInput() })).code).toBe('not_found')
  })

  it('refuses changes to an archived client’s sessions', async () => {
    const { session } = await createSession(app, clientId)
    await app.ok('clients:archive', { id: clientId })
    expect(await app.fail('sessions:update', { id: session.id, session: sessionInput({ status: 'completed' }) })).toEqual({
      code: 'invalid_input',
      message: ARCHIVED_CLIENT_MESSAGE
    })
    // Reading the timeline of an archived client is fine.
    expect(await timeline()).toHaveLength(1)
  })

  it('names each bad field and saves nothing', async () => {
    const error = await app.fail('sessions:create', {
      clientId,
      session: { date: '2026-02-30', startTime: '25:00', durationMinutes: 0, kind: 'massage', placeOfService: '99', status: 'done' }
    })
    expect(error).toEqual({
      code: 'invalid_input',
      message: 'Some fields need attention. Nothing was saved.',
      fields: {
        'session.date': 'Date should be a real date (YYYY-MM-DD)',
        'session.startTime': 'Start time should be HH:MM on a 24-hour clock, like 09:00 or 14:30',
        'session.durationMinutes': 'Duration must be at least 5 minutes',
        'session.kind': 'Choose a kind of session from the list',
        'session.placeOfService': 'Choose a place of service from the list',
        'session.status': 'Choose a status from the list'
      }
    })
    expect((await app.fail('sessions:create', { clientId, session: sessionInput({ durationMinutes: 90.5 }) })).fields).toEqual({
      'session.durationMinutes': 'Duration must be a whole number of minutes'
    })
    expect(app.count('sessions')).toBe(0)
  })

  it('updates the time, place and status; the client never changes', async () => {
    const { session } = await createSession(app, clientId)
    const { session: moved } = await app.ok<ScheduledSession>('sessions:update', {
      id: session.id,
      session: sessionInput({ date: '2026-03-11', startTime: '13:15', placeOfService: '10', status: 'completed' })
    })
    expect(moved).toMatchObject({ id: session.id, clientId, date: '2026-03-11', startTime: '13:15', placeOfService: '10', status: 'completed', createdAt: session.createdAt })
    expect(moved.updatedAt > session.updatedAt).toBe(true)
    expect((await app.fail('sessions:update', { id: testId(999), session: sessionInput() })).code).toBe('not_found')
  })

  it('keeps the date and kind of a session whose note is signed', async () => {
    const { session } = await createSession(app, clientId)
    const note = await createNote(app, session.id)
    const saved = await app.ok<Note>('notes:save', { id: note.id, revision: note.revision, body: signableDosingBody() })
    await app.ok('notes:sign', { id: note.id, revision: saved.revision })
    const error = await app.fail('sessions:update', { id: session.id, session: sessionInput({ date: '2026-03-12', kind: 'booster' }) })
    expect(error).toEqual({
      code: 'invalid_input',
      message: SIGNED_SESSION_MESSAGE,
      fields: { 'session.date': 'The date cannot change once a note of this session is signed', 'session.kind': 'The kind cannot change once a note of this session is signed' }
    })
    // The status and time still can (a session signed off as completed).
    await app.ok('sessions:update', { id: session.id, session: sessionInput({ status: 'completed', startTime: '10:30' }) })
  })

  it('joins only one of the client’s own courses', async () => {
    const other = await createClient(app, { legalFirstName: 'Ben', legalLastName: 'Okafor', email: 'ben@example.com' })
    const theirs = await createCourse(app, other.id)
    const error = await app.fail('sessions:create', { clientId, session: sessionInput({ courseId: theirs.id }) })
    expect(error).toMatchObject({ code: 'invalid_input', fields: { 'session.courseId': 'Choose one of this client’s courses, or none' } })
    expect((await app.fail('sessions:create', { clientId, session: sessionInput({ courseId: testId(999) }) })).code).toBe('invalid_input')
    // '' from an empty select means no course.
    expect((await createSession(app, clientId, { courseId: '' })).session.courseId).toBeNull()
  })
})

describe('sessions: warnings against the course rules (never blocking)', () => {
  it('warns about dosing too soon, too often and without preparation, and saves anyway', async () => {
    const course = await createCourse(app, clientId)
    const first = await createSession(app, clientId, { courseId: course.id, date: '2026-03-02' })
    expect(first.warnings).toEqual([{ code: 'no_preparation', sessionId: first.session.id, message: 'No preparation session before the first dosing' }])

    const prep = await createSession(app, clientId, { courseId: course.id, kind: 'preparation', date: '2026-02-27', durationMinutes: 60 })
    expect(prep.warnings).toEqual([])

    const second = await createSession(app, clientId, { courseId: course.id, date: '2026-03-03' })
    expect(second.warnings).toEqual([
      { code: 'dosing_too_soon', sessionId: second.session.id, message: 'This dosing is 1 day after the previous one (plan: at least 3 days apart)' }
    ])
    const third = await createSession(app, clientId, { courseId: course.id, date: '2026-03-06' })
    expect(third.warnings.map((w) => [w.code, w.sessionId])).toEqual([
      ['dosing_too_soon', second.session.id],
      ['dosing_too_frequent', third.session.id]
    ])
    expect(app.count('sessions')).toBe(4)

    // Cancelling the middle one clears both.
    const cancelled = await app.ok<ScheduledSession>('sessions:update', { id: second.session.id, session: sessionInput({ courseId: course.id, date: '2026-03-03', status: 'cancelled' }) })
    expect(cancelled.warnings).toEqual([])
  })

  it('without a course, checks only the spacing of dosings across all the client’s sessions', async () => {
    const first = await createSession(app, clientId, { date: '2026-03-02' })
    expect(first.warnings).toEqual([])
    const same = await createSession(app, clientId, { date: '2026-03-02', kind: 'booster', startTime: '15:00' })
    expect(same.warnings.map((w) => w.code)).toEqual(['dosing_too_soon'])
    expect(same.warnings[0]!.message).toBe('This dosing is on the same day as another dosing (plan: at least 3 days apart)')
  })
})

describe('sessions: agenda and timeline', () => {
  it('lists every client’s sessions in a date range in time order, with the client’s name and note status', async () => {
    const ben = await createClient(app, { legalFirstName: 'Benjamin', preferredName: 'Ben', legalLastName: 'Okafor', email: 'ben@example.com' })
    const a = await createSession(app, clientId, { date: '2026-03-09', startTime: '14:00' })
    const b = await createSession(app, ben.id, { date: '2026-03-09', startTime: '09:30', kind: 'integration' })
    await createSession(app, ben.id, { date: '2026-03-16' })
    await createNote(app, b.session.id)
    const rows = await agenda('2026-03-09', '2026-03-15')
    expect(rows.map((r) => [r.id, r.clientName, r.startTime, r.noteStatus, r.clientArchived])).toEqual([
      [b.session.id, 'Ben Okafor', '09:30', 'draft', false],
      [a.session.id, 'Maria Lopez', '14:00', 'none', false]
    ])
    expect(await agenda('2026-03-16', '2026-03-16')).toHaveLength(1)
  })

  it('refuses a reversed or over-long range', async () => {
    expect((await app.fail('sessions:agenda', { from: '2026-03-10', to: '2026-03-09' })).fields).toEqual({ to: 'The end date cannot be before the start date' })
    expect((await app.fail('sessions:agenda', { from: '2026-01-01', to: '2026-06-01' })).fields).toEqual({ to: 'Show at most 62 days at a time' })
  })

  it('shows each note’s status on the timeline: none, draft, then signed', async () => {
    const { session } = await createSession(app, clientId)
    const note = await createNote(app, session.id)
    expect((await timeline())[0]).toMatchObject({ noteStatus: 'draft', notes: [{ id: note.id, template: 'dosing', status: 'draft', signedAt: null }] })
    const saved = await app.ok<Note>('notes:save', { id: note.id, revision: note.revision, body: signableDosingBody() })
    const signed = await app.ok<Note>('notes:sign', { id: note.id, revision: saved.revision })
    expect((await timeline())[0]).toMatchObject({ noteStatus: 'signed', notes: [{ id: note.id, status: 'signed', signedAt: signed.signedAt }] })
    const second = await createNote(app, session.id, 'soap')
    expect((await timeline())[0]!.noteStatus).toBe('draft')
    expect((await timeline())[0]!.notes.map((n) => n.id)).toEqual([note.id, second.id])
  })
})

describe('sessions: the administrator', () => {
  it('schedules and reads the agenda and timeline, which carry no note content', async () => {
    app.close()
    app = await openTestApp({ file: true })
    clientId = (await createClient(app, { status: 'active' })).id
    const { session } = await createSession(app, clientId)
    const note = await createNote(app, session.id)
    await app.ok('notes:save', { id: note.id, revision: note.revision, body: signableDosingBody() })
    const admin = await openAs(app)
    try {
      const created = await admin.ok<ScheduledSession>('sessions:create', { clientId, session: sessionInput({ kind: 'integration', startTime: '15:00' }) })
      await admin.ok('sessions:update', { id: created.session.id, session: sessionInput({ kind: 'integration', startTime: '15:00', status: 'no_show' }) })
      await admin.ok('sessions:update', { id: session.id, session: sessionInput({ status: 'completed' }) })
      expect(await admin.ok('sessions:list', { clientId })).toHaveLength(2)
      expect(await admin.ok('sessions:get', { id: session.id })).toMatchObject({ noteStatus: 'draft' })
      const day = await admin.ok<AgendaRow[]>('sessions:agenda', { from: '2026-03-06', to: '2026-03-06' })
      expect(day.map((r) => r.status)).toEqual(['completed', 'no_show'])
      expect(JSON.stringify(day)).not.toContain('spaciousness')
    } finally {
      admin.close()
    }
    // Timeline and agenda rows hold only these keys: no body, no text.
    const row = (await timeline()).find((r) => r.notes.length > 0)!
    expect(Object.keys(row).sort()).toEqual(
      ['clientId', 'courseId', 'createdAt', 'date', 'durationMinutes', 'id', 'kind', 'noteStatus', 'notes', 'placeOfService', 'renderingUserId', 'seriesId', 'startTime', 'status', 'updatedAt']
    )
    expect(Object.keys(row.notes[0]!).sort()).toEqual(['id', 'signedAt', 'status', 'template'])
    expect(JSON.stringify(await agenda('2026-03-06', '2026-03-06'))).not.toContain('spaciousness')
  })
})
