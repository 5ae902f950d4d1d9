import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Measure, MeasureRow, MeasureTrend } from '@shared/contracts/measures'
import { openTestApp, testId, type TestApp } from '../../factories/app'
import { createClient } from '../../factories/clients'
import { createMeasure, createNote, createSession, phq9 } from '../../factories/clinical'

let app: TestApp
let clientId: string
beforeEach(async () => {
  app = await openTestApp()
  clientId = (await createClient(app, { status: 'active' })).id
})
afterEach(() => app.close())

const list = () => app.ok<MeasureRow[]>('measures:list', { clientId })
/** PHQ-9 answers that add up to `total`, item 9 at 0. */
const phq9Total = (total: number) => Array.from({ length: 9 }, (_, i) => (i === 8 ? 0 : Math.min(3, Math.max(0, total - 3 * i))))

describe('measures: scoring', () => {
  it('scores a PHQ-9 item by item and stores the answers, total, band and safety flag', async () => {
    const m = await createMeasure(app, clientId, phq9([2, 2, 1, 2, 1, 1, 1, 0, 1]))
    expect(m).toMatchObject({
      clientId, kind: 'phq9', answers: [2, 2, 1, 2, 1, 1, 1, 0, 1], total: 11, band: 'moderate', bandLabel: 'Moderate', safetyFlag: true,
      administeredOn: '2026-03-01', sessionId: null, noteId: null, acknowledgedAt: null, voidedAt: null
    })
    expect(app.connection.sqlite.prepare('SELECT total, band, safety_flag AS flag FROM measures').get()).toEqual({ total: 11, band: 'moderate', flag: 1 })
  })

  it('scores GAD-7 and PCL-5 on their own scales', async () => {
    const gad = await createMeasure(app, clientId, { kind: 'gad7', answers: [3, 3, 3, 2, 2, 2, 1], administeredOn: '2026-03-01' })
    expect(gad).toMatchObject({ total: 16, band: 'severe', safetyFlag: false })
    const pcl = await createMeasure(app, clientId, { kind: 'pcl5', answers: Array.from({ length: 20 }, (_, i) => (i < 11 ? 3 : 0)), administeredOn: '2026-03-01' })
    expect(pcl).toMatchObject({ total: 33, band: 'probable', bandLabel: 'Probable PTSD (31 or more)', safetyFlag: false })
  })

  it('refuses missing, extra or out-of-range answers and future dates, naming the field', async () => {
    expect((await app.fail('measures:create', { clientId, measure: phq9([1, 1, 1]) })).fields).toEqual({ 'measure.answers': 'Answer every item (9 needed)' })
    expect((await app.fail('measures:create', { clientId, measure: phq9([1, 1, 1, 1, 1, 1, 1, 1, 4]) })).fields).toEqual({ 'measure.answers.8': 'Each answer is a number from 0 to 3' })
    expect((await app.fail('measures:create', { clientId, measure: { kind: 'pcl5', answers: Array(20).fill(5), administeredOn: '2026-03-01' } })).fields).toMatchObject({
      'measure.answers.0': 'Each answer is a number from 0 to 4'
    })
    expect((await app.fail('measures:create', { clientId, measure: phq9(Array(9).fill(0), { administeredOn: '2999-01-01' }) })).fields).toEqual({
      'measure.administeredOn': 'Date given cannot be in the future'
    })
    expect((await app.fail('measures:create', { clientId, measure: { kind: 'bdi', answers: [], administeredOn: '2026-03-01' } })).code).toBe('invalid_input')
    expect(app.count('measures')).toBe(0)
  })
})

describe('measures: links', () => {
  it('links to a session, or to a note (which implies its session)', async () => {
    const { session } = await createSession(app, clientId)
    const note = await createNote(app, session.id)
    expect((await createMeasure(app, clientId, phq9(phq9Total(5), { sessionId: session.id }))).sessionId).toBe(session.id)
    expect(await createMeasure(app, clientId, phq9(phq9Total(5), { noteId: note.id }))).toMatchObject({ sessionId: session.id, noteId: note.id })
  })

  it('refuses another client’s session or note, or a note from another session', async () => {
    const other = await createClient(app, { legalFirstName: 'Ben', legalLastName: 'Okafor', email: 'ben@example.com' })
    const theirs = (await createSession(app, other.id)).session.id
    const theirNote = await createNote(app, theirs)
    expect((await app.fail('measures:create', { clientId, measure: phq9(phq9Total(5), { sessionId: theirs }) })).fields).toEqual({
      'measure.sessionId': 'Choose one of this client’s sessions'
    })
    expect((await app.fail('measures:create', { clientId, measure: phq9(phq9Total(5), { noteId: theirNote.id }) })).fields).toEqual({
      'measure.noteId': 'Choose one of this client’s notes'
    })
    const mine = (await createSession(app, clientId)).session.id
    const mine2 = (await createSession(app, clientId, { startTime: '15:00', kind: 'integration' })).session.id
    const note = await createNote(app, mine)
    expect((await app.fail('measures:create', { clientId, measure: phq9(phq9Total(5), { noteId: note.id, sessionId: mine2 }) })).fields).toEqual({
      'measure.sessionId': 'The session must be the note’s own session'
    })
    expect(app.count('measures')).toBe(0)
  })
})

