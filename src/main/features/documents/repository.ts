/** SQL for stored documents and their counters (drizzle/0012_documents.sql holds the triggers). */
import type { Statement } from 'better-sqlite3-multiple-ciphers'
import type { DocumentKind } from '@shared/domain/documents'
import type { Sqlite } from '../../db/connection'

export interface DocumentRow {
  id: string
  number: string
  kind: DocumentKind
  year: number
  seq: number
  clientId: string
  periodFrom: string
  periodTo: string
  snapshot: string
  sha256: string
  totalCents: number
  createdAt: string
  createdBy: string
  voidedAt: string | null
  voidedBy: string | null
  voidReason: string | null
  createdByName: string
  voidedByName: string | null
}

/** Who made or voided it, by name where the actor is a user ("local" for scripts). */
const nameOf = (column: string) => `COALESCE((SELECT u.display_name FROM users u WHERE u.id = d.${column}), d.${column})`
const SELECT = `SELECT d.id, d.number, d.kind, d.year, d.seq, d.client_id AS clientId, d.period_from AS periodFrom, d.period_to AS periodTo, d.snapshot,
  d.sha256, d.total_cents AS totalCents, d.created_at AS createdAt, d.created_by AS createdBy, ${nameOf('created_by')} AS createdByName,
  d.voided_at AS voidedAt, d.voided_by AS voidedBy, ${nameOf('voided_by')} AS voidedByName, d.void_reason AS voidReason
  FROM documents d`

export function createDocumentsRepository(sqlite: Sqlite) {
  const cache = new Map<string, Statement>()
  const stmt = (sql: string): Statement => {
    let s = cache.get(sql)
    if (!s) {
      s = sqlite.prepare(sql)
      cache.set(sql, s)
    }
    return s
  }
  return {
    /** Takes the next number of a kind and year; rolled back with the transaction, so a failed document burns none. */
    nextSeq: (kind: DocumentKind, year: number): number =>
      stmt('INSERT INTO document_counters (kind, year, last) VALUES (?, ?, 1) ON CONFLICT (kind, year) DO UPDATE SET last = last + 1 RETURNING last')
        .pluck()
        .get(kind, year) as number,
    insert: (row: Omit<DocumentRow, 'voidedAt' | 'voidedBy' | 'voidReason' | 'createdByName' | 'voidedByName'>) =>
      stmt(
        `INSERT INTO documents (id, number, kind, year, seq, client_id, period_from, period_to, snapshot, sha256, total_cents, created_at, created_by)
         VALUES (@id, @number, @kind, @year, @seq, @clientId, @periodFrom, @periodTo, @snapshot, @sha256, @totalCents, @createdAt, @createdBy)`
      ).run(row),
    get: (id: string) => stmt(`${SELECT} WHERE d.id = ?`).get(id) as DocumentRow | undefined,
    ofClient: (clientId: string) => stmt(`${SELECT} WHERE d.client_id = ? ORDER BY d.created_at DESC, d.number DESC`).all(clientId) as DocumentRow[],
    /** Every document of a kind not voided, of one client or all, oldest first. */
    activeOfKind: (kind: DocumentKind, clientId: string | null) =>
      stmt(`${SELECT} WHERE d.kind = ? AND d.voided_at IS NULL AND (? IS NULL OR d.client_id = ?) ORDER BY d.created_at, d.number`).all(kind, clientId, clientId) as DocumentRow[],
    void: (id: string, at: string, by: string, reason: string): number =>
      stmt('UPDATE documents SET voided_at = ?, voided_by = ?, void_reason = ? WHERE id = ? AND voided_at IS NULL').run(at, by, reason, id).changes
  }
}
