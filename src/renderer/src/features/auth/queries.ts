import { queryOptions, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query'
import { toast } from 'sonner'
import type { z } from 'zod'
import type { AuthStatus, authContracts } from '@shared/contracts/auth'
import { api, unwrap } from '@renderer/lib/api'
import { isApiError } from '@renderer/lib/errors'
import { pendingSaves, unsavedChanges } from '@renderer/lib/forms'
import { rememberLogin } from './last-login'

type InputOf<K extends keyof typeof authContracts> = z.input<(typeof authContracts)[K]['input']>

export const AUTH_KEY = 'auth'
export const authKeys = { all: [AUTH_KEY] as const, status: () => [AUTH_KEY, 'status'] as const }

export const authQueries = {
  /** Who sits at the app: setup, signed out, locked, signed in, or the keyring is missing. */
  status: () =>
    queryOptions({
      queryKey: authKeys.status(),
      queryFn: () => unwrap(api().auth.status({})),
      staleTime: Infinity,
      retry: 1
    })
}

/**
 * The session's own state is kept; everything a signed-in user loaded goes. `mutations` also drops
 * finished mutations (their inputs hold what was typed) — not from inside a mutation's own callback.
 */
const notAuth = (q: { queryKey: readonly unknown[] }) => q.queryKey[0] !== AUTH_KEY
export function clearSessionData(queryClient: QueryClient, { mutations = false } = {}) {
  void queryClient.cancelQueries({ predicate: notAuth })
  queryClient.removeQueries({ predicate: notAuth })
  if (mutations) queryClient.getMutationCache().clear()
  unsavedChanges.clear()
}

/** Asks main where the session stands now (after a 'locked' answer, or a refused attempt). */
export const refreshAuthStatus = (queryClient: QueryClient) =>
  queryClient.invalidateQueries({ queryKey: authKeys.status() }, { cancelRefetch: false })

/**
 * After unlocking: what failed while locked is fetched again (in the background, so the page
 * behind keeps its layout and every draft stays as it was).
 */
function refetchWhatFailedWhileLocked(queryClient: QueryClient) {
  void queryClient.refetchQueries({ predicate: (q) => isApiError(q.state.error, 'locked') })
}

const setStatus = (queryClient: QueryClient, status: AuthStatus) => queryClient.setQueryData(authKeys.status(), status)

/**
 * Tells main someone is still at the app (auth:touch): main locks on its own idle clock too, and
 * typing a long note calls nothing else. A 'locked' answer flips the UI like any other (see
 * onSessionLocked).
 */
export function reportActivity(): void {
  unwrap(api().auth.touch({})).catch(() => undefined)
}

/** The current session; undefined only while the first answer is on its way. */
export function useAuthStatus() {
  return useQuery(authQueries.status()).data
}

/** First run: the owner account. Answers the recovery key, which the caller shows once. */
export function useSetupOwner() {
  return useMutation({
    mutationFn: (input: InputOf<'setup'>) => unwrap(api().auth.setup(input)),
    onSuccess: (_result, input) => rememberLogin(input.owner.login)
  })
}

export function useSignIn() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: InputOf<'signIn'>) => unwrap(api().auth.signIn(input)),
    onSuccess: (status, input) => {
      rememberLogin(input.login)
      clearSessionData(queryClient)
      setStatus(queryClient, status)
    },
    onError: () => refreshAuthStatus(queryClient)
  })
}

export function useUnlock() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: InputOf<'unlock'>) => unwrap(api().auth.unlock(input)),
    onSuccess: (status) => {
      setStatus(queryClient, status)
      refetchWhatFailedWhileLocked(queryClient)
    },
    onError: () => refreshAuthStatus(queryClient)
  })
}

/**
 * How long locking or signing out waits for waiting saves. A draft save that is slower still
 * arrives: main takes the locked user's draft save after the lock too.
 */
const SAVE_BEFORE_LOCK_MS = 3000

/** Sends every save waiting on a timer (a draft typed a moment ago); true when all are stored. */
export const savePendingEdits = (): Promise<boolean> =>
  Promise.race([pendingSaves.flush(), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), SAVE_BEFORE_LOCK_MS))])

/**
 * Locks now: the screen goes opaque at once, what was typed is saved, then main is told (and
 * answers the locked status).
 */
export function useLock() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async () => {
      await savePendingEdits()
      return unwrap(api().auth.lock({}))
    },
    onMutate: () => {
      toast.dismiss()
      queryClient.setQueryData<AuthStatus>(authKeys.status(), (s) => (s && s.state === 'signedIn' ? { ...s, state: 'locked' } : s))
    },
    onSuccess: (status) => setStatus(queryClient, status),
    onError: () => refreshAuthStatus(queryClient)
  })
}

/** Signs out (from the app or the lock screen), saving what is waiting first; every cached record is dropped. */
export function useSignOut() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async () => {
      await savePendingEdits()
      return unwrap(api().auth.signOut({}))
    },
    onSuccess: (status) => {
      toast.dismiss()
      clearSessionData(queryClient)
      setStatus(queryClient, status)
    },
    onError: () => refreshAuthStatus(queryClient)
  })
}

/** The recovery key sets a new passphrase and signs in (forgotten passphrase, or the keyring is gone). */
export function useRecover() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: InputOf<'recover'>) => unwrap(api().auth.recover(input)),
    onSuccess: (status, input) => {
      rememberLogin(input.login)
      clearSessionData(queryClient)
      setStatus(queryClient, status)
    }
  })
}

export function useChangePassphrase() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: InputOf<'changePassphrase'>) => unwrap(api().auth.changePassphrase(input)),
    onSuccess: (status) => setStatus(queryClient, status)
  })
}
