/**
 * Field schemas shared by every form and by main's IPC validation. Each one says what is wrong
 * in words a therapist understands, and never echoes the value (no PHI in errors).
 */
import { z } from 'zod'
import { isCalendarDate, localToday } from '../domain/dates'
import { einPrefixAssigned, normalizeEin } from '../domain/ein'
import { isWellFormedIcd10, normalizeIcd10 } from '../domain/icd10'
import { npiProblem } from '../domain/npi'
import { normalizePhone } from '../domain/phone'
import { US_STATE_CODES } from '../domain/us-states'

// Control characters other than tab/newline have no place in a record and break exports.
// oxlint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/
// Half of a surrogate pair is not a character: SQLite would store it as U+FFFD and change the text.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
const storable = (s: string) => !CONTROL_CHARS.test(s) && !LONE_SURROGATE.test(s)

/**
 * Plain words for the issues no field schema words itself (wrong types or unknown keys sent
 * straight to IPC, limits on list queries) — never zod's developer-facing defaults.
 */
z.config({
  customError: (issue) => {
    switch (issue.code) {
      case 'invalid_type':
        return issue.input === undefined ? 'This is required' : 'This is not the right kind of value'
      case 'unrecognized_keys':
        return 'This field is not accepted here'
      case 'too_big':
        return 'This is longer or larger than allowed'
      case 'too_small':
        return 'This is shorter or smaller than allowed'
      case 'invalid_value':
        return 'Choose one of the listed options'
      default:
        return 'This value is not accepted here'
    }
  }
})

/** A required line of text, trimmed, at most `max` characters. */
export const requiredText = (label: string, max: number) =>
  z
    .string({ error: `${label} is required` })
    .trim()
    .min(1, { error: `${label} is required` })
    .max(max, { error: `${label} must be ${max} characters or fewer` })
    .refine(storable, { error: `${label} contains characters that cannot be stored` })

/** An optional line of text: empty input is stored as null. */
export const optionalText = (label: string, max: number) =>
  z
    .string({ error: `${label} must be text` })
    .trim()
    .max(max, { error: `${label} must be ${max} characters or fewer` })
    .refine(storable, { error: `${label} contains characters that cannot be stored` })
    .nullish()
    .transform((s) => (s ? s : null))

// Embeddings, overrides (U+202A–202E) and isolates (U+2066–2069) reorder how the text around them
// displays: "\u202Eyelsew" shows as "wesley", so a name or an ID could read as someone else's.
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/
const bidiError = (label: string) => ({ error: `${label} contains hidden characters that change how text displays — retype it instead of pasting` })
const displaysAsTyped = (s: string | null) => s === null || !BIDI_CONTROLS.test(s)

/** A name or identifier (a person's or practice's name, a member ID, a licence number): text that must display as typed. */
export const requiredName = (label: string, max: number) => requiredText(label, max).refine(displaysAsTyped, bidiError(label))

/** An optional name or identifier: empty input is stored as null. */
export const optionalName = (label: string, max: number) => optionalText(label, max).refine(displaysAsTyped, bidiError(label))

/** Turns a text schema's empty value into null after a normalizer that returns null for bad input. */
const optionalNormalized = (label: string, max: number, normalize: (s: string) => string | null, message: string) =>
  z
    .string({ error: `${label} must be text` })
    .trim()
    .max(max, { error: `${label} must be ${max} characters or fewer` })
    .nullish()
    .transform((s, ctx) => {
      if (!s) return null
      const value = normalize(s)
      if (value === null) {
        ctx.issues.push({ code: 'custom', message, input: s })
        return z.NEVER
      }
      return value
    })

export const optionalPhone = (label: string) =>
  optionalNormalized(label, 40, normalizePhone, `${label} should be a 10-digit US number like (555) 123-4567, or + and a country code`)

export const optionalEmail = (label: string) =>
  optionalNormalized(label, 254, (s) => (z.email().safeParse(s).success ? s.toLowerCase() : null), `${label} is not a valid email address`)

