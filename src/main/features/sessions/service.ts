import type { SessionClash } from '@shared/contracts'
import type { AgendaRow, ScheduledSession, Session, SessionNoteStatus, SessionValues, TimelineRow } from '@shared/contracts/sessions'
import { localToday } from '@shared/domain/dates'
import { PROTOCOL_TEMPLATES, courseWarnings, type CourseWarning } from '@shared/domain/scheduling'
import type { ServiceContext } from '../../context'
import { conflict, invalid, notFound } from '../../errors'
import type { CoursesService } from '../courses/service'
import { toCourseSession } from '../courses/service'
import { AppFailure } from '../../errors'
import { clashMessage, clashWindow, findClashes, holdsTime, type Booking } from './clashes'
import { createSessionsRepository, type NoteStatusOf, type SessionRow } from './repository'

export const ARCHIVED_CLIENT_MESSAGE = 'This client is archived. Restore the client before scheduling or changing sessions.'
export const SIGNED_SESSION_MESSAGE = 'This session has a signed note, so its date and kind cannot change. Cancel it and book a new one instead.'

/** Without a course, a session is checked for dosing spacing only, against the standard rules. */
const STANDARD_RULES = PROTOCOL_TEMPLATES[0]!.rules
const SPACING_CODES: ReadonlySet<CourseWarning['code']> = new Set(['dosing_too_soon', 'dosing_too_frequent'])

const toSession = (row: SessionRow): Session => row as Session

/** Draft while any note is unsigned; signed once every note is; none before the first note. */
export function noteStatusOf(notes: readonly Pick<NoteStatusOf, 'signedAt'>[]): SessionNoteStatus {
  if (notes.length === 0) return 'none'
  return notes.some((n) => n.signedAt === null) ? 'draft' : 'signed'
}

const groupBySession = (notes: readonly NoteStatusOf[]) => {
  const bySession = new Map<string, NoteStatusOf[]>()
  for (const n of notes) {
    const list = bySession.get(n.sessionId)
    if (list) list.push(n)
    else bySession.set(n.sessionId, [n])
  }
  return bySession
}

const toTimelineRow = (row: SessionRow, notes: readonly NoteStatusOf[]): TimelineRow => ({
  ...toSession(row),
  noteStatus: noteStatusOf(notes),
  notes: notes.map((n) => ({ id: n.id, template: n.template, status: n.signedAt ? 'signed' : 'draft', signedAt: n.signedAt }))
})

/**
 * Scheduling. Open to every role: rows carry dates, codes and note status, never note content.
 * Warnings (shared/domain/scheduling courseWarnings) are computed after the write and never block.
 */
/** Told of every saved session (before: null on create), inside the same transaction: billing creates or voids charges. `channel` names the call when it is not sessions:create/update. */
export type SessionListener = (before: SessionRow | null, after: SessionRow, channel?: string) => void

export const RENDERING_USER_MESSAGE = 'Choose an active clinician or the owner as the rendering clinician'
export const CHARGED_RENDERER_MESSAGE = 'The rendering clinician cannot change once the session is charged. Void its charges first.'

const NEVER_CHARGED = (_sessionId: string): boolean => false

