import type { z } from 'zod'
import type { Course, courseCreateInput, courseUpdateInput, Protocol } from '@shared/contracts/courses'
import { localToday } from '@shared/domain/dates'
import { courseProgress, courseWarnings, type CourseSession, type CourseWarning } from '@shared/domain/scheduling'
import type { ServiceContext } from '../../context'
import { invalid, notFound } from '../../errors'
import type { ClientsService } from '../clients/service'
import { createSessionsRepository, type SessionRow } from '../sessions/repository'
import { createCoursesRepository, type CourseRow } from './repository'

export type CourseCreateValues = z.output<typeof courseCreateInput>
export type CourseUpdateValues = z.output<typeof courseUpdateInput>

export const protocolOf = (row: Pick<CourseRow, 'protocol'>): Protocol => JSON.parse(row.protocol) as Protocol

export const toCourseSession = (s: Pick<SessionRow, 'id' | 'kind' | 'date' | 'status'>): CourseSession => ({
  id: s.id,
  kind: s.kind,
  date: s.date,
  status: s.status
})

/** Treatment courses: a protocol (stored with the course), its progress and its scheduling warnings. */
export function createCoursesService(ctx: ServiceContext, clients: ClientsService) {
  const repo = createCoursesRepository(ctx.db)
  const sessionsRepo = createSessionsRepository(ctx.db, ctx.sqlite)
  const stamp = () => ctx.now().toISOString()
  const today = () => localToday(ctx.now())

  const require = (id: string): CourseRow => {
    const row = repo.findById(id)
    if (!row) throw notFound('That course')
    return row
  }

  /** Warnings for a course's schedule as it stands now. */
  const warningsOf = (row: CourseRow, sessions: readonly SessionRow[]): CourseWarning[] =>
    courseWarnings(protocolOf(row).rules, sessions.map(toCourseSession), undefined, { today: today() })

  const toCourse = (row: CourseRow): Course => {
    const protocol = protocolOf(row)
    const sessions = sessionsRepo.listByCourse(row.id)
    return {
      id: row.id,
      clientId: row.clientId,
      protocol,
      startedOn: row.startedOn,
      status: row.status,
      endedOn: row.endedOn,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      progress: courseProgress(protocol, sessions.map(toCourseSession)),
      warnings: warningsOf(row, sessions)
    }
  }

  const endDate = (values: CourseUpdateValues): string | null => {
    if (values.status === 'active') return null
    const ended = values.endedOn ?? today()
    if (ended < values.startedOn) {
      throw invalid('A course cannot end before it started.', { 'course.endedOn': 'End date cannot be before the start date' })
    }
    return ended
  }

  return {
    list(clientId: string): Course[] {
      clients.requireExisting(clientId)
      return repo.listByClient(clientId).map(toCourse)
    },

    get(id: string): Course {
      return toCourse(require(id))
    },

    create(clientId: string, values: CourseCreateValues): Course {
      clients.requireCurrent(clientId)
      const now = stamp()
      const id = ctx.newId()
      repo.insert({
        id,
        clientId,
        templateKey: values.protocol.key,
        name: values.protocol.name,
        protocol: JSON.stringify(values.protocol),
        startedOn: values.startedOn,
        status: 'active',
        endedOn: null,
        createdAt: now,
        updatedAt: now
      })
      return toCourse(require(id))
    },

    update(id: string, values: CourseUpdateValues): Course {
      const row = require(id)
      clients.requireCurrent(row.clientId)
      repo.update(id, {
        templateKey: values.protocol.key,
        name: values.protocol.name,
        protocol: JSON.stringify(values.protocol),
        startedOn: values.startedOn,
        status: values.status,
        endedOn: endDate(values),
        updatedAt: stamp()
      })
      return toCourse(require(id))
    },

    /** For the sessions service: the course a session may join (it must be this client's). */
    requireForClient(courseId: string, clientId: string): CourseRow {
      const row = repo.findById(courseId)
      if (!row || row.clientId !== clientId) {
        throw invalid('That course is not one of this client’s.', { 'session.courseId': 'Choose one of this client’s courses, or none' })
      }
      return row
    },

    /** The warnings a course's schedule raises now (after a session was saved). */
    warningsFor(courseId: string): CourseWarning[] {
      const row = require(courseId)
      return warningsOf(row, sessionsRepo.listByCourse(courseId))
    }
  }
}
export type CoursesService = ReturnType<typeof createCoursesService>
