import { z } from 'zod'
import { CLINICAL_ROLES, ANY_ROLE } from '../domain/roles'
import { protocolTemplateSchema } from '../domain/scheduling'
import { defineContract } from './contract'
import { isoDate, optionalIsoDate, timestamp, uuid } from './fields'
import { courseWarning, placeOfService, session, sessionInput, sessionKind } from './sessions'

export const COURSE_STATUSES = ['active', 'completed', 'stopped'] as const
export type CourseStatus = (typeof COURSE_STATUSES)[number]
export const COURSE_STATUS_LABELS: Record<CourseStatus, string> = { active: 'Active', completed: 'Completed', stopped: 'Stopped early' }
export const courseStatus = z.enum(COURSE_STATUSES, { error: 'Choose a status from the list' })

/**
 * A course starts from a protocol template (shared/domain/scheduling PROTOCOL_TEMPLATES) or an
 * edited copy of one: the protocol sent here is stored with the course, so later changes to the
 * built-in templates never rewrite a course already under way.
 */
export const courseCreateInput = z.strictObject({
  protocol: protocolTemplateSchema,
  startedOn: isoDate('Start date')
})
export type CourseCreateInput = z.input<typeof courseCreateInput>

/** A completed or stopped course without an end date gets today's. */
export const courseUpdateInput = z.strictObject({
  protocol: protocolTemplateSchema,
  startedOn: isoDate('Start date'),
  status: courseStatus,
  endedOn: optionalIsoDate('End date')
})
export type CourseUpdateInput = z.input<typeof courseUpdateInput>

/** The stored protocol, as it leaves main. */
export const protocol = z.strictObject({
  key: z.string(),
  name: z.string(),
  description: z.string(),
  steps: z.array(z.strictObject({ kind: sessionKind, planned: z.int(), note: z.string() })),
  rules: z.strictObject({
    minDaysBetweenDosing: z.int(),
    maxDosingPer7Days: z.int(),
    integrationWithinDays: z.tuple([z.int(), z.int()]),
    requirePreparation: z.boolean()
  })
})
export type Protocol = z.infer<typeof protocol>

/** Planned against booked and done, per kind of session (courseProgress). */
export const courseProgressRow = z.strictObject({ kind: sessionKind, planned: z.int(), scheduled: z.int(), completed: z.int() })

export const course = z.strictObject({
  id: z.string(),
  clientId: z.string(),
  protocol,
  startedOn: z.string(),
  status: courseStatus,
  endedOn: z.string().nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
  progress: z.array(courseProgressRow),
  /** What the course's sessions raise against its rules now (courseWarnings); advice only. */
  warnings: z.array(courseWarning)
})
export type Course = z.infer<typeof course>

/** The most rows one "Schedule the course" can book (a 50-step plan is the protocol's limit per kind). */
export const SCHEDULE_MAX_ROWS = 120

/** One proposed or adjusted session of "Schedule the course": the session form's own fields and messages. */
export const scheduleRow = sessionInput.pick({ kind: true, date: true, startTime: true, durationMinutes: true })
export type ScheduleRowInput = z.input<typeof scheduleRow>

const scheduleRows = z
  .array(scheduleRow, { error: 'Rows must be a list' })
  .min(1, { error: 'There is nothing to book' })
  .max(SCHEDULE_MAX_ROWS, { error: `Book at most ${SCHEDULE_MAX_ROWS} sessions at once` })

/** What is wrong with a row, beside which of its fields. */
export const scheduleProblem = z.strictObject({ row: z.int(), field: z.enum(['date', 'startTime', 'durationMinutes']), message: z.string() })
export type ScheduleProblem = z.infer<typeof scheduleProblem>

export const scheduleProposal = z.strictObject({
  rows: z.array(z.strictObject({ kind: sessionKind, date: z.string(), startTime: z.string(), durationMinutes: z.int() })),
  /** Kinds of session no slot was found for within the planner's horizon: booked by hand. */
  unplaced: z.array(sessionKind),
  /** The first date a row may take, and the working hours the proposal keeps. */
  from: z.string(),
  hours: z.strictObject({ start: z.string(), end: z.string(), days: z.array(z.int()) })
})
export type ScheduleProposal = z.infer<typeof scheduleProposal>

/**
 * Treatment courses. Reading one is open to every role (the administrator books its sessions);
 * starting or changing the plan is a clinical decision.
 */
export const coursesContracts = {
  /** A client's courses, newest first, each with its progress and warnings. */
  list: defineContract('courses:list', z.strictObject({ clientId: uuid('Client ID') }), z.array(course), { roles: ANY_ROLE }),
  get: defineContract('courses:get', z.strictObject({ id: uuid('Course ID') }), course, { roles: ANY_ROLE }),
  create: defineContract('courses:create', z.strictObject({ clientId: uuid('Client ID'), course: courseCreateInput }), course, {
    roles: CLINICAL_ROLES,
    audit: { action: 'create', entity: 'course' }
  }),
  update: defineContract('courses:update', z.strictObject({ id: uuid('Course ID'), course: courseUpdateInput }), course, {
    roles: CLINICAL_ROLES,
    audit: { action: 'update', entity: 'course' }
  }),
  /** "Schedule the course": every session the plan still needs, on dates that keep its rules and the clinician's free time. */
  proposeSchedule: defineContract('courses:proposeSchedule', z.strictObject({ id: uuid('Course ID') }), scheduleProposal, { roles: ANY_ROLE }),
  /** Re-validates adjusted rows: each problem names its row and field. */
  checkSchedule: defineContract('courses:checkSchedule', z.strictObject({ id: uuid('Course ID'), rows: scheduleRows }), z.array(scheduleProblem), {
    roles: ANY_ROLE
  }),
  /** Books every row in one transaction, or none: a row with a problem refuses the lot with `rows.N.field` messages. */
  bookSchedule: defineContract(
    'courses:bookSchedule',
    z.strictObject({ id: uuid('Course ID'), rows: scheduleRows, placeOfService }),
    z.strictObject({ sessions: z.array(session) }),
    { roles: ANY_ROLE, audit: { action: 'create', entity: 'session', target: (input, out) => ({ entityId: out.sessions[0]?.id ?? input.id, clientId: out.sessions[0]?.clientId }) } }
  )
}