export const optionalZip = (label = 'ZIP code') =>
  optionalNormalized(label, 10, (s) => (/^\d{5}(-\d{4})?$/.test(s) ? s : /^\d{9}$/.test(s) ? `${s.slice(0, 5)}-${s.slice(5)}` : null), `${label} should be 5 digits, or ZIP+4 like 12345-6789`)

/**
 * '' / null / a missing key → null; anything else must pass `schema`. `.optional()` is what lets
 * a strict object omit the key (a union containing z.undefined() does not), and the union's own
 * message replaces zod's bare "Invalid input" when the value is of the wrong type.
 */
const emptyOr = <T extends z.ZodType<string, string>>(schema: T, message: string) =>
  z.union([z.literal(''), z.null(), schema], { error: message }).optional().transform((s) => (s ? s : null))

export const usState = (label = 'State') =>
  z
    .string({ error: `${label} is required` })
    .trim()
    .toUpperCase()
    .pipe(z.enum(US_STATE_CODES, { error: `${label} should be a two-letter US state or territory code` }))

export const optionalUsState = (label = 'State') =>
  emptyOr(z.string().trim().toUpperCase().pipe(usState(label)), `${label} should be a two-letter US state or territory code`)

const calendarDate = (label: string) =>
  z
    .string({ error: `${label} is required` })
    .trim()
    .min(1, { error: `${label} is required` })
    .refine(isCalendarDate, { error: `${label} should be a real date (YYYY-MM-DD)` })

/** Any real calendar date. */
export const isoDate = (label: string) => calendarDate(label)

export const optionalIsoDate = (label: string) => emptyOr(calendarDate(label), `${label} should be a real date (YYYY-MM-DD)`)

/** A date of birth: a real date, not in the future, not before 1900. */
export const dateOfBirth = (label = 'Date of birth') =>
  calendarDate(label)
    .refine((s) => s >= '1900-01-01', { error: `${label} cannot be before 1900` })
    .refine((s) => s <= localToday(), { error: `${label} cannot be in the future` })

export const optionalDateOfBirth = (label = 'Date of birth') => emptyOr(dateOfBirth(label), `${label} should be a real date (YYYY-MM-DD)`)

const npiIssue = (label: string, s: string) => {
  const problem = npiProblem(s)
  if (problem === 'format') return `${label} should be exactly 10 digits`
  if (problem === 'check_digit') return `${label} check digit does not match — check for a typo`
  return null
}

export const npi = (label = 'NPI') =>
  z
    .string({ error: `${label} is required` })
    .trim()
    .min(1, { error: `${label} is required` })
    .superRefine((s, ctx) => {
      const message = npiIssue(label, s)
      if (message) ctx.addIssue({ code: 'custom', message })
    })

export const optionalNpi = (label = 'NPI') => emptyOr(npi(label), `${label} should be exactly 10 digits`)

export const ein = (label = 'Tax ID (EIN)') =>
  z
    .string({ error: `${label} is required` })
    .trim()
    .min(1, { error: `${label} is required` })
    .transform((s, ctx) => {
      const value = normalizeEin(s)
      if (!value) {
        ctx.issues.push({ code: 'custom', message: `${label} should look like 12-3456789`, input: s })
        return z.NEVER
      }
      if (!einPrefixAssigned(value)) {
        ctx.issues.push({ code: 'custom', message: `${label} starts with a prefix the IRS does not issue — check for a typo`, input: s })
        return z.NEVER
      }
      return value
    })

export const icd10Code = (label = 'Diagnosis code') =>
  z
    .string({ error: `${label} is required` })
    .trim()
    .min(1, { error: `${label} is required` })
    .max(10, { error: `${label} should look like F33.2` })
    .refine(isWellFormedIcd10, { error: `${label} should be an ICD-10 code like F33.2: a letter, two characters, then optionally a dot and up to 4 more` })
    .transform(normalizeIcd10)

export const uuid = (label = 'ID') => z.uuid({ error: `${label} is not a valid record ID` })

/** Timestamps leave main as ISO-8601 UTC strings. */
export const timestamp = z.string()