export function createSessionsService(ctx: ServiceContext, courses: CoursesService) {
  const repo = createSessionsRepository(ctx.db, ctx.sqlite)
  const stamp = () => ctx.now().toISOString()
  const listeners: SessionListener[] = []
  /** Set by billing: whether the session has live charges (then its rendering clinician is fixed). */
  let isCharged: (sessionId: string) => boolean = NEVER_CHARGED

  const renderer = (userId: string | null): string | null => {
    if (userId === null) return null
    if (!repo.isRenderingUser(userId)) throw conflict(RENDERING_USER_MESSAGE, { 'session.renderingUserId': RENDERING_USER_MESSAGE })
    return userId
  }
  /** The scheduling clinician (or owner), else the practice's owner, else nobody. */
  const defaultRenderer = (): string | null => {
    const actor = ctx.actor()
    if (actor.id && (actor.role === 'clinician' || actor.role === 'owner') && repo.isRenderingUser(actor.id)) return actor.id
    return repo.ownerUserId() ?? null
  }

  const require = (id: string): SessionRow => {
    const row = repo.findById(id)
    if (!row) throw notFound('That session')
    return row
  }

  const requireClient = (clientId: string, current: boolean): void => {
    const state = repo.clientState(clientId)
    if (!state) throw notFound('That client')
    if (current && state.archivedAt) throw invalid(ARCHIVED_CLIENT_MESSAGE)
  }

  /** The course's warnings, or (without one) dosing spacing across all the client's sessions. */
  const warningsFor = (row: SessionRow): CourseWarning[] => {
    if (row.courseId) return courses.warningsFor(row.courseId)
    return courseWarnings(STANDARD_RULES, repo.listByClient(row.clientId).map(toCourseSession), undefined, {
      today: localToday(ctx.now())
    }).filter((w) => SPACING_CODES.has(w.code))
  }

  /** The stored sessions (and any `unsaved` proposals) a booking would clash with (clashes.ts). */
  const clashesWith = (candidate: Booking, unsaved: readonly Booking[] = []): SessionClash[] => {
    const { from, to } = clashWindow(candidate.date)
    return findClashes(candidate, [...repo.clashCandidates(from, to, candidate.clientId, candidate.renderingUserId), ...unsaved])
  }

  /** Refuses an overlapping booking with a 'clash' error listing the sessions, unless the user said "book anyway". */
  const checkClashes = (candidate: Booking, acknowledged: boolean): void => {
    if (acknowledged) return
    const clashes = clashesWith(candidate)
    if (clashes.length > 0) throw new AppFailure('clash', clashMessage(clashes.length), undefined, clashes)
  }

  const scheduled = (id: string): ScheduledSession => {
    const row = require(id)
    return { session: toSession(row), warnings: warningsFor(row) }
  }

  return {
    /** A client's timeline, newest first, with each session's note status. */
    list(clientId: string): TimelineRow[] {
      requireClient(clientId, false)
      const bySession = groupBySession(repo.noteStatusesByClient(clientId))
      return repo.listByClient(clientId).map((row) => toTimelineRow(row, bySession.get(row.id) ?? []))
    },

    /** The practice's sessions from `from` to `to` (the time grid's week or month, the list, the dashboard's today). */
    agenda(from: string, to: string): AgendaRow[] {
      return repo.agenda(from, to).map((row) => ({ ...row, clientArchived: row.clientArchived === 1 }))
    },

    get(id: string): TimelineRow {
      return toTimelineRow(require(id), repo.noteStatusesBySession(id))
    },

    /**
     * With `acknowledgeClashes`, an overlap with the client's or clinician's other sessions is
     * booked anyway. `seriesId`: set by the series service for the sessions it books.
     */
    create(clientId: string, values: SessionValues, acknowledgeClashes = false, seriesId: string | null = null): ScheduledSession {
      requireClient(clientId, true)
      if (values.courseId) courses.requireForClient(values.courseId, clientId)
      const now = stamp()
      const id = ctx.newId()
      const { renderingUserId, ...rest } = values
      const nextRenderer = renderingUserId === undefined ? defaultRenderer() : renderer(renderingUserId)
      checkClashes({ ...rest, id: null, clientId, renderingUserId: nextRenderer }, acknowledgeClashes)
      repo.insert({ ...rest, renderingUserId: nextRenderer, seriesId, id, clientId, createdAt: now, updatedAt: now })
      const saved = require(id)
      for (const listener of listeners) listener(null, saved)
      return scheduled(id)
    },

    /** A move, resize or change of clinician is checked for clashes like a booking (a status change alone is not). */
    update(id: string, values: SessionValues, acknowledgeClashes = false): ScheduledSession {
      const row = require(id)
      requireClient(row.clientId, true)
      if (values.courseId) courses.requireForClient(values.courseId, row.clientId)
      if ((values.date !== row.date || values.kind !== row.kind) && repo.noteStatusesBySession(id).some((n) => n.signedAt !== null)) {
        throw invalid(SIGNED_SESSION_MESSAGE, {
          ...(values.date !== row.date ? { 'session.date': 'The date cannot change once a note of this session is signed' } : {}),
          ...(values.kind !== row.kind ? { 'session.kind': 'The kind cannot change once a note of this session is signed' } : {})
        })
      }
      const { renderingUserId, ...rest } = values
      const nextRenderer = renderingUserId === undefined ? row.renderingUserId : renderer(renderingUserId)
      if (nextRenderer !== row.renderingUserId && isCharged(id)) {
        throw conflict(CHARGED_RENDERER_MESSAGE, { 'session.renderingUserId': 'The rendering clinician cannot change once the session is charged' })
      }
      const moved =
        values.date !== row.date ||
        values.startTime !== row.startTime ||
        values.durationMinutes !== row.durationMinutes ||
        nextRenderer !== row.renderingUserId ||
        !holdsTime(row.status)
      if (moved) checkClashes({ ...rest, id, clientId: row.clientId, renderingUserId: nextRenderer }, acknowledgeClashes)
      repo.update(id, { ...rest, renderingUserId: nextRenderer, updatedAt: stamp() })
      const saved = require(id)
      for (const listener of listeners) listener(row, saved)
      return scheduled(id)
    },

    /** Signing a note completes its session (listeners run: billing charges it). */
    markCompleted(id: string): void {
      const row = require(id)
      if (row.status === 'completed') return
      repo.update(id, { status: 'completed', updatedAt: stamp() })
      const saved = require(id)
      for (const listener of listeners) listener(row, saved, 'notes:sign')
    },

    /** Billing listens here; runs in the caller's transaction, so a failed listener undoes the save. */
    onSaved(listener: SessionListener): void {
      listeners.push(listener)
    },
    chargedBy(check: (sessionId: string) => boolean): void {
      isCharged = check
    },

    /** The clinician a new session is billed under when none is chosen, and the time already taken around them. */
    defaultRenderer,
    busyBetween: (from: string, to: string, renderingUserId: string | null, clientId: string) => repo.busyBetween(from, to, renderingUserId, clientId),

    /** For other services. */
    require,
    /**
     * For booking several sessions at once (a course, a series): what a proposal clashes with,
     * stored sessions and the other `unsaved` proposals alike. Proposals carry id null, so a
     * clash with one of them has sessionId ''.
     */
    clashesWith,
    requireCurrentClient: (clientId: string) => requireClient(clientId, true)
  }
}
export type SessionsService = ReturnType<typeof createSessionsService>
