import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Course, ScheduleProblem, ScheduleProposal } from '@shared/contracts/courses'
import type { Session, TimelineRow } from '@shared/contracts/sessions'
import { openTestApp, type TestApp } from '../../factories/app'
import { createClient } from '../../factories/clients'
import { createCourse, createSession } from '../../factories/clinical'

let app: TestApp
let clientId: string
let course: Course
beforeEach(async () => {
  app = await openTestApp()
  clientId = (await createClient(app, { status: 'active' })).id
  course = await createCourse(app, clientId, 'induction', '2026-03-01')
})
afterEach(() => app.close())

const propose = () => app.ok<ScheduleProposal>('courses:proposeSchedule', { id: course.id })
const rowsOf = (p: ScheduleProposal) => p.rows.map((r) => ({ ...r }))

describe('courses:proposeSchedule / bookSchedule', () => {
  it('proposes the whole course from tomorrow, around another client’s session, and books it in one call', async () => {
    const other = (await createClient(app, { status: 'active', legalFirstName: 'Zoë', legalLastName: 'O’Brien-Núñez' })).id
    await createSession(app, other, { date: '2026-03-09', startTime: '09:00', durationMinutes: 60, kind: 'psychotherapy' })
    const proposal = await propose()
    expect(proposal.from).toBe('2026-03-09')
    expect(proposal.unplaced).toEqual([])
    expect(proposal.rows).toHaveLength(14)
    expect(proposal.rows[0]).toEqual({ kind: 'preparation', date: '2026-03-09', startTime: '10:00', durationMinutes: 50 })
    expect(await app.ok<ScheduleProblem[]>('courses:checkSchedule', { id: course.id, rows: proposal.rows })).toEqual([])

    const before = app.count('sessions')
    const booked = await app.ok<{ sessions: Session[] }>('courses:bookSchedule', { id: course.id, rows: proposal.rows, placeOfService: '11' })
    expect(booked.sessions).toHaveLength(14)
    expect(app.count('sessions')).toBe(before + 14)
    expect(booked.sessions.every((s) => s.courseId === course.id && s.status === 'scheduled' && s.clientId === clientId)).toBe(true)
    const got = await app.ok<Course>('courses:get', { id: course.id })
    expect(got.progress).toEqual([
      { kind: 'preparation', planned: 2, scheduled: 2, completed: 0 },
      { kind: 'dosing', planned: 6, scheduled: 6, completed: 0 },
      { kind: 'integration', planned: 6, scheduled: 6, completed: 0 }
    ])
    expect(got.warnings).toEqual([])
    // Nothing left to propose once everything is booked.
    expect((await propose()).rows).toEqual([])
  })

  it('re-validates an adjusted row and refuses the lot with the message beside that row’s field', async () => {
    const rows = rowsOf(await propose())
    const second = rows.findIndex((r, i) => r.kind === 'dosing' && rows.slice(0, i).some((o) => o.kind === 'dosing'))
    rows[second]!.date = addOne(rows.find((r) => r.kind === 'dosing')!.date)
    rows[0]!.startTime = '16:45'
    const problems = await app.ok<ScheduleProblem[]>('courses:checkSchedule', { id: course.id, rows })
    expect(problems).toContainEqual({ row: 0, field: 'startTime', message: 'Outside working hours (09:00–17:00)' })
    expect(problems.some((p) => p.row === second && p.field === 'date')).toBe(true)

    const before = app.count('sessions')
    const error = await app.fail('courses:bookSchedule', { id: course.id, rows, placeOfService: '11' })
    expect(error.code).toBe('conflict')
    expect(error.message).toMatch(/rows? needs? attention before booking/)
    expect(error.fields?.['rows.0.startTime']).toBe('Outside working hours (09:00–17:00)')
    expect(error.fields?.[`rows.${second}.date`]).toMatch(/after the previous one/)
    expect(app.count('sessions')).toBe(before)
  })

  it('refuses a malformed row through the contract, naming it', async () => {
    const rows = rowsOf(await propose())
    rows[2]!.startTime = '9am'
    const error = await app.fail('courses:bookSchedule', { id: course.id, rows, placeOfService: '11' })
    expect(error.fields?.['rows.2.startTime']).toBe('Start time should be HH:MM on a 24-hour clock, like 09:00 or 14:30')
  })

  it('a write failing half-way books nothing (one transaction)', async () => {
    const rows = rowsOf(await propose())
    const before = app.count('sessions')
    const auditBefore = app.count('audit_log')
    // A real failure inside SQLite on the 5th insert of this call.
    app.connection.sqlite.exec(`CREATE TRIGGER fail_fifth BEFORE INSERT ON sessions WHEN (SELECT count(*) FROM sessions) >= ${before + 4}
      BEGIN SELECT RAISE(ABORT, 'disk trouble'); END`)
    const error = await app.fail('courses:bookSchedule', { id: course.id, rows, placeOfService: '11' })
    expect(error.code).not.toBe('conflict')
    expect(app.count('sessions')).toBe(before)
    expect(app.count('audit_log')).toBe(auditBefore)
    app.connection.sqlite.exec('DROP TRIGGER fail_fifth')
    await app.ok('courses:bookSchedule', { id: course.id, rows, placeOfService: '11' })
    expect(app.count('sessions')).toBe(before + rows.length)
  })

  it('proposes only what is left, after the sessions already booked', async () => {
    await createSession(app, clientId, { courseId: course.id, kind: 'preparation', date: '2026-03-09', startTime: '09:00', durationMinutes: 50 })
    await createSession(app, clientId, { courseId: course.id, kind: 'preparation', date: '2026-03-10', startTime: '09:00', durationMinutes: 50 })
    await createSession(app, clientId, { courseId: course.id, kind: 'dosing', date: '2026-03-11', startTime: '09:00', durationMinutes: 180 })
    const { rows } = await propose()
    expect(rows.filter((r) => r.kind === 'preparation')).toEqual([])
    expect(rows.filter((r) => r.kind === 'dosing')).toHaveLength(5)
    expect(rows.find((r) => r.kind === 'dosing')!.date >= '2026-03-14').toBe(true)
  })

  it('refuses a course that is not active', async () => {
    await app.ok('courses:update', { id: course.id, course: { protocol: course.protocol, startedOn: '2026-03-01', status: 'stopped' } })
    const error = await app.fail('courses:proposeSchedule', { id: course.id })
    expect(error.message).toBe('Only an active course can be scheduled.')
    const timeline = await app.ok<TimelineRow[]>('sessions:list', { clientId })
    expect(timeline).toEqual([])
  })
})

function addOne(date: string): string {
  return new Date(Date.parse(date) + 86_400_000).toISOString().slice(0, 10)
}
