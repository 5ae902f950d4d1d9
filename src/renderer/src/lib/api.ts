import type { AppError, Api, Result, SessionClash } from '@shared/contracts'

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
  /** With code 'clash': the sessions a booking overlaps. */
  readonly clashes: SessionClash[]
  constructor(error: AppError) {
    super(error.message)
    this.name = 'ApiError'
    this.code = error.code
    this.fields = error.fields ?? {}
    this.clashes = error.clashes ?? []
  }
}

type SessionListener = (error: ApiError) => void
const sessionListeners = new Set<SessionListener>()

/**
 * The one place that notices the session ended under the app: any call answering 'locked'
 * (main locked itself, or nobody is signed in any more) tells these listeners, and the start-up
 * gate asks auth:status again to show the lock screen or sign-in. Returns the unsubscribe.
 */
export function onSessionLocked(listener: SessionListener): () => void {
  sessionListeners.add(listener)
  return () => void sessionListeners.delete(listener)
}

/** Turns an envelope into a value or a thrown ApiError. Components never call window.api directly. */
export async function unwrap<T>(call: Promise<Result<T>>): Promise<T> {
  let result: Result<T>
  try {
    result = await call
  } catch {
    throw new ApiError({ code: 'internal', message: 'The app could not reach its database. Please try again.' })
  }
  if (!result.ok) {
    const error = new ApiError(result.error)
    if (error.code === 'locked') for (const listener of sessionListeners) listener(error)
    throw error
  }
  return result.value
}

export const api = (): Api => window.api
