import { and, eq, isNull } from 'drizzle-orm'
import type { Db } from '../../db/connection'
import { screeningItems } from '../../db/schema'

export type ScreeningRow = typeof screeningItems.$inferSelect
export type NewScreeningRow = typeof screeningItems.$inferInsert

export function createScreeningRepository(db: Db) {
  return {
    /** The current answer of each item the client has had reviewed. */
    listCurrent: (clientId: string): ScreeningRow[] =>
      db
        .select()
        .from(screeningItems)
        .where(and(eq(screeningItems.clientId, clientId), isNull(screeningItems.supersededAt)))
        .all(),

    findById: (id: string): ScreeningRow | undefined => db.select().from(screeningItems).where(eq(screeningItems.id, id)).get(),

    /** Marks the item's current answer as replaced; the row itself is kept as history. */
    supersedeCurrent: (clientId: string, itemKey: string, at: string): void => {
      db.update(screeningItems)
        .set({ supersededAt: at })
        .where(and(eq(screeningItems.clientId, clientId), eq(screeningItems.itemKey, itemKey), isNull(screeningItems.supersededAt)))
        .run()
    },

    insert: (row: NewScreeningRow): void => {
      db.insert(screeningItems).values(row).run()
    }
  }
}
export type ScreeningRepository = ReturnType<typeof createScreeningRepository>
