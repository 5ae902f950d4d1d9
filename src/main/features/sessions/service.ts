import type { AgendaRow, ScheduledSession, Session, SessionNoteStatus, SessionValues, TimelineRow } from '@shared/contracts/sessions'
import { localToday } from '@shared/domain/dates'
import { PROTOCOL_TEMPLATES, courseWarnings, type CourseWarning } from '@shared/domain/scheduling'
import type { ServiceContext } from '../../context'
import { conflict, invalid, notFound } from '../../errors'
import type { CoursesService } from '../courses/service'
import { toCourseSession } from '../courses/service'
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

    agenda(from: string, to: string): AgendaRow[] {
      const bySession = groupBySession(repo.noteStatusesInRange(from, to))
      return repo.agenda(from, to).map(({ session, clientName, clientArchivedAt }) => ({
        ...toSession(session),
        clientName,
        clientArchived: clientArchivedAt !== null,
        noteStatus: noteStatusOf(bySession.get(session.id) ?? [])
      }))
    },

    get(id: string): TimelineRow {
      return toTimelineRow(require(id), repo.noteStatusesBySession(id))
    },

    create(clientId: string, values: SessionValues): ScheduledSession {
      requireClient(clientId, true)
      if (values.courseId) courses.requireForClient(values.courseId, clientId)
      const now = stamp()
      const id = ctx.newId()
      const { renderingUserId, ...rest } = values
      repo.insert({ ...rest, renderingUserId: renderingUserId === undefined ? defaultRenderer() : renderer(renderingUserId), id, clientId, createdAt: now, updatedAt: now })
      const saved = require(id)
      for (const listener of listeners) listener(null, saved)
      return scheduled(id)
    },

    update(id: string, values: SessionValues): ScheduledSession {
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

    /** For other services. */
    require,
    requireCurrentClient: (clientId: string) => requireClient(clientId, true)
  }
}
export type SessionsService = ReturnType<typeof createSessionsService>
