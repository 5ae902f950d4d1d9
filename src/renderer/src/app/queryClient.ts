import { QueryClient } from '@tanstack/react-query'
import { ApiError } from '@renderer/lib/api'

/**
 * Errors that will not fix themselves by asking again. 'locked' waits for the user: the lock
 * screen (or sign-in) takes over, and unlocking fetches again what failed.
 */
const NO_RETRY = new Set<ApiError['code']>(['invalid_input', 'not_found', 'forbidden', 'conflict', 'locked'])

export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // The database is local: a failure is rarely transient, so one quiet retry at most.
        retry: (failureCount, error) => !(error instanceof ApiError && NO_RETRY.has(error.code)) && failureCount < 1,
        retryDelay: 300,
        staleTime: 15_000,
        refetchOnWindowFocus: false
      },
      mutations: { retry: false }
    }
  })
}

export const queryClient = createQueryClient()
