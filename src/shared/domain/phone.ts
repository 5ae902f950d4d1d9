/**
 * Phone numbers: North American numbers are stored as "(555) 123-4567", with " x123" for an
 * extension; other countries as "+" and their digits, as typed. Returns null when unusable.
 */
export function normalizePhone(value: string): string | null {
  const trimmed = value.trim()
  // Longest spelling first, or "extension" would split at "ext" and leave "ension".
  const [main = '', ext] = trimmed.split(/\s*(?:extension|ext\.?|x|#)\s*/i)
  if (ext !== undefined && !/^\d{1,6}$/.test(ext)) return null
  if (/[^\d\s().+-]/.test(main)) return null
  const digits = main.replace(/\D/g, '')
  const suffix = ext ? ` x${ext}` : ''
  if (main.startsWith('+') && !main.startsWith('+1')) {
    return digits.length >= 7 && digits.length <= 15 ? `+${digits}${suffix}` : null
  }
  const national = digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits
  // NANP: area code and exchange never start with 0 or 1.
  if (!/^[2-9]\d{2}[2-9]\d{6}$/.test(national)) return null
  return `(${national.slice(0, 3)}) ${national.slice(3, 6)}-${national.slice(6)}${suffix}`
}

export const phoneDigits = (value: string): string => value.replace(/\D/g, '')
