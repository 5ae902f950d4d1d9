import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Course } from '@shared/contracts/courses'
import { PROTOCOL_TEMPLATES } from '@shared/domain/scheduling'
import { openTestApp, testId, type TestApp } from '../../factories/app'
import { createClient } from '../../factories/clients'
import { createCourse, createSession, openAs, sessionInput } from '../../factories/clinical'

let app: TestApp
let clientId: string
beforeEach(async () => {
  app = await openTestApp()
  clientId = (await createClient(app, { status: 'active' })).id
})
afterEach(() => app.close())

const induction = () => structuredClone(PROTOCOL_TEMPLATES.find((t) => t.key === 'induction')!)

describe('courses', () => {
  it('starts a course from a template and stores the protocol with it', async () => {
    const course = await createCourse(app, clientId, 'induction', '2026-03-01')
    expect(course).toMatchObject({ clientId, startedOn: '2026-03-01', status: 'active', endedOn: null, warnings: [] })
    expect(course.protocol).toEqual(induction())
    expect(course.progress).toEqual([
      { kind: 'preparation', planned: 2, scheduled: 0, completed: 0 },
      { kind: 'dosing', planned: 6, scheduled: 0, completed: 0 },
      { kind: 'integration', planned: 6, scheduled: 0, completed: 0 }
    ])
    expect(await app.ok('courses:list', { clientId })).toEqual([course])
    expect(await app.ok('courses:get', { id: course.id })).toEqual(course)
  })

  it('starts from an edited copy of a template', async () => {
    const protocol = induction()
    protocol.name = 'Induction (4 dosings)'
    protocol.steps = [{ kind: 'dosing', planned: 4, note: '' }, { kind: 'integration', planned: 4, note: '' }]
    protocol.rules = { ...protocol.rules, minDaysBetweenDosing: 5, requirePreparation: false }
    const course = await app.ok<Course>('courses:create', { clientId, course: { protocol, startedOn: '2026-03-01' } })
    expect(course.protocol).toMatchObject({ key: 'induction', name: 'Induction (4 dosings)', rules: { minDaysBetweenDosing: 5, requirePreparation: false } })
    const a = await createSession(app, clientId, { courseId: course.id, date: '2026-03-02' })
    expect(a.warnings).toEqual([])
    const b = await createSession(app, clientId, { courseId: course.id, date: '2026-03-06' })
    expect(b.warnings.map((w) => w.code)).toEqual(['dosing_too_soon'])
    expect(b.warnings[0]!.message).toBe('This dosing is 4 days after the previous one (plan: at least 5 days apart)')
  })

  it('counts planned against booked and done, and lists the course’s warnings', async () => {
    const course = await createCourse(app, clientId)
    await createSession(app, clientId, { courseId: course.id, kind: 'preparation', date: '2026-02-20', status: 'completed' })
    await createSession(app, clientId, { courseId: course.id, date: '2026-02-23', status: 'completed' })
    await createSession(app, clientId, { courseId: course.id, date: '2026-03-10' })
    await createSession(app, clientId, { courseId: course.id, kind: 'psychotherapy', date: '2026-03-11' })
    // Not in the course: not counted.
    await createSession(app, clientId, { kind: 'integration', date: '2026-02-24' })
    const got = await app.ok<Course>('courses:get', { id: course.id })
    expect(got.progress).toEqual([
      { kind: 'preparation', planned: 2, scheduled: 0, completed: 1 },
      { kind: 'dosing', planned: 6, scheduled: 1, completed: 1 },
      { kind: 'integration', planned: 6, scheduled: 0, completed: 0 },
      { kind: 'psychotherapy', planned: 0, scheduled: 1, completed: 0 }
    ])
    // The completed dosing of 2026-02-23 had no integration in the course within 1–3 days, and today (2026-03-08) is past that window.
    expect(got.warnings.map((w) => w.code)).toEqual(['integration_missing'])
  })

  it('completes a course (ending today by default) and refuses an end before the start', async () => {
    const course = await createCourse(app, clientId, 'booster', '2026-03-01')
    const done = await app.ok<Course>('courses:update', { id: course.id, course: { protocol: course.protocol, startedOn: '2026-03-01', status: 'completed' } })
    expect(done).toMatchObject({ status: 'completed', endedOn: '2026-03-08' })
    const error = await app.fail('courses:update', { id: course.id, course: { protocol: course.protocol, startedOn: '2026-03-01', status: 'stopped', endedOn: '2026-02-01' } })
    expect(error).toEqual({ code: 'invalid_input', message: 'A course cannot end before it started.', fields: { 'course.endedOn': 'End date cannot be before the start date' } })
    const reopened = await app.ok<Course>('courses:update', { id: course.id, course: { protocol: course.protocol, startedOn: '2026-03-01', status: 'active', endedOn: '2026-03-05' } })
    expect(reopened).toMatchObject({ status: 'active', endedOn: null })
  })

  it('refuses a malformed protocol, naming the field', async () => {
    const protocol = { ...induction(), key: 'Not A Key', steps: [], rules: { ...induction().rules, integrationWithinDays: [3, 1] } }
    const error = await app.fail('courses:create', { clientId, course: { protocol, startedOn: '2026-03-01' } })
    expect(error.fields).toEqual({
      'course.protocol.key': 'Template key must be 1–40 lower-case letters, digits, - or _',
      'course.protocol.steps': 'Add at least one step',
      'course.protocol.rules.integrationWithinDays': 'The integration window must start on or before its last day'
    })
    expect(app.count('courses')).toBe(0)
  })

  it('needs a current client to start or change a course', async () => {
    const course = await createCourse(app, clientId)
    await app.ok('clients:archive', { id: clientId })
    expect((await app.fail('courses:create', { clientId, course: { protocol: induction(), startedOn: '2026-03-01' } })).code).toBe('invalid_input')
    expect((await app.fail('courses:update', { id: course.id, course: { protocol: induction(), startedOn: '2026-03-01', status: 'completed' } })).code).toBe('invalid_input')
    expect((await app.fail('courses:list', { clientId: testId(999) })).code).toBe('not_found')
    expect((await app.fail('courses:get', { id: testId(999) })).code).toBe('not_found')
    expect(app.count('courses')).toBe(1)
  })

  it('lets the administrator read courses and book into them, not start or change them', async () => {
    const course = await createCourse(app, clientId)
    app.close()
    app = await openTestApp({ file: true })
    const owner = app
    const client = await createClient(owner, { status: 'active' })
    const ownCourse = await createCourse(owner, client.id)
    const admin = await openAs(owner)
    try {
      expect(await admin.ok('courses:list', { clientId: client.id })).toHaveLength(1)
      expect(await admin.ok('courses:get', { id: ownCourse.id })).toMatchObject({ id: ownCourse.id })
      await admin.ok('sessions:create', { clientId: client.id, session: sessionInput({ courseId: ownCourse.id }) })
      expect((await admin.fail('courses:create', { clientId: client.id, course: { protocol: induction(), startedOn: '2026-03-01' } })).code).toBe('forbidden')
      expect((await admin.fail('courses:update', { id: ownCourse.id, course: { protocol: induction(), startedOn: '2026-03-01', status: 'stopped' } })).code).toBe('forbidden')
    } finally {
      admin.close()
    }
    expect(course.id).toBeTruthy()
  })
})
