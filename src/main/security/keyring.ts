/**
 * The keyring: who can unlock the practice database, without ever storing the key that opens it.
 *
 * - The **data key** (32 bytes) is what SQLite3MultipleCiphers encrypts the database with. It is
 *   derived from the **recovery key** (160 random bits, shown once at setup), so the recovery key
 *   alone opens the database and its backups even when this file is lost or damaged.
 * - Each user has a **slot**: the data key wrapped (AES-256-GCM) under a key derived from that
 *   user's passphrase with scrypt and a per-slot random salt. Changing a passphrase rewraps one
 *   slot; the data key and the database are untouched (LUKS key slots work the same way).
 * - The slot's ID, user, KDF parameters and salt are bound into the GCM tag as associated data,
 *   so an edited slot does not unwrap; `keyCheck` (an HMAC of the data key) confirms that what a
 *   slot unwraps is this practice's key.
 *
 * Pure Node crypto: no Electron, so tests run it as is.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, randomUUID, scrypt, timingSafeEqual } from 'node:crypto'
import { open, readFile, rename, rm, stat } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { z } from 'zod'
import { ROLES, type Role } from '@shared/domain/roles'
import { KeyringDamagedError, KeyringMissingError, LastSlotError, SlotExistsError, WrongPassphraseError, WrongRecoveryKeyError } from './errors'
import { formatRecoveryKey, newRecoveryKeyBytes, parseRecoveryKey } from './recovery-key'

export const KEYRING_FORMAT = 'kap-practice-keyring'
export const KEYRING_VERSION = 1
export const DATA_KEY_BYTES = 32
export const keyringPathIn = (dataDir: string) => join(dataDir, 'keyring.json')

/**
 * scrypt at N=2^17, r=8, p=1 (OWASP's figure): 128 MiB and about half a second per unlock on a
 * small machine, off the main thread (libuv pool). Tests pass a cheaper `kdf`.
 */
export const DEFAULT_KDF: KdfParams = { name: 'scrypt', N: 2 ** 17, r: 8, p: 1 }

const SALT_BYTES = 16
const IV_BYTES = 12
const TAG_BYTES = 16
const MAX_KEYRING_BYTES = 1024 * 1024
/** scrypt needs about 128·N·r bytes; refuse parameters (from a tampered file) that ask for more. */
const MAX_SCRYPT_MEMORY = 1024 * 1024 * 1024

const base64Bytes = (bytes: number) =>
  z.string().refine((s) => /^[A-Za-z0-9+/]*={0,2}$/.test(s) && Buffer.from(s, 'base64').length === bytes, `must be ${bytes} bytes of base64`)

const kdfSchema = z
  .object({
    name: z.literal('scrypt'),
    N: z
      .number()
      .int()
      .min(2 ** 10)
      .refine((n) => (n & (n - 1)) === 0, 'must be a power of two'),
    r: z.number().int().min(1).max(64),
    p: z.number().int().min(1).max(16)
  })
  .strict()
  .refine((k) => 128 * k.N * k.r <= MAX_SCRYPT_MEMORY, 'asks for too much memory')

const slotSchema = z
  .object({
    id: z.uuid(),
    kind: z.literal('passphrase'),
    userId: z.string().min(1).max(200),
    kdf: kdfSchema,
    salt: base64Bytes(SALT_BYTES),
    iv: base64Bytes(IV_BYTES),
    tag: base64Bytes(TAG_BYTES),
    wrappedKey: base64Bytes(DATA_KEY_BYTES),
    createdAt: z.iso.datetime(),
    /**
     * The role this slot's user holds, bound into the GCM tag: what the slot may do while the
     * database cannot say (recovery). Absent only on slots made before roles were bound.
     */
    role: z.enum(ROLES).optional(),
    /** The owner's name and credentials from setup, kept (authenticated) until the database holds them. */
    profile: z.strictObject({ displayName: z.string().min(1).max(200), credentials: z.string().max(100).nullable() }).optional()
  })
  .strict()

