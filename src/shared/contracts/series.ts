import { z } from 'zod'
import { ANY_ROLE } from '../domain/roles'
import { defineContract } from './contract'
import { optionalIsoDate, timestamp, uuid } from './fields'
import { session, sessionInput } from './sessions'

/** The kinds a series may repeat: the weekly talking sessions, never a dosing. */
export const SERIES_KINDS = ['integration', 'psychotherapy'] as const
export const SERIES_MAX_SESSIONS = 52
export const SERIES_INTERVALS = [1, 2] as const
export const SERIES_INTERVAL_LABELS: Record<(typeof SERIES_INTERVALS)[number], string> = { 1: 'Every week', 2: 'Every 2 weeks' }

const countMessage = `Give a number of sessions from 2 to ${SERIES_MAX_SESSIONS}`

/**
 * A recurring series as the scheduler types it: the first session (the session form's fields), how
 * often, and one end — a last date or a number of sessions.
 */
export const seriesInput = sessionInput
  .pick({ date: true, startTime: true, durationMinutes: true, placeOfService: true, courseId: true })
  .extend({
    kind: z.enum(SERIES_KINDS, { error: 'A series repeats integration or psychotherapy sessions' }),
    intervalWeeks: z.union([z.literal(1), z.literal(2)], { error: 'Choose every week or every 2 weeks' }),
    end: z.enum(['count', 'until'], { error: 'Choose how the series ends' }),
    untilDate: optionalIsoDate('Last date'),
    occurrences: z.int({ error: countMessage }).min(2, { error: countMessage }).max(SERIES_MAX_SESSIONS, { error: countMessage }).nullish()
  })
  .superRefine((s, ctx) => {
    if (s.end === 'until') {
      if (!s.untilDate) ctx.addIssue({ code: 'custom', path: ['untilDate'], message: 'Give the last date of the series' })
      else if (s.untilDate <= s.date) ctx.addIssue({ code: 'custom', path: ['untilDate'], message: 'The last date must be after the first session' })
    } else if (s.occurrences == null) ctx.addIssue({ code: 'custom', path: ['occurrences'], message: countMessage })
  })
export type SeriesInput = z.input<typeof seriesInput>
export type SeriesValues = z.output<typeof seriesInput>

export const sessionSeries = z.strictObject({
  id: z.string(),
  clientId: z.string(),
  kind: z.enum(SERIES_KINDS),
  intervalWeeks: z.int(),
  firstDate: z.string(),
  untilDate: z.string().nullable(),
  occurrences: z.int().nullable(),
  startTime: z.string(),
  durationMinutes: z.int(),
  createdAt: timestamp,
  updatedAt: timestamp
})
export type SessionSeries = z.infer<typeof sessionSeries>

export const seriesWithSessions = z.strictObject({ series: sessionSeries, sessions: z.array(session) })
export type SeriesWithSessions = z.infer<typeof seriesWithSessions>

/** What "this and all following" changed, and how many it left alone (completed, signed or already cancelled). */
export const seriesChangeResult = z.strictObject({ changed: z.array(session), skipped: z.int() })
export type SeriesChangeResult = z.infer<typeof seriesChangeResult>

export const seriesFollowingChange = sessionInput.pick({ startTime: true, durationMinutes: true })

const sessionId = uuid('Session ID')
const auditFirst = (_in: unknown, out: { changed: { id: string; clientId: string }[] }) => ({ entityId: out.changed[0]?.id ?? null, clientId: out.changed[0]?.clientId ?? null })

/**
 * Recurring sessions. Editing one session of a series is sessions:update; these calls change the
 * session given and every later one of its series, skipping any completed or with a signed note.
 */
export const seriesContracts = {
  create: defineContract(
    'series:create',
    z.strictObject({
      clientId: uuid('Client ID'),
      series: seriesInput,
      /** "Book anyway": the series is booked although some of its sessions overlap others of the client or clinician. */
      acknowledgeClashes: z.boolean({ error: 'Choose whether to book anyway' }).default(false)
    }),
    seriesWithSessions,
    {
    roles: ANY_ROLE,
    audit: { action: 'create', entity: 'session', target: (_in, out) => ({ entityId: out.sessions[0]?.id ?? null, clientId: out.series.clientId }) }
    }
  ),
  get: defineContract('series:get', z.strictObject({ id: uuid('Series ID') }), seriesWithSessions, { roles: ANY_ROLE }),
  /** New start time and length for this session and every following one. */
  updateFollowing: defineContract('series:updateFollowing', z.strictObject({ sessionId, change: seriesFollowingChange }), seriesChangeResult, {
    roles: ANY_ROLE,
    audit: { action: 'update', entity: 'session', target: auditFirst }
  }),
  /** Marks this session and every following one cancelled (nothing is deleted). */
  cancelFollowing: defineContract('series:cancelFollowing', z.strictObject({ sessionId }), seriesChangeResult, {
    roles: ANY_ROLE,
    audit: { action: 'update', entity: 'session', target: auditFirst }
  })
}
