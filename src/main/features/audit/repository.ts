import type Database from 'better-sqlite3-multiple-ciphers'
import { and, count, desc, eq, gte, lt, type SQL } from 'drizzle-orm'
import type { AuditListQuery } from '@shared/contracts/audit'
import type { AuditEntity } from '@shared/domain/audit'
import type { Db, Sqlite } from '../../db/connection'
import { auditLog, clients } from '../../db/schema'
import type { ChainedRow } from './chain'

export type AuditRow = typeof auditLog.$inferSelect
type Statement = Database.Statement<unknown[]>

/** What the viewer sees: every column but the two hashes. */
const entryColumns = {
  seq: auditLog.seq,
  id: auditLog.id,
  at: auditLog.at,
  actorId: auditLog.actorId,
  actorLabel: auditLog.actorLabel,
  action: auditLog.action,
  entity: auditLog.entity,
  entityId: auditLog.entityId,
  clientId: auditLog.clientId,
  channel: auditLog.channel
}

/** "Last, First" as the client list sorts; a mononym (empty first name) is just the one name. */
const clientNameOf = (last: string | null, first: string | null): string | null =>
  last === null ? null : [last, first].filter((part) => part?.trim()).join(', ')

const CHAIN_COLUMNS = `seq, id, at, actor_id AS actorId, actor_label AS actorLabel, action, entity, entity_id AS entityId,
  client_id AS clientId, channel, prev_hash AS prevHash, hash`

/** The table holding each kind of record that belongs to a client, to find its client from its ID. */
const CLIENT_OWNED: Partial<Record<AuditEntity, string>> = {
  insurance_policy: 'insurance_policies',
  diagnosis: 'diagnoses',
  screening_item: 'screening_items',
  consent: 'consents',
  session: 'sessions',
  course: 'courses',
  note: 'notes',
  addendum: 'note_addenda',
  measure: 'measures',
  charge: 'charges',
  adjustment: 'adjustments',
  sliding_scale: 'sliding_scales',
  invoice: 'invoices',
  payment: 'payments',
  document: 'documents'
}

export const APPEND_ONLY_TRIGGERS = ['audit_log_no_update', 'audit_log_no_delete', 'audit_log_no_replace'] as const

/**
 * The append path is raw better-sqlite3 statements prepared once per connection (an entry is
 * written on every audited call); the owner's list goes through drizzle.
 */
export function createAuditRepository(db: Db, sqlite: Sqlite) {
  const prepared = new Map<string, Statement>()
  const stmt = (source: string): Statement => {
    let s = prepared.get(source)
    if (!s) {
      s = sqlite.prepare<unknown[]>(source)
      prepared.set(source, s)
    }
    return s
  }

  return {
    insert(row: ChainedRow): void {
      stmt(
        `INSERT INTO audit_log (seq, id, at, actor_id, actor_label, action, entity, entity_id, client_id, channel, prev_hash, hash)
         VALUES (@seq, @id, @at, @actorId, @actorLabel, @action, @entity, @entityId, @clientId, @channel, @prevHash, @hash)`
      ).run(row)
    },

    /** The last entry's position and hash. */
    last: (): { seq: number; hash: string } | undefined =>
      stmt('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined,

    /** The highest seq ever handed out, kept by SQLite's AUTOINCREMENT even when the last rows are gone. */
    highWater: (): number =>
      (stmt("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'").pluck().get() as number | undefined) ?? 0,

    /** Changes whenever another connection commits to the database (not this one's own commits). */
    dataVersion: (): number => stmt('PRAGMA data_version').pluck().get() as number,

    /** Every entry in chain order, as a cursor. */
    chain: (): IterableIterator<ChainedRow> => stmt(`SELECT ${CHAIN_COLUMNS} FROM audit_log ORDER BY seq`).iterate() as IterableIterator<ChainedRow>,

    seqOfHash: (hash: string): number | undefined =>
      stmt('SELECT seq FROM audit_log WHERE hash = ? LIMIT 1').pluck().get(hash) as number | undefined,

    /** The client a record belongs to; null when the record is not found or belongs to no client. */
    clientIdOf(entity: AuditEntity, id: string | null): string | null {
      const table = CLIENT_OWNED[entity]
      if (!table || id === null) return null
      return (stmt(`SELECT client_id FROM "${table}" WHERE id = ?`).pluck().get(id) as string | undefined) ?? null
    },

    /** True when both append-only triggers are in place. */
    guarded: (): boolean =>
      (stmt("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log' AND name IN (?, ?, ?)")
        .pluck()
        .get(...APPEND_ONLY_TRIGGERS) as number) === APPEND_ONLY_TRIGGERS.length,

    /** A page of entries, newest first. */
    list(q: AuditListQuery) {
      const conditions: (SQL | undefined)[] = [
        q.clientId ? eq(auditLog.clientId, q.clientId) : undefined,
        q.action ? eq(auditLog.action, q.action) : undefined,
        q.entity ? eq(auditLog.entity, q.entity) : undefined,
        q.actorId ? eq(auditLog.actorId, q.actorId) : undefined,
        q.actorLabel ? eq(auditLog.actorLabel, q.actorLabel) : undefined,
        q.from ? gte(auditLog.at, q.from) : undefined,
        q.to ? lt(auditLog.at, q.to) : undefined
      ]
      const where = and(...conditions)
      const offset = q.page * q.pageSize
      const rows = db
        .select({ ...entryColumns, clientLast: clients.legalLastName, clientFirst: clients.legalFirstName })
        .from(auditLog)
        .leftJoin(clients, eq(clients.id, auditLog.clientId))
        .where(where)
        .orderBy(desc(auditLog.seq))
        .limit(q.pageSize)
        .offset(offset)
        .all()
        .map(({ clientLast, clientFirst, ...entry }) => ({ ...entry, clientName: clientNameOf(clientLast, clientFirst) }))
      // A short page is the last one: its count is known without a second pass.
      const total =
        rows.length < q.pageSize && (rows.length > 0 || offset === 0)
          ? offset + rows.length
          : (db.select({ n: count() }).from(auditLog).where(where).get()?.n ?? 0)
      return { rows, total }
    }
  }
}
export type AuditRepository = ReturnType<typeof createAuditRepository>
