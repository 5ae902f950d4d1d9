import { queryOptions, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query'
import type { RecoveryStatus } from '@shared/contracts/recovery'
import { api, unwrap } from '@renderer/lib/api'

export const recoveryKeys = { all: ['recovery'] as const, status: () => ['recovery', 'status'] as const }

export const recoveryQueries = {
  /** Asked once before anything else: can the practice database be opened, and which backups exist? */
  status: () =>
    queryOptions({
      queryKey: recoveryKeys.status(),
      queryFn: () => unwrap(api().recovery.status({})),
      staleTime: Infinity
    })
}

/**
 * After the database changed under the app (a restore, a fresh start, a retry that opened it),
 * everything cached belongs to no database: drop it, and let the new status open the app.
 */
function settle(queryClient: QueryClient, status: RecoveryStatus) {
  // The session (auth) is not the database's: it stays, or the start-up gate would lose track of it.
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== recoveryKeys.all[0] && query.queryKey[0] !== 'auth' })
  queryClient.setQueryData(recoveryKeys.status(), { state: status.state, backups: status.backups })
}

export function useRestoreBackup() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (fileName: string) => unwrap(api().recovery.restore({ fileName })),
    onSuccess: (status) => settle(queryClient, status)
  })
}

export function useStartFresh() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => unwrap(api().recovery.startFresh({})),
    onSuccess: (status) => settle(queryClient, status)
  })
}

export function useRetryOpen() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => unwrap(api().recovery.retry({})),
    onSuccess: (status) => settle(queryClient, status)
  })
}
