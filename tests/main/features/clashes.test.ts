import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ScheduledSession } from '@shared/contracts/sessions'
import { CLASH_MESSAGE, clashWindow, findClashes, type Booking } from '../../../src/main/features/sessions/clashes'
import { openTestApp, testId, type TestApp } from '../../factories/app'
import { createClient } from '../../factories/clients'
import { createSession, sessionInput } from '../../factories/clinical'

const booking = (overrides: Partial<Booking> = {}): Booking => ({
  id: null,
  clientId: 'client-a',
  renderingUserId: 'dana',
  date: '2026-03-10',
  startTime: '10:00',
  durationMinutes: 60,
  kind: 'psychotherapy',
  status: 'scheduled',
  ...overrides
})
const times = (clashes: ReturnType<typeof findClashes>) => clashes.map((c) => `${c.date} ${c.startTime}`)

describe('findClashes (pure)', () => {
  it('touching ends do not clash; one minute of overlap does', () => {
    const ten = booking({ id: 's1' })
    expect(findClashes(booking({ startTime: '11:00' }), [ten])).toEqual([])
    expect(findClashes(booking({ startTime: '09:00' }), [ten])).toEqual([])
    expect(times(findClashes(booking({ startTime: '10:59' }), [ten]))).toEqual(['2026-03-10 10:00'])
    expect(times(findClashes(booking({ startTime: '09:00', durationMinutes: 61 }), [ten]))).toEqual(['2026-03-10 10:00'])
  })

  it('a dosing session blocks its whole three hours', () => {
    const dosing = booking({ id: 'd', kind: 'dosing', startTime: '09:00', durationMinutes: 180 })
    expect(times(findClashes(booking({ clientId: 'client-b', startTime: '11:30', durationMinutes: 30 }), [dosing]))).toEqual(['2026-03-10 09:00'])
    expect(findClashes(booking({ clientId: 'client-b', startTime: '12:00' }), [dosing])).toEqual([])
  })

  it('clashes only on the same client or the same clinician, and says which', () => {
    const other = booking({ id: 'x', clientId: 'client-b', renderingUserId: 'sam' })
    expect(findClashes(booking(), [other])).toEqual([])
    expect(findClashes(booking(), [{ ...other, clientId: 'client-a' }])).toMatchObject([{ sessionId: 'x', sameClient: true, sameClinician: false }])
    expect(findClashes(booking(), [{ ...other, renderingUserId: 'dana' }])).toMatchObject([{ sameClient: false, sameClinician: true }])
    // Two sessions with no clinician are not "the same clinician".
    expect(findClashes(booking({ renderingUserId: null }), [{ ...other, renderingUserId: null }])).toEqual([])
  })

  it('cancelled, late-cancelled and no-show sessions free their time, on either side', () => {
    for (const status of ['cancelled', 'late_cancelled', 'no_show'] as const) {
      expect(findClashes(booking(), [booking({ id: 'x', status })])).toEqual([])
      expect(findClashes(booking({ status }), [booking({ id: 'x' })])).toEqual([])
    }
    expect(findClashes(booking(), [booking({ id: 'x', status: 'completed' })])).toHaveLength(1)
  })

  it('skips the session itself (a move) and lists the rest in time order', () => {
    const self = booking({ id: 'me' })
    const later = booking({ id: 'b', startTime: '10:30' })
    const earlier = booking({ id: 'a', startTime: '09:30' })
    expect(findClashes(self, [self, later, earlier]).map((c) => c.sessionId)).toEqual(['a', 'b'])
  })

  it('a session past midnight clashes with the next morning; the window covers both days', () => {
    const late = booking({ id: 'n', date: '2026-03-09', startTime: '23:00', durationMinutes: 120 })
    expect(times(findClashes(booking({ startTime: '00:30' }), [late]))).toEqual(['2026-03-09 23:00'])
    expect(findClashes(booking({ startTime: '01:00' }), [late])).toEqual([])
    expect(clashWindow('2026-03-10')).toEqual({ from: '2026-03-09', to: '2026-03-11' })
  })

  it('works on the wall clock through a DST week in America/Los_Angeles (Mar 8, 2026 springs forward)', () => {
    const saved = process.env.TZ
    process.env.TZ = 'America/Los_Angeles'
    try {
      // Saturday night into the Sunday the clocks change: a 12-hour span over the gap.
      const overnight = booking({ id: 'o', date: '2026-03-07', startTime: '22:00', durationMinutes: 600 })
      expect(times(findClashes(booking({ date: '2026-03-08', startTime: '07:00' }), [overnight]))).toEqual(['2026-03-07 22:00'])
      expect(findClashes(booking({ date: '2026-03-08', startTime: '08:00' }), [overnight])).toEqual([])
      // The same day and time a week apart never clash; the day after the change keeps its hours.
      const sunday = booking({ id: 's', date: '2026-03-08', kind: 'dosing', startTime: '09:00', durationMinutes: 180 })
      expect(findClashes(booking({ date: '2026-03-15', startTime: '09:00' }), [sunday])).toEqual([])
      expect(times(findClashes(booking({ date: '2026-03-08', startTime: '11:45' }), [sunday]))).toEqual(['2026-03-08 09:00'])
      expect(findClashes(booking({ date: '2026-03-08', startTime: '12:00' }), [sunday])).toEqual([])
      // Fall back (Nov 1, 2026): the repeated hour does not stretch or shrink a session.
      const fall = booking({ id: 'f', date: '2026-11-01', startTime: '00:30', durationMinutes: 120 })
      expect(findClashes(booking({ date: '2026-11-01', startTime: '02:30' }), [fall])).toEqual([])
      expect(findClashes(booking({ date: '2026-11-01', startTime: '02:29' }), [fall])).toHaveLength(1)
    } finally {
      if (saved === undefined) delete process.env.TZ
      else process.env.TZ = saved
    }
  })
})

