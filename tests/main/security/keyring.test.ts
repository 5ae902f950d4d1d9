import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import {
  KeyringDamagedError,
  KeyringMissingError,
  LastSlotError,
  SlotExistsError,
  WrongPassphraseError,
  WrongRecoveryKeyError
} from '../../../src/main/security/errors'
import {
  addPassphraseSlot,
  changePassphrase,
  createKeyring,
  DEFAULT_KDF,
  keyringPathIn,
  keyringSchema,
  parseKeyring,
  readKeyring,
  recoverKeyring,
  removeSlot,
  resetPassphrase,
  slotFor,
  unlockWithPassphrase,
  unlockWithRecoveryKey,
  writeKeyring,
  type KdfParams,
  type Keyring
} from '../../../src/main/security/keyring'
import { formatRecoveryKey, parseRecoveryKey } from '../../../src/main/security/recovery-key'

/** Cheap scrypt for tests; the app uses DEFAULT_KDF. */
const kdf: KdfParams = { name: 'scrypt', N: 2 ** 10, r: 8, p: 1 }
const OWNER = 'owner-user-id'
const PASS = 'blue heron at dawn 1984'
const RECOVERY_FORMAT = /^([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}$/

const temps: string[] = []
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true })
})
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'kap-keyring-'))
  temps.push(dir)
  return dir
}

const newKeyring = () => createKeyring({ ownerId: OWNER, passphrase: PASS, kdf })
/** The error a call throws (sync or async), for checking its class and message together. */
async function thrown(fn: () => unknown): Promise<Error> {
  try {
    await fn()
  } catch (err) {
    return err as Error
  }
  throw new Error('expected a throw')
}
/** The keyring as JSON, edited freely the way someone tampering with the file would. */
// oxlint-disable-next-line typescript/no-explicit-any -- any shape at all, on purpose
type KeyringJson = Record<string, any>
/** A copy of the keyring as it would come back from disk, with one edit applied. */
function edited(keyring: Keyring, edit: (json: KeyringJson) => void): string {
  const json = JSON.parse(JSON.stringify(keyring))
  edit(json)
  return JSON.stringify(json)
}
const flipBase64 = (value: string) => {
  const bytes = Buffer.from(value, 'base64')
  bytes[0]! ^= 0x01
  return bytes.toString('base64')
}

describe('createKeyring', () => {
  it('makes a 32-byte data key, a recovery key in groups of four and one slot for the owner', async () => {
    const { keyring, dataKey, recoveryKey } = await newKeyring()
    expect(dataKey).toHaveLength(32)
    expect(recoveryKey).toMatch(RECOVERY_FORMAT)
    expect(keyringSchema.parse(keyring)).toEqual(keyring)
    expect(keyring.slots).toHaveLength(1)
    expect(keyring.slots[0]).toMatchObject({ kind: 'passphrase', userId: OWNER, kdf })
  })

  it('stores none of the secrets: no data key, passphrase or recovery key in the file', async () => {
    const { keyring, dataKey, recoveryKey } = await newKeyring()
    const text = JSON.stringify(keyring)
    for (const secret of [dataKey.toString('hex'), dataKey.toString('base64'), PASS, recoveryKey, recoveryKey.replace(/-/g, '')]) {
      expect(text).not.toContain(secret)
    }
    const recoveryBytes = parseRecoveryKey(recoveryKey)!
    expect(text).not.toContain(recoveryBytes.toString('base64'))
    expect(text).not.toContain(recoveryBytes.toString('hex'))
  })

  it('gives every practice its own keys and every slot its own salt', async () => {
    const a = await newKeyring()
    const b = await newKeyring()
    expect(a.dataKey.equals(b.dataKey)).toBe(false)
    expect(a.recoveryKey).not.toBe(b.recoveryKey)
    expect(a.keyring.slots[0]!.salt).not.toBe(b.keyring.slots[0]!.salt)
  })

  it('defaults to scrypt N=2^17, r=8, p=1', () => {
    expect(DEFAULT_KDF).toEqual({ name: 'scrypt', N: 131072, r: 8, p: 1 })
  })
})

