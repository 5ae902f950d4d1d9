import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Course } from '@shared/contracts/courses'
import type { Dashboard } from '@shared/contracts/dashboard'
import { openTestApp, type TestApp } from '../../factories/app'
import { createClient } from '../../factories/clients'
import { createCourse, createMeasure, createNote, createSession, openAs, phq9 } from '../../factories/clinical'
import { seedDemoPractice } from '../../factories/demo'

let app: TestApp
let maria: string
let ben: string
beforeEach(async () => {
  app = await openTestApp({ file: true })
  maria = (await createClient(app, { status: 'active' })).id
  ben = (await createClient(app, { legalFirstName: 'Benjamin', preferredName: 'Ben', legalLastName: 'Okafor', email: 'ben@example.com', status: 'active' })).id
})
afterEach(() => app.close())

const dashboard = (today: string, on: TestApp = app) => on.ok<Dashboard>('dashboard:get', { today })
const flagged = [0, 0, 0, 0, 0, 0, 0, 0, 1]

describe('dashboard', () => {
  it('shows the day’s sessions for every client, in time order', async () => {
    await createSession(app, maria, { date: '2026-03-10', startTime: '13:00' })
    await createSession(app, ben, { date: '2026-03-10', startTime: '09:00', kind: 'integration' })
    await createSession(app, ben, { date: '2026-03-11', startTime: '08:00' })
    const { today } = await dashboard('2026-03-10')
    expect(today.map((s) => [s.clientName, s.startTime, s.kind])).toEqual([
      ['Ben Okafor', '09:00', 'integration'],
      ['Maria Lopez', '13:00', 'dosing']
    ])
    expect((await app.fail('dashboard:get', { today: '10/03/2026' })).fields).toEqual({ today: 'Today should be a real date (YYYY-MM-DD)' })
  })

  it('lists unsigned notes, oldest session first; signing one takes it off', async () => {
    const late = (await createSession(app, maria, { date: '2026-03-09' })).session.id
    const early = (await createSession(app, ben, { date: '2026-02-20', kind: 'integration' })).session.id
    const a = await createNote(app, late)
    const b = await createNote(app, early)
    expect((await dashboard('2026-03-10')).unsignedNotes!.map((n) => [n.noteId, n.clientName, n.date, n.template])).toEqual([
      [b.id, 'Ben Okafor', '2026-02-20', 'integration'],
      [a.id, 'Maria Lopez', '2026-03-09', 'dosing']
    ])
    const saved = await app.ok<{ revision: number }>('notes:save', { id: b.id, revision: b.revision, body: { experience: 'Recounted.', riskAssessment: { suicidalIdeation: 'none' } } })
    await app.ok('notes:sign', { id: b.id, revision: saved.revision })
    expect((await dashboard('2026-03-10')).unsignedNotes!.map((n) => n.noteId)).toEqual([a.id])
  })

  it('shows PHQ-9 item 9 flags from the last 30 days until acknowledged, newest first', async () => {
    const old = await createMeasure(app, maria, phq9(flagged, { administeredOn: '2026-01-30' }))
    const recent = await createMeasure(app, maria, phq9(flagged, { administeredOn: '2026-02-28' }))
    const newest = await createMeasure(app, ben, phq9(flagged, { administeredOn: '2026-03-05' }))
    await createMeasure(app, ben, phq9([3, 3, 3, 3, 3, 3, 3, 3, 0], { administeredOn: '2026-03-05' }))
    const flags = (await dashboard('2026-03-10')).safetyFlags!
    expect(flags.map((f) => [f.measureId, f.clientName, f.administeredOn])).toEqual([
      [newest.id, 'Ben Okafor', '2026-03-05'],
      [recent.id, 'Maria Lopez', '2026-02-28']
    ])
    // On 2026-03-01 the old one is exactly 30 days old: still shown (the one given later is not yet).
    expect((await dashboard('2026-03-01')).safetyFlags!.map((f) => f.measureId)).toEqual([recent.id, old.id])
    expect((await dashboard('2026-03-02')).safetyFlags!.map((f) => f.measureId)).toEqual([recent.id])
    await app.ok('measures:acknowledge', { id: newest.id })
    expect((await dashboard('2026-03-10')).safetyFlags!.map((f) => f.measureId)).toEqual([recent.id])
  })

  it('lists clients due for a booster: a finished course whose last dosing was 28 days or more ago, nothing booked since', async () => {
    // Maria: induction completed by count (6 of 6 dosings done), last on 2026-01-30.
    const course = await createCourse(app, maria, 'induction', '2026-01-01')
    for (const date of ['2026-01-05', '2026-01-09', '2026-01-13', '2026-01-20', '2026-01-24', '2026-01-30']) {
      await createSession(app, maria, { courseId: course.id, date, status: 'completed' })
    }
    // Ben: a booster course marked completed, its one booster on 2026-02-01 — but another is booked.
    const booster = await createCourse(app, ben, 'booster', '2026-01-25')
    await createSession(app, ben, { courseId: booster.id, date: '2026-02-01', kind: 'booster', status: 'completed' })
    await app.ok<Course>('courses:update', { id: booster.id, course: { protocol: booster.protocol, startedOn: '2026-01-25', status: 'completed', endedOn: '2026-02-02' } })

    expect((await dashboard('2026-02-26')).boostersDue).toEqual([])
    expect((await dashboard('2026-02-27')).boostersDue).toEqual([
      { clientId: maria, clientName: 'Maria Lopez', courseId: course.id, courseName: 'Induction', lastDosingOn: '2026-01-30', daysSince: 28 }
    ])
    expect((await dashboard('2026-03-01')).boostersDue.map((d) => d.clientName)).toEqual(['Maria Lopez', 'Ben Okafor'])
    expect((await dashboard('2026-03-10')).boostersDue.map((d) => [d.clientName, d.courseName, d.daysSince])).toEqual([
      ['Maria Lopez', 'Induction', 39],
      ['Ben Okafor', 'Booster', 37]
    ])

    // Booking the next dosing takes a client off the list; so does archiving.
    await createSession(app, ben, { date: '2026-03-20', kind: 'booster' })
    expect((await dashboard('2026-03-10')).boostersDue.map((d) => d.clientName)).toEqual(['Maria Lopez'])
    await app.ok('clients:archive', { id: maria })
    expect((await dashboard('2026-03-10')).boostersDue).toEqual([])
  })

  it('does not count an unfinished or stopped course', async () => {
    const course = await createCourse(app, maria, 'induction', '2026-01-01')
    await createSession(app, maria, { courseId: course.id, date: '2026-01-05', status: 'completed' })
    expect((await dashboard('2026-03-10')).boostersDue).toEqual([])
    await app.ok('courses:update', { id: course.id, course: { protocol: course.protocol, startedOn: '2026-01-01', status: 'stopped' } })
    expect((await dashboard('2026-03-10')).boostersDue).toEqual([])
    await app.ok('courses:update', { id: course.id, course: { protocol: course.protocol, startedOn: '2026-01-01', status: 'completed' } })
    expect((await dashboard('2026-03-10')).boostersDue.map((d) => d.lastDosingOn)).toEqual(['2026-01-05'])
  })

  it('gives the administrator the agenda and boosters, and no clinical sections', async () => {
    await createSession(app, maria, { date: '2026-03-10' })
    await createNote(app, (await createSession(app, ben, { date: '2026-03-10', startTime: '15:00' })).session.id)
    await createMeasure(app, maria, phq9(flagged, { administeredOn: '2026-03-05' }))
    const admin = await openAs(app)
    try {
      const board = await dashboard('2026-03-10', admin)
      expect(board.today).toHaveLength(2)
      expect(board.unsignedNotes).toBeNull()
      expect(board.safetyFlags).toBeNull()
      expect(board.boostersDue).toEqual([])
    } finally {
      admin.close()
    }
    const owner = await dashboard('2026-03-10')
    expect(owner.unsignedNotes).toHaveLength(1)
    expect(owner.safetyFlags).toHaveLength(1)
  })
})

