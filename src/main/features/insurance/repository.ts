import { and, asc, eq, isNull, ne, sql } from 'drizzle-orm'
import type { Db } from '../../db/connection'
import { insurancePolicies } from '../../db/schema'

export type InsuranceRow = typeof insurancePolicies.$inferSelect
export type NewInsuranceRow = typeof insurancePolicies.$inferInsert

// Primary, secondary, tertiary — the order a claim is billed in, not the alphabet.
const rankOrder = sql`CASE ${insurancePolicies.rank} WHEN 'primary' THEN 0 WHEN 'secondary' THEN 1 ELSE 2 END`

export function createInsuranceRepository(db: Db) {
  return {
    findById: (id: string): InsuranceRow | undefined =>
      db.select().from(insurancePolicies).where(eq(insurancePolicies.id, id)).get(),

    listByClient: (clientId: string, includeArchived: boolean): InsuranceRow[] =>
      db
        .select()
        .from(insurancePolicies)
        .where(and(eq(insurancePolicies.clientId, clientId), includeArchived ? undefined : isNull(insurancePolicies.archivedAt)))
        .orderBy(rankOrder, asc(insurancePolicies.createdAt), asc(insurancePolicies.id))
        .all(),

    /** A current policy of this rank for the client, other than `exceptId`. */
    findCurrentOfRank: (clientId: string, rank: InsuranceRow['rank'], exceptId?: string): InsuranceRow | undefined =>
      db
        .select()
        .from(insurancePolicies)
        .where(
          and(
            eq(insurancePolicies.clientId, clientId),
            eq(insurancePolicies.rank, rank),
            isNull(insurancePolicies.archivedAt),
            exceptId ? ne(insurancePolicies.id, exceptId) : undefined
          )
        )
        .get(),

    insert: (row: NewInsuranceRow): void => {
      db.insert(insurancePolicies).values(row).run()
    },

    update: (id: string, row: Partial<NewInsuranceRow>): void => {
      db.update(insurancePolicies).set(row).where(eq(insurancePolicies.id, id)).run()
    }
  }
}
export type InsuranceRepository = ReturnType<typeof createInsuranceRepository>
