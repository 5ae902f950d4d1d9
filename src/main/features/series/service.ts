/**
 * Recurring sessions: a series row and its sessions, written in dispatch's one transaction through
 * the sessions service (so billing and the course rules see every session as if booked by hand).
 * "This and following" changes skip any session that is completed, no longer scheduled, or has a
 * signed note; cancelling marks sessions cancelled and deletes nothing.
 */
import type { SeriesChangeResult, SeriesValues, SeriesWithSessions, SessionSeries } from '@shared/contracts/series'
import type { Session, TimelineRow } from '@shared/contracts/sessions'
import type { ServiceContext } from '../../context'
import { AppFailure, conflict, notFound } from '../../errors'
import { clashMessage, type Booking } from '../sessions/clashes'
import type { SessionsService } from '../sessions/service'
import { seriesDates } from './dates'
import { createSeriesRepository, type SeriesRow } from './repository'

export const NOT_IN_SERIES_MESSAGE = 'This session is not part of a recurring series.'

const toSeries = (row: SeriesRow): SessionSeries => row as SessionSeries
const stripTimeline = ({ noteStatus: _n, notes: _notes, ...s }: TimelineRow): Session => s

/** Whether a "following" change may touch the session: still only scheduled, and no note of it signed. */
const changeable = (s: TimelineRow) => s.status === 'scheduled' && !s.notes.some((n) => n.status === 'signed')

export function createSeriesService(ctx: ServiceContext, deps: { sessions: SessionsService }) {
  const repo = createSeriesRepository(ctx.db)
  const stamp = () => ctx.now().toISOString()

  const require = (id: string): SeriesRow => {
    const row = repo.findById(id)
    if (!row) throw notFound('That series')
    return row
  }
  const withSessions = (row: SeriesRow): SeriesWithSessions => ({
    series: toSeries(row),
    sessions: repo.sessionIds(row.id).map(({ id }) => stripTimeline(deps.sessions.get(id)))
  })

  /** The session given and every later one of its series, in date order. */
  const following = (sessionId: string): { series: SeriesRow; rows: TimelineRow[] } => {
    const start = deps.sessions.get(sessionId)
    if (!start.seriesId) throw conflict(NOT_IN_SERIES_MESSAGE)
    const series = require(start.seriesId)
    const rows = repo
      .sessionIds(series.id)
      .map(({ id }) => deps.sessions.get(id))
      .filter((s) => s.id === start.id || s.date > start.date || (s.date === start.date && s.startTime >= start.startTime))
    return { series, rows }
  }

  const change = (sessionId: string, edit: (s: TimelineRow) => Partial<Session>, seriesEdit: Partial<SeriesRow> = {}): SeriesChangeResult => {
    const { series, rows } = following(sessionId)
    deps.sessions.requireCurrentClient(series.clientId)
    const changed: Session[] = []
    for (const s of rows.filter(changeable)) {
      const next = { ...s, ...edit(s) }
      const saved = deps.sessions.update(s.id, {
        date: next.date,
        startTime: next.startTime,
        durationMinutes: next.durationMinutes,
        kind: next.kind,
        placeOfService: next.placeOfService,
        status: next.status,
        courseId: next.courseId,
        renderingUserId: undefined
      })
      changed.push(saved.session)
    }
    if (Object.keys(seriesEdit).length > 0) repo.update(series.id, { ...seriesEdit, updatedAt: stamp() })
    return { changed, skipped: rows.length - changed.length }
  }

  return {
    /** Every session of the series is checked for clashes first: one warning lists them all, and nothing is booked until the user says "book anyway". */
    create(clientId: string, values: SeriesValues, acknowledgeClashes = false): SeriesWithSessions {
      deps.sessions.requireCurrentClient(clientId)
      const dates = seriesDates(values.date, values.intervalWeeks, values.end === 'until' ? { until: values.untilDate! } : { count: values.occurrences! })
      if (!acknowledgeClashes) {
        const renderingUserId = deps.sessions.defaultRenderer()
        const booking = (date: string): Booking => ({ id: null, clientId, renderingUserId, date, startTime: values.startTime, durationMinutes: values.durationMinutes, kind: values.kind, status: 'scheduled' })
        const clashes = dates.flatMap((date) => deps.sessions.clashesWith(booking(date)))
        if (clashes.length > 0) throw new AppFailure('clash', clashMessage(clashes.length), undefined, clashes)
      }
      const now = stamp()
      const id = ctx.newId()
      repo.insert({
        id,
        clientId,
        kind: values.kind,
        intervalWeeks: values.intervalWeeks,
        firstDate: values.date,
        untilDate: values.end === 'until' ? values.untilDate : null,
        occurrences: values.end === 'count' ? (values.occurrences ?? null) : null,
        startTime: values.startTime,
        durationMinutes: values.durationMinutes,
        createdAt: now,
        updatedAt: now
      })
      for (const date of dates) {
        const { kind, startTime, durationMinutes, placeOfService, courseId } = values
        deps.sessions.create(clientId, { date, kind, startTime, durationMinutes, placeOfService, courseId, status: 'scheduled', renderingUserId: undefined }, true, id)
      }
      return withSessions(require(id))
    },

    get: (id: string): SeriesWithSessions => withSessions(require(id)),

    updateFollowing(sessionId: string, values: { startTime: string; durationMinutes: number }): SeriesChangeResult {
      return change(sessionId, () => values, values)
    },

    cancelFollowing(sessionId: string): SeriesChangeResult {
      return change(sessionId, () => ({ status: 'cancelled' }))
    }
  }
}
export type SeriesService = ReturnType<typeof createSeriesService>
