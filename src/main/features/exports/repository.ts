import { asc, isNotNull, and, eq } from 'drizzle-orm'
import type { Db } from '../../db/connection'
import { clients, screeningItems } from '../../db/schema'

export function createExportsRepository(db: Db) {
  return {
    /** Every client, archived included, in a stable order (name, then ID). */
    allClientIds: (): string[] =>
      db
        .select({ id: clients.id })
        .from(clients)
        .orderBy(asc(clients.legalLastName), asc(clients.legalFirstName), asc(clients.id))
        .all()
        .map((r) => r.id),

    /** Screening answers that were later replaced, oldest first: the history behind the current answers. */
    screeningHistory: (clientId: string) =>
      db
        .select()
        .from(screeningItems)
        .where(and(eq(screeningItems.clientId, clientId), isNotNull(screeningItems.supersededAt)))
        .orderBy(asc(screeningItems.itemKey), asc(screeningItems.createdAt), asc(screeningItems.id))
        .all()
  }
}
