import { useEffect } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useSearchParams } from 'react-router'
import { ErrorState, LoadingRows, PageHeader } from '@renderer/components'
import { formatTimestamp } from '@renderer/lib/format'
import { DataExportSection } from '@renderer/features/exports/DataExportSection'
import { BackupsSection } from '@renderer/features/backups/BackupsSection'
import { AuditLogLink } from '@renderer/features/audit/AuditLogLink'
import { useCurrentUser, can } from '@renderer/features/auth/access'
import { UsersSection } from '@renderer/features/users/UsersSection'
import { PracticeProfileForm } from './PracticeProfileForm'
import { PracticeProfileSummary } from './PracticeProfileSummary'
import { practiceQueries } from './queries'
import { SecuritySection } from './SecuritySection'
import { ClinicalSettings } from './ClinicalSettings'
import { FeesSettings } from '@renderer/features/billing/FeesSettings'

/**
 * Settings, by role: the owner edits the practice profile and manages users, security, exports,
 * backups and the audit log; everyone else reads the profile and changes their own passphrase.
 */
/** Scrolls the section a heading titles to the top; false while that section is not mounted yet. */
function scrollToSection(headingId: string): boolean {
  const section = document.getElementById(headingId)?.closest('section')
  section?.scrollIntoView({ block: 'start' })
  return section != null
}

export function SettingsPage() {
  const practice = useQuery(practiceQueries.profile())
  const role = useCurrentUser()?.role
  const editProfile = can(role, 'editPracticeProfile')
  const owner = can(role, 'editPracticeSettings')
  // `?section=fees-heading` (a superbill's missing item links here) opens on that section.
  const [params] = useSearchParams()
  const wanted = params.get('section')
  useEffect(() => {
    if (!wanted) return
    // Sections mount as their data arrives: look again for a moment until it is there.
    let tries = 0
    const timer = setInterval(() => {
      if (scrollToSection(wanted) || ++tries > 20) clearInterval(timer)
    }, 50)
    return () => clearInterval(timer)
  }, [wanted])
  const sections = [
    { heading: 'practice-profile-heading', label: 'Practice profile', shown: true },
    { heading: 'users-heading', label: 'Users', shown: can(role, 'manageUsers') },
    { heading: 'security-heading', label: owner ? 'Security' : 'Passphrase and lock', shown: true },
    { heading: 'clinical-settings-heading', label: 'Clinical', shown: true },
    { heading: 'fees-heading', label: 'Fees', shown: true },
    { heading: 'data-export-heading', label: 'Data export', shown: can(role, 'exportPractice') },
    { heading: 'backups-heading', label: 'Backups', shown: can(role, 'manageBackups') }
  ].filter((section) => section.shown)
  return (
    <div className="mx-auto max-w-5xl">
      <PageHeader title="Settings" />
      <nav aria-label="Settings sections" className="-mt-2 mb-5 flex flex-wrap items-center gap-1 text-[13px]">
        {sections.map((section) => (
          <button
            key={section.heading}
            type="button"
            onClick={() => scrollToSection(section.heading)}
            className="rounded-md px-2 py-1 text-ink-soft hover:bg-sunken hover:text-ink"
          >
            {section.label}
          </button>
        ))}
      </nav>
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
        ) : editProfile || practice.data === null ? (
          <PracticeProfileForm practice={practice.data} />
        ) : (
          <PracticeProfileSummary practice={practice.data} />
        )}
      </section>
      {can(role, 'manageUsers') && <UsersSection />}
      <SecuritySection />
      <ClinicalSettings />
      <FeesSettings />
      {can(role, 'exportPractice') && <DataExportSection />}
      {can(role, 'manageBackups') && <BackupsSection />}
      {can(role, 'viewAuditLog') && <AuditLogLink />}
    </div>
  )
}