export const keyringSchema = z
  .object({
    format: z.literal(KEYRING_FORMAT),
    version: z.literal(KEYRING_VERSION),
    /** Parameters for new slots; each slot keeps the ones it was made with. */
    kdf: kdfSchema,
    keyCheck: base64Bytes(32),
    slots: z.array(slotSchema).min(1)
  })
  .strict()
  .superRefine((keyring, ctx) => {
    const ids = new Set<string>()
    const users = new Set<string>()
    keyring.slots.forEach((slot, i) => {
      if (ids.has(slot.id)) ctx.addIssue({ code: 'custom', path: ['slots', i, 'id'], message: 'duplicate slot id' })
      if (users.has(slot.userId)) ctx.addIssue({ code: 'custom', path: ['slots', i, 'userId'], message: 'two slots for one user' })
      ids.add(slot.id)
      users.add(slot.userId)
    })
  })

export type KdfParams = z.infer<typeof kdfSchema>
export type KeySlot = z.infer<typeof slotSchema>
export type Keyring = z.infer<typeof keyringSchema>

export interface SlotOptions {
  /** scrypt cost for the new slot; defaults to the keyring's, never below DEFAULT_KDF (tests pass a cheap one). */
  kdf?: KdfParams
  now?: () => Date
  /** The role the new slot holds; a rewrapped slot keeps its own when not given. */
  role?: Role
}

/** What a slot says of its user, vouched for by its tag. */
export interface SlotClaims {
  role: Role | null
  profile: SlotProfile | null
}
export type SlotProfile = NonNullable<KeySlot['profile']>

/**
 * The cost for a new slot. The keyring's top-level `kdf` is not authenticated (anyone can edit
 * the file), so it is only trusted upwards: a lowered N never makes new slots cheaper to attack.
 */
export function costForNewSlot(keyring: Pick<Keyring, 'kdf'>, options: Pick<SlotOptions, 'kdf'>): KdfParams {
  if (options.kdf) return options.kdf
  const k = keyring.kdf
  return { name: 'scrypt', N: Math.max(k.N, DEFAULT_KDF.N), r: Math.max(k.r, DEFAULT_KDF.r), p: Math.max(k.p, DEFAULT_KDF.p) }
}

export interface NewKeyring {
  keyring: Keyring
  /** Opens the database: pass to openDatabase/openApp, keep only in memory. */
  dataKey: Buffer
  /** Show once, for the owner to print or write down; never store or log it. */
  recoveryKey: string
}

// ---- setup and recovery ------------------------------------------------------------------------

/** First run: a new recovery key, the data key it yields, and a keyring with the owner's slot. */
export async function createKeyring(input: { ownerId: string; passphrase: string; profile?: SlotProfile } & Omit<SlotOptions, 'role'>): Promise<NewKeyring> {
  const recoveryBytes = newRecoveryKeyBytes()
  const dataKey = dataKeyFromRecoveryBytes(recoveryBytes)
  const recoveryKey = formatRecoveryKey(recoveryBytes)
  recoveryBytes.fill(0)
  const kdf = input.kdf ?? DEFAULT_KDF
  const slot = await wrapSlot(dataKey, { userId: input.ownerId, role: 'owner', profile: input.profile }, input.passphrase, kdf, input.now)
  const keyring: Keyring = { format: KEYRING_FORMAT, version: KEYRING_VERSION, kdf, keyCheck: keyCheckOf(dataKey), slots: [slot] }
  return { keyring, dataKey, recoveryKey }
}

/**
 * The data key from the recovery key. With a keyring, a key that is not this practice's is
 * refused here; without one (the file is lost), opening the database is the test.
 */
