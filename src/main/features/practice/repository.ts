import { eq } from 'drizzle-orm'
import type { Db } from '../../db/connection'
import { practice } from '../../db/schema'

export type PracticeRow = typeof practice.$inferSelect
/** The profile is a single row with this fixed key. */
const PRACTICE_ID = 'practice'

export function createPracticeRepository(db: Db) {
  return {
    get: (): PracticeRow | undefined => db.select().from(practice).where(eq(practice.id, PRACTICE_ID)).get(),
    upsert(values: Omit<PracticeRow, 'id' | 'createdAt'>, createdAt: string): void {
      db.insert(practice)
        .values({ ...values, id: PRACTICE_ID, createdAt })
        .onConflictDoUpdate({ target: practice.id, set: values })
        .run()
    }
  }
}
