import { z } from 'zod'
import { PLACE_OF_SERVICE_CODES } from '../domain/codes'
import { NOTE_TEMPLATES, SESSION_KINDS, SESSION_STATUSES } from '../domain/session-kinds'
import { ANY_ROLE } from '../domain/roles'
import { CLOCK_TIME_PATTERN } from '../domain/vitals'
import { defineContract } from './contract'
import { isoDate, timestamp, uuid } from './fields'

export const sessionKind = z.enum(SESSION_KINDS, { error: 'Choose a kind of session from the list' })
export const sessionStatus = z.enum(SESSION_STATUSES, { error: 'Choose a status from the list' })
export const placeOfService = z.enum(PLACE_OF_SERVICE_CODES, { error: 'Choose a place of service from the list' })
export const noteTemplate = z.enum(NOTE_TEMPLATES, { error: 'Choose a note template from the list' })

/** Where a session's notes stand: none written yet, at least one draft, or every one signed. */
export const NOTE_STATUSES = ['none', 'draft', 'signed'] as const
export const sessionNoteStatus = z.enum(NOTE_STATUSES)
export type SessionNoteStatus = (typeof NOTE_STATUSES)[number]

export const DURATION_MIN = 5
export const DURATION_MAX = 720
/** The longest agenda range one call returns (a month view with its overflow weeks). */
export const AGENDA_MAX_DAYS = 62

/** '' and null (an empty select) mean "no course". */
const optionalCourseId = z
  .union([z.literal(''), z.null(), uuid('Course')], { error: 'Choose a course from the list, or none' })
  .optional()
  .transform((s) => (s ? s : null))

/** What the scheduler types; the client is given beside it on create and never changes. */
export const sessionInput = z.strictObject({
  date: isoDate('Date'),
  startTime: z
    .string({ error: 'Start time is required' })
    .trim()
    .regex(CLOCK_TIME_PATTERN, { error: 'Start time should be HH:MM on a 24-hour clock, like 09:00 or 14:30' }),
  durationMinutes: z
    .number({ error: 'Duration must be a number of minutes' })
    .int({ error: 'Duration must be a whole number of minutes' })
    .min(DURATION_MIN, { error: `Duration must be at least ${DURATION_MIN} minutes` })
    .max(DURATION_MAX, { error: `Duration must be at most ${DURATION_MAX} minutes (12 hours)` }),
  kind: sessionKind,
  placeOfService,
  status: sessionStatus.default('scheduled'),
  courseId: optionalCourseId,
  /**
   * The clinician (or owner) the session is billed under. Left out on create: the scheduling
   * clinician, else the owner; left out on update: unchanged. Fixed once the session is charged.
   */
  renderingUserId: z
    .union([z.literal(''), z.null(), uuid('Rendering clinician')], { error: 'Choose a clinician from the list' })
    .optional()
    .transform((s) => (s === undefined ? undefined : s ? s : null))
})
export type SessionInput = z.input<typeof sessionInput>
export type SessionValues = z.output<typeof sessionInput>

/** A session as every role sees it: dates, codes and status, never note content. */
export const session = z.strictObject({
  id: z.string(),
  clientId: z.string(),
  courseId: z.string().nullable(),
  date: z.string(),
  startTime: z.string(),
  durationMinutes: z.int(),
  kind: sessionKind,
  placeOfService,
  status: sessionStatus,
  renderingUserId: z.string().nullable(),
  /** The recurring series it was booked from (series contracts), if any. */
  seriesId: z.string().nullable(),
  createdAt: timestamp,
  updatedAt: timestamp
})
export type Session = z.infer<typeof session>

export const COURSE_WARNING_CODES = ['dosing_too_soon', 'dosing_too_frequent', 'no_preparation', 'integration_missing'] as const

