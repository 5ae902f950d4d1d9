import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import { api, unwrap } from '@renderer/lib/api'
import { useJob } from '@renderer/lib/jobs'

export const exportsKeys = { all: ['exports'] as const, archives: () => ['exports', 'archives'] as const }

export const exportsQueries = {
  /** The practice archives in the exports folder, newest first. */
  archives: () => queryOptions({ queryKey: exportsKeys.archives(), queryFn: () => unwrap(api().exports.list({})) })
}

/** Both exports run in a worker, with progress and Cancel; a cancelled one leaves no file. */
export const useCustodianExport = () => useJob('custodianExport')

export function useArchiveExport() {
  const queryClient = useQueryClient()
  return useJob('archiveExport', { onSuccess: () => void queryClient.invalidateQueries({ queryKey: exportsKeys.all }) })
}

export function useImportArchive() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: { fileName: string; passphrase: string }) => unwrap(api().exports.importArchive(input)),
    // The whole practice changed: every cached query is stale.
    onSuccess: () => queryClient.invalidateQueries()
  })
}
