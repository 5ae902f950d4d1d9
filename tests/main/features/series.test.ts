import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { SeriesChangeResult, SeriesInput, SeriesWithSessions } from '@shared/contracts/series'
import type { TimelineRow } from '@shared/contracts/sessions'
import { seriesDates } from '../../../src/main/features/series/dates'
import { openTestApp, type TestApp } from '../../factories/app'
import { createClient } from '../../factories/clients'
import { createNote } from '../../factories/clinical'

let app: TestApp
let clientId: string
beforeEach(async () => {
  app = await openTestApp()
  clientId = (await createClient(app, { status: 'active' })).id
})
afterEach(() => app.close())

const input = (over: Partial<SeriesInput> = {}): SeriesInput => ({
  kind: 'integration',
  date: '2026-03-02',
  startTime: '14:00',
  durationMinutes: 50,
  placeOfService: '11',
  intervalWeeks: 1,
  end: 'count',
  occurrences: 6,
  ...over
})
const create = (over: Partial<SeriesInput> = {}) => app.ok<SeriesWithSessions>('series:create', { clientId, series: input(over) })

describe('seriesDates', () => {
  it('repeats weekly or every 2 weeks on plain dates through DST changes', () => {
    expect(seriesDates('2026-03-02', 1, { count: 3 })).toEqual(['2026-03-02', '2026-03-09', '2026-03-16'])
    expect(seriesDates('2026-10-26', 2, { until: '2026-11-23' })).toEqual(['2026-10-26', '2026-11-09', '2026-11-23'])
    expect(seriesDates('2026-12-28', 1, { count: 2 })).toEqual(['2026-12-28', '2027-01-04'])
    expect(seriesDates('2026-01-01', 1, { until: '2030-01-01' })).toHaveLength(52)
  })
})

