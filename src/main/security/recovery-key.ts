import { randomBytes } from 'node:crypto'

/**
 * The recovery key: 160 random bits written as 32 Crockford base32 characters in groups of four
 * (`7K3Q-…`), which survive being read aloud, handwritten and retyped: no I, L, O or U, and on
 * input case, spaces and hyphens do not matter and I/L/O are read as 1/1/0.
 */
export const RECOVERY_KEY_BYTES = 20
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
const CHARS = (RECOVERY_KEY_BYTES * 8) / 5 // 32

export const newRecoveryKeyBytes = (): Buffer => randomBytes(RECOVERY_KEY_BYTES)

export function formatRecoveryKey(bytes: Buffer): string {
  if (bytes.length !== RECOVERY_KEY_BYTES) throw new TypeError(`A recovery key is ${RECOVERY_KEY_BYTES} bytes`)
  let bits = 0
  let value = 0
  let out = ''
  for (const byte of bytes) {
    value = (value << 8) | byte
    bits += 8
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31]
      bits -= 5
    }
    value &= (1 << bits) - 1
  }
  return out.match(/.{4}/g)!.join('-')
}

/** The bytes of a typed recovery key, or null when it cannot be one (wrong length or letters). */
export function parseRecoveryKey(text: string): Buffer | null {
  if (typeof text !== 'string') return null
  const normalized = text
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1')
  if (normalized.length !== CHARS) return null
  const bytes = Buffer.alloc(RECOVERY_KEY_BYTES)
  let bits = 0
  let value = 0
  let index = 0
  for (const char of normalized) {
    const digit = ALPHABET.indexOf(char)
    if (digit < 0) return null
    value = (value << 5) | digit
    bits += 5
    if (bits >= 8) {
      bytes[index++] = (value >>> (bits - 8)) & 0xff
      bits -= 8
    }
    value &= (1 << bits) - 1
  }
  return bytes
}
