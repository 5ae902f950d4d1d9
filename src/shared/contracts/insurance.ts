import { z } from 'zod'
import { POLICY_RANKS, SUBSCRIBER_RELATIONSHIP_KEYS } from '../domain/insurance'
import { ANY_ROLE } from '../domain/roles'
import { defineContract } from './contract'
import { optionalDateOfBirth, optionalName, requiredName, timestamp, uuid } from './fields'

export const insurancePolicyInput = z
  .strictObject({
    rank: z.enum(POLICY_RANKS, { error: 'Choose primary, secondary or tertiary' }),
    payerName: requiredName('Payer', 200),
    payerId: optionalName('Payer ID', 20),
    memberId: requiredName('Member ID', 50),
    groupNumber: optionalName('Group number', 50),
    relationship: z.enum(SUBSCRIBER_RELATIONSHIP_KEYS, { error: 'Choose the client’s relationship to the subscriber' }),
    subscriberName: optionalName('Subscriber name', 200),
    subscriberDateOfBirth: optionalDateOfBirth('Subscriber date of birth')
  })
  .superRefine((p, ctx) => {
    // When the client is not the subscriber, a claim needs the subscriber's own name.
    if (p.relationship !== 'self' && !p.subscriberName) {
      ctx.addIssue({ code: 'custom', path: ['subscriberName'], message: 'Subscriber name is required when the client is not the subscriber' })
    }
  })
export type InsurancePolicyInput = z.input<typeof insurancePolicyInput>

export const insurancePolicy = z.strictObject({
  id: z.string(),
  clientId: z.string(),
  rank: z.enum(POLICY_RANKS),
  payerName: z.string(),
  payerId: z.string().nullable(),
  memberId: z.string(),
  groupNumber: z.string().nullable(),
  relationship: z.enum(SUBSCRIBER_RELATIONSHIP_KEYS),
  subscriberName: z.string().nullable(),
  subscriberDateOfBirth: z.string().nullable(),
  archivedAt: timestamp.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp
})
export type InsurancePolicy = z.infer<typeof insurancePolicy>

export const insuranceContracts = {
  list: defineContract(
    'insurance:list',
    z.strictObject({ clientId: uuid('Client ID'), includeArchived: z.boolean().default(false) }),
    z.array(insurancePolicy), { roles: ANY_ROLE }
  ),
  create: defineContract('insurance:create', z.strictObject({ clientId: uuid('Client ID'), policy: insurancePolicyInput }), insurancePolicy, {
    roles: ANY_ROLE,
    audit: { action: 'create', entity: 'insurance_policy' }
  }),
  update: defineContract('insurance:update', z.strictObject({ id: uuid('Policy ID'), policy: insurancePolicyInput }), insurancePolicy, {
    roles: ANY_ROLE,
    audit: { action: 'update', entity: 'insurance_policy' }
  }),
  archive: defineContract('insurance:archive', z.strictObject({ id: uuid('Policy ID') }), insurancePolicy, {
    roles: ANY_ROLE,
    audit: { action: 'archive', entity: 'insurance_policy' }
  })
}