export function unlockWithRecoveryKey(keyring: Keyring | null, recoveryKey: string): Buffer {
  const bytes = parseRecoveryKey(recoveryKey)
  if (!bytes) throw new WrongRecoveryKeyError(true)
  const dataKey = dataKeyFromRecoveryBytes(bytes)
  bytes.fill(0)
  if (keyring && !matchesKeyCheck(keyring, dataKey)) {
    dataKey.fill(0)
    throw new WrongRecoveryKeyError()
  }
  return dataKey
}

/**
 * A new keyring from the recovery key, for when keyring.json is lost or damaged: one slot for
 * the person recovering. Other users add their passphrases again afterwards.
 */
export async function recoverKeyring(input: { recoveryKey: string; userId: string; passphrase: string } & SlotOptions): Promise<{ keyring: Keyring; dataKey: Buffer }> {
  const dataKey = unlockWithRecoveryKey(null, input.recoveryKey)
  const kdf = input.kdf ?? DEFAULT_KDF
  // Whoever holds the recovery key holds the practice: the rebuilt slot is an owner's unless told otherwise.
  const slot = await wrapSlot(dataKey, { userId: input.userId, role: input.role ?? 'owner' }, input.passphrase, kdf, input.now)
  return { keyring: { format: KEYRING_FORMAT, version: KEYRING_VERSION, kdf, keyCheck: keyCheckOf(dataKey), slots: [slot] }, dataKey }
}

// ---- passphrase slots --------------------------------------------------------------------------

export const slotFor = (keyring: Keyring, userId: string): KeySlot | undefined => keyring.slots.find((s) => s.userId === userId)

/**
 * A user's passphrase against a slot of the same cost as a real one, for a user name with no
 * slot: an unknown name then takes as long to refuse as a wrong passphrase.
 */
const decoySalt = randomBytes(SALT_BYTES)

/** The data key from a user's passphrase. No slot and a wrong passphrase fail alike, in about the same time. */
export async function unlockWithPassphrase(keyring: Keyring, userId: string, passphrase: string): Promise<Buffer> {
  return (await unlockSlot(keyring, userId, passphrase)).dataKey
}

/** The data key and what the slot vouches for (its role; the owner's profile from setup). */
export async function unlockSlot(keyring: Keyring, userId: string, passphrase: string): Promise<{ dataKey: Buffer } & SlotClaims> {
  const slot = slotFor(keyring, userId)
  if (!slot || typeof passphrase !== 'string' || passphrase.length === 0) {
    if (typeof passphrase === 'string') await deriveWrappingKey(passphrase, decoySalt, keyring.slots[0]?.kdf ?? keyring.kdf).then((k) => k.fill(0), () => undefined)
    throw new WrongPassphraseError()
  }
  const dataKey = await unwrapSlot(slot, passphrase)
  if (!matchesKeyCheck(keyring, dataKey)) {
    dataKey.fill(0)
    throw new KeyringDamagedError(['keyCheck'])
  }
  return { dataKey, role: slot.role ?? null, profile: slot.profile ?? null }
}

/** Gives another user a passphrase; the caller has the data key from an unlocked session. */
export async function addPassphraseSlot(keyring: Keyring, dataKey: Buffer, userId: string, passphrase: string, options: SlotOptions = {}): Promise<Keyring> {
  if (!matchesKeyCheck(keyring, dataKey)) throw new Error('The data key given does not belong to this keyring')
  if (slotFor(keyring, userId)) throw new SlotExistsError()
  const slot = await wrapSlot(dataKey, { userId, role: options.role }, passphrase, costForNewSlot(keyring, options), options.now)
  return { ...keyring, slots: [...keyring.slots, slot] }
}

/**
 * Rewraps one slot under the new passphrase (fresh salt and IV, the keyring's current KDF cost).
 * The data key and the database do not change.
 */
export async function changePassphrase(keyring: Keyring, userId: string, oldPassphrase: string, newPassphrase: string, options: SlotOptions = {}): Promise<Keyring> {
  const dataKey = await unlockWithPassphrase(keyring, userId, oldPassphrase)
  try {
    const old = slotFor(keyring, userId)!
    const slot = await wrapSlot(dataKey, { userId, role: options.role ?? old.role, profile: old.profile }, newPassphrase, costForNewSlot(keyring, options), options.now, old.id)
    return { ...keyring, slots: keyring.slots.map((s) => (s.id === old.id ? slot : s)) }
  } finally {
    dataKey.fill(0)
  }
}

