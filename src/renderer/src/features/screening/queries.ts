import { queryOptions, useMutation } from '@tanstack/react-query'
import type { ScreeningRecordInput } from '@shared/contracts/screening'
import type { ScreeningItemKey } from '@shared/domain/screening'
import { api, unwrap } from '@renderer/lib/api'
import { clientDetailKey, useInvalidateChart } from '../clients/chart/queries'

export const screeningKey = (clientId: string) => [...clientDetailKey(clientId), 'screening'] as const

export const screeningQuery = (clientId: string) =>
  queryOptions({
    queryKey: screeningKey(clientId),
    queryFn: () => unwrap(api().screening.get({ clientId }))
  })

export function useRecordScreening(clientId: string) {
  const invalidate = useInvalidateChart(clientId)
  return useMutation({
    mutationFn: ({ itemKey, item }: { itemKey: ScreeningItemKey; item: ScreeningRecordInput }) =>
      unwrap(api().screening.record({ clientId, itemKey, item })),
    onSuccess: invalidate
  })
}
