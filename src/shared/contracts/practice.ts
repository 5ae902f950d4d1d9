import { z } from 'zod'
import { PLACE_OF_SERVICE_CODES } from '../domain/codes'
import { ANY_ROLE, OWNER_ONLY } from '../domain/roles'
import { defineContract } from './contract'
import { ein, npi, optionalNpi, optionalPhone, optionalText, optionalZip, requiredName, requiredText, timestamp, usState } from './fields'

export const placeOfService = z.enum(PLACE_OF_SERVICE_CODES, { error: 'Choose a place of service from the list' })

/** The practice profile: who bills, and the identifiers a superbill and a Good Faith Estimate need. */
export const practiceInput = z.strictObject({
  practiceName: requiredName('Practice name', 200),
  providerName: requiredName('Provider name', 200),
  providerCredentials: requiredName('Credentials', 100),
  individualNpi: npi('Individual NPI'),
  organizationNpi: optionalNpi('Organization NPI'),
  ein: ein(),
  licenseNumber: requiredName('License number', 50),
  licenseState: usState('License state'),
  addressLine1: requiredText('Address', 200),
  addressLine2: optionalText('Address line 2', 200),
  city: requiredText('City', 100),
  state: usState(),
  postalCode: optionalZip().refine((s) => s !== null, { error: 'ZIP code is required' }),
  phone: optionalPhone('Phone').refine((s) => s !== null, { error: 'Phone is required' }),
  defaultPlaceOfService: placeOfService
})
export type PracticeInput = z.input<typeof practiceInput>

export const practice = z.strictObject({
  practiceName: z.string(),
  providerName: z.string(),
  providerCredentials: z.string(),
  individualNpi: z.string(),
  organizationNpi: z.string().nullable(),
  ein: z.string(),
  licenseNumber: z.string(),
  licenseState: z.string(),
  addressLine1: z.string(),
  addressLine2: z.string().nullable(),
  city: z.string(),
  state: z.string(),
  postalCode: z.string(),
  phone: z.string(),
  defaultPlaceOfService: placeOfService,
  updatedAt: timestamp
})
export type Practice = z.infer<typeof practice>

export const practiceContracts = {
  /** null until the first-run setup has saved a profile. */
  get: defineContract('practice:get', z.strictObject({}), practice.nullable(), { roles: ANY_ROLE }),
  save: defineContract('practice:save', z.strictObject({ profile: practiceInput }), practice, {
    roles: OWNER_ONLY,
    // A single profile, belonging to no client.
    audit: { action: 'update', entity: 'practice', target: () => ({ entityId: null, clientId: null }) }
  })
}
