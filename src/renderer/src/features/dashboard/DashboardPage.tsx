import type { ReactNode } from 'react'
import { Link } from 'react-router'
import { useQueries, useQuery } from '@tanstack/react-query'
import { Banknote, CalendarDays, ChevronRight, Plus, Users } from 'lucide-react'
import { CLIENT_STATUSES, CLIENT_STATUS_LABELS, type ClientStatus } from '@shared/domain/client-status'
import { localToday } from '@shared/domain/dates'
import { EmptyState, ErrorState, PageHeader, Skeleton, StatusBadge, buttonClasses } from '@renderer/components'
import { cn } from '@renderer/lib/cn'
import { formatCount, formatDate, formatRelative } from '@renderer/lib/format'
import { clientQueries } from '@renderer/features/clients/queries'
import { clientListHref } from '@renderer/features/clients/list-params'

/** The client's path, in order; the closed statuses are shown smaller. */
const PATH: ClientStatus[] = ['inquiry', 'screening', 'active', 'maintenance']
const CLOSED: ClientStatus[] = CLIENT_STATUSES.filter((s) => !PATH.includes(s))

const STATUS_HINT: Partial<Record<ClientStatus, string>> = {
  inquiry: 'First contact, not yet screened',
  screening: 'Intake and contraindication review',
  active: 'In an induction course',
  maintenance: 'Boosters at 1, 3 and 6 months'
}

function greeting(now = new Date()) {
  const h = now.getHours()
  return h < 12 ? 'Good morning' : h < 18 ? 'Good afternoon' : 'Good evening'
}

