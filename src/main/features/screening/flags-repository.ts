import { and, eq, isNull } from 'drizzle-orm'
import type { Db, Sqlite } from '../../db/connection'
import { contraindicationAcks, screeningItems } from '../../db/schema'
import type { ContraindicationContext } from '@shared/contracts/screening'

export type AckRow = typeof contraindicationAcks.$inferSelect

const CONTEXT_TABLES = { note: 'notes', course: 'courses', session: 'sessions' } as const

export function createFlagsRepository(db: Db, sqlite: Sqlite) {
  const owner = {
    note: sqlite.prepare(`SELECT client_id FROM ${CONTEXT_TABLES.note} WHERE id = ?`).pluck(),
    course: sqlite.prepare(`SELECT client_id FROM ${CONTEXT_TABLES.course} WHERE id = ?`).pluck(),
    session: sqlite.prepare(`SELECT client_id FROM ${CONTEXT_TABLES.session} WHERE id = ?`).pluck()
  }
  return {
    /** The current "yes" answers of a client's checklist. */
    currentYes: (clientId: string) =>
      db
        .select()
        .from(screeningItems)
        .where(and(eq(screeningItems.clientId, clientId), isNull(screeningItems.supersededAt), eq(screeningItems.answer, 'yes')))
        .all(),

    acks: (context: ContraindicationContext): AckRow[] =>
      db.select().from(contraindicationAcks).where(and(eq(contraindicationAcks.context, context.kind), eq(contraindicationAcks.contextId, context.id))).all(),

    /** Whose record the note, course or session is; undefined when there is none. */
    clientOf: (context: ContraindicationContext) => owner[context.kind].get(context.id) as string | undefined,

    insert: (row: AckRow): void => {
      db.insert(contraindicationAcks).values(row).run()
    }
  }
}
