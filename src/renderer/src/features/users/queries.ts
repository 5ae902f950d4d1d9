import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type { z } from 'zod'
import type { usersContracts } from '@shared/contracts/users'
import { api, unwrap } from '@renderer/lib/api'
import { authKeys } from '@renderer/features/auth/queries'

type InputOf<K extends keyof typeof usersContracts> = z.input<(typeof usersContracts)[K]['input']>

export const usersKeys = {
  all: ['users'] as const,
  list: (includeDeactivated: boolean) => ['users', 'list', { includeDeactivated }] as const
}

export const usersQueries = {
  /** Settings → Users (owner only). */
  list: (includeDeactivated: boolean) =>
    queryOptions({ queryKey: usersKeys.list(includeDeactivated), queryFn: () => unwrap(api().users.list({ includeDeactivated })) })
}

/** Any change to users: the list, and the session (the owner may have changed their own name or role). */
function useUsersMutation<I, O>(fn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: fn,
    onSuccess: () =>
      Promise.all([queryClient.invalidateQueries({ queryKey: usersKeys.all }), queryClient.invalidateQueries({ queryKey: authKeys.status() })])
  })
}

export const useCreateUser = () => useUsersMutation((input: InputOf<'create'>) => unwrap(api().users.create(input)))
export const useUpdateUser = () => useUsersMutation((input: InputOf<'update'>) => unwrap(api().users.update(input)))
export const useDeactivateUser = () => useUsersMutation((input: InputOf<'deactivate'>) => unwrap(api().users.deactivate(input)))
export const useResetPassphrase = () => useUsersMutation((input: InputOf<'resetPassphrase'>) => unwrap(api().users.resetPassphrase(input)))
