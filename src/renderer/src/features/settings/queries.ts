import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type { z } from 'zod'
import type { PracticeInput } from '@shared/contracts/practice'
import type { practiceSettingsInput } from '@shared/contracts/settings'
import { api, unwrap } from '@renderer/lib/api'
import { authKeys } from '@renderer/features/auth/queries'

type PracticeSettingsInput = z.input<typeof practiceSettingsInput>

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

export const settingsKeys = { all: ['settings'] as const, practice: () => ['settings', 'practice'] as const }

export const settingsQueries = {
  /** Practice-wide settings (Settings → Security): the idle lock. */
  practice: () => queryOptions({ queryKey: settingsKeys.practice(), queryFn: () => unwrap(api().settings.get({})) })
}

/** Saving changes the idle lock the session runs on: auth:status carries it, so ask again. */
export function useSaveSettings() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (settings: PracticeSettingsInput) => unwrap(api().settings.save({ settings })),
    onSuccess: (saved) => {
      queryClient.setQueryData(settingsKeys.practice(), saved)
      return queryClient.invalidateQueries({ queryKey: authKeys.status() })
    }
  })
}
