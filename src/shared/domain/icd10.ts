/**
 * ICD-10-CM code shape: a letter, a digit, a digit or letter (C4A, D3A, M1A, Z3A exist),
 * then optionally a dot and 1–4 more characters. "F332" is accepted and written "F33.2".
 */
const ICD10_PATTERN = /^[A-Z]\d[0-9A-Z](\.[0-9A-Z]{1,4})?$/

export function normalizeIcd10(value: string): string {
  const compact = value.trim().toUpperCase().replace(/\s+/g, '')
  if (!compact.includes('.') && compact.length > 3) return `${compact.slice(0, 3)}.${compact.slice(3)}`
  return compact
}

export const isWellFormedIcd10 = (value: string): boolean => ICD10_PATTERN.test(normalizeIcd10(value))

/** Diagnoses on a claim or superbill are lettered A–L; at most twelve. */
export const DIAGNOSIS_LETTERS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L'] as const
export const MAX_DIAGNOSES = DIAGNOSIS_LETTERS.length
