import type { Sqlite } from '../../../src/main/db/connection'
import type { ChainedRow } from '../../../src/main/features/audit/chain'
import type { TestApp } from '../../factories/app'

/** An audit row exactly as stored: the chained fields and their hash. */
export type StoredEntry = ChainedRow

/** Every audit row as stored, in chain order. */
export const storedEntries = (sqlite: Sqlite): StoredEntry[] =>
  sqlite
    .prepare(
      `SELECT seq, id, at, actor_id AS actorId, actor_label AS actorLabel, action, entity, entity_id AS entityId,
              client_id AS clientId, channel, prev_hash AS prevHash, hash
       FROM audit_log ORDER BY seq`
    )
    .all() as StoredEntry[]

/** What a tamperer with the file would do first: take the append-only guard away. */
export const dropGuards = (app: TestApp): void => {
  app.connection.sqlite.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete; DROP TRIGGER audit_log_no_replace;')
}
