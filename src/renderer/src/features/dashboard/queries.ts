import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import { api, unwrap } from '@renderer/lib/api'
import { clientDetailKey } from '../clients/chart/queries'
import { dashboardKey } from '../sessions/queries'

export const dashboardQueries = {
  /** `today` is the therapist's own calendar date: main's clock may sit in another time zone. */
  get: (today: string) =>
    queryOptions({
      queryKey: [...dashboardKey, today] as const,
      queryFn: () => unwrap(api().dashboard.get({ today })),
      staleTime: 30_000
    })
}

/** Marks a safety flag as followed up: it leaves the dashboard (it stays on the measure and the note). */
export function useAcknowledgeFlag() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ measureId }: { measureId: string; clientId: string }) => unwrap(api().measures.acknowledge({ id: measureId })),
    onSuccess: (_m, { clientId }) =>
      Promise.all([queryClient.invalidateQueries({ queryKey: dashboardKey }), queryClient.invalidateQueries({ queryKey: clientDetailKey(clientId) })])
  })
}
