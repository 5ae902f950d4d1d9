import { useQueryClient } from '@tanstack/react-query'
import { clientKeys } from '../queries'

/** The client's chart root key; every chart sub-resource lives under it, so one invalidation refreshes the header's flags. */
export const clientDetailKey = (clientId: string) => clientKeys.detail(clientId)

/** After any chart change: the chart (header flags and every sub-resource) and the client lists. */
export function useInvalidateChart(clientId: string) {
  const queryClient = useQueryClient()
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: clientKeys.detail(clientId) }),
      queryClient.invalidateQueries({ queryKey: clientKeys.lists() })
    ])
}
