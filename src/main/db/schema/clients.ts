import { sql } from 'drizzle-orm'
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

export const clients = sqliteTable(
  'clients',
  {
    id: text('id').primaryKey(),
    /** Empty for a client with one legal name (singleLegalName), which is in legalLastName. */
    legalFirstName: text('legal_first_name').notNull(),
    legalMiddleName: text('legal_middle_name'),
    legalLastName: text('legal_last_name').notNull(),
    suffix: text('suffix'),
    /** The client has one legal name (a mononym), kept in legalLastName as claim forms take it. */
    singleLegalName: integer('single_legal_name', { mode: 'boolean' }).notNull().default(false),
    preferredName: text('preferred_name'),
    pronouns: text('pronouns'),
    dateOfBirth: text('date_of_birth').notNull(),
    sex: text('sex', { enum: ['F', 'M', 'X', 'U'] }).notNull(),
    email: text('email'),
    phone: text('phone'),
    addressLine1: text('address_line1'),
    addressLine2: text('address_line2'),
    city: text('city'),
    state: text('state'),
    postalCode: text('postal_code'),
    emergencyContactName: text('emergency_contact_name'),
    emergencyContactRelationship: text('emergency_contact_relationship'),
    emergencyContactPhone: text('emergency_contact_phone'),
    escortName: text('escort_name'),
    escortRelationship: text('escort_relationship'),
    escortPhone: text('escort_phone'),
    prescriberName: text('prescriber_name'),
    prescriberNpi: text('prescriber_npi'),
    prescriberPhone: text('prescriber_phone'),
    referralSource: text('referral_source'),
    status: text('status', {
      enum: ['inquiry', 'screening', 'active', 'maintenance', 'discharged', 'declined', 'ineligible']
    }).notNull(),
    intakeDate: text('intake_date'),
    notes: text('notes'),
    /** nameSortKey of last, first, middle (src/shared/domain/search.ts) — the order the list sorts by name. */
    sortName: text('sort_name').notNull(),
    /** Names and email as nameMatchKey writes them, phone digits and birth date forms, for search as you type. */
    searchText: text('search_text').notNull(),
    archivedAt: text('archived_at'),
    archiveReason: text('archive_reason'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull()
  },
  (t) => {
    // One index per list order (see clients/repository.ts `orderFor`): column, then the
    // sort_name, id tie-breakers, then the list filters (status, archived_at) so SQLite can walk
    // a page in order and test the filters inside the index, without a sort and without reading
    // rows that do not match. Ascending nullable columns sort empty values last through the
    // `(col IS NULL)` expression indexes; descending ones get that from a backward scan.
    const tail = [t.sortName, t.id, t.status, t.archivedAt] as const
    return [
      // Name order, and search: search_text is in the index, so a search scan never reads the
      // table. The partial pair serves the default "current" list and the quick search, which
      // walks current clients, then archived ones; the full index serves "all".
      index('clients_name_idx').on(t.sortName, t.id, t.status, t.archivedAt, t.searchText),
      index('clients_current_name_idx').on(t.sortName, t.id, t.status, t.searchText).where(sql`archived_at IS NULL`),
      index('clients_archived_name_idx').on(t.sortName, t.id, t.status, t.searchText).where(sql`archived_at IS NOT NULL`),
      index('clients_dob_idx').on(t.dateOfBirth, ...tail),
      index('clients_status_idx').on(t.status, t.sortName, t.id, t.archivedAt),
      index('clients_updated_idx').on(t.updatedAt, ...tail),
      index('clients_intake_idx').on(t.intakeDate, ...tail),
      index('clients_intake_nulls_last_idx').on(sql`(${t.intakeDate} IS NULL)`, t.intakeDate, ...tail),
      index('clients_phone_idx').on(t.phone, ...tail),
      index('clients_phone_nulls_last_idx').on(sql`(${t.phone} IS NULL)`, t.phone, ...tail),
      index('clients_email_idx').on(t.email, ...tail),
      index('clients_email_nulls_last_idx').on(sql`(${t.email} IS NULL)`, t.email, ...tail)
    ]
  }
)
