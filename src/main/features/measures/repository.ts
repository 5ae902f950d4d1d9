import { and, asc, eq, gte, inArray, isNull, lte } from 'drizzle-orm'
import type { Db } from '../../db/connection'
import { clients, measures, notes, sessions } from '../../db/schema'
import { clientNameSql } from '../sessions/repository'

export type MeasureRowDb = typeof measures.$inferSelect
export type NewMeasureRow = typeof measures.$inferInsert

export function createMeasuresRepository(db: Db) {
  return {
    findById: (id: string): MeasureRowDb | undefined => db.select().from(measures).where(eq(measures.id, id)).get(),

    /** A client's measures that count (not voided), oldest first. */
    listByClient: (clientId: string): MeasureRowDb[] =>
      db
        .select()
        .from(measures)
        .where(and(eq(measures.clientId, clientId), isNull(measures.voidedAt)))
        .orderBy(asc(measures.administeredOn), asc(measures.createdAt), asc(measures.id))
        .all(),

    /** Dates of the client's completed dosing and booster sessions, oldest first. */
    dosingDates: (clientId: string): string[] =>
      db
        .selectDistinct({ date: sessions.date })
        .from(sessions)
        .where(and(eq(sessions.clientId, clientId), inArray(sessions.kind, ['dosing', 'booster']), eq(sessions.status, 'completed')))
        .orderBy(asc(sessions.date))
        .all()
        .map((r) => r.date),

    sessionOf: (id: string) => db.select({ id: sessions.id, clientId: sessions.clientId }).from(sessions).where(eq(sessions.id, id)).get(),
    noteOf: (id: string) =>
      db.select({ id: notes.id, clientId: notes.clientId, sessionId: notes.sessionId }).from(notes).where(eq(notes.id, id)).get(),

    /** Open safety flags given from `since` to `until`, newest first, for the dashboard. */
    openSafetyFlags: (since: string, until: string) =>
      db
        .select({
          measureId: measures.id,
          clientId: measures.clientId,
          clientName: clientNameSql,
          administeredOn: measures.administeredOn,
          noteId: measures.noteId,
          sessionId: measures.sessionId
        })
        .from(measures)
        .innerJoin(clients, eq(clients.id, measures.clientId))
        .where(and(eq(measures.safetyFlag, true), isNull(measures.voidedAt), isNull(measures.acknowledgedAt), gte(measures.administeredOn, since), lte(measures.administeredOn, until)))
        .orderBy(asc(measures.administeredOn), asc(measures.createdAt))
        .all()
        .toReversed(),

    insert: (row: NewMeasureRow): void => {
      db.insert(measures).values(row).run()
    },

    update: (id: string, row: Partial<NewMeasureRow>): void => {
      db.update(measures).set(row).where(eq(measures.id, id)).run()
    }
  }
}
export type MeasuresRepository = ReturnType<typeof createMeasuresRepository>
