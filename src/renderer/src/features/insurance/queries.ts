import { queryOptions, useMutation } from '@tanstack/react-query'
import type { InsurancePolicyInput } from '@shared/contracts/insurance'
import { api, unwrap } from '@renderer/lib/api'
import { clientDetailKey, useInvalidateChart } from '../clients/chart/queries'

export const insuranceKey = (clientId: string) => [...clientDetailKey(clientId), 'insurance'] as const

export const insuranceListQuery = (clientId: string, includeArchived: boolean) =>
  queryOptions({
    queryKey: [...insuranceKey(clientId), { includeArchived }] as const,
    queryFn: () => unwrap(api().insurance.list({ clientId, includeArchived }))
  })

export function useSavePolicy(clientId: string) {
  const invalidate = useInvalidateChart(clientId)
  return useMutation({
    mutationFn: ({ id, policy }: { id: string | null; policy: InsurancePolicyInput }) =>
      id ? unwrap(api().insurance.update({ id, policy })) : unwrap(api().insurance.create({ clientId, policy })),
    onSuccess: invalidate
  })
}

export function useArchivePolicy(clientId: string) {
  const invalidate = useInvalidateChart(clientId)
  return useMutation({
    mutationFn: (id: string) => unwrap(api().insurance.archive({ id })),
    onSuccess: invalidate
  })
}
