import { sql } from 'drizzle-orm'
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { clients } from './clients'

export const insurancePolicies = sqliteTable(
  'insurance_policies',
  {
    id: text('id').primaryKey(),
    clientId: text('client_id').notNull().references(() => clients.id, { onDelete: 'restrict' }),
    rank: text('rank', { enum: ['primary', 'secondary', 'tertiary'] }).notNull(),
    payerName: text('payer_name').notNull(),
    payerId: text('payer_id'),
    memberId: text('member_id').notNull(),
    groupNumber: text('group_number'),
    relationship: text('relationship', { enum: ['self', 'spouse', 'child', 'other'] }).notNull(),
    subscriberName: text('subscriber_name'),
    subscriberDateOfBirth: text('subscriber_date_of_birth'),
    archivedAt: text('archived_at'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull()
  },
  (t) => [index('insurance_client_idx').on(t.clientId)]
)

export const diagnoses = sqliteTable(
  'diagnoses',
  {
    id: text('id').primaryKey(),
    clientId: text('client_id').notNull().references(() => clients.id, { onDelete: 'restrict' }),
    code: text('code').notNull(),
    description: text('description'),
    /** 0-based order among the client's current diagnoses; letter A is position 0. */
    position: integer('position').notNull(),
    isPrimary: integer('is_primary', { mode: 'boolean' }).notNull().default(false),
    addedAt: text('added_at').notNull(),
    removedAt: text('removed_at')
  },
  (t) => [
    index('diagnoses_client_idx').on(t.clientId, t.position),
    // A code appears once among a client's current diagnoses.
    uniqueIndex('diagnoses_current_code_uq').on(t.clientId, t.code).where(sql`removed_at IS NULL`)
  ]
)

export const screeningItems = sqliteTable(
  'screening_items',
  {
    id: text('id').primaryKey(),
    clientId: text('client_id').notNull().references(() => clients.id, { onDelete: 'restrict' }),
    itemKey: text('item_key').notNull(),
    answer: text('answer', { enum: ['yes', 'no', 'unknown'] }).notNull(),
    note: text('note'),
    reviewedBy: text('reviewed_by').notNull(),
    reviewedOn: text('reviewed_on').notNull(),
    /** Earlier answers are kept: the current one has superseded_at NULL. */
    supersededAt: text('superseded_at'),
    createdAt: text('created_at').notNull()
  },
  (t) => [
    index('screening_client_idx').on(t.clientId),
    uniqueIndex('screening_current_uq').on(t.clientId, t.itemKey).where(sql`superseded_at IS NULL`)
  ]
)

export const consents = sqliteTable(
  'consents',
  {
    id: text('id').primaryKey(),
    clientId: text('client_id').notNull().references(() => clients.id, { onDelete: 'restrict' }),
    kind: text('kind').notNull(),
    version: text('version').notNull(),
    signedOn: text('signed_on').notNull(),
    witness: text('witness'),
    notes: text('notes'),
    revokedOn: text('revoked_on'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull()
  },
  (t) => [index('consents_client_idx').on(t.clientId)]
)

/**
 * A clinician's acknowledgement of a contraindication answered "yes", where it was shown: a dosing
 * note, a course being started, or a dosing session being booked. Append-only (migration 0012's
 * triggers): who saw which flag, when, is never edited or deleted.
 */
export const contraindicationAcks = sqliteTable(
  'contraindication_acks',
  {
    id: text('id').primaryKey(),
    clientId: text('client_id').notNull().references(() => clients.id, { onDelete: 'restrict' }),
    itemKey: text('item_key').notNull(),
    /** The screening answer acknowledged (screening_items.id): a newer "yes" needs a new acknowledgement. */
    screeningItemId: text('screening_item_id').notNull().references(() => screeningItems.id, { onDelete: 'restrict' }),
    context: text('context', { enum: ['note', 'course', 'session'] }).notNull(),
    contextId: text('context_id').notNull(),
    acknowledgedByUserId: text('acknowledged_by_user_id'),
    acknowledgedByName: text('acknowledged_by_name').notNull(),
    acknowledgedAt: text('acknowledged_at').notNull()
  },
  (t) => [
    index('contraindication_acks_context_idx').on(t.context, t.contextId),
    uniqueIndex('contraindication_acks_once_uq').on(t.context, t.contextId, t.screeningItemId)
  ]
)