describe('unlockWithPassphrase', () => {
  it('unwraps the data key with the right passphrase', async () => {
    const { keyring, dataKey } = await newKeyring()
    expect((await unlockWithPassphrase(keyring, OWNER, PASS)).equals(dataKey)).toBe(true)
  })

  it.each([
    ['a wrong passphrase', OWNER, 'blue heron at dusk 1984'],
    ['the right passphrase with different case', OWNER, PASS.toUpperCase()],
    ['an empty passphrase', OWNER, ''],
    ['a user without a slot', 'someone-else', PASS]
  ])('refuses %s with WrongPassphraseError and a plain message', async (_, user, passphrase) => {
    const { keyring } = await newKeyring()
    const err = await thrown(() => unlockWithPassphrase(keyring, user, passphrase))
    expect(err).toBeInstanceOf(WrongPassphraseError)
    expect(err.message).toBe('That passphrase does not unlock this practice.')
  })

  it('matches a passphrase typed in another Unicode normalization form', async () => {
    const composed = 'caf\u00e9 \u00fcber alles'
    const decomposed = composed.normalize('NFD')
    expect(decomposed).not.toBe(composed)
    const { keyring, dataKey } = await createKeyring({ ownerId: OWNER, passphrase: composed, kdf })
    expect((await unlockWithPassphrase(keyring, OWNER, decomposed)).equals(dataKey)).toBe(true)
  })
})

describe('slots', () => {
  it('a second user gets a slot that unwraps the same data key', async () => {
    const { keyring, dataKey } = await newKeyring()
    const two = await addPassphraseSlot(keyring, dataKey, 'assistant-id', 'second passphrase here', { kdf })
    expect(two.slots).toHaveLength(2)
    expect((await unlockWithPassphrase(two, 'assistant-id', 'second passphrase here')).equals(dataKey)).toBe(true)
    expect((await unlockWithPassphrase(two, OWNER, PASS)).equals(dataKey)).toBe(true)
    await expect(unlockWithPassphrase(two, 'assistant-id', PASS)).rejects.toBeInstanceOf(WrongPassphraseError)
  })

  it('refuses a second slot for one user, and a data key that is not this keyring’s', async () => {
    const { keyring, dataKey } = await newKeyring()
    await expect(addPassphraseSlot(keyring, dataKey, OWNER, 'another one', { kdf })).rejects.toBeInstanceOf(SlotExistsError)
    const other = await newKeyring()
    await expect(addPassphraseSlot(keyring, other.dataKey, 'x', 'another one', { kdf })).rejects.toThrow('does not belong to this keyring')
  })

  it('changing a passphrase rewraps that slot only: same data key, old passphrase stops working', async () => {
    const { keyring, dataKey } = await newKeyring()
    const two = await addPassphraseSlot(keyring, dataKey, 'assistant-id', 'second passphrase here', { kdf })
    const changed = await changePassphrase(two, OWNER, PASS, 'a brand new passphrase', { kdf })
    expect((await unlockWithPassphrase(changed, OWNER, 'a brand new passphrase')).equals(dataKey)).toBe(true)
    await expect(unlockWithPassphrase(changed, OWNER, PASS)).rejects.toBeInstanceOf(WrongPassphraseError)
    const [before, after] = [slotFor(two, OWNER)!, slotFor(changed, OWNER)!]
    expect(after.id).toBe(before.id)
    expect(after.salt).not.toBe(before.salt)
    expect(after.iv).not.toBe(before.iv)
    expect(changed.keyCheck).toBe(two.keyCheck)
    expect(slotFor(changed, 'assistant-id')).toEqual(slotFor(two, 'assistant-id'))
  })

  it('changing needs the old passphrase', async () => {
    const { keyring } = await newKeyring()
    await expect(changePassphrase(keyring, OWNER, 'not it', 'new one')).rejects.toBeInstanceOf(WrongPassphraseError)
  })

  it('a reset sets a passphrase from an unlocked session without the old one', async () => {
    const { keyring, dataKey } = await newKeyring()
    const reset = await resetPassphrase(keyring, dataKey, OWNER, 'reset passphrase', { kdf })
    expect((await unlockWithPassphrase(reset, OWNER, 'reset passphrase')).equals(dataKey)).toBe(true)
    await expect(unlockWithPassphrase(reset, OWNER, PASS)).rejects.toBeInstanceOf(WrongPassphraseError)
  })

  it('a slot can be removed, but never the last one', async () => {
    const { keyring, dataKey } = await newKeyring()
    const two = await addPassphraseSlot(keyring, dataKey, 'assistant-id', 'second passphrase here', { kdf })
    const one = removeSlot(two, slotFor(two, 'assistant-id')!.id)
    expect(one.slots.map((s) => s.userId)).toEqual([OWNER])
    await expect(unlockWithPassphrase(one, 'assistant-id', 'second passphrase here')).rejects.toBeInstanceOf(WrongPassphraseError)
    expect(() => removeSlot(one, one.slots[0]!.id)).toThrow(LastSlotError)
  })
})