describe('series', () => {
  it('creates a weekly integration series of N sessions in one call, each pointing to the series', async () => {
    const { series, sessions } = await create()
    expect(series).toMatchObject({ clientId, kind: 'integration', intervalWeeks: 1, firstDate: '2026-03-02', occurrences: 6, untilDate: null })
    expect(sessions.map((s) => s.date)).toEqual(['2026-03-02', '2026-03-09', '2026-03-16', '2026-03-23', '2026-03-30', '2026-04-06'])
    expect(sessions.every((s) => s.seriesId === series.id && s.startTime === '14:00' && s.kind === 'integration' && s.status === 'scheduled')).toBe(true)
    expect(await app.ok('series:get', { id: series.id })).toEqual({ series, sessions })
  })

  it('warns of every session of the series that overlaps another of the client, books nothing, and books it when acknowledged', async () => {
    await app.ok('sessions:create', { clientId, session: { date: '2026-03-16', startTime: '13:30', durationMinutes: 60, kind: 'psychotherapy', placeOfService: '11', status: 'scheduled' } })
    await app.ok('sessions:create', { clientId, session: { date: '2026-03-30', startTime: '14:30', durationMinutes: 30, kind: 'psychotherapy', placeOfService: '11', status: 'scheduled' } })
    const before = app.count('sessions')
    const error = await app.fail('series:create', { clientId, series: input() })
    expect(error).toMatchObject({ code: 'clash' })
    expect((error as { clashes?: { date: string }[] }).clashes?.map((c) => c.date)).toEqual(['2026-03-16', '2026-03-30'])
    expect(app.count('sessions')).toBe(before)
    expect(app.count('session_series')).toBe(0)
    const booked = await app.ok<SeriesWithSessions>('series:create', { clientId, series: input(), acknowledgeClashes: true })
    expect(booked.sessions).toHaveLength(6)
  })

  it('creates a psychotherapy series every 2 weeks until a date', async () => {
    const { sessions } = await create({ kind: 'psychotherapy', intervalWeeks: 2, end: 'until', untilDate: '2026-04-27', occurrences: null })
    expect(sessions.map((s) => s.date)).toEqual(['2026-03-02', '2026-03-16', '2026-03-30', '2026-04-13', '2026-04-27'])
  })

  it('refuses a dosing series, a missing end and a last date before the first, beside the field', async () => {
    const dosing = await app.fail('series:create', { clientId, series: { ...input(), kind: 'dosing' } })
    expect(dosing.fields).toEqual({ 'series.kind': 'A series repeats integration or psychotherapy sessions' })
    const noEnd = await app.fail('series:create', { clientId, series: input({ end: 'until', untilDate: '' }) })
    expect(noEnd.fields).toEqual({ 'series.untilDate': 'Give the last date of the series' })
    const early = await app.fail('series:create', { clientId, series: input({ end: 'until', untilDate: '2026-03-01' }) })
    expect(early.fields).toEqual({ 'series.untilDate': 'The last date must be after the first session' })
    const many = await app.fail('series:create', { clientId, series: input({ occurrences: 53 }) })
    expect(many.fields).toEqual({ 'series.occurrences': 'Give a number of sessions from 2 to 52' })
    expect(app.count('session_series')).toBe(0)
    expect(app.count('sessions')).toBe(0)
  })

  it('a failed write creates neither the series nor any session', async () => {
    app.connection.sqlite.exec(`CREATE TRIGGER fail_third BEFORE INSERT ON sessions WHEN (SELECT count(*) FROM sessions) >= 2
      BEGIN SELECT RAISE(ABORT, 'disk trouble'); END`)
    await app.fail('series:create', { clientId, series: input() })
    expect(app.count('session_series')).toBe(0)
    expect(app.count('sessions')).toBe(0)
  })

  it('edits one session alone with sessions:update, leaving the rest of the series', async () => {
    const { series, sessions } = await create()
    const third = sessions[2]!
    await app.ok('sessions:update', { id: third.id, session: { ...pick(third), startTime: '09:00' } })
    const after = await app.ok<SeriesWithSessions>('series:get', { id: series.id })
    expect(after.sessions.map((s) => s.startTime)).toEqual(['14:00', '14:00', '09:00', '14:00', '14:00', '14:00'])
  })

  it('changes time and length of this and all following, skipping completed and signed sessions', async () => {
    // In the past, so the 5th session's note may be signed.
    const { series, sessions } = await create({ date: '2026-01-26' })
    // The 4th is completed; the 5th has a signed note; the 1st is before the one edited.
    await app.ok('sessions:update', { id: sessions[3]!.id, session: { ...pick(sessions[3]!), status: 'completed' } })
    const note = await createNote(app, sessions[4]!.id)
    const saved = await app.ok<{ revision: number }>('notes:save', { id: note.id, revision: note.revision, body: integrationBody() })
    await app.ok('notes:sign', { id: note.id, revision: saved.revision })
    const result = await app.ok<SeriesChangeResult>('series:updateFollowing', { sessionId: sessions[1]!.id, change: { startTime: '16:00', durationMinutes: 60 } })
    expect(result.changed.map((s) => s.id)).toEqual([sessions[1]!.id, sessions[2]!.id, sessions[5]!.id])
    expect(result.skipped).toBe(2)
    const after = await app.ok<SeriesWithSessions>('series:get', { id: series.id })
    expect(after.sessions.map((s) => `${s.startTime}/${s.durationMinutes}`)).toEqual(['14:00/50', '16:00/60', '16:00/60', '14:00/50', '14:00/50', '16:00/60'])
    expect(after.series).toMatchObject({ startTime: '16:00', durationMinutes: 60 })
  })

  it('cancels this and all following without deleting anything', async () => {
    const { series, sessions } = await create()
    await app.ok('sessions:update', { id: sessions[4]!.id, session: { ...pick(sessions[4]!), status: 'completed' } })
    const result = await app.ok<SeriesChangeResult>('series:cancelFollowing', { sessionId: sessions[2]!.id })
    expect(result.skipped).toBe(1)
    expect(app.count('sessions')).toBe(6)
    const timeline = await app.ok<TimelineRow[]>('sessions:list', { clientId })
    const byDate = Object.fromEntries(timeline.map((s) => [s.date, s.status]))
    expect(byDate).toEqual({
      '2026-03-02': 'scheduled',
      '2026-03-09': 'scheduled',
      '2026-03-16': 'cancelled',
      '2026-03-23': 'cancelled',
      '2026-03-30': 'completed',
      '2026-04-06': 'cancelled'
    })
    expect(() => app.connection.sqlite.prepare('DELETE FROM session_series WHERE id = ?').run(series.id)).toThrow(/never deleted/)
  })

  it('refuses "following" on a session outside any series', async () => {
    const one = await app.ok<{ session: { id: string } }>('sessions:create', {
      clientId,
      session: { date: '2026-03-10', startTime: '10:00', durationMinutes: 50, kind: 'integration', placeOfService: '11' }
    })
    const error = await app.fail('series:cancelFollowing', { sessionId: one.session.id })
    expect(error.message).toBe('This session is not part of a recurring series.')
  })
})

const pick = (s: SeriesWithSessions['sessions'][number]) => ({
  date: s.date,
  startTime: s.startTime,
  durationMinutes: s.durationMinutes,
  kind: s.kind,
  placeOfService: s.placeOfService,
  status: s.status
})

/** The least an integration note needs to be signed. */
const integrationBody = () => ({ experience: 'Recounted the session.', riskAssessment: { suicidalIdeation: 'none' }, plan: 'Continue weekly.' })
