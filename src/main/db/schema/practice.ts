import { sqliteTable, text } from 'drizzle-orm/sqlite-core'

/** One row: the practice's billing identity. `id` is fixed so the profile is a singleton. */
export const practice = sqliteTable('practice', {
  id: text('id').primaryKey(),
  practiceName: text('practice_name').notNull(),
  providerName: text('provider_name').notNull(),
  providerCredentials: text('provider_credentials').notNull(),
  individualNpi: text('individual_npi').notNull(),
  organizationNpi: text('organization_npi'),
  ein: text('ein').notNull(),
  licenseNumber: text('license_number').notNull(),
  licenseState: text('license_state').notNull(),
  addressLine1: text('address_line1').notNull(),
  addressLine2: text('address_line2'),
  city: text('city').notNull(),
  state: text('state').notNull(),
  postalCode: text('postal_code').notNull(),
  phone: text('phone').notNull(),
  defaultPlaceOfService: text('default_place_of_service').notNull(),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull()
})