/** A scheduling warning against the course's rules (shared/domain/scheduling.ts). Advice only: it never blocks. */
export const courseWarning = z.strictObject({
  code: z.enum(COURSE_WARNING_CODES),
  /** The session it is about; null for a candidate not saved yet. */
  sessionId: z.string().nullable(),
  message: z.string()
})
export type CourseWarningOut = z.infer<typeof courseWarning>

/** A scheduling call's answer: the saved session and every warning its schedule now raises. */
export const scheduledSession = z.strictObject({ session, warnings: z.array(courseWarning) })
export type ScheduledSession = z.infer<typeof scheduledSession>

/** A note as a timeline shows it: its status, never its content. */
export const noteStatusRow = z.strictObject({
  id: z.string(),
  template: noteTemplate,
  status: z.enum(['draft', 'signed']),
  signedAt: timestamp.nullable()
})
export type NoteStatusRow = z.infer<typeof noteStatusRow>

/** One row of a client's timeline (the chart's Sessions tab), newest first. */
export const timelineRow = session.extend({
  noteStatus: sessionNoteStatus,
  notes: z.array(noteStatusRow)
})
export type TimelineRow = z.infer<typeof timelineRow>

/** One row of the practice agenda (day or week view), in date and time order. */
export const agendaRow = session.extend({
  /** Preferred (else legal first) name and legal last name. */
  clientName: z.string(),
  clientArchived: z.boolean(),
  noteStatus: sessionNoteStatus
})
export type AgendaRow = z.infer<typeof agendaRow>

export const agendaInput = z
  .strictObject({ from: isoDate('From'), to: isoDate('To') })
  .refine((r) => r.to >= r.from, { path: ['to'], error: 'The end date cannot be before the start date' })
  .refine((r) => Date.parse(r.to) - Date.parse(r.from) <= (AGENDA_MAX_DAYS - 1) * 86_400_000, {
    path: ['to'],
    error: `Show at most ${AGENDA_MAX_DAYS} days at a time`
  })
export type AgendaInput = z.input<typeof agendaInput>

const sessionId = uuid('Session ID')

/** "Book anyway" / "Move anyway": save even though the time overlaps (see the 'clash' error). */
const acknowledgeClashes = z.boolean({ error: 'acknowledgeClashes must be true or false' }).optional().default(false)

/**
 * Scheduling. Every role may schedule (the administrator books and bills): these calls carry
 * dates, codes and note status only, never note content.
 */
export const sessionsContracts = {
  /** A client's timeline: every session, newest first, with the status of its notes. */
  list: defineContract('sessions:list', z.strictObject({ clientId: uuid('Client ID') }), z.array(timelineRow), { roles: ANY_ROLE }),
  /** Every client's sessions from `from` to `to` inclusive (a day or a week). */
  agenda: defineContract('sessions:agenda', agendaInput, z.array(agendaRow), { roles: ANY_ROLE }),
  get: defineContract('sessions:get', z.strictObject({ id: sessionId }), timelineRow, { roles: ANY_ROLE }),
  /**
   * Refused for an archived client. Warnings (course rules) come back with the session and never block.
   * An overlap with the client's or the clinician's other sessions is refused with code 'clash' and
   * the clashing sessions in `clashes`, until sent again with acknowledgeClashes: true.
   */
  create: defineContract('sessions:create', z.strictObject({ clientId: uuid('Client ID'), session: sessionInput, acknowledgeClashes }), scheduledSession, {
    roles: ANY_ROLE,
    audit: { action: 'create', entity: 'session', target: (_in, out) => ({ entityId: out.session.id, clientId: out.session.clientId }) }
  }),
  /** Moves, re-codes or changes the status of a session (completed, cancelled, no-show…). A move or resize is clash-checked like create. */
  update: defineContract('sessions:update', z.strictObject({ id: sessionId, session: sessionInput, acknowledgeClashes }), scheduledSession, {
    roles: ANY_ROLE,
    audit: { action: 'update', entity: 'session', target: (_in, out) => ({ entityId: out.session.id, clientId: out.session.clientId }) }
  })
}
