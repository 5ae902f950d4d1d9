import { z } from 'zod'
import { CLINICAL_ROLES, ANY_ROLE } from '../domain/roles'
import { protocolTemplateSchema } from '../domain/scheduling'
import { defineContract } from './contract'
import { isoDate, optionalIsoDate, timestamp, uuid } from './fields'
import { courseWarning, sessionKind } from './sessions'

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
  })
}
