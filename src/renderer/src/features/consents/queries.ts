import { queryOptions, useMutation } from '@tanstack/react-query'
import type { ConsentInput } from '@shared/contracts/consents'
import { api, unwrap } from '@renderer/lib/api'
import { clientDetailKey, useInvalidateChart } from '../clients/chart/queries'

export const consentsKey = (clientId: string) => [...clientDetailKey(clientId), 'consents'] as const

export const consentsListQuery = (clientId: string) =>
  queryOptions({
    queryKey: consentsKey(clientId),
    queryFn: () => unwrap(api().consents.list({ clientId }))
  })

export function useCreateConsent(clientId: string) {
  const invalidate = useInvalidateChart(clientId)
  return useMutation({
    mutationFn: (consent: ConsentInput) => unwrap(api().consents.create({ clientId, consent })),
    onSuccess: invalidate
  })
}

export function useRevokeConsent(clientId: string) {
  const invalidate = useInvalidateChart(clientId)
  return useMutation({
    mutationFn: ({ id, revokedOn }: { id: string; revokedOn: string }) => unwrap(api().consents.revoke({ id, revokedOn })),
    onSuccess: invalidate
  })
}