describe('sessions: clash warnings', () => {
  let app: TestApp
  let clientId: string
  let otherId: string
  beforeEach(async () => {
    app = await openTestApp()
    clientId = (await createClient(app, { status: 'active' })).id
    otherId = (await createClient(app, { legalFirstName: 'Ben', legalLastName: 'O’Brien-Núñez', email: 'ben@example.com', status: 'active' })).id
    app.connection.sqlite
      .prepare("INSERT INTO users (id, login, login_key, display_name, credentials, role, deactivated_at, created_at, updated_at) VALUES (?, 'dana', 'dana', 'Dana Ames', 'LMFT', 'clinician', NULL, '2026-01-01', '2026-01-01')")
      .run(testId(500))
  })
  afterEach(() => app.close())

  it('refuses an overlapping booking of the same client with the clashing times, writes nothing, and books it when acknowledged', async () => {
    const { session: dosing } = await createSession(app, clientId, { kind: 'dosing', startTime: '09:00', durationMinutes: 180 })
    const input = { clientId, session: sessionInput({ kind: 'integration', startTime: '11:00', durationMinutes: 50 }) }
    const error = await app.fail('sessions:create', input)
    expect(error).toEqual({
      code: 'clash',
      message: CLASH_MESSAGE,
      clashes: [{ sessionId: dosing.id, date: '2026-03-06', startTime: '09:00', durationMinutes: 180, kind: 'dosing', sameClient: true, sameClinician: false }]
    })
    // No name, no note: the error carries times and kind only.
    expect(JSON.stringify(error)).not.toMatch(/Ben|O’Brien|Maria|@/)
    expect(app.count('sessions')).toBe(1)
    const booked = await app.ok<ScheduledSession>('sessions:create', { ...input, acknowledgeClashes: true })
    expect(booked.session.startTime).toBe('11:00')
    // Back to back is fine.
    await createSession(app, clientId, { kind: 'integration', startTime: '12:00', durationMinutes: 50 })
  })

  it('the same clinician with another client clashes; another clinician does not', async () => {
    await createSession(app, clientId, { startTime: '09:00', durationMinutes: 180, renderingUserId: testId(500) })
    expect(await app.fail('sessions:create', { clientId: otherId, session: sessionInput({ startTime: '10:00', durationMinutes: 60, renderingUserId: testId(500) }) })).toMatchObject({
      code: 'clash',
      clashes: [{ sameClient: false, sameClinician: true }]
    })
    await createSession(app, otherId, { startTime: '10:00', durationMinutes: 60, renderingUserId: null })
  })

  it('a cancelled session frees its time; reinstating it over another booking warns', async () => {
    const { session: first } = await createSession(app, clientId, { startTime: '09:00', durationMinutes: 120 })
    await app.ok('sessions:update', { id: first.id, session: sessionInput({ startTime: '09:00', durationMinutes: 120, status: 'cancelled' }) })
    const { session: second } = await createSession(app, clientId, { startTime: '09:30', durationMinutes: 60 })
    const error = await app.fail('sessions:update', { id: first.id, session: sessionInput({ startTime: '09:00', durationMinutes: 120, status: 'scheduled' }) })
    expect(error).toMatchObject({ code: 'clash', clashes: [{ sessionId: second.id, startTime: '09:30' }] })
  })

  it('moving or resizing onto another session warns; a status change alone does not', async () => {
    const { session: morning } = await createSession(app, clientId, { startTime: '09:00', durationMinutes: 60 })
    const { session: later } = await createSession(app, clientId, { startTime: '11:00', durationMinutes: 60 })
    const resize = { id: morning.id, session: sessionInput({ startTime: '09:00', durationMinutes: 150 }) }
    expect((await app.fail('sessions:update', resize)).clashes?.map((c) => c.sessionId)).toEqual([later.id])
    expect((await app.ok<TimelineSession>('sessions:get', { id: morning.id })).durationMinutes).toBe(60)
    const move = { id: later.id, session: sessionInput({ startTime: '09:30', durationMinutes: 60 }) }
    expect((await app.fail('sessions:update', move)).code).toBe('clash')
    // Moving within its own old slot never clashes with itself.
    await app.ok('sessions:update', { id: later.id, session: sessionInput({ startTime: '11:15', durationMinutes: 60 }) })
    // Two sessions booked over each other anyway: marking one completed does not nag.
    await app.ok('sessions:update', { ...resize, acknowledgeClashes: true })
    await app.ok('sessions:update', { id: morning.id, session: sessionInput({ startTime: '09:00', durationMinutes: 150, status: 'completed' }) })
  })
})

describe('sessions.clashesWith (for booking several sessions at once)', () => {
  let app: TestApp
  let clientId: string
  beforeEach(async () => {
    app = await openTestApp()
    clientId = (await createClient(app, { status: 'active' })).id
  })
  afterEach(() => app.close())

  it('checks a proposal against stored sessions and the other proposals not saved yet', async () => {
    const { session: dosing } = await createSession(app, clientId, { kind: 'dosing', startTime: '09:00', durationMinutes: 180 })
    const proposal: Booking = { id: null, clientId, renderingUserId: null, date: '2026-03-06', startTime: '13:00', durationMinutes: 50, kind: 'integration', status: 'scheduled' }
    expect(app.services.sessions.clashesWith(proposal)).toEqual([])
    expect(app.services.sessions.clashesWith({ ...proposal, startTime: '11:30' }).map((c) => c.sessionId)).toEqual([dosing.id])
    expect(app.services.sessions.clashesWith(proposal, [{ ...proposal, startTime: '13:30' }])).toMatchObject([{ sessionId: '', startTime: '13:30' }])
  })
})

interface TimelineSession {
  durationMinutes: number
}
