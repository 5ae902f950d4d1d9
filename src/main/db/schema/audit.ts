import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { AUDIT_ACTIONS, AUDIT_ENTITIES } from '../../../shared/domain/audit'

/**
 * The audit log: append-only and hash-chained. Each row's `hash` is SHA-256 over its own fields
 * and `prev_hash`, the hash of the row before (64 zeros for the first), so an edited, deleted or
 * moved row breaks the chain (features/audit/chain.ts). Triggers in the `audit_log_append_only`
 * migration refuse UPDATE, DELETE and an INSERT OR REPLACE over a row. A migration that ever
 * rebuilds this table must recreate them.
 *
 * No PHI here: IDs, action and record-type names, the channel, a time. `client_id` is kept without
 * a foreign key so the log never depends on, or blocks, the rows it describes.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    /** The position in the chain; AUTOINCREMENT so a number is never reused, even after the last row. */
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    id: text('id').notNull(),
    /** ISO-8601 UTC. */
    at: text('at').notNull(),
    /** The signed-in user, once users exist; null until then. */
    actorId: text('actor_id'),
    /** Who acted as shown to the owner ('local' before users exist). */
    actorLabel: text('actor_label').notNull(),
    action: text('action', { enum: AUDIT_ACTIONS }).notNull(),
    entity: text('entity', { enum: AUDIT_ENTITIES }).notNull(),
    entityId: text('entity_id'),
    /** The chart the record belongs to, for the owner's "everything about this client" filter. */
    clientId: text('client_id'),
    /** The IPC call, e.g. "clients:update". */
    channel: text('channel').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull()
  },
  (t) => [
    uniqueIndex('audit_log_id_uq').on(t.id),
    index('audit_log_client_idx').on(t.clientId, t.seq),
    index('audit_log_at_idx').on(t.at)
  ]
)