describe('the recovery key', () => {
  it('unlocks the same data key, however it is typed', async () => {
    const { keyring, dataKey, recoveryKey } = await newKeyring()
    const typings = [recoveryKey, recoveryKey.toLowerCase(), recoveryKey.replace(/-/g, ''), recoveryKey.replace(/-/g, ' '), ` ${recoveryKey}\n`]
    for (const typed of typings) expect(unlockWithRecoveryKey(keyring, typed).equals(dataKey)).toBe(true)
  })

  it('reads O as 0 and I or L as 1', () => {
    const bytes = Buffer.alloc(20)
    const zeros = formatRecoveryKey(bytes)
    expect(zeros).toBe('0000-0000-0000-0000-0000-0000-0000-0000')
    expect(parseRecoveryKey(zeros.replace(/0/g, 'O'))!.equals(bytes)).toBe(true)
    const ones = Buffer.from(parseRecoveryKey('1111-1111-1111-1111-1111-1111-1111-1111')!)
    expect(parseRecoveryKey('iiii-llll-IIII-LLLL-1111-1111-1111-1111')!.equals(ones)).toBe(true)
  })

  it('formats and parses any 160 bits back to the same bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 20, maxLength: 20 }), (raw) => {
        const bytes = Buffer.from(raw)
        const text = formatRecoveryKey(bytes)
        expect(text).toMatch(RECOVERY_FORMAT)
        expect(parseRecoveryKey(text)!.equals(bytes)).toBe(true)
      })
    )
  })

  it('refuses another practice’s recovery key, and says when the text cannot be one', async () => {
    const { keyring } = await newKeyring()
    const other = await newKeyring()
    const wrong = await thrown(() => unlockWithRecoveryKey(keyring, other.recoveryKey))
    expect(wrong).toBeInstanceOf(WrongRecoveryKeyError)
    expect(wrong.message).toBe('That recovery key does not unlock this practice.')
    expect(wrong.message).not.toContain(other.recoveryKey)
    for (const text of ['', 'ABCD-EFGH', `${other.recoveryKey}-ABCD`, other.recoveryKey.replace(/.$/, 'U')]) {
      const err = await thrown(() => unlockWithRecoveryKey(keyring, text))
      expect(err).toBeInstanceOf(WrongRecoveryKeyError)
      expect((err as WrongRecoveryKeyError).malformed).toBe(true)
    }
  })

  it('rebuilds a lost keyring: the recovery key alone gives the data key and a new slot', async () => {
    const { dataKey, recoveryKey } = await newKeyring()
    const rebuilt = await recoverKeyring({ recoveryKey, userId: OWNER, passphrase: 'after the flood', kdf })
    expect(rebuilt.dataKey.equals(dataKey)).toBe(true)
    expect((await unlockWithPassphrase(rebuilt.keyring, OWNER, 'after the flood')).equals(dataKey)).toBe(true)
    expect(unlockWithRecoveryKey(null, recoveryKey).equals(dataKey)).toBe(true)
  })
})

