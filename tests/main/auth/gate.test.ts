/**
 * Sign-in, lock and the keyring through the start-up host, on real files: first-run setup
 * encrypts the practice, a wrong passphrase is refused with a growing delay and logged, the app
 * locks (on command and when idle) without closing, the recovery key resets a passphrase or
 * rebuilds a lost keyring, and a practice from before encryption is encrypted on first setup.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { AuthStatus } from '@shared/contracts/auth'
import type { User } from '@shared/contracts/users'
import { silentLogger } from '../../../src/main/log'
import { startCore, type CoreHost } from '../../../src/main/startup'
import { MIGRATIONS_FOLDER, sequentialIds } from '../../factories/app'
import { signInOwner, TEST_KDF, TEST_OWNER } from '../../factories/host'
import { clientInput } from '../../factories/clients'
import { addClients, openPractice, practicePaths, tempDir } from '../backup/helpers'
import { createBackup } from '../../../src/main/backup'

const SENTINEL = 'Zyxwvutsrqponmlk'

/** One clock for the host and the audit log, moved by the test. */
function clock(from = '2026-03-09T10:00:00.000Z') {
  let t = Date.parse(from)
  return { now: () => new Date(t), advance: (ms: number) => (t += ms) }
}

const hosts: CoreHost[] = []
/** One ID source for every host of a test: a restarted practice must not reuse its audit IDs. */
const newId = sequentialIds(5000)
afterEach(() => {
  for (const h of hosts.splice(0)) h.close()
})

async function start(dataDir: string, c = clock()): Promise<CoreHost> {
  const host = await startCore({
    dataDir,
    kdf: TEST_KDF,
    migrationsFolder: MIGRATIONS_FOLDER,
    logger: silentLogger,
    validateOutput: true,
    now: c.now,
    context: { now: c.now, newId }
  })
  hosts.push(host)
  return host
}

