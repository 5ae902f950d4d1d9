/**
 * Who sits at the app, and the key that opens the practice: first-run setup, sign-in, lock,
 * unlock, sign-out, recovery with the recovery key, and the owner's user management — everything
 * that touches keyring.json. The database cannot be read before a passphrase (or the recovery
 * key) yields its data key, so this runs in the start-up host, not the practice router.
 *
 * keyring.json's slots are keyed by the user's login key (lower-cased user name): the keyring
 * must answer "whose passphrase is this?" before the users table can be read.
 * No electron.
 */
import { existsSync } from 'node:fs'
import { rename } from 'node:fs/promises'
import { timingSafeEqual } from 'node:crypto'
import type { z } from 'zod'
import type { AuthState, AuthStatus } from '@shared/contracts/auth'
import type { authContracts } from '@shared/contracts/auth'
import { IDLE_LOCK_MIN_MINUTES } from '@shared/contracts/settings'
import type { User, usersContracts } from '@shared/contracts/users'
import type { AuditAction } from '@shared/domain/audit'
import type { AppCore } from '../app'
import { NOBODY, type Actor } from '../context'
import { AppFailure, conflict, invalid, notFound, SIGN_IN_MESSAGE } from '../errors'
import type { Logger } from '../log'
import { actorOf, loginKeyOf } from '../features/users/service'
import { DEFAULT_IDLE_LOCK_MINUTES } from '../features/settings/service'
import { isPlainSqliteFile } from '../security/encrypt-file'
import { KeyringDamagedError, KeyringMissingError, LastSlotError, WrongKeyError, WrongPassphraseError, WrongRecoveryKeyError } from '../security/errors'
import {
  addPassphraseSlot, changePassphrase, createKeyring, readKeyring, recoverKeyring, removeSlot, resetPassphrase, slotFor,
  unlockSlot, unlockWithPassphrase, unlockWithRecoveryKey, writeKeyring, type KdfParams, type Keyring, type SlotClaims
} from '../security/keyring'
import type { Role } from '@shared/domain/roles'
import { createThrottle } from './throttle'

type In<C> = C extends { input: infer I extends z.ZodType } ? z.output<I> : never
type AuthIn<V extends keyof typeof authContracts> = In<(typeof authContracts)[V]>
type UsersIn<V extends keyof typeof usersContracts> = In<(typeof usersContracts)[V]>

export interface AuthGateDeps {
  keyringPath: string
  databasePath: string
  kdf?: KdfParams
  now: () => Date
  logger: Logger
  /**
   * Opens the practice with the data key (encrypting plain files first): ready, or in recovery.
   * `vouched`: the keyring confirmed the key (its keyCheck), so an unreadable file is damage.
   */
  open(dataKey: Buffer, vouched: boolean): Promise<'ready' | 'recovery'>
  /** Closes the practice (sign-out). */
  close(): void
  core(): AppCore | null
}

export const WRONG_SIGN_IN = 'The user name or passphrase is not right.'
const tooMany = (seconds: number) => conflict(`Too many attempts. Try again in ${seconds} second${seconds === 1 ? '' : 's'}.`)

const MAX_PENDING_FAILURES = 1000
/** Recovery-key attempts share one count: typing a new login beside each guess buys nothing. */
const RECOVERY_THROTTLE_KEY = '\u0000recovery-key'
/** The ID of a user known only by the keyring (the database needed recovery): not a row, nothing to log against. */
const PROVISIONAL_PREFIX = 'unlocked:'
const isProvisional = (user: Pick<User, 'id'>) => user.id.startsWith(PROVISIONAL_PREFIX)
const MIN_IDLE_LOCK_MS = IDLE_LOCK_MIN_MINUTES * 60_000

/** A failed sign-in before the database could be opened: written to the audit log once it is. */
interface PendingFailure {
  at: Date
  loginKey: string
  channel: string
}

