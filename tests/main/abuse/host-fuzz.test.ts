/**
 * The start-up host's own channels (auth, users) get hostile input too: whatever arrives, the
 * answer is an envelope, never `internal`, never a throw; a refused call leaves keyring.json and
 * the users as they were; nothing pollutes a prototype.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appErrorSchema, contracts } from '@shared/contracts'
import { silentLogger } from '../../../src/main/log'
import { startCore, type CoreHost } from '../../../src/main/startup'
import { MIGRATIONS_FOLDER } from '../../factories/app'
import { signInOwner, TEST_KDF } from '../../factories/host'
import { prototypeSnapshot } from './support'

const RUNS_PER_CHANNEL = 40
const SEED = Number(process.env.FUZZ_SEED ?? 20261123)

const dataDir = mkdtempSync(join(tmpdir(), 'kap-host-fuzz-'))
let host: CoreHost
beforeAll(async () => {
  host = await startCore({ dataDir, kdf: TEST_KDF, migrationsFolder: MIGRATIONS_FOLDER, logger: silentLogger, validateOutput: true })
  await signInOwner(host)
})
afterAll(() => {
  host.close()
  rmSync(dataDir, { recursive: true, force: true })
})

const keyring = () => readFileSync(join(dataDir, 'keyring.json'), 'utf8')
const users = () => JSON.stringify(host.core?.connection.sqlite.prepare('SELECT * FROM users ORDER BY id').all() ?? null)

const hostileInput = fc.oneof(
  fc.anything({ maxDepth: 3, withNullPrototype: true, withMap: true, withDate: true, stringUnit: 'binary' }),
  fc.record({ login: fc.string({ unit: 'binary' }), passphrase: fc.oneof(fc.string({ unit: 'binary' }), fc.integer(), fc.constant(null)) }),
  fc.record({ owner: fc.anything({ maxDepth: 2 }), secret: fc.record({ passphrase: fc.string(), passphraseConfirm: fc.string() }) }),
  fc.record({ id: fc.oneof(fc.uuid(), fc.string()), user: fc.anything({ maxDepth: 2 }), passphrase: fc.string({ maxLength: 2000 }) }),
  fc.record({ recoveryKey: fc.string({ unit: 'binary', maxLength: 120 }), login: fc.string(), secret: fc.anything({ maxDepth: 2 }) }),
  fc.constantFrom(JSON.parse('{"__proto__":{"polluted":"yes"}}'), JSON.parse('{"constructor":{"prototype":{"polluted":"yes"}}}'))
)

describe('host channels under hostile input', () => {
  const channels = [...Object.values(contracts.auth), ...Object.values(contracts.users)].map((c) => c.channel)
  it.each(channels)('%s answers an envelope and changes nothing it refuses', async (channel) => {
    const prototypes = prototypeSnapshot()
    await fc.assert(
      fc.asyncProperty(hostileInput, async (input) => {
        const before = { keyring: keyring(), users: users() }
        const result = await host.call(channel, input)
        if (result.ok) {
          // Only a valid call succeeds; whatever it did (a lock, a sign-out), sign back in for the next.
          if (host.auth.state() === 'locked') await host.call('auth:signOut', {})
          if (host.auth.state() !== 'signedIn') await signInOwner(host)
          return
        }
        expect(appErrorSchema.safeParse(result.error).success).toBe(true)
        expect(result.error.code).not.toBe('internal')
        expect({ keyring: keyring(), users: users() }).toEqual(before)
      }),
      { numRuns: RUNS_PER_CHANNEL, seed: SEED }
    )
    expect(prototypeSnapshot()).toBe(prototypes)
  })
})
