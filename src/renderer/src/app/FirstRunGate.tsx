import { useQuery } from '@tanstack/react-query'
import { ErrorState, Spinner } from '@renderer/components'
import { practiceQueries } from '@renderer/features/settings/queries'
import { PracticeSetupScreen } from '@renderer/features/settings/PracticeSetupScreen'
import { AppShell } from './AppShell'

/** Until a practice profile exists, the app is its setup screen. */
export function FirstRunGate() {
  const practice = useQuery(practiceQueries.profile())

  if (practice.isPending) {
    return (
      <output className="flex h-full items-center justify-center gap-2 text-sm text-ink-faint">
        <Spinner />
        Opening your practice…
      </output>
    )
  }
  if (practice.isError) {
    return (
      <div className="flex h-full items-center justify-center">
        <ErrorState error={practice.error} title="KAP Practice could not open its records" onRetry={() => void practice.refetch()} />
      </div>
    )
  }
  if (practice.data === null) return <PracticeSetupScreen />
  return <AppShell practiceName={practice.data.practiceName} />
}