/**
 * Sets a user's passphrase without the old one (an administrator resetting it, or recovery),
 * given the data key from an unlocked session.
 */
export async function resetPassphrase(keyring: Keyring, dataKey: Buffer, userId: string, passphrase: string, options: SlotOptions = {}): Promise<Keyring> {
  if (!matchesKeyCheck(keyring, dataKey)) throw new Error('The data key given does not belong to this keyring')
  const old = slotFor(keyring, userId)
  const slot = await wrapSlot(dataKey, { userId, role: options.role ?? old?.role, profile: old?.profile }, passphrase, costForNewSlot(keyring, options), options.now, old?.id)
  return { ...keyring, slots: old ? keyring.slots.map((s) => (s.id === old.id ? slot : s)) : [...keyring.slots, slot] }
}

/** Removes a slot (a user who leaves). The last slot stays: the keyring always opens for someone. */
export function removeSlot(keyring: Keyring, slotId: string): Keyring {
  if (!keyring.slots.some((s) => s.id === slotId)) throw new Error('No such key slot')
  if (keyring.slots.length === 1) throw new LastSlotError()
  return { ...keyring, slots: keyring.slots.filter((s) => s.id !== slotId) }
}

// ---- the file ----------------------------------------------------------------------------------

/** Reads and validates keyring.json. Missing → KeyringMissingError; anything wrong → KeyringDamagedError. */
export async function readKeyring(path: string): Promise<Keyring> {
  let text: string
  try {
    if ((await stat(path)).size > MAX_KEYRING_BYTES) throw new KeyringDamagedError(['size'])
    text = await readFile(path, 'utf8')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new KeyringMissingError()
    throw err
  }
  return parseKeyring(text)
}

export function parseKeyring(text: string): Keyring {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw new KeyringDamagedError(['json'])
  }
  const parsed = keyringSchema.safeParse(json)
  if (!parsed.success) throw new KeyringDamagedError(parsed.error.issues.map((i) => i.path.join('.') || '(root)'))
  return parsed.data
}

/**
 * Writes keyring.json atomically: a temp file beside it (owner-only), fsync, rename over the old
 * one, fsync the folder. A crash leaves the old keyring or the new one, never half of either.
 */
