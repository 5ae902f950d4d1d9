import { useEffect, useRef, useState } from 'react'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { LogOut, ShieldAlert } from 'lucide-react'
import type { AuthStatus } from '@shared/contracts/auth'
import { Button, ErrorState, FormError, Spinner } from '@renderer/components'
import { onSessionLocked } from '@renderer/lib/api'
import { can } from '@renderer/features/auth/access'
import { AuthLayout } from '@renderer/features/auth/AuthLayout'
import { KeyringMissingScreen } from '@renderer/features/auth/KeyringMissingScreen'
import { OwnerSetupScreen } from '@renderer/features/auth/OwnerSetupScreen'
import { authKeys, authQueries, clearSessionData, refreshAuthStatus, useSignOut } from '@renderer/features/auth/queries'
import { RecoveryKeyScreen } from '@renderer/features/auth/RecoveryKeyScreen'
import { Session } from '@renderer/features/auth/Session'
import { SignInScreen } from '@renderer/features/auth/SignInScreen'
import { recoveryQueries } from '@renderer/features/recovery/queries'
import { RecoveryScreen } from '@renderer/features/recovery/RecoveryScreen'
import { FirstRunGate } from './FirstRunGate'

function Opening() {
  return (
    <output className="flex h-full items-center justify-center gap-2 text-sm text-ink-faint">
      <Spinner />
      Opening your practice…
    </output>
  )
}

const signedInUserId = (status: AuthStatus | undefined) =>
  status && (status.state === 'signedIn' || status.state === 'locked') ? (status.user?.id ?? null) : null

/**
 * Before anything else: who sits at the app? First run makes the owner (and shows the recovery
 * key once); signed out means sign-in; a lost key file means the recovery key. Signed in (or
 * locked — the app stays mounted behind the lock screen), the practice database must be open:
 * if not, the recovery screen; then the first-run practice profile, then the app.
 */
export function StartupGate() {
  const queryClient = useQueryClient()
  const auth = useQuery(authQueries.status())
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null)

  // Any call answering 'locked' (main locked first, or the session ended): ask where things stand.
  useEffect(() => onSessionLocked(() => void refreshAuthStatus(queryClient)), [queryClient])

  // Nothing one person loaded outlives their session: a sign-out (or a different user) empties the cache.
  const userId = signedInUserId(auth.data)
  const previousUser = useRef<string | null>(null)
  useEffect(() => {
    if (previousUser.current !== null && previousUser.current !== userId) clearSessionData(queryClient, { mutations: true })
    previousUser.current = userId
  }, [userId, queryClient])

  if (recoveryKey !== null) return <RecoveryKeyScreen recoveryKey={recoveryKey} onDone={() => setRecoveryKey(null)} />
  if (auth.isPending) return <Opening />
  if (auth.isError) {
    return (
      <div className="flex h-full items-center justify-center">
        <ErrorState error={auth.error} title="KAP Practice could not start" onRetry={() => void auth.refetch()} />
      </div>
    )
  }

  const status = auth.data
  switch (status.state) {
    case 'setup':
      return (
        <OwnerSetupScreen
          onCreated={(result) => {
            // The key first (shown once); the session is already open behind it.
            setRecoveryKey(result.recoveryKey)
            queryClient.setQueryData(authKeys.status(), result.status)
          }}
        />
      )
    case 'signedOut':
      return <SignInScreen />
    case 'keyringMissing':
      return <KeyringMissingScreen />
    case 'signedIn':
    case 'locked':
      return (
        <Session status={status}>
          <DatabaseGate status={status} />
        </Session>
      )
  }
}

/** Is the practice database open? If not (damaged, in use, or lost), the window is the recovery screen. */
function DatabaseGate({ status }: { status: AuthStatus }) {
  const database = useQuery(recoveryQueries.status())

  if (database.isPending) return <Opening />
  if (database.isError) {
    return (
      <div className="flex h-full items-center justify-center">
        <ErrorState error={database.error} title="KAP Practice could not open its records" onRetry={() => void database.refetch()} />
      </div>
    )
  }
  const { data } = database
  if (data.state !== 'ok') {
    if (!can(status.user?.role, 'recoverDatabase')) return <RecoveryNeedsOwner />
    return <RecoveryScreen status={{ ...data, state: data.state }} />
  }
  return <FirstRunGate />
}

/** Restoring a backup is the owner's to do: everyone else is told so, and can sign out. */
function RecoveryNeedsOwner() {
  const signOut = useSignOut()
  return (
    <AuthLayout
      title="The practice database needs attention"
      icon={<ShieldAlert />}
      intro={
        <p>
          KAP Practice could not open the practice’s records. Your data has not been changed. Restoring a backup is done by the practice owner: ask
          them to sign in on this computer.
        </p>
      }
    >
      <FormError error={signOut.error} className="mb-4" />
      <Button variant="primary" busy={signOut.isPending} onClick={() => signOut.mutate()}>
        <LogOut aria-hidden="true" />
        Sign out
      </Button>
    </AuthLayout>
  )
}
