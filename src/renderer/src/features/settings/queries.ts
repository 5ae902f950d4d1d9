import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type { PracticeInput } from '@shared/contracts/practice'
import { api, unwrap } from '@renderer/lib/api'

export const practiceKeys = { all: ['practice'] as const, profile: () => ['practice', 'profile'] as const }

export const practiceQueries = {
  /** null until the first-run setup has saved a profile. */
  profile: () =>
    queryOptions({
      queryKey: practiceKeys.profile(),
      queryFn: () => unwrap(api().practice.get({})),
      staleTime: Infinity
    })
}

export function useSavePractice() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (profile: PracticeInput) => unwrap(api().practice.save({ profile })),
    onSuccess: (saved) => {
      queryClient.setQueryData(practiceKeys.profile(), saved)
      return queryClient.invalidateQueries({ queryKey: practiceKeys.all })
    }
  })
}
