import type { ReactNode } from 'react'
import { useQuery } from '@tanstack/react-query'
import { Navigate, NavLink, useParams, useSearchParams } from 'react-router'
import { EmptyState, ErrorState, LoadingRows, PageHeader } from '@renderer/components'
import { cn } from '@renderer/lib/cn'
import { formatTimestamp } from '@renderer/lib/format'
import { DataExportSection } from '@renderer/features/exports/DataExportSection'
import { BackupsSection } from '@renderer/features/backups/BackupsSection'
import { useCurrentUser, can } from '@renderer/features/auth/access'
import { UsersSection } from '@renderer/features/users/UsersSection'
import { FeesSettings } from '@renderer/features/billing/FeesSettings'
import { PracticeProfileForm } from './PracticeProfileForm'
import { PracticeProfileSummary } from './PracticeProfileSummary'
import { practiceQueries } from './queries'
import { SecuritySection } from './SecuritySection'
import { ClinicalSettings } from './ClinicalSettings'
import { LEGACY_SECTION_IDS, settingsPath, settingsSectionsFor } from './sections'

const SECTION_CONTENT: Record<string, () => ReactNode> = {
  practice: () => <PracticeProfileSection />,
  users: () => <UsersSection />,
  security: () => <SecuritySection />,
  clinical: () => <ClinicalSettings />,
  fees: () => <FeesSettings />,
  export: () => <DataExportSection />,
  backups: () => <BackupsSection />
}

/**
 * Settings, by role, one section per route (/settings/users, /settings/fees, …) with the list of
 * sections beside it: the owner edits the practice profile and manages users, security, exports,
 * backups and the audit log; everyone else reads the profile and changes their own passphrase.
 */
export function SettingsPage() {
  const role = useCurrentUser()?.role
  const { section: slug } = useParams()
  const [params] = useSearchParams()
  const sections = settingsSectionsFor(role)
  // `/settings` and old `/settings?section=fees-heading` links land on a section's own route.
  const legacy = params.get('section')
  if (!slug) return <Navigate replace to={settingsPath((legacy && LEGACY_SECTION_IDS[legacy]) || 'practice')} />
  const current = sections.find((s) => s.slug === slug)
  return (
    <div>
      <PageHeader title="Settings" />
      <div className="flex flex-col gap-6 md:flex-row md:items-start">
        <nav aria-label="Settings sections" className="shrink-0 md:sticky md:top-0 md:w-44">
          <ul className="flex flex-wrap gap-1 md:flex-col">
            {sections.map((s) => (
              <li key={s.slug}>
                <NavLink
                  to={settingsPath(s.slug)}
                  className={({ isActive }) =>
                    cn(
                      'flex h-8 items-center rounded-md px-2.5 text-sm',
                      isActive ? 'bg-surface font-medium text-accent-800 shadow-xs ring-1 ring-line' : 'text-ink-soft hover:bg-sunken hover:text-ink'
                    )
                  }
                >
                  {s.label}
                </NavLink>
              </li>
            ))}
            {can(role, 'viewAuditLog') && (
              <li>
                <NavLink to="/settings/audit" className="flex h-8 items-center rounded-md px-2.5 text-sm text-ink-soft hover:bg-sunken hover:text-ink">
                  Audit log
                </NavLink>
              </li>
            )}
          </ul>
        </nav>
        <div className="min-w-0 max-w-5xl flex-1 [&>section:first-child]:mt-0">
          {current ? (
            SECTION_CONTENT[current.slug]?.()
          ) : (
            <EmptyState
              className="rounded-lg border border-dashed border-line-strong bg-surface"
              title="This section is not available"
              body="Pick a section from the list. Some are for the practice owner only."
            />
          )}
        </div>
      </div>
    </div>
  )
}

function PracticeProfileSection() {
  const practice = useQuery(practiceQueries.profile())
  const editProfile = can(useCurrentUser()?.role, 'editPracticeProfile')
  return (
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
  )
}
