import { z } from 'zod'
import { ANY_ROLE } from '../domain/roles'
import { defineContract } from './contract'
import { enteredPassphrase, login, newPassphrase, user, userProfileInput } from './users'

/**
 * Where the app stands for whoever sits at it:
 * - setup: no keyring yet — first run makes the owner (and encrypts an existing database);
 * - signedOut: the sign-in screen; locked: the same user must unlock (the screen behind is kept);
 * - signedIn: working; keyringMissing: the database is encrypted but keyring.json is gone —
 *   only the recovery key opens it.
 */
export const AUTH_STATES = ['setup', 'signedOut', 'locked', 'signedIn', 'keyringMissing'] as const
export type AuthState = (typeof AUTH_STATES)[number]

export const authStatus = z.strictObject({
  state: z.enum(AUTH_STATES),
  /** The signed-in (or locked-out) user; null otherwise. */
  user: user.nullable(),
  /** Minutes of no input before the app locks itself. */
  idleLockMinutes: z.int().min(1).max(240),
  /** After failed attempts: seconds before the next one is accepted (0 = now). */
  retryAfterSeconds: z.int().min(0)
})
export type AuthStatus = z.infer<typeof authStatus>

const signedInAs = z.strictObject({ login, passphrase: enteredPassphrase })

/** The recovery key as printed: 32 base32 letters in groups of four (dashes and spaces optional). */
export const recoveryKeyInput = z
  .string({ error: 'Recovery key is required' })
  .trim()
  .min(1, { error: 'Recovery key is required' })
  .max(80, { error: 'That is not a recovery key' })

export const authContracts = {
  status: defineContract('auth:status', z.strictObject({}), authStatus, { roles: 'public' }),
  /**
   * First run: the owner's account and passphrase. Answers the recovery key — shown this once,
   * never stored in a readable form.
   */
  setup: defineContract(
    'auth:setup',
    z.strictObject({ owner: userProfileInput.extend({ login }), secret: newPassphrase }),
    z.strictObject({ status: authStatus, recoveryKey: z.string() }),
    { roles: 'public' }
  ),
  signIn: defineContract('auth:signIn', signedInAs, authStatus, { roles: 'public' }),
  /** Only the user who was signed in can unlock; anyone else signs out first. */
  unlock: defineContract('auth:unlock', z.strictObject({ passphrase: enteredPassphrase }), authStatus, { roles: 'public' }),
  lock: defineContract('auth:lock', z.strictObject({}), authStatus, { roles: ANY_ROLE }),
  /**
   * "Someone is at the keyboard": typing a long note calls nothing else, and main locks on its own
   * idle clock. Answers 'locked' once the idle time has passed.
   */
  touch: defineContract('auth:touch', z.strictObject({}), authStatus, { roles: ANY_ROLE }),
  /** Works while locked too: the screen offers "Sign out" to let someone else sign in. */
  signOut: defineContract('auth:signOut', z.strictObject({}), authStatus, { roles: 'public' }),
  /** A forgotten passphrase (or a lost keyring.json): the recovery key sets a new one and signs in. */
  recover: defineContract(
    'auth:recover',
    z.strictObject({ recoveryKey: recoveryKeyInput, login, secret: newPassphrase }),
    authStatus,
    { roles: 'public' }
  ),
  changePassphrase: defineContract(
    'auth:changePassphrase',
    z.strictObject({ current: enteredPassphrase, secret: newPassphrase }),
    authStatus,
    { roles: ANY_ROLE }
  )
}