async function ok<T>(host: CoreHost, channel: string, input: unknown = {}): Promise<T> {
  const result = await host.call(channel, input)
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`)
  return result.value as T
}
async function fail(host: CoreHost, channel: string, input: unknown = {}) {
  const result = await host.call(channel, input)
  if (result.ok) throw new Error(`${channel} should have failed`)
  return result.error
}
const stateOf = async (host: CoreHost) => (await ok<AuthStatus>(host, 'auth:status')).state
const auditActions = (host: CoreHost) =>
  host.core!.connection.sqlite.prepare("SELECT action, channel, actor_label AS actor, at FROM audit_log WHERE entity = 'user' ORDER BY seq").all() as {
    action: string
    channel: string
    actor: string
    at: string
  }[]
const bytesOf = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => readFileSync(join(e.parentPath, e.name)))

describe('first run', () => {
  it('answers setup, refuses practice calls, then makes the owner, shows a recovery key once and encrypts the database', async () => {
    const dir = tempDir()
    const host = await start(dir)
    expect(await stateOf(host)).toBe('setup')
    expect(await fail(host, 'clients:list')).toMatchObject({ code: 'locked' })

    const short = await fail(host, 'auth:setup', { owner: { displayName: 'Dana', credentials: null, login: 'dana' }, secret: { passphrase: 'short', passphraseConfirm: 'short' } })
    expect(short.fields?.['secret.passphrase']).toMatch(/at least 12 characters/)
    const mismatch = await fail(host, 'auth:setup', {
      owner: { displayName: 'Dana', credentials: null, login: 'dana' },
      secret: { passphrase: 'correct horse battery', passphraseConfirm: 'correct horse battery!' }
    })
    expect(mismatch.fields?.['secret.passphraseConfirm']).toBe('The two passphrases do not match')
    expect(existsSync(join(dir, 'keyring.json'))).toBe(false)

    const { recoveryKey } = await signInOwner(host)
    expect(recoveryKey).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){7}$/)
    const status = await ok<AuthStatus>(host, 'auth:status')
    expect(status).toMatchObject({ state: 'signedIn', idleLockMinutes: 10, user: { login: 'dana', role: 'owner', displayName: 'Dana Whitfield' } })
    await ok(host, 'clients:create', { client: clientInput({ legalLastName: SENTINEL }) })
    expect(await ok<User[]>(host, 'users:list')).toHaveLength(1)
    expect(auditActions(host).map((e) => e.action)).toEqual(['create', 'sign_in'])
    // A second setup is refused: the practice has an owner.
    const again = { owner: { displayName: 'Eve', credentials: null, login: 'eve' }, secret: { passphrase: 'eve wants the practice', passphraseConfirm: 'eve wants the practice' } }
    expect(await fail(host, 'auth:setup', again)).toMatchObject({ code: 'conflict' })
    host.close()
    for (const bytes of bytesOf(dir)) {
      expect(bytes.includes(SENTINEL)).toBe(false)
      expect(bytes.subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3')
    }
  })

  it('a practice from before encryption is encrypted at setup, with its backups, and keeps its data', async () => {
    const paths = practicePaths()
    const plain = await openPractice(paths.databasePath)
    await addClients(plain, SENTINEL, 'Baker')
    await createBackup(plain.connection.sqlite, paths.backupDir, { now: new Date('2026-03-08T12:00:00.000Z'), reason: 'manual' })
    plain.close()
    expect(bytesOf(paths.dir).some((b) => b.includes(SENTINEL))).toBe(true)

    const host = await start(paths.dir)
    expect(await stateOf(host)).toBe('setup')
    await signInOwner(host)
    const list = await ok<{ rows: { legalLastName: string }[] }>(host, 'clients:list', {})
    expect(list.rows.map((r) => r.legalLastName).sort()).toEqual(['Baker', SENTINEL])
    host.close()
    expect(bytesOf(paths.dir).some((b) => b.includes(SENTINEL))).toBe(false)
  })
})

describe('sign-in', () => {
  it('refuses a wrong passphrase alike for a known and an unknown name, slows down after three, and logs the failures when the database opens', async () => {
    const dir = tempDir()
    const c = clock()
    let host = await start(dir, c)
    await signInOwner(host)
    host.close()
    host = await start(dir, c)
    expect(await stateOf(host)).toBe('signedOut')
    expect(await fail(host, 'clients:list')).toMatchObject({ code: 'locked' })

    const wrongKnown = await fail(host, 'auth:signIn', { login: 'dana', passphrase: 'not the passphrase' })
    const wrongUnknown = await fail(host, 'auth:signIn', { login: 'nobody-here', passphrase: 'not the passphrase' })
    expect(wrongKnown).toEqual(wrongUnknown)
    expect(wrongKnown).toMatchObject({ code: 'invalid_input', message: 'The user name or passphrase is not right.' })
    await fail(host, 'auth:signIn', { login: 'Dana', passphrase: 'still wrong' })
    await fail(host, 'auth:signIn', { login: 'dana', passphrase: 'wrong a third time' })
    // Three failures for dana (by any spelling): the next attempt waits, even with the right passphrase.
    const wait = await fail(host, 'auth:signIn', { login: 'dana', passphrase: TEST_OWNER.passphrase })
    expect(wait).toEqual({ code: 'conflict', message: 'Too many attempts. Try again in 1 second.' })
    await fail(host, 'auth:signIn', { login: 'dana', passphrase: 'wrong again' }).catch(() => undefined)
    c.advance(1000)
    // The wrong guess after the wait was refused by the throttle, not counted: one more second is enough.
    await ok(host, 'auth:signIn', { login: 'DANA', passphrase: TEST_OWNER.passphrase })
    expect(await stateOf(host)).toBe('signedIn')

    const entries = auditActions(host)
    // Three failures for dana (named) and one for an unknown name (never recorded as typed).
    expect(entries.filter((e) => e.action === 'sign_in_failed').map((e) => e.actor)).toEqual(['Dana Whitfield', 'unknown user', 'Dana Whitfield', 'Dana Whitfield'])
    expect(entries.at(-1)).toMatchObject({ action: 'sign_in', actor: 'Dana Whitfield' })
    expect(JSON.stringify(entries)).not.toContain('nobody-here')
    // The failures keep the time they happened, not the time they were written.
    expect(entries.find((e) => e.action === 'sign_in_failed')!.at).toBe('2026-03-09T10:00:00.000Z')
  })
})

describe('lock', () => {
  it('locks on command and after the idle time, keeps the practice open, and unlocks only with the same passphrase', async () => {
    const dir = tempDir()
    const c = clock()
    const host = await start(dir, c)
    await signInOwner(host)
    await ok(host, 'clients:list', {})

    await ok(host, 'auth:lock')
    expect(await stateOf(host)).toBe('locked')
    expect(await fail(host, 'clients:list')).toMatchObject({ code: 'locked' })
    expect(host.core).not.toBeNull()
    expect(await fail(host, 'auth:signIn', { login: 'dana', passphrase: TEST_OWNER.passphrase })).toMatchObject({ code: 'conflict' })
    expect(await fail(host, 'auth:unlock', { passphrase: 'wrong passphrase' })).toMatchObject({ code: 'invalid_input', fields: { passphrase: 'That passphrase is not right' } })
    await ok(host, 'auth:unlock', { passphrase: TEST_OWNER.passphrase })
    expect(await stateOf(host)).toBe('signedIn')

    await ok(host, 'settings:save', { settings: { idleLockMinutes: 5 } })
    // Typing a long note calls nothing but auth:touch, which keeps the session alive.
    c.advance(4 * 60_000)
    await ok(host, 'auth:touch')
    c.advance(4 * 60_000)
    await ok(host, 'clients:list', {})
    c.advance(5 * 60_000 + 1)
    expect(await fail(host, 'clients:list')).toMatchObject({ code: 'locked' })
    expect(await stateOf(host)).toBe('locked')
    await ok(host, 'auth:unlock', { passphrase: TEST_OWNER.passphrase })
    expect(auditActions(host).map((e) => e.action)).toEqual(['create', 'sign_in', 'lock', 'sign_in_failed', 'sign_in', 'lock', 'sign_in'])
  })

  it('signing out closes the practice; signing back in opens it', async () => {
    const host = await start(tempDir())
    await signInOwner(host)
    await ok(host, 'auth:signOut')
    expect(host.core).toBeNull()
    expect(await stateOf(host)).toBe('signedOut')
    await signInOwner(host)
    expect(host.core).not.toBeNull()
  })
})

describe('users and passphrases', () => {
  it('the owner adds users who sign in with their own passphrase; deactivated users cannot; a changed passphrase replaces the old', async () => {
    const host = await start(tempDir())
    await signInOwner(host)
    const sam = await ok<User>(host, 'users:create', {
      user: { displayName: 'Sam Ortiz', credentials: null, login: 'sam', role: 'administrator' },
      passphrase: 'sam first passphrase'
    })
    expect(await fail(host, 'users:create', { user: { displayName: 'Other', credentials: null, login: 'SAM', role: 'clinician' }, passphrase: 'another passphrase' })).toMatchObject({
      fields: { 'user.login': 'That user name is already taken' }
    })
    await ok(host, 'auth:signOut')
    await ok(host, 'auth:signIn', { login: 'sam', passphrase: 'sam first passphrase' })
    expect((await ok<AuthStatus>(host, 'auth:status')).user?.role).toBe('administrator')
    expect(await fail(host, 'users:list')).toMatchObject({ code: 'forbidden' })
    await ok(host, 'auth:changePassphrase', { current: 'sam first passphrase', secret: { passphrase: 'sam own passphrase', passphraseConfirm: 'sam own passphrase' } })
    await ok(host, 'auth:signOut')
    expect(await fail(host, 'auth:signIn', { login: 'sam', passphrase: 'sam first passphrase' })).toMatchObject({ code: 'invalid_input' })
    await ok(host, 'auth:signIn', { login: 'sam', passphrase: 'sam own passphrase' })
    await ok(host, 'auth:signOut')

    await signInOwner(host)
    expect(await fail(host, 'users:deactivate', { id: (await ok<AuthStatus>(host, 'auth:status')).user!.id })).toMatchObject({ code: 'conflict' })
    await ok(host, 'users:deactivate', { id: sam.id })
    await ok(host, 'auth:signOut')
    expect(await fail(host, 'auth:signIn', { login: 'sam', passphrase: 'sam own passphrase' })).toMatchObject({ code: 'invalid_input' })
  })
})

describe('recovery key', () => {
  it('sets a new passphrase when the old one is forgotten, and rebuilds a lost keyring.json', async () => {
    const dir = tempDir()
    let host = await start(dir)
    const { recoveryKey } = await signInOwner(host)
    await ok(host, 'clients:create', { client: clientInput({ legalLastName: 'Keeps' }) })
    await ok(host, 'auth:signOut')

    const newSecret = { passphrase: 'a brand new passphrase', passphraseConfirm: 'a brand new passphrase' }
    expect(await fail(host, 'auth:recover', { recoveryKey: 'AAAA-BBBB', login: 'dana', secret: newSecret })).toMatchObject({ code: 'invalid_input' })
    await ok(host, 'auth:recover', { recoveryKey: recoveryKey!.toLowerCase().replaceAll('-', ' '), login: 'dana', secret: newSecret })
    expect(await stateOf(host)).toBe('signedIn')
    await ok(host, 'auth:signOut')
    expect(await fail(host, 'auth:signIn', { login: 'dana', passphrase: TEST_OWNER.passphrase })).toMatchObject({ code: 'invalid_input' })
    await ok(host, 'auth:signIn', { login: 'dana', passphrase: newSecret.passphrase })
    host.close()

    rmSync(join(dir, 'keyring.json'))
    host = await start(dir)
    expect(await stateOf(host)).toBe('keyringMissing')
    const other = await start(tempDir())
    const { recoveryKey: otherKey } = await signInOwner(other)
    expect(await fail(host, 'auth:recover', { recoveryKey: otherKey, login: 'dana', secret: newSecret })).toMatchObject({
      code: 'invalid_input',
      fields: { recoveryKey: 'That recovery key does not unlock this practice.' }
    })
    await ok(host, 'auth:recover', { recoveryKey, login: 'dana', secret: newSecret })
    const list = await ok<{ rows: { legalLastName: string }[] }>(host, 'clients:list', {})
    expect(list.rows.map((r) => r.legalLastName)).toEqual(['Keeps'])
    expect(existsSync(join(dir, 'keyring.json'))).toBe(true)
  })
})

describe('moving a practice to another machine', () => {
  it('imports an archive into an encrypted practice: the data arrives encrypted, and whoever imported it can still sign in', async () => {
    const from = tempDir()
    const a = await start(from)
    await signInOwner(a)
    await ok(a, 'clients:create', { client: clientInput({ legalLastName: SENTINEL }) })
    const archive = await ok<{ fileName: string }>(a, 'exports:archive', { passphrase: 'moving day passphrase' })
    a.close()

    const to = tempDir()
    const b = await start(to)
    await signInOwner(b, { displayName: 'Sam Ortiz', credentials: 'PsyD', login: 'sam', passphrase: 'sam owns the new machine' })
    await ok(b, 'clients:create', { client: clientInput({ legalLastName: 'Replaced' }) })
    mkdirSync(join(to, 'exports'), { recursive: true })
    copyFileSync(join(from, 'exports', archive.fileName), join(to, 'exports', archive.fileName))

    expect(await fail(b, 'exports:importArchive', { fileName: archive.fileName, passphrase: 'not the archive passphrase' })).toMatchObject({ code: 'invalid_input' })
    const imported = await ok<{ clients: number; preImportBackup: string | null }>(b, 'exports:importArchive', { fileName: archive.fileName, passphrase: 'moving day passphrase' })
    expect(imported).toMatchObject({ clients: 1 })
    expect(imported.preImportBackup).toMatch(/pre-restore/)
    const list = await ok<{ rows: { legalLastName: string }[] }>(b, 'clients:list', {})
    expect(list.rows.map((r) => r.legalLastName)).toEqual([SENTINEL])
    // The archive's own owner (dana) came along; sam, who imported it, is kept as a user too.
    expect((await ok<User[]>(b, 'users:list')).map((u) => u.login).sort()).toEqual(['dana', 'sam'])

    await ok(b, 'auth:signOut')
    await ok(b, 'auth:signIn', { login: 'sam', passphrase: 'sam owns the new machine' })
    expect(await ok<{ rows: unknown[] }>(b, 'clients:list', {})).toMatchObject({ total: 1 })
    b.close()
    // Nothing on this machine shows the imported data in the clear (the archive itself is sealed).
    for (const bytes of bytesOf(to)) expect(bytes.includes(SENTINEL)).toBe(false)
  })
})
