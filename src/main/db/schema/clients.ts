import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core'

export const clients = sqliteTable(
  'clients',
  {
    id: text('id').primaryKey(),
    legalFirstName: text('legal_first_name').notNull(),
    legalMiddleName: text('legal_middle_name'),
    legalLastName: text('legal_last_name').notNull(),
    suffix: text('suffix'),
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
    /** Folded "last first middle preferred" — the order the list sorts by name. */
    sortName: text('sort_name').notNull(),
    /** Folded names, email, phone digits and birth date forms, for search as you type. */
    searchText: text('search_text').notNull(),
    archivedAt: text('archived_at'),
    archiveReason: text('archive_reason'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull()
  },
  (t) => [
    index('clients_sort_name_idx').on(t.sortName),
    index('clients_dob_idx').on(t.dateOfBirth),
    index('clients_status_idx').on(t.status, t.sortName),
    index('clients_intake_idx').on(t.intakeDate),
    index('clients_updated_idx').on(t.updatedAt)
  ]
)
