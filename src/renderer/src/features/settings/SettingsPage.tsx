import { useQuery } from '@tanstack/react-query'
import { ErrorState, LoadingRows, PageHeader } from '@renderer/components'
import { formatTimestamp } from '@renderer/lib/format'
import { DataExportSection } from '@renderer/features/exports/DataExportSection'
import { BackupsSection } from '@renderer/features/backups/BackupsSection'
import { AuditLogLink } from '@renderer/features/audit/AuditLogLink'
import { PracticeProfileForm } from './PracticeProfileForm'
import { practiceQueries } from './queries'

export function SettingsPage() {
  const practice = useQuery(practiceQueries.profile())
  return (
    <div className="mx-auto max-w-5xl">
      <PageHeader title="Settings" />
      <section aria-labelledby="practice-profile-heading" className="rounded-lg border border-line bg-surface px-6 py-5">
        <div className="mb-4 border-b border-line pb-4">
          <h2 id="practice-profile-heading" className="text-base font-semibold text-ink">
            Practice profile
          </h2>
          <p className="mt-0.5 text-sm text-ink-soft">
            {practice.data ? `Last saved ${formatTimestamp(practice.data.updatedAt)}.` : 'The details that identify your practice on every document.'}
          </p>
        </div>
        {practice.isPending ? (
          <LoadingRows as="div" rows={8} />
        ) : practice.isError ? (
          <ErrorState error={practice.error} title="The practice profile could not be loaded" onRetry={() => void practice.refetch()} />
        ) : (
          <PracticeProfileForm practice={practice.data} />
        )}
      </section>
      <DataExportSection />
      <BackupsSection />
      <AuditLogLink />
    </div>
  )
}