describe('the demo practice', () => {
  it('seeds sessions, notes and measures that fill the dashboard', async () => {
    const demoApp = await openTestApp()
    try {
      const demo = await seedDemoPractice(demoApp, { today: '2026-03-08' })
      expect(demo.clinical).toMatchObject({ courses: expect.any(Number), addenda: 1 })
      expect(demoApp.count('notes')).toBe(demo.clinical.notes)
      expect(demoApp.count('sessions')).toBe(demo.clinical.sessions)
      const board = await demoApp.ok<Dashboard>('dashboard:get', { today: '2026-03-08' })
      expect(board.today.map((s) => [s.clientName, s.startTime, s.kind])).toEqual([
        ['Majo García-López', '10:00', 'dosing'],
        ['Aisha Rahman-Whitfield', '14:00', 'integration'],
        ['Jamie Okafor', '16:00', 'psychotherapy']
      ])
      expect(board.unsignedNotes!.map((n) => n.clientName).sort()).toEqual(['Aisha Rahman-Whitfield', 'Majo García-López'])
      expect(board.safetyFlags!.map((f) => f.clientName)).toEqual(['Aisha Rahman-Whitfield'])
      expect(board.boostersDue.map((b) => [b.clientName, b.daysSince])).toEqual([["Sean O'Brien", 45]])
    } finally {
      demoApp.close()
    }
  })
})
