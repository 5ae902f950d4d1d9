import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type { MeasureInput } from '@shared/contracts/measures'
import { api, unwrap } from '@renderer/lib/api'
import { clientDetailKey } from '../clients/chart/queries'
import { noteKeys } from '../notes/queries'
import { dashboardKey } from '../sessions/queries'

/** Under the chart's key: a change to a measure refreshes the chart (and the dashboard's flags) with it. */
export const measureKeys = {
  all: (clientId: string) => [...clientDetailKey(clientId), 'measures'] as const,
  list: (clientId: string) => [...clientDetailKey(clientId), 'measures', 'list'] as const,
  trend: (clientId: string) => [...clientDetailKey(clientId), 'measures', 'trend'] as const
}

export const measureQueries = {
  /** Newest first, each beside its baseline. */
  list: (clientId: string) => queryOptions({ queryKey: measureKeys.list(clientId), queryFn: () => unwrap(api().measures.list({ clientId })) }),
  /** One series per kind, plus dosing dates. */
  trend: (clientId: string) => queryOptions({ queryKey: measureKeys.trend(clientId), queryFn: () => unwrap(api().measures.trend({ clientId })) })
}

function useInvalidateMeasures(clientId: string) {
  const queryClient = useQueryClient()
  return (noteId?: string | null) =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: measureKeys.all(clientId) }),
      // A note shows the safety flags of measures linked to it or its session.
      queryClient.invalidateQueries({ queryKey: noteId ? noteKeys.detail(noteId) : ['notes', 'detail'] }),
      queryClient.invalidateQueries({ queryKey: dashboardKey })
    ])
}

export function useCreateMeasure(clientId: string) {
  const invalidate = useInvalidateMeasures(clientId)
  return useMutation({
    mutationFn: (measure: MeasureInput) => unwrap(api().measures.create({ clientId, measure })),
    onSuccess: (saved) => invalidate(saved.noteId)
  })
}

export function useAcknowledgeMeasure(clientId: string) {
  const invalidate = useInvalidateMeasures(clientId)
  return useMutation({
    mutationFn: (id: string) => unwrap(api().measures.acknowledge({ id })),
    onSuccess: (saved) => invalidate(saved.noteId)
  })
}

export function useVoidMeasure(clientId: string) {
  const invalidate = useInvalidateMeasures(clientId)
  return useMutation({
    mutationFn: (input: { id: string; reason: string }) => unwrap(api().measures.void({ id: input.id, reason: input.reason || null })),
    onSuccess: (saved) => invalidate(saved.noteId)
  })
}