describe('a tampered keyring fails cleanly', () => {
  const slotEdits: [string, (j: KeyringJson) => void][] = [
    ['the wrapped key', (j) => (j.slots[0].wrappedKey = flipBase64(j.slots[0].wrappedKey))],
    ['the tag', (j) => (j.slots[0].tag = flipBase64(j.slots[0].tag))],
    ['the IV', (j) => (j.slots[0].iv = flipBase64(j.slots[0].iv))],
    ['the salt', (j) => (j.slots[0].salt = flipBase64(j.slots[0].salt))],
    ['the slot ID', (j) => (j.slots[0].id = '11111111-1111-4111-8111-111111111111')],
    ['the KDF cost', (j) => (j.slots[0].kdf.N = 2 ** 11)]
  ]
  it.each(slotEdits)('an edit to %s does not unwrap', async (_, edit) => {
    const { keyring } = await newKeyring()
    const tampered = parseKeyring(edited(keyring, edit))
    const err = await thrown(() => unlockWithPassphrase(tampered, OWNER, PASS))
    expect(err).toBeInstanceOf(WrongPassphraseError)
  })

  it('a slot moved to another user does not unwrap for them', async () => {
    const { keyring, dataKey } = await newKeyring()
    const two = await addPassphraseSlot(keyring, dataKey, 'assistant-id', 'second passphrase here', { kdf })
    // The assistant copies the owner's slot onto their own user ID, hoping to log in as owner.
    const tampered = parseKeyring(
      edited(two, (j) => {
        const owner = j.slots[0]
        j.slots[0] = { ...j.slots[1], userId: OWNER }
        j.slots[1] = { ...owner, userId: 'assistant-id' }
      })
    )
    await expect(unlockWithPassphrase(tampered, 'assistant-id', PASS)).rejects.toBeInstanceOf(WrongPassphraseError)
  })

  it('an edited key check is reported as a damaged keyring', async () => {
    const { keyring } = await newKeyring()
    const tampered = parseKeyring(edited(keyring, (j) => (j.keyCheck = flipBase64(j.keyCheck))))
    await expect(unlockWithPassphrase(tampered, OWNER, PASS)).rejects.toBeInstanceOf(KeyringDamagedError)
  })

  it.each<[string, (j: KeyringJson) => void, string]>([
    ['a salt of the wrong length', (j) => (j.slots[0].salt = Buffer.alloc(8).toString('base64')), 'slots.0.salt'],
    ['a tag that is not base64', (j) => (j.slots[0].tag = '!!not base64!!'), 'slots.0.tag'],
    ['an unknown field', (j) => (j.slots[0].extra = 1), 'slots.0'],
    ['a KDF that would take gigabytes', (j) => (j.slots[0].kdf.N = 2 ** 30), 'slots.0.kdf'],
    ['no slots', (j) => (j.slots = []), 'slots'],
    ['two slots for one user', (j) => j.slots.push({ ...j.slots[0], id: '22222222-2222-4222-8222-222222222222' }), 'slots.1.userId'],
    ['another format', (j) => (j.format = 'something-else'), 'format'],
    ['a future version', (j) => (j.version = 2), 'version']
  ])('%s is a damaged keyring, named by field path only', async (_, edit, path) => {
    const { keyring } = await newKeyring()
    const text = edited(keyring, edit)
    const err = await thrown(() => parseKeyring(text))
    expect(err).toBeInstanceOf(KeyringDamagedError)
    expect(err.message).toBe('The keyring file is damaged or is not a KAP Practice keyring. Unlock with the recovery key to make a new one.')
    expect((err as KeyringDamagedError).problems).toContain(path)
  })

  it('text that is not JSON is a damaged keyring', () => {
    expect(() => parseKeyring('{"format": "kap-practice-keyring", ')).toThrow(KeyringDamagedError)
  })
})

describe('readKeyring and writeKeyring', () => {
  it('round-trips through the file, leaving no temp file', async () => {
    const dir = tempDir()
    const path = keyringPathIn(dir)
    const { keyring, dataKey } = await newKeyring()
    await writeKeyring(path, keyring)
    expect(await readKeyring(path)).toEqual(keyring)
    expect((await unlockWithPassphrase(await readKeyring(path), OWNER, PASS)).equals(dataKey)).toBe(true)
    const changed = await changePassphrase(keyring, OWNER, PASS, 'rotated', { kdf })
    await writeKeyring(path, changed)
    expect(await readKeyring(path)).toEqual(changed)
    expect(readdirSync(dir)).toEqual(['keyring.json'])
  })

  it.skipIf(process.platform === 'win32')('is readable and writable by its owner only', async () => {
    const path = keyringPathIn(tempDir())
    await writeKeyring(path, (await newKeyring()).keyring)
    expect(statSync(path).mode & 0o777).toBe(0o600)
  })

  it('a missing file is KeyringMissingError; a damaged one is KeyringDamagedError', async () => {
    const dir = tempDir()
    await expect(readKeyring(join(dir, 'keyring.json'))).rejects.toBeInstanceOf(KeyringMissingError)
    writeFileSync(join(dir, 'keyring.json'), '\u0000\u0001garbage')
    await expect(readKeyring(join(dir, 'keyring.json'))).rejects.toBeInstanceOf(KeyringDamagedError)
  })

  it('refuses to write an invalid keyring and leaves the old file as it was', async () => {
    const dir = tempDir()
    const path = keyringPathIn(dir)
    const { keyring } = await newKeyring()
    await writeKeyring(path, keyring)
    const before = readFileSync(path, 'utf8')
    await expect(writeKeyring(path, { ...keyring, slots: [] })).rejects.toBeInstanceOf(KeyringDamagedError)
    expect(readFileSync(path, 'utf8')).toBe(before)
    expect(readdirSync(dir)).toEqual(['keyring.json'])
  })
})