describe('measures: baseline, response and remission', () => {
  it('compares each measure with the client’s first of its kind', async () => {
    const base = await createMeasure(app, clientId, phq9(phq9Total(20), { administeredOn: '2026-01-05' }))
    await createMeasure(app, clientId, phq9(phq9Total(12), { administeredOn: '2026-01-20' }))
    await createMeasure(app, clientId, phq9(phq9Total(9), { administeredOn: '2026-02-03' }))
    await createMeasure(app, clientId, phq9(phq9Total(4), { administeredOn: '2026-02-20' }))
    await createMeasure(app, clientId, { kind: 'gad7', answers: [2, 2, 2, 2, 2, 2, 2], administeredOn: '2026-01-05' })
    const rows = await list()
    expect(rows.map((r) => [r.kind, r.administeredOn, r.total, r.isBaseline, r.changePercent, r.response, r.remission])).toEqual([
      ['phq9', '2026-02-20', 4, false, -80, true, true],
      ['phq9', '2026-02-03', 9, false, -55, true, false],
      ['phq9', '2026-01-20', 12, false, -40, false, false],
      ['gad7', '2026-01-05', 14, true, null, false, false],
      ['phq9', '2026-01-05', 20, true, null, false, false]
    ])
    expect(rows[0]!.baseline).toEqual({ id: base.id, total: 20, administeredOn: '2026-01-05' })
  })

  it('takes the earliest date as the baseline, whatever order they were entered in', async () => {
    await createMeasure(app, clientId, phq9(phq9Total(8), { administeredOn: '2026-02-01' }))
    const earlier = await createMeasure(app, clientId, phq9(phq9Total(16), { administeredOn: '2026-01-01' }))
    const rows = await list()
    expect(rows.find((r) => r.isBaseline)!.id).toBe(earlier.id)
    expect(rows[0]).toMatchObject({ total: 8, response: true, changePercent: -50 })
  })

  it('voids a measure entered in error: it leaves the list, the baseline and the trend', async () => {
    const wrong = await createMeasure(app, clientId, phq9(phq9Total(2), { administeredOn: '2026-01-01' }))
    await createMeasure(app, clientId, phq9(phq9Total(18), { administeredOn: '2026-01-10' }))
    const voided = await app.ok<Measure>('measures:void', { id: wrong.id, reason: 'Entered for the wrong client' })
    expect(voided).toMatchObject({ voidReason: 'Entered for the wrong client' })
    expect(voided.voidedAt).not.toBeNull()
    const rows = await list()
    expect(rows.map((r) => [r.total, r.isBaseline])).toEqual([[18, true]])
    expect((await app.ok<MeasureTrend>('measures:trend', { clientId })).series[0]!.points).toHaveLength(1)
    expect((await app.fail('measures:void', { id: wrong.id })).message).toBe('This measure is already voided.')
    expect(app.count('measures')).toBe(2)
  })
})

describe('measures: trend and safety flag', () => {
  it('gives points by date for each kind, and the dates of completed dosings for markers', async () => {
    await createMeasure(app, clientId, phq9(phq9Total(18), { administeredOn: '2026-01-05' }))
    await createMeasure(app, clientId, phq9(phq9Total(10), { administeredOn: '2026-02-05' }))
    await createMeasure(app, clientId, { kind: 'gad7', answers: [1, 1, 1, 1, 1, 1, 1], administeredOn: '2026-01-05' })
    await createSession(app, clientId, { date: '2026-01-12', status: 'completed' })
    await createSession(app, clientId, { date: '2026-01-12', kind: 'booster', startTime: '15:00', status: 'completed' })
    await createSession(app, clientId, { date: '2026-01-16', kind: 'booster', status: 'completed' })
    await createSession(app, clientId, { date: '2026-01-19', status: 'cancelled' })
    await createSession(app, clientId, { date: '2026-03-20' })
    await createSession(app, clientId, { date: '2026-01-13', kind: 'integration', status: 'completed' })
    const trend = await app.ok<MeasureTrend>('measures:trend', { clientId })
    expect(trend.series.map((s) => [s.kind, s.totalMax, s.points.map((p) => [p.date, p.total, p.band])])).toEqual([
      ['phq9', 27, [['2026-01-05', 18, 'moderately_severe'], ['2026-02-05', 10, 'moderate']]],
      ['gad7', 21, [['2026-01-05', 7, 'mild']]]
    ])
    expect(trend.dosingDates).toEqual(['2026-01-12', '2026-01-16'])
  })

  it('acknowledges a safety flag once; a measure without one has nothing to acknowledge', async () => {
    const flagged = await createMeasure(app, clientId, phq9([0, 0, 0, 0, 0, 0, 0, 0, 1]))
    expect(flagged).toMatchObject({ total: 1, band: 'minimal', safetyFlag: true })
    const ack = await app.ok<Measure>('measures:acknowledge', { id: flagged.id })
    expect(ack).toMatchObject({ acknowledgedBy: 'local', safetyFlag: true })
    expect(ack.acknowledgedAt).not.toBeNull()
    expect((await app.fail('measures:acknowledge', { id: flagged.id })).message).toBe('This safety flag is already acknowledged.')
    const calm = await createMeasure(app, clientId, phq9(phq9Total(3)))
    expect((await app.fail('measures:acknowledge', { id: calm.id })).message).toBe('This measure has no safety flag to acknowledge.')
    expect((await app.fail('measures:acknowledge', { id: testId(999) })).code).toBe('not_found')
  })

  it('needs a current client to add one', async () => {
    await app.ok('clients:archive', { id: clientId })
    expect((await app.fail('measures:create', { clientId, measure: phq9(phq9Total(3)) })).code).toBe('invalid_input')
    expect((await app.fail('measures:list', { clientId: testId(999) })).code).toBe('not_found')
    expect(await list()).toEqual([])
  })
})
