import { and, asc, count, desc, eq, isNotNull, isNull } from 'drizzle-orm'
import type { Db } from '../../db/connection'
import { diagnoses } from '../../db/schema'

export type DiagnosisRow = typeof diagnoses.$inferSelect
export type NewDiagnosisRow = typeof diagnoses.$inferInsert

export function createDiagnosesRepository(db: Db) {
  return {
    findById: (id: string): DiagnosisRow | undefined => db.select().from(diagnoses).where(eq(diagnoses.id, id)).get(),

    /** The client's current diagnoses, A first. */
    listCurrent: (clientId: string): DiagnosisRow[] =>
      db
        .select()
        .from(diagnoses)
        .where(and(eq(diagnoses.clientId, clientId), isNull(diagnoses.removedAt)))
        .orderBy(asc(diagnoses.position), asc(diagnoses.addedAt))
        .all(),

    /** Removed diagnoses, most recently removed first. */
    listRemoved: (clientId: string): DiagnosisRow[] =>
      db
        .select()
        .from(diagnoses)
        .where(and(eq(diagnoses.clientId, clientId), isNotNull(diagnoses.removedAt)))
        .orderBy(desc(diagnoses.removedAt), asc(diagnoses.id))
        .all(),

    countCurrent: (clientId: string): number =>
      db
        .select({ n: count() })
        .from(diagnoses)
        .where(and(eq(diagnoses.clientId, clientId), isNull(diagnoses.removedAt)))
        .get()?.n ?? 0,

    findCurrentByCode: (clientId: string, code: string): DiagnosisRow | undefined =>
      db
        .select()
        .from(diagnoses)
        .where(and(eq(diagnoses.clientId, clientId), eq(diagnoses.code, code), isNull(diagnoses.removedAt)))
        .get(),

    insert: (row: NewDiagnosisRow): void => {
      db.insert(diagnoses).values(row).run()
    },

    update: (id: string, row: Partial<NewDiagnosisRow>): void => {
      db.update(diagnoses).set(row).where(eq(diagnoses.id, id)).run()
    }
  }
}
export type DiagnosesRepository = ReturnType<typeof createDiagnosesRepository>
