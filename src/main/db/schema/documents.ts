/**
 * Documents given to a client (superbill, Good Faith Estimate, statement): each one made is kept
 * for good — its number, the data it showed (a JSON snapshot the PDF is drawn from again, byte for
 * byte) and the SHA-256 of those bytes. Never deleted or changed: a void only adds who, when and
 * why (triggers in drizzle/0012_documents.sql hold that whatever path writes).
 */
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { DOCUMENT_KINDS } from '../../../shared/domain/documents'
import { clients } from './clients'

export const documents = sqliteTable(
  'documents',
  {
    id: text('id').primaryKey(),
    /** SB-2026-0001, GFE-2026-0001, ST-2026-0001: one gap-free counter per kind and year (document_counters). */
    number: text('number').notNull(),
    kind: text('kind', { enum: DOCUMENT_KINDS }).notNull(),
    year: integer('year').notNull(),
    seq: integer('seq').notNull(),
    clientId: text('client_id').notNull().references(() => clients.id, { onDelete: 'restrict' }),
    periodFrom: text('period_from').notNull(),
    periodTo: text('period_to').notNull(),
    /** The document's model as JSON, versioned by `kind`; the PDF is rendered from it alone. */
    snapshot: text('snapshot').notNull(),
    /** Lowercase hex SHA-256 of the PDF's bytes. */
    sha256: text('sha256').notNull(),
    /** Total shown on the document, integer cents (for lists without parsing the snapshot). */
    totalCents: integer('total_cents').notNull(),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull(),
    voidedAt: text('voided_at'),
    voidedBy: text('voided_by'),
    voidReason: text('void_reason')
  },
  (t) => [
    uniqueIndex('documents_number_uq').on(t.number),
    uniqueIndex('documents_kind_year_seq_uq').on(t.kind, t.year, t.seq),
    index('documents_client_idx').on(t.clientId, t.createdAt)
  ]
)

/** The last number taken per kind and year. Numbers are never reused and never skipped. */
export const documentCounters = sqliteTable(
  'document_counters',
  {
    kind: text('kind', { enum: DOCUMENT_KINDS }).notNull(),
    year: integer('year').notNull(),
    last: integer('last').notNull()
  },
  (t) => [uniqueIndex('document_counters_kind_year_uq').on(t.kind, t.year)]
)
