/**
 * First-run setup writes keyring.json before the database holds the owner. If the app stops in
 * between, the next sign-in makes the owner from what the slot's authenticated data vouches for:
 * the name and credentials typed at setup, never the login.
 */
import { readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { AuthStatus } from '@shared/contracts/auth'
import type { User } from '@shared/contracts/users'
import { WRONG_SIGN_IN } from '../../../src/main/auth/gate'
import { silentLogger } from '../../../src/main/log'
import { readKeyring, keyringPathIn } from '../../../src/main/security/keyring'
import { startCore, type CoreHost } from '../../../src/main/startup'
import { MIGRATIONS_FOLDER } from '../../factories/app'
import { signInOwner, TEST_KDF, TEST_OWNER } from '../../factories/host'
import { tempDir } from '../backup/helpers'

const hosts: CoreHost[] = []
afterEach(() => {
  for (const h of hosts.splice(0)) h.close()
})

async function start(dataDir: string): Promise<CoreHost> {
  const host = await startCore({ dataDir, kdf: TEST_KDF, migrationsFolder: MIGRATIONS_FOLDER, logger: silentLogger, validateOutput: true })
  hosts.push(host)
  return host
}

/** What is on disk when setup stopped right after keyring.json was written: the keyring, and nothing else. */
function crashAfterKeyring(dir: string): void {
  for (const name of readdirSync(dir)) if (name !== 'keyring.json') rmSync(join(dir, name), { recursive: true, force: true })
}

describe('first run stopped between keyring.json and the database', () => {
  it('the next sign-in makes the owner with the name and credentials typed at setup', async () => {
    const dir = tempDir()
    const first = await start(dir)
    await signInOwner(first)
    first.close()
    crashAfterKeyring(dir)

    const host = await start(dir)
    expect(host.auth.state()).toBe('signedOut')
    await signInOwner(host)
    const status = (await host.call('auth:status', {})) as { ok: true; value: AuthStatus }
    expect(status.value.user).toMatchObject({ login: TEST_OWNER.login, displayName: TEST_OWNER.displayName, credentials: TEST_OWNER.credentials, role: 'owner' })
    const users = (await host.call('users:list', {})) as { ok: true; value: User[] }
    expect(users.value.map((u) => [u.displayName, u.credentials])).toEqual([[TEST_OWNER.displayName, TEST_OWNER.credentials]])
  })

  it('the profile is bound into the slot’s authenticated data: an edited one does not open', async () => {
    const dir = tempDir()
    const first = await start(dir)
    await signInOwner(first)
    first.close()
    crashAfterKeyring(dir)
    const ring = await readKeyring(keyringPathIn(dir))
    expect(ring.slots[0]!.profile).toEqual({ displayName: TEST_OWNER.displayName, credentials: TEST_OWNER.credentials })
    // Someone with the file renames the owner-to-be: the slot no longer opens.
    const edited = { ...ring, slots: [{ ...ring.slots[0]!, profile: { displayName: 'Eve Mallory', credentials: 'MD' } }] }
    writeFileSync(keyringPathIn(dir), JSON.stringify(edited))
    const host = await start(dir)
    const result = await host.call('auth:signIn', { login: TEST_OWNER.login, passphrase: TEST_OWNER.passphrase })
    expect(result).toMatchObject({ ok: false, error: { message: WRONG_SIGN_IN } })
  })
})
