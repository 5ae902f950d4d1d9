import type { z } from 'zod'
import type { AppError, ErrorCode, SessionClash } from '@shared/contracts'

/** A failure a service means to report: the message is shown to the user, so it never holds PHI. */
export class AppFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
    readonly clashes?: SessionClash[]
  ) {
    super(message)
    this.name = 'AppFailure'
  }

  toError(): AppError {
    return {
      code: this.code,
      message: this.message,
      ...(this.fields ? { fields: this.fields } : {}),
      ...(this.clashes ? { clashes: this.clashes } : {})
    }
  }
}

export const notFound = (what: string) => new AppFailure('not_found', `${what} was not found. It may have been archived or never saved.`)
export const conflict = (message: string, fields?: Record<string, string>) => new AppFailure('conflict', message, fields)
export const invalid = (message: string, fields?: Record<string, string>) => new AppFailure('invalid_input', message, fields)

/** What a call hears while nobody is signed in (or the app is locked). */
export const SIGN_IN_MESSAGE = 'Sign in to continue.'

/** What a role-refused call hears, from dispatch or from a service's own finer check. */
export const FORBIDDEN_MESSAGE = 'Your role does not allow this. Ask the practice owner if you need it.'

/** Unknown keys are echoed only when they look like a field name: a key could itself carry PHI or be huge. */
const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/
const echoKey = (k: string) => (FIELD_NAME.test(k) ? k : '(unknown field)')

/** Field path → first message, e.g. "client.legalLastName" → "Legal last name is required". */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {}
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '(input)'
    if (issue.code === 'unrecognized_keys') {
      for (const k of issue.keys.map(echoKey)) fields[key === '(input)' ? k : `${key}.${k}`] ??= 'This field is not accepted here'
    } else {
      fields[key] ??= issue.message
    }
  }
  return fields
}