export async function writeKeyring(path: string, keyring: Keyring): Promise<void> {
  const checked = keyringSchema.safeParse(keyring)
  if (!checked.success) throw new KeyringDamagedError(checked.error.issues.map((i) => i.path.join('.') || '(root)'))
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`)
  try {
    const file = await open(temp, 'wx', 0o600)
    try {
      await file.writeFile(`${JSON.stringify(checked.data, null, 2)}\n`, 'utf8')
      await file.sync()
    } finally {
      await file.close()
    }
    await rename(temp, path)
  } catch (err) {
    await rm(temp, { force: true })
    throw err
  }
  await syncFolder(dirname(path))
}

async function syncFolder(folder: string): Promise<void> {
  let dir
  try {
    dir = await open(folder, 'r')
    await dir.sync()
  } catch {
    // Windows cannot open or fsync a folder; its rename is already durable enough.
  } finally {
    await dir?.close()
  }
}

// ---- crypto ------------------------------------------------------------------------------------

/** The data key is HKDF of the 160-bit recovery key: uniform, and recomputable from the key alone. */
function dataKeyFromRecoveryBytes(bytes: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', bytes, 'kap-practice/data-key', 'v1', DATA_KEY_BYTES))
}

const keyCheckOf = (dataKey: Buffer) => createHmac('sha256', dataKey).update('kap-practice/key-check/v1').digest('base64')

function matchesKeyCheck(keyring: Keyring, dataKey: Buffer): boolean {
  if (!Buffer.isBuffer(dataKey) || dataKey.length !== DATA_KEY_BYTES) return false
  return timingSafeEqual(Buffer.from(keyCheckOf(dataKey), 'base64'), Buffer.from(keyring.keyCheck, 'base64'))
}

/**
 * What the GCM tag also vouches for: editing any of it makes the slot fail to unwrap. A slot with
 * a role binds it (and the setup profile) in a second layout, so a role can be neither added to
 * an old slot, nor removed, nor changed.
 */
const associatedData = (slot: Pick<KeySlot, 'id' | 'kind' | 'userId' | 'kdf' | 'salt' | 'role' | 'profile'>) => {
  const base = [slot.id, slot.kind, slot.userId, slot.kdf.name, slot.kdf.N, slot.kdf.r, slot.kdf.p, slot.salt]
  if (slot.role === undefined && slot.profile === undefined) return Buffer.from(JSON.stringify([KEYRING_FORMAT, KEYRING_VERSION, ...base]))
  return Buffer.from(JSON.stringify([KEYRING_FORMAT, 'slot-claims/v2', ...base, slot.role ?? null, slot.profile ?? null]))
}

/** Passphrases are NFC-normalized, so the same words typed on another keyboard or OS still match. */
function deriveWrappingKey(passphrase: string, salt: Buffer, kdf: KdfParams): Promise<Buffer> {
  const { N, r, p } = kdf
  return new Promise((resolve, reject) =>
    scrypt(passphrase.normalize('NFC'), salt, 32, { N, r, p, maxmem: 256 * N * r + 1024 * 1024 }, (err, key) => (err ? reject(err) : resolve(key)))
  )
}

interface SlotHead {
  userId: string
  role?: Role
  profile?: SlotProfile
}

async function wrapSlot(dataKey: Buffer, who: SlotHead, passphrase: string, kdf: KdfParams, now = () => new Date(), id: string = randomUUID()): Promise<KeySlot> {
  const { userId } = who
  if (typeof userId !== 'string' || userId.length === 0) throw new TypeError('A key slot needs a user ID')
  if (typeof passphrase !== 'string' || passphrase.length === 0) throw new TypeError('A passphrase is required')
  const salt = randomBytes(SALT_BYTES)
  const iv = randomBytes(IV_BYTES)
  const head = {
    id,
    kind: 'passphrase' as const,
    userId,
    kdf,
    salt: salt.toString('base64'),
    ...(who.role ? { role: who.role } : {}),
    ...(who.profile ? { profile: who.profile } : {})
  }
  const wrappingKey = await deriveWrappingKey(passphrase, salt, kdf)
  try {
    const cipher = createCipheriv('aes-256-gcm', wrappingKey, iv)
    cipher.setAAD(associatedData(head))
    const wrapped = Buffer.concat([cipher.update(dataKey), cipher.final()])
    return { ...head, iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), wrappedKey: wrapped.toString('base64'), createdAt: now().toISOString() }
  } finally {
    wrappingKey.fill(0)
  }
}

async function unwrapSlot(slot: KeySlot, passphrase: string): Promise<Buffer> {
  const wrappingKey = await deriveWrappingKey(passphrase, Buffer.from(slot.salt, 'base64'), slot.kdf)
  try {
    const decipher = createDecipheriv('aes-256-gcm', wrappingKey, Buffer.from(slot.iv, 'base64'), { authTagLength: TAG_BYTES })
    decipher.setAAD(associatedData(slot))
    decipher.setAuthTag(Buffer.from(slot.tag, 'base64'))
    return Buffer.concat([decipher.update(Buffer.from(slot.wrappedKey, 'base64')), decipher.final()])
  } catch {
    // A wrong passphrase and an edited slot are the same to AES-GCM: the tag does not verify.
    throw new WrongPassphraseError()
  } finally {
    wrappingKey.fill(0)
  }
}
