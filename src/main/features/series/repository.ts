import { asc, eq } from 'drizzle-orm'
import type { Db } from '../../db/connection'
import { sessions, sessionSeries } from '../../db/schema'

export type SeriesRow = typeof sessionSeries.$inferSelect
export type NewSeriesRow = typeof sessionSeries.$inferInsert

export function createSeriesRepository(db: Db) {
  return {
    findById: (id: string): SeriesRow | undefined => db.select().from(sessionSeries).where(eq(sessionSeries.id, id)).get(),

    /** The series' sessions in date order. */
    sessionIds: (seriesId: string): { id: string; date: string }[] =>
      db.select({ id: sessions.id, date: sessions.date }).from(sessions).where(eq(sessions.seriesId, seriesId)).orderBy(asc(sessions.date), asc(sessions.startTime)).all(),

    insert: (row: NewSeriesRow): void => {
      db.insert(sessionSeries).values(row).run()
    },

    update: (id: string, row: Partial<NewSeriesRow>): void => {
      db.update(sessionSeries).set(row).where(eq(sessionSeries.id, id)).run()
    }
  }
}
