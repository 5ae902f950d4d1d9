import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { Client, ClientInput } from '@shared/contracts/clients'
import { api, unwrap } from '@renderer/lib/api'
import { clientKeys } from './queries'

/** After any change to a client, every clients query (lists, search, charts) is refreshed. */
function useInvalidateClients() {
  const queryClient = useQueryClient()
  return (saved?: Client) => {
    if (saved) {
      // Keep the chart's client fresh at once; flags come back with the refetch.
      queryClient.setQueryData(clientKeys.detail(saved.id), (old: { client: Client; flags: unknown } | undefined) =>
        old ? { ...old, client: saved } : old
      )
    }
    return queryClient.invalidateQueries({ queryKey: clientKeys.all })
  }
}

export function useCreateClient() {
  const invalidate = useInvalidateClients()
  return useMutation({
    mutationFn: (client: ClientInput) => unwrap(api().clients.create({ client })),
    onSuccess: (saved) => void invalidate(saved)
  })
}

export function useUpdateClient() {
  const invalidate = useInvalidateClients()
  return useMutation({
    mutationFn: ({ id, client }: { id: string; client: ClientInput }) => unwrap(api().clients.update({ id, client })),
    onSuccess: (saved) => void invalidate(saved)
  })
}

export function useArchiveClient() {
  const invalidate = useInvalidateClients()
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason?: string | null }) => unwrap(api().clients.archive({ id, reason: reason ?? null })),
    onSuccess: (saved) => void invalidate(saved)
  })
}

export function useRestoreClient() {
  const invalidate = useInvalidateClients()
  return useMutation({
    mutationFn: ({ id }: { id: string }) => unwrap(api().clients.restore({ id })),
    onSuccess: (saved) => void invalidate(saved)
  })
}
