import { z } from 'zod'
import { ROLES, OWNER_ONLY } from '../domain/roles'
import { defineContract } from './contract'
import { optionalName, requiredName, timestamp, uuid } from './fields'

/** 12 characters at least: with scrypt at N=2^17 that makes guessing a stolen keyring slow. */
export const PASSPHRASE_MIN = 12
export const PASSPHRASE_MAX = 1024

/** A passphrase as typed: never trimmed (spaces count), never echoed in an error. */
export const passphrase = (label = 'Passphrase') =>
  z
    .string({ error: `${label} is required` })
    .min(1, { error: `${label} is required` })
    .min(PASSPHRASE_MIN, { error: `${label} must be at least ${PASSPHRASE_MIN} characters — a few words make a good one` })
    .max(PASSPHRASE_MAX, { error: `${label} must be ${PASSPHRASE_MAX} characters or fewer` })

/** The passphrase someone signs in with: any length they once chose, only not empty. */
export const enteredPassphrase = z
  .string({ error: 'Passphrase is required' })
  .min(1, { error: 'Passphrase is required' })
  .max(PASSPHRASE_MAX, { error: 'Passphrase is too long' })

/** A new passphrase typed twice; the mismatch is reported on the second field. */
export const newPassphrase = z
  .strictObject({ passphrase: passphrase(), passphraseConfirm: z.string({ error: 'Type the passphrase again' }) })
  .refine((p) => p.passphrase === p.passphraseConfirm, { path: ['passphraseConfirm'], error: 'The two passphrases do not match' })

export const login = z
  .string({ error: 'User name is required' })
  .trim()
  .min(2, { error: 'User name must be at least 2 characters' })
  .max(40, { error: 'User name must be 40 characters or fewer' })
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}._@-]*$/u, { error: 'Use letters, digits, dots, dashes or underscores, with no spaces' })

export const role = z.enum(ROLES, { error: 'Choose a role from the list' })

export const userProfileInput = z.strictObject({
  displayName: requiredName('Name', 120),
  credentials: optionalName('Credentials', 60)
})

export const userInput = userProfileInput.extend({ login, role })
export type UserInput = z.input<typeof userInput>

export const user = z.strictObject({
  id: z.string(),
  login: z.string(),
  displayName: z.string(),
  credentials: z.string().nullable(),
  role,
  deactivatedAt: timestamp.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp
})
export type User = z.infer<typeof user>

/**
 * Settings → Users, for the owner. Served by the start-up host with the keyring (src/main/
 * startup.ts): adding a user adds a key slot, deactivating removes it.
 */
export const usersContracts = {
  list: defineContract('users:list', z.strictObject({ includeDeactivated: z.boolean().default(false) }), z.array(user), { roles: OWNER_ONLY }),
  /** A new user with a first passphrase the owner gives them (they change it after signing in). */
  create: defineContract('users:create', z.strictObject({ user: userInput, passphrase: passphrase('First passphrase') }), user, {
    roles: OWNER_ONLY,
    audit: { action: 'create', entity: 'user', target: (_input, out) => ({ entityId: out.id, clientId: null }) }
  }),
  /** Name, credentials and role; the last active owner cannot stop being one. */
  update: defineContract('users:update', z.strictObject({ id: uuid('User ID'), user: userProfileInput.extend({ role }) }), user, {
    roles: OWNER_ONLY,
    audit: { action: 'update', entity: 'user', target: (input) => ({ entityId: input.id, clientId: null }) }
  }),
  /** Signs nothing again and opens nothing again; their signatures and history stay. */
  deactivate: defineContract('users:deactivate', z.strictObject({ id: uuid('User ID') }), user, {
    roles: OWNER_ONLY,
    audit: { action: 'archive', entity: 'user', target: (input) => ({ entityId: input.id, clientId: null }) }
  }),
  resetPassphrase: defineContract('users:resetPassphrase', z.strictObject({ id: uuid('User ID'), passphrase: passphrase('New passphrase') }), user, {
    roles: OWNER_ONLY,
    audit: { action: 'update', entity: 'user', target: (input) => ({ entityId: input.id, clientId: null }) }
  })
}
