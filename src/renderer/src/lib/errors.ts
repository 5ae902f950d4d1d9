import { ApiError } from './api'

/** What went wrong, in words a therapist can act on. Never a stack trace, never a value. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    switch (error.code) {
      case 'invalid_input':
        return Object.keys(error.fields).length > 0
          ? 'Some details need attention — see the highlighted fields.'
          : error.message || 'Some details need attention.'
      case 'not_found':
        return error.message || 'That record could not be found. It may have been removed.'
      case 'conflict':
        return error.message || 'Someone else changed this record. Reload it and try again.'
      case 'clash':
        return error.message || 'This time overlaps another session.'
      case 'forbidden':
        return error.message || 'You do not have permission to do that.'
      case 'locked':
        return 'KAP Practice locked or signed out before this could finish. Unlock and try again — nothing on this screen was lost.'
      default:
        return 'Something went wrong while saving or loading. Your data is safe — please try again.'
    }
  }
  return 'Something unexpected went wrong. Your data is safe — please try again.'
}

export const isApiError = (error: unknown, code?: ApiError['code']): error is ApiError =>
  error instanceof ApiError && (code === undefined || error.code === code)
