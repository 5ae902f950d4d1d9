/**
 * The .kaparchive format: a whole practice database, deflated and encrypted.
 *
 *   offset  size  field
 *   0       8     magic "KAPARCH\0"
 *   8       1     format version (1)
 *   9       1     KDF (1 = scrypt)
 *   10      1     log2(N)       11  1  r      12  1  p
 *   13      16    salt
 *   29      12    AES-GCM IV
 *   41      16    passphrase check: HMAC-SHA256(checkKey, header bytes 0..40), first 16 bytes
 *   57      …     AES-256-GCM ciphertext of zlib(deflate(database bytes))
 *   end-16  16    GCM tag
 *
 * scrypt(passphrase, salt) gives 64 bytes: the first 32 are the AES key, the last 32 the check
 * key. The check tells a wrong passphrase from a damaged archive (both would fail the GCM tag
 * alone); the whole header is the GCM's additional data, so no field can be altered unnoticed.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes, scrypt, scryptSync, timingSafeEqual, type ScryptOptions } from 'node:crypto'
import { deflateSync, inflateSync } from 'node:zlib'

export const ARCHIVE_MAGIC = Buffer.from('KAPARCH\0', 'latin1')
export const ARCHIVE_VERSION = 1
const KDF_SCRYPT = 1
const HEADER_BYTES = 57
const TAG_BYTES = 16

export interface KdfParams {
  log2N: number
  r: number
  p: number
}
/** OWASP's scrypt minimum (N=2^17, r=8, p=1): 128 MiB and a fraction of a second per open. */
export const DEFAULT_KDF: KdfParams = { log2N: 17, r: 8, p: 1 }

export type ArchiveErrorCode = 'not_an_archive' | 'unsupported_version' | 'wrong_passphrase' | 'damaged' | 'too_large'
export class ArchiveError extends Error {
  constructor(
    readonly code: ArchiveErrorCode,
    message: string
  ) {
    super(message)
    this.name = 'ArchiveError'
  }
}

const scryptOptions = (kdf: KdfParams): ScryptOptions => {
  const N = 2 ** kdf.log2N
  return { N, r: kdf.r, p: kdf.p, maxmem: 256 * N * kdf.r + 1024 * 1024 }
}
const splitKeys = (keys: Buffer) => ({ aesKey: keys.subarray(0, 32), checkKey: keys.subarray(32) })

function deriveKeys(passphrase: string, salt: Buffer, kdf: KdfParams): { aesKey: Buffer; checkKey: Buffer } {
  return splitKeys(scryptSync(passphrase.normalize('NFC'), salt, 64, scryptOptions(kdf)))
}

/** On libuv's thread pool, so the event loop (every window's calls) keeps answering while it runs. */
function deriveKeysAsync(passphrase: string, salt: Buffer, kdf: KdfParams): Promise<{ aesKey: Buffer; checkKey: Buffer }> {
  return new Promise((resolve, reject) => {
    scrypt(passphrase.normalize('NFC'), salt, 64, scryptOptions(kdf), (err, keys) => (err ? reject(err) : resolve(splitKeys(keys))))
  })
}

const checkOf = (checkKey: Buffer, headerStart: Buffer) => createHmac('sha256', checkKey).update(headerStart).digest().subarray(0, 16)

/** Encrypts database bytes into an archive; the plaintext never touches the disk. */
export function sealArchive(database: Buffer, passphrase: string, kdf: KdfParams = DEFAULT_KDF): Buffer {
  const salt = randomBytes(16)
  const iv = randomBytes(12)
  const start = Buffer.concat([ARCHIVE_MAGIC, Buffer.from([ARCHIVE_VERSION, KDF_SCRYPT, kdf.log2N, kdf.r, kdf.p]), salt, iv])
  const { aesKey, checkKey } = deriveKeys(passphrase, salt, kdf)
  const header = Buffer.concat([start, checkOf(checkKey, start)])
  const cipher = createCipheriv('aes-256-gcm', aesKey, iv)
  cipher.setAAD(header)
  const body = Buffer.concat([cipher.update(deflateSync(database, { level: 6 })), cipher.final()])
  return Buffer.concat([header, body, cipher.getAuthTag()])
}

/**
 * The largest database an archive may hold once inflated: far above any solo practice's, and a
 * bound on what a crafted file can make us allocate (deflate can expand a byte a thousandfold).
 */
export const MAX_DATABASE_BYTES = 2 * 1024 ** 3

const sameKdf = (a: KdfParams, b: KdfParams) => a.log2N === b.log2N && a.r === b.r && a.p === b.p
const tooLarge = () => new ArchiveError('too_large', 'This archive is larger than KAP Practice can import.')

export interface OpenArchiveOptions {
  /**
   * The scrypt costs we write (the shipped one, and a test's cheaper one). Any other cost in the
   * header is refused before deriving: the header is not authenticated until scrypt has run, and
   * a crafted N=2^20, r=16 took 9 s and 2.2 GiB.
   */
  accept?: KdfParams[]
  maxDatabaseBytes?: number
}

/** Decrypts an archive back to database bytes, or throws an ArchiveError saying which way it failed. */
export async function openArchive(archive: Buffer, passphrase: string, options: OpenArchiveOptions = {}): Promise<Buffer> {
  if (archive.length < HEADER_BYTES + TAG_BYTES || !archive.subarray(0, 8).equals(ARCHIVE_MAGIC)) {
    throw new ArchiveError('not_an_archive', 'This file is not a KAP Practice archive.')
  }
  if (archive[8] !== ARCHIVE_VERSION || archive[9] !== KDF_SCRYPT) {
    throw new ArchiveError('unsupported_version', 'This archive was made by a newer version of KAP Practice; update the app to open it.')
  }
  const kdf: KdfParams = { log2N: archive[10]!, r: archive[11]!, p: archive[12]! }
  if (!(options.accept ?? [DEFAULT_KDF]).some((known) => sameKdf(known, kdf))) {
    throw new ArchiveError('damaged', 'The archive is damaged and cannot be opened.')
  }
  const start = archive.subarray(0, 41)
  const salt = archive.subarray(13, 29)
  const iv = archive.subarray(29, 41)
  const header = archive.subarray(0, HEADER_BYTES)
  const { aesKey, checkKey } = await deriveKeysAsync(passphrase, salt, kdf)
  if (!timingSafeEqual(checkOf(checkKey, start), archive.subarray(41, HEADER_BYTES))) {
    throw new ArchiveError('wrong_passphrase', 'The passphrase does not open this archive.')
  }
  let compressed: Buffer
  try {
    const decipher = createDecipheriv('aes-256-gcm', aesKey, iv)
    decipher.setAAD(header)
    decipher.setAuthTag(archive.subarray(archive.length - TAG_BYTES))
    compressed = Buffer.concat([decipher.update(archive.subarray(HEADER_BYTES, archive.length - TAG_BYTES)), decipher.final()])
  } catch {
    throw new ArchiveError('damaged', 'The archive is damaged and cannot be opened.')
  }
  try {
    return inflateSync(compressed, { maxOutputLength: options.maxDatabaseBytes ?? MAX_DATABASE_BYTES })
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge()
    throw new ArchiveError('damaged', 'The archive is damaged and cannot be opened.')
  }
}
