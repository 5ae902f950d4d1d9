/** Employer Identification Number, written NN-NNNNNNN. */
export const EIN_PATTERN = /^\d{2}-\d{7}$/

/** Two-digit prefixes the IRS has never assigned (IRS "How EINs are assigned"). */
const UNASSIGNED_PREFIXES = new Set(['00', '07', '08', '09', '17', '18', '19', '28', '29', '49', '69', '70', '78', '79', '89', '96', '97'])

/** Accepts "123456789" or "12-3456789"; returns the canonical form or null. */
export function normalizeEin(value: string): string | null {
  const digits = value.replace(/[\s-]/g, '')
  if (!/^\d{9}$/.test(digits)) return null
  return `${digits.slice(0, 2)}-${digits.slice(2)}`
}

export const einPrefixAssigned = (ein: string): boolean => !UNASSIGNED_PREFIXES.has(ein.slice(0, 2))
