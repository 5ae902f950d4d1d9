import { useQuery } from '@tanstack/react-query'
import { ErrorState, Spinner } from '@renderer/components'
import { recoveryQueries } from '@renderer/features/recovery/queries'
import { RecoveryScreen } from '@renderer/features/recovery/RecoveryScreen'
import { FirstRunGate } from './FirstRunGate'

/**
 * Before anything else: is the practice database open? If not (damaged, in use, or lost), the
 * whole window is the recovery screen; once it is, the first-run gate and the app take over.
 */
export function StartupGate() {
  const status = useQuery(recoveryQueries.status())

  if (status.isPending) {
    return (
      <output className="flex h-full items-center justify-center gap-2 text-sm text-ink-faint">
        <Spinner />
        Opening your practice…
      </output>
    )
  }
  if (status.isError) {
    return (
      <div className="flex h-full items-center justify-center">
        <ErrorState error={status.error} title="KAP Practice could not open its records" onRetry={() => void status.refetch()} />
      </div>
    )
  }
  const { data } = status
  if (data.state !== 'ok') return <RecoveryScreen status={{ ...data, state: data.state }} />
  return <FirstRunGate />
}
