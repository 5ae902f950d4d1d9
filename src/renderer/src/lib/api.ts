import type { AppError, Api, Result } from '@shared/contracts'

declare global {
  interface Window {
    /** Exposed by the preload (or by the e2e harness bridge); built from the contract registry. */
    api: Api
  }
}

/** A failed call, thrown so TanStack Query and forms can handle it; `fields` maps field paths to messages. */
export class ApiError extends Error {
  readonly code: AppError['code']
  readonly fields: Record<string, string>
  constructor(error: AppError) {
    super(error.message)
    this.name = 'ApiError'
    this.code = error.code
    this.fields = error.fields ?? {}
  }
}

/** Turns an envelope into a value or a thrown ApiError. Components never call window.api directly. */
export async function unwrap<T>(call: Promise<Result<T>>): Promise<T> {
  let result: Result<T>
  try {
    result = await call
  } catch {
    throw new ApiError({ code: 'internal', message: 'The app could not reach its database. Please try again.' })
  }
  if (!result.ok) throw new ApiError(result.error)
  return result.value
}

export const api = (): Api => window.api
