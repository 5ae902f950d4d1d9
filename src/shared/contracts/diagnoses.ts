import { z } from 'zod'
import { DIAGNOSIS_LETTERS } from '../domain/icd10'
import { ANY_ROLE } from '../domain/roles'
import { defineContract } from './contract'
import { icd10Code, optionalText, timestamp, uuid } from './fields'

export const diagnosisInput = z.strictObject({
  code: icd10Code(),
  description: optionalText('Description', 300),
  /** The user knowingly keeps a code that is not on the shipped ICD-10-CM list. */
  custom: z.boolean().default(false)
})
export type DiagnosisInput = z.input<typeof diagnosisInput>

/** A diagnosis on the client's list; `letter` (A–L) follows the user's order, `null` once removed. */
export const diagnosis = z.strictObject({
  id: z.string(),
  clientId: z.string(),
  code: z.string(),
  description: z.string().nullable(),
  letter: z.enum(DIAGNOSIS_LETTERS).nullable(),
  isPrimary: z.boolean(),
  /** On the ICD-10-CM list shipped with the app; false = "custom, unverified". */
  verified: z.boolean(),
  addedAt: timestamp,
  removedAt: timestamp.nullable()
})
export type Diagnosis = z.infer<typeof diagnosis>

const clientId = uuid('Client ID')

export const diagnosesContracts = {
  list: defineContract('diagnoses:list', z.strictObject({ clientId, includeRemoved: z.boolean().default(false) }), z.array(diagnosis), { roles: ANY_ROLE }),
  add: defineContract('diagnoses:add', z.strictObject({ clientId, diagnosis: diagnosisInput }), z.array(diagnosis), {
    roles: ANY_ROLE,
    audit: {
      action: 'create',
      entity: 'diagnosis',
      // The answer is the whole list: the new one is the current diagnosis with the code just added.
      target: (input, list) => ({ entityId: list.find((d) => d.code === input.diagnosis.code && !d.removedAt)?.id ?? null, clientId: input.clientId })
    }
  }),
  remove: defineContract('diagnoses:remove', z.strictObject({ id: uuid('Diagnosis ID') }), z.array(diagnosis), {
    roles: ANY_ROLE,
    audit: { action: 'remove', entity: 'diagnosis' }
  }),
  setPrimary: defineContract('diagnoses:setPrimary', z.strictObject({ id: uuid('Diagnosis ID') }), z.array(diagnosis), {
    roles: ANY_ROLE,
    audit: { action: 'update', entity: 'diagnosis' }
  }),
  /** The full new order of the client's current diagnoses, first = A. */
  reorder: defineContract(
    'diagnoses:reorder',
    z.strictObject({ clientId, orderedIds: z.array(uuid('Diagnosis ID')).min(1).max(DIAGNOSIS_LETTERS.length) }),
    z.array(diagnosis),
    // The client's whole list changed order: no single diagnosis is the record.
    { roles: ANY_ROLE, audit: { action: 'update', entity: 'diagnosis', target: (input) => ({ entityId: null, clientId: input.clientId }) } }
  )
}
