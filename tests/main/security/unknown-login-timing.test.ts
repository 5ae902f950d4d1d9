/**
 * Finding 8: an unknown user name must not answer at once while a known one costs a scrypt —
 * that difference told an attacker which names exist. Counted, not timed: every refusal
 * derives one key, at the cost of a real slot.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'

const derivations: { N: number }[] = []
vi.mock('node:crypto', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:crypto')>()
  const scrypt = (...args: unknown[]) => {
    const options = args[3] as { N: number }
    derivations.push({ N: options.N })
    return (real.scrypt as (...a: unknown[]) => void)(...args)
  }
  return { ...real, default: { ...real, scrypt }, scrypt }
})

const { addPassphraseSlot, createKeyring, unlockSlot } = await import('../../../src/main/security/keyring')
const kdf = { name: 'scrypt', N: 2 ** 12, r: 8, p: 1 } as const

afterEach(() => {
  derivations.length = 0
})

describe('sign-in timing by user name', () => {
  it('an unknown name and a wrong passphrase each run one scrypt at the slots’ cost', async () => {
    const { keyring, dataKey } = await createKeyring({ ownerId: 'dana', passphrase: 'owner passphrase', kdf })
    const ring = await addPassphraseSlot(keyring, dataKey, 'avery', 'admin passphrase', { kdf, role: 'administrator' })
    derivations.length = 0

    await expect(unlockSlot(ring, 'nobody', 'some passphrase')).rejects.toThrow(/does not unlock/)
    expect(derivations).toEqual([{ N: kdf.N }])
    await expect(unlockSlot(ring, 'avery', 'wrong passphrase')).rejects.toThrow(/does not unlock/)
    expect(derivations).toEqual([{ N: kdf.N }, { N: kdf.N }])
  })
})
