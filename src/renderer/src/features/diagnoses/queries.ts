import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type { Diagnosis, DiagnosisInput } from '@shared/contracts/diagnoses'
import { DIAGNOSIS_LETTERS } from '@shared/domain/icd10'
import { api, unwrap } from '@renderer/lib/api'
import { clientDetailKey, useInvalidateChart } from '../clients/chart/queries'

export const diagnosesKey = (clientId: string) => [...clientDetailKey(clientId), 'diagnoses'] as const

export const diagnosesListQuery = (clientId: string, includeRemoved: boolean) =>
  queryOptions({
    queryKey: [...diagnosesKey(clientId), { includeRemoved }] as const,
    queryFn: () => unwrap(api().diagnoses.list({ clientId, includeRemoved }))
  })

export function useAddDiagnosis(clientId: string) {
  const invalidate = useInvalidateChart(clientId)
  return useMutation({
    mutationFn: (diagnosis: DiagnosisInput) => unwrap(api().diagnoses.add({ clientId, diagnosis })),
    onSuccess: invalidate
  })
}

export function useRemoveDiagnosis(clientId: string) {
  const invalidate = useInvalidateChart(clientId)
  return useMutation({
    mutationFn: (id: string) => unwrap(api().diagnoses.remove({ id })),
    onSuccess: invalidate
  })
}

export function useSetPrimaryDiagnosis(clientId: string) {
  const invalidate = useInvalidateChart(clientId)
  return useMutation({
    mutationFn: (id: string) => unwrap(api().diagnoses.setPrimary({ id })),
    onSuccess: invalidate
  })
}

/** Reorders optimistically so move up/down feels instant; rolls back if main refuses. */
export function useReorderDiagnoses(clientId: string) {
  const queryClient = useQueryClient()
  const invalidate = useInvalidateChart(clientId)
  return useMutation({
    mutationFn: (orderedIds: string[]) => unwrap(api().diagnoses.reorder({ clientId, orderedIds })),
    onMutate: async (orderedIds) => {
      await queryClient.cancelQueries({ queryKey: diagnosesKey(clientId) })
      const snapshots = queryClient.getQueriesData<Diagnosis[]>({ queryKey: diagnosesKey(clientId) })
      queryClient.setQueriesData<Diagnosis[]>({ queryKey: diagnosesKey(clientId) }, (old) =>
        old ? reorderLocally(old, orderedIds) : old
      )
      return { snapshots }
    },
    onError: (_error, _ids, context) => {
      for (const [key, data] of context?.snapshots ?? []) queryClient.setQueryData(key, data)
    },
    onSettled: invalidate
  })
}

/** Current diagnoses in the new order with letters A–L; removed ones keep their place at the end. */
export function reorderLocally(list: Diagnosis[], orderedIds: string[]): Diagnosis[] {
  const byId = new Map(list.map((d) => [d.id, d]))
  const current = orderedIds.flatMap((id, i) => {
    const d = byId.get(id)
    return d ? [{ ...d, letter: DIAGNOSIS_LETTERS[i] ?? null }] : []
  })
  const rest = list.filter((d) => !orderedIds.includes(d.id))
  return [...current, ...rest]
}
