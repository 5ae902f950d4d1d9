/**
 * The outside review's findings, each replayed against the real start-up host on real files:
 * - an administrator cannot become owner by moving the database away (recovery is an owner's),
 *   by emptying the data folder, or by creating a user over another login's key slot;
 * - a slot's role is authenticated: editing it in keyring.json stops the slot unwrapping;
 * - the idle lock covers the host's own calls (users, backups, recovery);
 * - reads of clinical content, locking and signing out are in the audit log;
 * - a lowered keyring cost never makes a new slot cheaper; unknown user names cost a real scrypt.
 */
import { renameSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { AuthStatus } from '@shared/contracts/auth'
import type { User } from '@shared/contracts/users'
import { silentLogger } from '../../../src/main/log'
import { startCore, type CoreHost } from '../../../src/main/startup'
import { databasePathIn } from '../../../src/main/paths'
import { DEFAULT_KDF, addPassphraseSlot, costForNewSlot, keyringPathIn, readKeyring, unlockSlot, writeKeyring } from '../../../src/main/security/keyring'
import { MIGRATIONS_FOLDER, sequentialIds } from '../../factories/app'
import { signInOwner, TEST_KDF, TEST_OWNER } from '../../factories/host'
import { clientInput } from '../../factories/clients'
import { tempDir } from '../backup/helpers'

function clock(from = '2026-03-09T10:00:00.000Z') {
  let t = Date.parse(from)
  return { now: () => new Date(t), advance: (ms: number) => (t += ms) }
}

const hosts: CoreHost[] = []
const newId = sequentialIds(9000)
afterEach(() => {
  for (const h of hosts.splice(0)) h.close()
})

async function start(dataDir: string, c = clock()): Promise<CoreHost> {
  const host = await startCore({ dataDir, kdf: TEST_KDF, migrationsFolder: MIGRATIONS_FOLDER, logger: silentLogger, validateOutput: true, now: c.now, context: { now: c.now, newId } })
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
const closeHost = (host: CoreHost) => {
  host.close()
  hosts.splice(hosts.indexOf(host), 1)
}

const ADMIN = { login: 'avery', passphrase: 'administrator passphrase' }

/** A practice with its owner, an administrator and one client, closed again. */
async function practiceWithAdministrator(c = clock()): Promise<{ dir: string; recoveryKey: string }> {
  const dir = tempDir()
  const host = await start(dir, c)
  const { recoveryKey } = await signInOwner(host)
  await ok<User>(host, 'users:create', { user: { displayName: 'Avery Admin', credentials: null, login: ADMIN.login, role: 'administrator' }, passphrase: ADMIN.passphrase })
  await ok(host, 'clients:create', { client: clientInput() })
  await ok(host, 'backups:create')
  closeHost(host)
  return { dir, recoveryKey: recoveryKey! }
}

describe('finding 1: an administrator cannot make themselves owner', () => {
  it('the review chain: database moved away → admin signs in → start fresh / restore are refused; the owner still signs in', async () => {
    const { dir } = await practiceWithAdministrator()
    renameSync(databasePathIn(dir), join(dir, 'moved-away.db'))

    const host = await start(dir)
    const status = await ok<AuthStatus>(host, 'auth:signIn', ADMIN)
    // Signed in to a practice that needs recovery, holding the role their slot vouches for.
    expect(status.user).toMatchObject({ login: 'avery', role: 'administrator' })
    expect((await ok<{ state: string }>(host, 'recovery:status')).state).toBe('missing')
    expect(await fail(host, 'recovery:startFresh')).toMatchObject({ code: 'forbidden' })
    const backups = (await ok<{ backups: { fileName: string }[] }>(host, 'recovery:status')).backups
    expect(await fail(host, 'recovery:restore', { fileName: backups[0]!.fileName })).toMatchObject({ code: 'forbidden' })
    expect(await fail(host, 'users:create', { user: { displayName: 'Dana', credentials: null, login: 'dana', role: 'owner' }, passphrase: 'a passphrase I chose' })).toMatchObject({
      code: 'forbidden'
    })
    await ok(host, 'auth:signOut')

    // The real owner's slot is untouched: they sign in and restore.
    await signInOwner(host)
    expect(host.auth.status().user).toMatchObject({ login: 'dana', role: 'owner' })
    await ok(host, 'recovery:restore', { fileName: backups[0]!.fileName })
    expect(host.auth.status().user).toMatchObject({ login: 'dana', role: 'owner' })
  })

  it('an emptied data folder (database and backups deleted) does not make an administrator its owner', async () => {
    const { dir } = await practiceWithAdministrator()
    for (const name of ['practice.db', 'practice.db-wal', 'practice.db-shm', 'backups']) rmSync(join(dir, name), { recursive: true, force: true })
    const host = await start(dir)
    const refused = await fail(host, 'auth:signIn', ADMIN)
    expect(refused).toMatchObject({ code: 'invalid_input' })
    expect(host.auth.state()).toBe('signedOut')
    // The owner's slot may set the empty practice up again, with their name from the slot.
    await signInOwner(host)
    expect(host.auth.status().user).toMatchObject({ login: 'dana', role: 'owner', displayName: TEST_OWNER.displayName, credentials: TEST_OWNER.credentials })
  })

  it('users:create never replaces a key slot another login holds', async () => {
    const { dir } = await practiceWithAdministrator()
    // A slot for a login this database does not know (a user of a replaced database, or a crash
    // between writing the keyring and the row): the review overwrote such a slot with users:create.
    const path = keyringPathIn(dir)
    const ring = await readKeyring(path)
    const { dataKey } = await unlockSlot(ring, 'dana', TEST_OWNER.passphrase)
    await writeKeyring(path, await addPassphraseSlot(ring, dataKey, 'ghost', 'the ghost passphrase', { kdf: TEST_KDF, role: 'clinician' }))
    const before = readFileSync(path, 'utf8')

    const host = await start(dir)
    await signInOwner(host)
    const taken = await fail(host, 'users:create', { user: { displayName: 'Ghost', credentials: null, login: 'Ghost', role: 'owner' }, passphrase: 'a passphrase I chose' })
    expect(taken.fields?.['user.login']).toMatch(/taken/)
    expect(readFileSync(path, 'utf8')).toBe(before)
    expect((await ok<User[]>(host, 'users:list')).map((u) => u.login)).not.toContain('Ghost')
  })

  it('binds each slot to its role: an edited role does not unwrap, and every slot made now carries one', async () => {
    const { dir } = await practiceWithAdministrator()
    const path = keyringPathIn(dir)
    const ring = await readKeyring(path)
    expect(Object.fromEntries(ring.slots.map((s) => [s.userId, s.role]))).toEqual({ dana: 'owner', avery: 'administrator' })
    expect((await unlockSlot(ring, 'avery', ADMIN.passphrase)).role).toBe('administrator')

    const forged = { ...ring, slots: ring.slots.map((s) => (s.userId === 'avery' ? { ...s, role: 'owner' as const } : s)) }
    await expect(unlockSlot(forged, 'avery', ADMIN.passphrase)).rejects.toThrow(/does not unlock/)
    const stripped = { ...ring, slots: ring.slots.map((s) => (s.userId === 'avery' ? { ...s, role: undefined } : s)) }
    await expect(unlockSlot(stripped, 'avery', ADMIN.passphrase)).rejects.toThrow(/does not unlock/)

    writeFileSync(path, JSON.stringify(forged))
    const host = await start(dir)
    expect(await fail(host, 'auth:signIn', ADMIN)).toMatchObject({ code: 'invalid_input' })
  })
})

describe('finding 3: the idle lock covers the host calls', () => {
  it('eleven minutes past a ten-minute limit, users, backups and recovery answer locked', async () => {
    const c = clock()
    const { dir } = await practiceWithAdministrator(c)
    const host = await start(dir, c)
    await signInOwner(host)
    c.advance(11 * 60_000)
    for (const channel of ['users:list', 'backups:create', 'backups:list', 'recovery:status']) {
      expect(await fail(host, channel)).toMatchObject({ code: 'locked' })
    }
    expect(await fail(host, 'users:create', { user: { displayName: 'Eve', credentials: null, login: 'eve', role: 'owner' }, passphrase: 'eve passphrase here' })).toMatchObject({
      code: 'locked'
    })
    expect(host.auth.state()).toBe('locked')
    expect((await readKeyring(keyringPathIn(dir))).slots.map((s) => s.userId)).not.toContain('eve')
    // Unlocking still answers, and the calls work again.
    await ok(host, 'auth:unlock', { passphrase: TEST_OWNER.passphrase })
    expect((await ok<User[]>(host, 'users:list')).length).toBe(2)
  })
})

describe('finding 5: reads of clinical content, locks and sign-outs are logged', () => {
  it('notes:search, screening:get, measures:list and measures:trend write a view; lock and sign-out are entries', async () => {
    const dir = tempDir()
    const host = await start(dir)
    await signInOwner(host)
    const client = await ok<{ id: string }>(host, 'clients:create', { client: clientInput() })
    const views = () =>
      host.core!.connection.sqlite.prepare("SELECT channel, entity, client_id AS clientId FROM audit_log WHERE action = 'view' ORDER BY seq").all() as {
        channel: string
        entity: string
        clientId: string | null
      }[]
    await ok(host, 'notes:search', { query: 'anything' })
    await ok(host, 'screening:get', { clientId: client.id })
    await ok(host, 'measures:list', { clientId: client.id })
    await ok(host, 'measures:trend', { clientId: client.id })
    const seen = views()
    expect(seen).toEqual(
      expect.arrayContaining([
        { channel: 'notes:search', entity: 'note', clientId: null },
        { channel: 'screening:get', entity: 'screening_item', clientId: client.id },
        { channel: 'measures:list', entity: 'measure', clientId: client.id },
        { channel: 'measures:trend', entity: 'measure', clientId: client.id }
      ])
    )

    await ok(host, 'auth:lock')
    await ok(host, 'auth:unlock', { passphrase: TEST_OWNER.passphrase })
    const core = host.core!
    await ok(host, 'auth:signOut')
    expect(core.connection.sqlite.open).toBe(false)
    const reopened = await start(dir)
    await signInOwner(reopened)
    const events = reopened.core!.connection.sqlite.prepare("SELECT action, channel, actor_label AS actor FROM audit_log WHERE action IN ('lock', 'sign_out') ORDER BY seq").all()
    expect(events).toEqual([
      { action: 'lock', channel: 'auth:lock', actor: TEST_OWNER.displayName },
      { action: 'sign_out', channel: 'auth:signOut', actor: TEST_OWNER.displayName }
    ])
  })
})

describe('findings 7 and 8: keyring cost and timing', () => {
  it('a top-level kdf lowered in keyring.json never lowers the cost of a new slot', () => {
    const cheap = { name: 'scrypt' as const, N: 1024, r: 1, p: 1 }
    expect(costForNewSlot({ kdf: cheap }, {})).toEqual(DEFAULT_KDF)
    expect(costForNewSlot({ kdf: { ...DEFAULT_KDF, N: 2 ** 18 } }, {}).N).toBe(2 ** 18)
    // Code (tests, the harness) may still choose a cost on purpose.
    expect(costForNewSlot({ kdf: cheap }, { kdf: TEST_KDF })).toEqual(TEST_KDF)
  })
})
