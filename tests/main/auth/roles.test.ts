/**
 * Every IPC channel, called as each role through the real host (sign-in, dispatch, the host's
 * own domains): main refuses what a role may not do, whatever the renderer shows. The expected
 * access is written out here, from the domain's rules, not read back from the contracts.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { allContracts } from '@shared/contracts'
import type { Role } from '@shared/domain/roles'
import { silentLogger } from '../../../src/main/log'
import { startCore, type CoreHost } from '../../../src/main/startup'
import { MIGRATIONS_FOLDER } from '../../factories/app'
import { signInOwner, TEST_KDF, TEST_OWNER } from '../../factories/host'

/** The owner's alone: users, the audit log, backups and recovery, whole-practice exports, practice-wide settings. */
const OWNER_ONLY = /^(audit|exports|backups|jobs|users):|^(practice|settings):save$|^recovery:(restore|startFresh|retry)$/
/**
 * Clinical content and decisions: screening answers, notes (and addenda), measures, and starting
 * or changing a treatment course. Never the administrator's (who still sees courses and books sessions).
 */
const CLINICAL_ONLY = /^(screening|notes|measures):|^courses:(create|update)$/
/**
 * Billing's writes and the practice's money (Billing page, accountant's export) are the owner's and
 * the administrator's, and so are the stored documents (superbills, estimates, statements); a
 * clinician only reads a chart's billing tab, the fee schedule and providers.
 */
const BILLING_ONLY = /^billing:(?!(providers|settings|fees|account|invoice)$)|^documents:/
/** Answer before anyone signs in. */
const PUBLIC = new Set(['auth:status', 'auth:setup', 'auth:signIn', 'auth:unlock', 'auth:signOut', 'auth:recover'])

const mayCall = (role: Role, channel: string): boolean => {
  if (PUBLIC.has(channel) || role === 'owner') return true
  if (OWNER_ONLY.test(channel)) return false
  if (BILLING_ONLY.test(channel)) return role === 'administrator'
  return role === 'clinician' || !CLINICAL_ONLY.test(channel)
}

const PASSPHRASES: Record<Exclude<Role, 'owner'>, string> = { clinician: 'clinician passphrase', administrator: 'administrator passphrase' }
/** An input no contract accepts (they are strict), so a permitted call is refused as invalid and changes nothing. */
const PROBE = { __probe: 1 }

let host: CoreHost
/** One practice for the whole file (the backup helpers' temp folders last one test only). */
const dataDir = mkdtempSync(join(tmpdir(), 'kap-roles-'))
beforeAll(async () => {
  host = await startCore({ dataDir, kdf: TEST_KDF, migrationsFolder: MIGRATIONS_FOLDER, logger: silentLogger, validateOutput: true })
  await signInOwner(host)
  for (const role of ['clinician', 'administrator'] as const) {
    const made = await host.call('users:create', { user: { displayName: `A ${role}`, credentials: null, login: role, role }, passphrase: PASSPHRASES[role] })
    if (!made.ok) throw new Error(`users:create failed: ${made.error.message}`)
  }
})
afterAll(() => {
  host.close()
  rmSync(dataDir, { recursive: true, force: true })
})

async function signInAs(role: Role) {
  await host.call('auth:signOut', {})
  const result =
    role === 'owner' ? await host.call('auth:signIn', { login: TEST_OWNER.login, passphrase: TEST_OWNER.passphrase }) : await host.call('auth:signIn', { login: role, passphrase: PASSPHRASES[role] })
  expect(result).toMatchObject({ ok: true })
}

describe('access to every channel', () => {
  it.each(['owner', 'clinician', 'administrator'] as const)('as %s: refused exactly where the role may not go', async (role) => {
    await signInAs(role)
    const wrong: string[] = []
    for (const { channel } of allContracts()) {
      const result = await host.call(channel, PROBE)
      const refused = !result.ok && (result.error.code === 'forbidden' || result.error.code === 'locked')
      if (refused === mayCall(role, channel)) wrong.push(`${channel}: ${result.ok ? 'ok' : result.error.code}`)
    }
    expect(wrong).toEqual([])
    // Still signed in: no probe signed anyone out or locked the app.
    expect((await host.call('auth:status', {})).ok && host.auth.state()).toBe('signedIn')
  })

  it('with nobody signed in, everything but signing in answers "locked"', async () => {
    await host.call('auth:signOut', {})
    const open: string[] = []
    for (const { channel } of allContracts()) {
      const result = await host.call(channel, PROBE)
      const locked = !result.ok && result.error.code === 'locked'
      if (locked === PUBLIC.has(channel)) open.push(channel)
    }
    expect(open).toEqual([])
  })

  it('the administrator opens a chart without learning a screening answer', async () => {
    await signInAs('owner')
    const created = await host.call('clients:create', {
      client: { legalFirstName: 'Ana', legalLastName: 'Reyes', dateOfBirth: '1980-02-03', sex: 'F', status: 'screening' }
    })
    expect(created.ok).toBe(true)
    const id = (created as { value: { id: string } }).value.id
    const answered = await host.call('screening:record', { clientId: id, itemKey: 'glaucoma', item: { answer: 'yes', note: null, reviewedBy: 'Dana', reviewedOn: '2026-03-01' } })
    expect(answered.ok).toBe(true)
    const asOwner = await host.call('clients:get', { id })
    expect(asOwner).toMatchObject({ ok: true, value: { flags: { screeningPositive: true } } })
    await signInAs('administrator')
    const asAdmin = await host.call('clients:get', { id })
    expect(asAdmin).toMatchObject({ ok: true, value: { flags: { screeningPositive: null } } })
    expect(await host.call('screening:get', { clientId: id })).toMatchObject({ ok: false, error: { code: 'forbidden' } })
  })
})
