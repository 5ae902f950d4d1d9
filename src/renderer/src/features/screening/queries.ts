import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type { ContraindicationContext, ScreeningBatchInput } from '@shared/contracts/screening'
import { api, unwrap } from '@renderer/lib/api'
import { clientDetailKey, useInvalidateChart } from '../clients/chart/queries'

export const screeningKey = (clientId: string) => [...clientDetailKey(clientId), 'screening'] as const

export const screeningQuery = (clientId: string) =>
  queryOptions({
    queryKey: screeningKey(clientId),
    queryFn: () => unwrap(api().screening.get({ clientId }))
  })

export function useRecordAllScreening(clientId: string) {
  const invalidate = useInvalidateChart(clientId)
  return useMutation({
    mutationFn: (input: Omit<ScreeningBatchInput, 'clientId'>) => unwrap(api().screening.recordAll({ clientId, ...input })),
    onSuccess: invalidate
  })
}

/** Contraindications answered "yes", with their acknowledgement in `context` (a note, course or session). */
export const flagsQuery = (clientId: string, context?: ContraindicationContext) =>
  queryOptions({
    queryKey: [...screeningKey(clientId), 'flags', context?.kind ?? null, context?.id ?? null] as const,
    queryFn: () => unwrap(api().screening.flags({ clientId, ...(context ? { context } : {}) }))
  })

export function useAcknowledgeFlags(clientId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ context, screeningItemIds }: { context: ContraindicationContext; screeningItemIds: string[] }) =>
      unwrap(api().screening.acknowledge({ clientId, context, screeningItemIds })),
    onSuccess: (flags, { context }) => {
      queryClient.setQueryData(flagsQuery(clientId, context).queryKey, flags)
      // The note's signing problems include unacknowledged flags.
      if (context.kind === 'note') return queryClient.invalidateQueries({ queryKey: ['notes', 'detail', context.id] })
    }
  })
}
