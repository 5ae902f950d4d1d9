import { z } from 'zod'
import { CONSENT_KIND_KEYS } from '../domain/consents'
import { localToday } from '../domain/dates'
import { ANY_ROLE } from '../domain/roles'
import { defineContract } from './contract'
import { isoDate, optionalText, requiredText, timestamp, uuid } from './fields'

const notInFuture = (label: string) => isoDate(label).refine((s) => s <= localToday(), { error: `${label} cannot be in the future` })

export const consentInput = z.strictObject({
  kind: z.enum(CONSENT_KIND_KEYS, { error: 'Choose a consent type from the list' }),
  version: requiredText('Version', 50),
  signedOn: notInFuture('Signed date'),
  witness: optionalText('Witness', 200),
  notes: optionalText('Notes', 2000)
})
export type ConsentInput = z.input<typeof consentInput>

export const consent = z.strictObject({
  id: z.string(),
  clientId: z.string(),
  kind: z.enum(CONSENT_KIND_KEYS),
  version: z.string(),
  signedOn: z.string(),
  witness: z.string().nullable(),
  notes: z.string().nullable(),
  revokedOn: z.string().nullable(),
  createdAt: timestamp,
  updatedAt: timestamp
})
export type Consent = z.infer<typeof consent>

export const consentsContracts = {
  list: defineContract('consents:list', z.strictObject({ clientId: uuid('Client ID') }), z.array(consent), { roles: ANY_ROLE }),
  create: defineContract('consents:create', z.strictObject({ clientId: uuid('Client ID'), consent: consentInput }), consent, {
    roles: ANY_ROLE,
    audit: { action: 'create', entity: 'consent' }
  }),
  /** A consent is never deleted; a client who withdraws it has it marked revoked on a date. */
  revoke: defineContract('consents:revoke', z.strictObject({ id: uuid('Consent ID'), revokedOn: notInFuture('Revoked date') }), consent, {
    roles: ANY_ROLE,
    audit: { action: 'revoke', entity: 'consent' }
  })
}