export function createAuthGate(deps: AuthGateDeps) {
  const throttle = createThrottle(deps.now)
  let keyring: Keyring | null = null
  let keyringState: 'present' | 'none' | 'missing' = 'none'
  let dataKey: Buffer | null = null
  let user: User | null = null
  let locked = false
  let lastActivity = deps.now().getTime()
  const pending: PendingFailure[] = []

  /** Reads keyring.json once at start: setup, sign-in, or only the recovery key. */
  async function load(): Promise<void> {
    try {
      keyring = await readKeyring(deps.keyringPath)
      keyringState = 'present'
    } catch (err) {
      if (err instanceof KeyringMissingError) {
        // No keyring and a plain (or no) database: first run, or a practice from before encryption.
        keyringState = existsSync(deps.databasePath) && !isPlainSqliteFile(deps.databasePath) ? 'missing' : 'none'
      } else if (err instanceof KeyringDamagedError) {
        // Kept for inspection; the recovery key rebuilds it.
        await rename(deps.keyringPath, `${deps.keyringPath}.damaged-${deps.now().getTime()}`).catch(() => undefined)
        keyringState = 'missing'
        deps.logger.error('auth.keyring_damaged')
      } else throw err
    }
  }

  const state = (): AuthState => {
    if (keyringState === 'none') return 'setup'
    if (keyringState === 'missing') return 'keyringMissing'
    if (!user) return 'signedOut'
    return locked ? 'locked' : 'signedIn'
  }

  const idleLockMinutes = (): number => {
    const core = deps.core()
    try {
      return core ? core.services.settings.get().idleLockMinutes : DEFAULT_IDLE_LOCK_MINUTES
    } catch {
      return DEFAULT_IDLE_LOCK_MINUTES
    }
  }

  const status = (): AuthStatus => ({
    state: state(),
    user,
    idleLockMinutes: idleLockMinutes(),
    retryAfterSeconds: user ? throttle.retryAfter(loginKeyOf(user.login)) : 0
  })

  /** True only during the one call a locked session still makes: saving its own open draft (asLockedUser). */
  let runningAsLockedUser = false

  /** The actor dispatch and the audit log see: the signed-in user, or nobody while locked or signed out. */
  const actor = (): Actor => (user && (!locked || runningAsLockedUser) ? actorOf(user) : NOBODY)

  /**
   * Runs `call` as the user who locked the app — for the draft save a closing or reloading window
   * sends while locked, and nothing else (the host decides which channel). `call` must read the
   * actor synchronously: dispatch does (its checks and transaction run before its first await).
   * Null when no real user is locked in (signed out, signed in, or only provisional).
   */
  function asLockedUser<T>(call: () => T): T | null {
    if (!user || !locked || isProvisional(user)) return null
    runningAsLockedUser = true
    try {
      return call()
    } finally {
      runningAsLockedUser = false
    }
  }

  /** Runs `write` and its audit entry in one transaction of the open practice. */
  function audited<T>(channel: string, action: AuditAction, entityId: string | null, write: () => T, who?: Actor): T {
    const core = deps.core()
    if (!core) throw conflict('The practice database is not open.')
    return core.connection.sqlite.transaction(() => {
      const out = write()
      core.services.audit.append({ channel, action, entity: 'user', entityId, clientId: null, actor: who })
      return out
    })()
  }

  /** Failed attempts waiting for the database go into the log as soon as it is open. */
  function flushPending(): void {
    const core = deps.core()
    if (!core || pending.length === 0) return
    const failures = pending.splice(0)
    core.connection.sqlite.transaction(() => {
      for (const f of failures) {
        const known = core.services.users.byLogin(f.loginKey)
        // An unknown name is not recorded: people type passphrases into the user name field.
        const who: Actor = known ? { ...actorOf(known), role: null } : { id: null, label: 'unknown user', role: null }
        core.services.audit.append({ channel: f.channel, action: 'sign_in_failed', entity: 'user', entityId: known?.id ?? null, clientId: null, at: f.at, actor: who })
      }
    })()
  }

  function recordFailure(channel: string, loginKey: string): void {
    throttle.failed(loginKey)
    pending.push({ at: deps.now(), loginKey, channel })
    // Made-up names each get their free tries: keep memory bounded while the database is shut.
    if (pending.length > MAX_PENDING_FAILURES) pending.splice(0, pending.length - MAX_PENDING_FAILURES)
    flushPending()
  }

  const checkThrottle = (loginKey: string) => {
    const wait = throttle.retryAfter(loginKey)
    if (wait > 0) throw tooMany(wait)
  }

  /**
   * Once the practice is open, the person who unlocked it must be one of its active users. A
   * practice set up (or recovered) while its database needed recovery has no row for them yet:
   * its first user is made its owner — but only from an owner's slot (or the recovery key). A
   * user's role comes from the database once it is open; no empty or replaced database makes an
   * administrator's slot an owner.
   */
  function adoptUser(login: string, channel: string, claims: SlotClaims): User | null {
    const core = deps.core()
    if (!core) return null
    const existing = core.services.users.byLogin(login)
    if (existing) return existing.deactivatedAt ? null : existing
    if (core.services.users.count() > 0 || claims.role !== 'owner') return null
    const profile = claims.profile ?? { displayName: login, credentials: null }
    return audited(channel, 'create', null, () => core.services.users.create({ ...profile, login, role: 'owner' }))
  }

  /**
   * Until the database opens (a recovery), the one who unlocked it holds the role their slot
   * vouches for; a slot from before roles were bound holds the least (it can wait, not restore).
   */
  const provisional = (login: string, claims: SlotClaims): User => {
    const at = deps.now().toISOString()
    const role: Role = claims.role ?? 'administrator'
    const displayName = claims.profile?.displayName ?? login
    return { id: `${PROVISIONAL_PREFIX}${loginKeyOf(login)}`, login, displayName, credentials: claims.profile?.credentials ?? null, role, deactivatedAt: null, createdAt: at, updatedAt: at }
  }
  /** What the signed-in user's slot vouched for, for a provisional user's adoption after a restore. */
  let claimsOfUser: SlotClaims = { role: null, profile: null }

  async function signInWith(key: Buffer, login: string, channel: string, claims: SlotClaims, alreadyOpen?: 'ready' | 'recovery'): Promise<AuthStatus> {
    const opened = alreadyOpen ?? (await deps.open(key, true))
    dataKey = key
    claimsOfUser = claims
    if (opened === 'ready') {
      const found = adoptUser(login, channel, claims)
      if (!found) {
        closePractice()
        throw invalid(WRONG_SIGN_IN, { passphrase: WRONG_SIGN_IN })
      }
      user = found
    } else {
      user = provisional(login, claims)
    }
    locked = false
    throttle.succeeded(loginKeyOf(login))
    touch()
    afterOpen(channel)
    return status()
  }

  /** After every open (sign-in, or a restore that reopened the practice): the log catches up. */
  function afterOpen(channel = 'auth:signIn', recordSignIn = true): void {
    const core = deps.core()
    if (!core || !user) return
    if (isProvisional(user)) {
      const adopted = adoptUser(user.login, channel, claimsOfUser)
      if (adopted) user = adopted
    } else {
      // After a restore or an import, the database may know this user differently (or not at all).
      const current = core.services.users.get(user.id) ?? core.services.users.byLogin(user.login)
      if (current && !current.deactivatedAt) user = current
      else if (!current) {
        // An archive from another machine: whoever imported it keeps their account (and so their
        // way in — their keyring slot names this login). The archive's users get passphrases from the owner.
        const me = user
        user = audited(channel, 'create', me.id, () =>
          core.services.users.create({ displayName: me.displayName, credentials: me.credentials, login: me.login, role: me.role }, me.id)
        )
      }
    }
    flushPending()
    if (recordSignIn && !isProvisional(user)) audited(channel, 'sign_in', user.id, () => undefined)
  }

  function closePractice(): void {
    deps.close()
    dataKey?.fill(0)
    dataKey = null
  }

  /** Locks the app and says so in the log (who, and whether by hand or idle time). */
  function lockNow(channel: string): void {
    if (!user || locked) return
    locked = true
    if (!isProvisional(user) && deps.core()) audited(channel, 'lock', user.id, () => undefined, actorOf(user))
  }

  const touch = () => {
    lastActivity = deps.now().getTime()
  }

  /**
   * Called before each practice call (and by auth:touch): locks when the idle time has passed —
   * main enforces it too, not only the renderer's timer — else counts as activity. False = locked.
   */
  function activity(): boolean {
    if (state() !== 'signedIn') return state() !== 'locked'
    const idleMs = deps.now().getTime() - lastActivity
    // The setting is read only when the idle time could have run out (it is 1 minute at least):
    // every practice call passes here, and most come seconds apart.
    if (idleMs > MIN_IDLE_LOCK_MS && idleMs > idleLockMinutes() * 60_000) {
      lockNow('auth:idleLock')
      return false
    }
    touch()
    return true
  }

  const requireKeyring = (): Keyring => {
    if (!keyring) throw conflict('Set up the practice first.')
    return keyring
  }
  const requireSignedIn = (): User => {
    if (!user || locked) throw conflict('Sign in to continue.')
    return user
  }
  const requireKey = (): Buffer => {
    if (!dataKey) throw conflict('The practice database is not open.')
    return dataKey
  }
  const saveKeyring = async (next: Keyring) => {
    await writeKeyring(deps.keyringPath, next)
    keyring = next
    keyringState = 'present'
  }
  const slotOptions = () => (deps.kdf ? { kdf: deps.kdf, now: deps.now } : { now: deps.now })

  /**
   * After a sign-in to the open practice: a slot whose bound role is not the user's (made before
   * roles were bound, or the owner changed the role since) is rewrapped with the role the
   * database gives, while the passphrase is at hand. A failure here costs only the upgrade.
   */
  async function bindRole(loginKey: string, passphrase: string, claims: SlotClaims): Promise<void> {
    if (!user || isProvisional(user) || !keyring || !dataKey) return
    if (claims.role === user.role) return
    try {
      await saveKeyring(await resetPassphrase(keyring, dataKey, loginKey, passphrase, { ...slotOptions(), role: user.role }))
    } catch {
      deps.logger.error('auth.slot_upgrade_failed')
    }
  }

  const authHandlers = {
    status: async () => status(),

    async setup({ owner, secret }: AuthIn<'setup'>) {
      if (state() !== 'setup') throw conflict('This practice is already set up. Sign in instead.')
      const profile = { displayName: owner.displayName, credentials: owner.credentials }
      // The owner's name rides in the slot's authenticated data until the database holds it.
      const made = await createKeyring({ ownerId: loginKeyOf(owner.login), passphrase: secret.passphrase, profile, ...slotOptions() })
      // The keyring first: if the app stops before the database is encrypted, signing in finishes the job.
      await saveKeyring(made.keyring)
      deps.logger.info('auth.setup')
      const result = await signInWith(made.dataKey, owner.login, 'auth:setup', { role: 'owner', profile })
      return { status: result, recoveryKey: made.recoveryKey }
    },

    async signIn({ login, passphrase }: AuthIn<'signIn'>) {
      if (state() === 'signedIn' || state() === 'locked') throw conflict('Someone is signed in. Sign out first.')
      const ring = requireKeyring()
      const loginKey = loginKeyOf(login)
      checkThrottle(loginKey)
      let unlocked: Awaited<ReturnType<typeof unlockSlot>>
      try {
        unlocked = await unlockSlot(ring, loginKey, passphrase)
      } catch (err) {
        if (!(err instanceof WrongPassphraseError)) throw err
        recordFailure('auth:signIn', loginKey)
        throw invalid(WRONG_SIGN_IN, { passphrase: WRONG_SIGN_IN })
      }
      const { dataKey: key, ...claims } = unlocked
      const result = await signInWith(key, login, 'auth:signIn', claims)
      await bindRole(loginKey, passphrase, claims)
      return result
    },

    async unlock({ passphrase }: AuthIn<'unlock'>) {
      if (state() !== 'locked' || !user) throw conflict('The app is not locked.')
      const loginKey = loginKeyOf(user.login)
      checkThrottle(loginKey)
      let key: Buffer | null = null
      try {
        key = await unlockWithPassphrase(requireKeyring(), loginKey, passphrase)
      } catch (err) {
        if (!(err instanceof WrongPassphraseError)) throw err
      }
      const current = dataKey
      const matches = key !== null && current !== null && timingSafeEqual(key, current)
      key?.fill(0)
      if (!matches) {
        recordFailure('auth:unlock', loginKey)
        throw invalid('That passphrase is not right.', { passphrase: 'That passphrase is not right' })
      }
      locked = false
      throttle.succeeded(loginKey)
      touch()
      if (!isProvisional(user)) audited('auth:unlock', 'sign_in', user.id, () => undefined)
      return status()
    },

    async touch() {
      if (!activity()) throw new AppFailure('locked', SIGN_IN_MESSAGE)
      return status()
    },

    async lock() {
      requireSignedIn()
      lockNow('auth:lock')
      return status()
    },

    async signOut() {
      if (user) {
        deps.logger.info('auth.signed_out')
        const me = user
        if (!isProvisional(me) && deps.core()) audited('auth:signOut', 'sign_out', me.id, () => undefined, actorOf(me))
        closePractice()
      }
      user = null
      locked = false
      return status()
    },

    async recover({ recoveryKey, login, secret }: AuthIn<'recover'>) {
      if (state() === 'setup') throw conflict('This practice has not been set up yet.')
      if (state() === 'signedIn' || state() === 'locked') throw conflict('Someone is signed in. Sign out first.')
      const loginKey = loginKeyOf(login)
      // One count for every recovery-key attempt, whatever login is typed beside it.
      checkThrottle(RECOVERY_THROTTLE_KEY)
      let key: Buffer
      let opened: 'ready' | 'recovery'
      try {
        key = unlockWithRecoveryKey(keyring, recoveryKey)
        // Without a keyring to check the key against, opening the database is the test.
        opened = await deps.open(key, keyring !== null)
      } catch (err) {
        if (err instanceof WrongRecoveryKeyError || err instanceof WrongKeyError) {
          recordFailure('auth:recover', RECOVERY_THROTTLE_KEY)
          const message = err instanceof WrongKeyError ? 'That recovery key does not unlock this practice.' : err.message
          throw invalid(message, { recoveryKey: message })
        }
        throw err
      }
      // The recovery key holds the practice: its holder is the owner, unless the open database
      // names that login with another role.
      let role: Role = 'owner'
      if (opened === 'ready') {
        const users = deps.core()!.services.users
        const found = users.byLogin(login)
        if (users.count() > 0 && (!found || found.deactivatedAt)) {
          closePractice()
          const message = 'No active user has that user name.'
          throw invalid(message, { login: message })
        }
        if (found) role = found.role
      }
      const next = keyring
        ? await resetPassphrase(keyring, key, loginKey, secret.passphrase, { ...slotOptions(), role })
        : (await recoverKeyring({ recoveryKey, userId: loginKey, passphrase: secret.passphrase, ...slotOptions(), role })).keyring
      await saveKeyring(next)
      throttle.succeeded(RECOVERY_THROTTLE_KEY)
      deps.logger.info('auth.recovered')
      return signInWith(key, login, 'auth:recover', { role, profile: null }, opened)
    },

    async changePassphrase({ current, secret }: AuthIn<'changePassphrase'>) {
      const me = requireSignedIn()
      let next: Keyring
      try {
        const role = isProvisional(me) ? undefined : me.role
        next = await changePassphrase(requireKeyring(), loginKeyOf(me.login), current, secret.passphrase, { ...slotOptions(), role })
      } catch (err) {
        if (!(err instanceof WrongPassphraseError)) throw err
        throw invalid('Your current passphrase is not right.', { current: 'Your current passphrase is not right' })
      }
      await saveKeyring(next)
      if (!isProvisional(me)) audited('auth:changePassphrase', 'update', me.id, () => undefined)
      return status()
    }
  }

  const usersService = () => {
    const core = deps.core()
    if (!core) throw conflict('The practice database is not open.')
    return core.services.users
  }

  const usersHandlers = {
    list: async ({ includeDeactivated }: UsersIn<'list'>) => usersService().list(includeDeactivated),

    async create({ user: values, passphrase }: UsersIn<'create'>) {
      const users = usersService()
      if (users.byLogin(values.login)) throw invalid('That user name is taken.', { 'user.login': 'That user name is already taken' })
      const before = requireKeyring()
      const loginKey = loginKeyOf(values.login)
      // Never another login's way in: a slot for this name (a user of a replaced database, or a
      // crash between the keyring and the row) is not replaced by creating a user.
      if (slotFor(before, loginKey)) throw invalid('That user name is taken.', { 'user.login': 'That user name is already taken' })
      const next = await addPassphraseSlot(before, requireKey(), loginKey, passphrase, { ...slotOptions(), role: values.role })
      await saveKeyring(next)
      try {
        return audited('users:create', 'create', null, () => users.create(values))
      } catch (err) {
        await saveKeyring(before)
        throw err
      }
    },

    async update({ id, user: values }: UsersIn<'update'>) {
      const updated = audited('users:update', 'update', id, () => usersService().update(id, values))
      if (user && updated.id === user.id) user = updated
      return updated
    },

    async deactivate({ id }: UsersIn<'deactivate'>) {
      const done = audited('users:deactivate', 'archive', id, () => usersService().deactivate(id, user?.id ?? null))
      const slot = slotFor(requireKeyring(), loginKeyOf(done.login))
      if (slot) {
        try {
          await saveKeyring(removeSlot(requireKeyring(), slot.id))
        } catch (err) {
          if (!(err instanceof LastSlotError)) throw err
        }
      }
      return done
    },

    async resetPassphrase({ id, passphrase }: UsersIn<'resetPassphrase'>) {
      const target = usersService().get(id)
      if (!target) throw notFound('That user')
      if (target.deactivatedAt) throw conflict('That user is deactivated. Nothing was changed.')
      await saveKeyring(await resetPassphrase(requireKeyring(), requireKey(), loginKeyOf(target.login), passphrase, { ...slotOptions(), role: target.role }))
      audited('users:resetPassphrase', 'update', id, () => undefined)
      return target
    }
  }

  return {
    load,
    state,
    status,
    actor,
    asLockedUser,
    authHandlers,
    usersHandlers,
    afterOpen,
    /** The data key while the practice is open (backups and restores of the encrypted file). */
    key: () => dataKey,
    activity
  }
}
export type AuthGate = ReturnType<typeof createAuthGate>
