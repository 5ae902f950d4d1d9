import type { AppError, ErrorCode } from '@shared/contracts'

/** A failure a service means to report: the message is shown to the user, so it never holds PHI. */
export class AppFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>
  ) {
    super(message)
    this.name = 'AppFailure'
  }

  toError(): AppError {
    return this.fields ? { code: this.code, message: this.message, fields: this.fields } : { code: this.code, message: this.message }
  }
}

export const notFound = (what: string) => new AppFailure('not_found', `${what} was not found. It may have been archived or never saved.`)
export const conflict = (message: string, fields?: Record<string, string>) => new AppFailure('conflict', message, fields)
export const invalid = (message: string, fields?: Record<string, string>) => new AppFailure('invalid_input', message, fields)
