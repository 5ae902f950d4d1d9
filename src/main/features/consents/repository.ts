import { desc, eq } from 'drizzle-orm'
import type { Db } from '../../db/connection'
import { consents } from '../../db/schema'

export type ConsentRow = typeof consents.$inferSelect
export type NewConsentRow = typeof consents.$inferInsert

export function createConsentsRepository(db: Db) {
  return {
    findById: (id: string): ConsentRow | undefined => db.select().from(consents).where(eq(consents.id, id)).get(),

    /** Newest signature first; same-day signatures by when they were entered. */
    listByClient: (clientId: string): ConsentRow[] =>
      db
        .select()
        .from(consents)
        .where(eq(consents.clientId, clientId))
        .orderBy(desc(consents.signedOn), desc(consents.createdAt), desc(consents.id))
        .all(),

    insert: (row: NewConsentRow): void => {
      db.insert(consents).values(row).run()
    },

    update: (id: string, row: Partial<NewConsentRow>): void => {
      db.update(consents).set(row).where(eq(consents.id, id)).run()
    }
  }
}
export type ConsentsRepository = ReturnType<typeof createConsentsRepository>
