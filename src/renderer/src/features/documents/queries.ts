import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import { api, unwrap } from '@renderer/lib/api'

/** Every stored-document query lives under ['documents']; making, downloading or voiding one refreshes them. */
export const documentsKey = ['documents'] as const

export const documentsQueries = {
  list: (clientId: string) => queryOptions({ queryKey: [...documentsKey, 'list', clientId], queryFn: () => unwrap(api().documents.list({ clientId })) }),
  /** The $400 rule: one client's, or every client's (clientId undefined) for the Billing page. */
  disputes: (clientId?: string) =>
    queryOptions({ queryKey: [...documentsKey, 'disputes', clientId ?? 'all'], queryFn: () => unwrap(api().documents.disputes(clientId ? { clientId } : {})) })
}

function useDocumentsMutation<TIn, TOut>(fn: (input: TIn) => Promise<TOut>) {
  const queryClient = useQueryClient()
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: documentsKey }) })
}

export const useDownloadDocument = () => useMutation({ mutationFn: (id: string) => unwrap(api().documents.download({ id })) })
export const useGoodFaithEstimate = () =>
  useDocumentsMutation((input: { clientId: string; courseId: string; selfPay: boolean; requestedOn: string | null }) => unwrap(api().documents.goodFaithEstimate(input)))
export const useStatement = () => useDocumentsMutation((input: { clientId: string; from: string; to: string }) => unwrap(api().documents.statement(input)))
export const useVoidDocument = () => useDocumentsMutation((input: { id: string; reason: string }) => unwrap(api().documents.void(input)))
/** For the calls that make a document (billing:superbill, …): the chart's list shows the new one. */
export const useInvalidateDocuments = () => {
  const queryClient = useQueryClient()
  return () => queryClient.invalidateQueries({ queryKey: documentsKey })
}
