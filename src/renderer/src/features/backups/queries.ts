import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import { api, unwrap } from '@renderer/lib/api'
import { useJob } from '@renderer/lib/jobs'

export const backupsKeys = { all: ['backups'] as const, list: () => ['backups', 'list'] as const }

export const backupsQueries = {
  /** The verified backups in the backups folder, newest first, and the folder itself. */
  list: () => queryOptions({ queryKey: backupsKeys.list(), queryFn: () => unwrap(api().backups.list({})) })
}

/** A backup in a worker (VACUUM INTO of a large practice takes seconds), with progress and Cancel. */
export function useBackUpNow() {
  const queryClient = useQueryClient()
  return useJob('backup', { onSuccess: () => void queryClient.invalidateQueries({ queryKey: backupsKeys.all }) })
}

/** A restore replaces the whole practice: every cached query is stale. */
export function useRestoreBackup() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (fileName: string) => unwrap(api().backups.restore({ fileName })),
    onSuccess: () => queryClient.invalidateQueries()
  })
}

export function useUndoRestore() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (preRestoreFileName: string) => unwrap(api().backups.undoRestore({ preRestoreFileName })),
    onSuccess: () => queryClient.invalidateQueries()
  })
}
