import { and, eq, inArray, isNull } from 'drizzle-orm'
import type { Db } from '../../db/connection'
import { clients, courses, sessions } from '../../db/schema'
import { clientNameSql } from '../sessions/repository'

export function createDashboardRepository(db: Db) {
  return {
    /** Dosing and booster sessions that happened or are booked, of current clients still in care. */
    activeDosings: () =>
      db
        .select({ clientId: sessions.clientId, courseId: sessions.courseId, date: sessions.date, status: sessions.status })
        .from(sessions)
        .innerJoin(clients, eq(clients.id, sessions.clientId))
        .where(
          and(
            inArray(sessions.kind, ['dosing', 'booster']),
            inArray(sessions.status, ['scheduled', 'completed']),
            isNull(clients.archivedAt),
            inArray(clients.status, ['active', 'maintenance'])
          )
        )
        .all(),

    /** Courses not stopped, of current clients still in care, with the client's name. */
    courses: () =>
      db
        .select({
          id: courses.id,
          clientId: courses.clientId,
          clientName: clientNameSql,
          name: courses.name,
          status: courses.status,
          protocol: courses.protocol
        })
        .from(courses)
        .innerJoin(clients, eq(clients.id, courses.clientId))
        .where(and(inArray(courses.status, ['active', 'completed']), isNull(clients.archivedAt), inArray(clients.status, ['active', 'maintenance'])))
        .all()
  }
}