export function DashboardPage() {
  const counts = useQueries({
    queries: CLIENT_STATUSES.map((status) => clientQueries.list({ statuses: [status], archived: 'current', pageSize: 1 }))
  })
  const recent = useQuery(clientQueries.list({ archived: 'current', sort: 'updatedAt', direction: 'desc', pageSize: 8 }))
  const countOf = (status: ClientStatus) => counts[CLIENT_STATUSES.indexOf(status)]
  const countsFailed = counts.find((c) => c.isError)
  const total = counts.every((c) => c.data) ? counts.reduce((sum, c) => sum + (c.data?.total ?? 0), 0) : null

  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader
        title={greeting()}
        subtitle={<span className="num">{formatDate(localToday())}</span>}
        actions={
          <Link to="/clients/new" className={buttonClasses('primary')}>
            <Plus aria-hidden="true" />
            Add client
          </Link>
        }
      />

      <section aria-labelledby="caseload-heading" className="mb-8">
        <div className="mb-3 flex items-baseline justify-between">
          <h2 id="caseload-heading" className="text-sm font-semibold text-ink">
            Caseload
            {total !== null && <span className="num ml-2 font-normal text-ink-faint">{formatCount(total)} current</span>}
          </h2>
          <Link to="/clients" className="inline-flex items-center text-[13px] font-medium text-accent-700 hover:underline">
            All clients
            <ChevronRight aria-hidden="true" className="size-3.5" />
          </Link>
        </div>
        {countsFailed ? (
          <div className="rounded-lg border border-line bg-surface">
            <ErrorState error={countsFailed.error} title="The caseload could not be counted" onRetry={() => counts.forEach((c) => void c.refetch())} />
          </div>
        ) : (
          <>
            <ul className="grid grid-cols-2 gap-3 lg:grid-cols-4">
              {PATH.map((status) => {
                const q = countOf(status)
                return (
                  <li key={status}>
                    <Link
                      to={clientListHref({ statuses: [status] })}
                      className="group block rounded-lg border border-line bg-surface p-4 shadow-xs transition-colors hover:border-accent-200 hover:bg-accent-50/40"
                    >
                      <div className="flex items-center justify-between">
                        <StatusBadge status={status} />
                        <ChevronRight aria-hidden="true" className="size-4 text-ink-faint opacity-0 transition-opacity group-hover:opacity-100" />
                      </div>
                      <div className="num mt-3 text-3xl font-semibold tracking-tight text-ink">
                        {q?.data ? formatCount(q.data.total) : <Skeleton className="h-8 w-12" />}
                        <span className="sr-only"> {CLIENT_STATUS_LABELS[status]} clients</span>
                      </div>
                      <p className="mt-1 text-xs text-ink-faint">{STATUS_HINT[status]}</p>
                    </Link>
                  </li>
                )
              })}
            </ul>
            <ul className="mt-3 flex flex-wrap gap-2 text-[13px]">
              {CLOSED.map((status) => {
                const q = countOf(status)
                return (
                  <li key={status}>
                    <Link
                      to={clientListHref({ statuses: [status] })}
                      className="inline-flex items-center gap-2 rounded-md border border-line bg-surface px-2.5 py-1 text-ink-soft hover:border-line-strong hover:text-ink"
                    >
                      {CLIENT_STATUS_LABELS[status]}
                      <span className="num font-medium text-ink">{q?.data ? formatCount(q.data.total) : '–'}</span>
                    </Link>
                  </li>
                )
              })}
            </ul>
          </>
        )}
      </section>

      <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
        <section aria-labelledby="recent-heading">
          <h2 id="recent-heading" className="mb-3 text-sm font-semibold text-ink">
            Recently updated
          </h2>
          <div className="rounded-lg border border-line bg-surface">
            {recent.isPending ? (
              <ul aria-hidden="true">
                {Array.from({ length: 5 }, (_, i) => (
                  <li key={i} className="flex h-12 items-center gap-4 border-b border-line px-4 last:border-0">
                    <Skeleton className="w-40" />
                    <Skeleton className="ml-auto w-20" />
                  </li>
                ))}
              </ul>
            ) : recent.isError ? (
              <ErrorState error={recent.error} title="Recent clients could not be loaded" onRetry={() => void recent.refetch()} />
            ) : recent.data.rows.length === 0 ? (
              <EmptyState
                icon={<Users />}
                title="No clients yet"
                body="Clients you add or update appear here, so you can get back to them quickly."
                action={
                  <Link to="/clients/new" className={buttonClasses('secondary')}>
                    Add client
                  </Link>
                }
              />
            ) : (
              <ul>
                {recent.data.rows.map((c) => (
                  <li key={c.id} className="border-b border-line last:border-0">
                    <Link to={`/clients/${c.id}`} className="flex h-12 items-center gap-3 px-4 hover:bg-accent-50/40 focus-visible:outline-offset-[-2px]">
                      <span className="min-w-0 flex-1 truncate">
                        <span className="font-medium text-ink">
                          {c.legalLastName}, {c.legalFirstName}
                        </span>
                        {c.preferredName && c.preferredName !== c.legalFirstName && <span className="text-ink-soft"> “{c.preferredName}”</span>}
                      </span>
                      <StatusBadge status={c.status} />
                      <span className="num w-28 text-right text-xs text-ink-faint">{formatRelative(c.updatedAt)}</span>
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </div>
        </section>

        <section aria-labelledby="coming-heading">
          <h2 id="coming-heading" className="mb-3 text-sm font-semibold text-ink">
            Coming in a later update
          </h2>
          <ul className="space-y-3">
            <ComingNote icon={<CalendarDays />} title="Today’s sessions">
              Preparation, dosing and integration sessions — with unsigned notes to finish — will be listed here.
            </ComingNote>
            <ComingNote icon={<Banknote />} title="Balances and superbills">
              Outstanding balances and superbills waiting to be sent will appear here once billing arrives.
            </ComingNote>
          </ul>
        </section>
      </div>
    </div>
  )
}

function ComingNote({ icon, title, children }: { icon: ReactNode; title: string; children: ReactNode }) {
  return (
    <li className={cn('flex gap-3 rounded-lg border border-dashed border-line-strong px-4 py-3')}>
      <span aria-hidden="true" className="mt-0.5 text-ink-faint [&_svg]:size-4">
        {icon}
      </span>
      <div>
        <h3 className="text-sm font-medium text-ink-soft">{title}</h3>
        <p className="mt-0.5 text-[13px] leading-snug text-ink-faint">{children}</p>
      </div>
    </li>
  )
}
