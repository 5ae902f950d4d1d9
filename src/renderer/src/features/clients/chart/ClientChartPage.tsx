/**
 * The client chart: a header that stays (name, age, status, flags, actions) and six tabs. The
 * tab lives in the URL (/clients/:id/insurance …) so Back and links work; arrow keys move
 * between tabs, Enter or Space opens one.
 */
import { useQuery } from '@tanstack/react-query'
import { Link, useNavigate, useParams } from 'react-router'
import * as Tabs from '@radix-ui/react-tabs'
import { ArrowLeft } from 'lucide-react'
import { ErrorBoundary, ErrorState, LoadingAnnouncement, Skeleton, buttonClasses } from '@renderer/components'
import { isApiError } from '@renderer/lib/errors'
import { cn } from '@renderer/lib/cn'
import { clientQueries } from '../queries'
import { ChartHeader } from './ChartHeader'
import { OverviewTab } from './OverviewTab'
import { ContactsTab } from './ContactsTab'
import { InsuranceTab } from '../../insurance/InsuranceTab'
import { DiagnosesTab } from '../../diagnoses/DiagnosesTab'
import { ScreeningTab } from '../../screening/ScreeningTab'
import { ConsentsTab } from '../../consents/ConsentsTab'
import { ClientSessionsTab } from '../../sessions/ClientSessionsTab'
import { MeasuresTab, canViewMeasures } from '../../measures/MeasuresTab'
import { can, useCurrentUser } from '../../auth/access'
import { BillingTab } from '../../billing/BillingTab'

export const CHART_TABS = [
  { value: 'overview', label: 'Overview' },
  { value: 'sessions', label: 'Sessions' },
  { value: 'measures', label: 'Measures' },
  { value: 'contacts', label: 'Contacts' },
  { value: 'insurance', label: 'Insurance' },
  { value: 'diagnoses', label: 'Diagnoses' },
  { value: 'screening', label: 'Screening' },
  { value: 'consents', label: 'Consents' },
  { value: 'billing', label: 'Billing' }
] as const
export type ChartTab = (typeof CHART_TABS)[number]['value']

export const chartPath = (clientId: string, tab: ChartTab = 'overview') => `/clients/${clientId}/${tab}`

/** The tabs this role may open: screening answers are clinical content, not an administrator's. */
export const chartTabsFor = (role: Parameters<typeof can>[0]) => CHART_TABS.filter((t) => t.value !== 'screening' || can(role, 'viewScreening')).filter(
    (t) => t.value !== 'measures' || canViewMeasures(role)
  )

export function ClientChartPage() {
  const params = useParams()
  const clientId = params.clientId ?? ''
  const segment = (params['*'] ?? '').split('/')[0] ?? ''
  const tabs = chartTabsFor(useCurrentUser()?.role)
  const tab: ChartTab = tabs.find((t) => t.value === segment)?.value ?? 'overview'
  const navigate = useNavigate()
  const chart = useQuery(clientQueries.detail(clientId))

  if (chart.isPending) return <ChartSkeleton />
  if (chart.isError) {
    const missing = isApiError(chart.error, 'not_found') || isApiError(chart.error, 'invalid_input')
    return (
      <div>
        <ErrorState
          title={missing ? 'This client could not be found' : 'This chart could not be loaded'}
          error={chart.error}
          onRetry={missing ? undefined : () => void chart.refetch()}
        />
        <div className="flex justify-center">
          <Link to="/clients" className={buttonClasses('secondary')}>
            <ArrowLeft aria-hidden="true" />
            Back to clients
          </Link>
        </div>
      </div>
    )
  }

  const { client, flags } = chart.data
  const readOnly = client.archivedAt !== null

  return (
    <Tabs.Root
      value={tab}
      activationMode="manual"
      onValueChange={(value) => navigate(chartPath(clientId, value as ChartTab))}
      className="flex flex-col"
    >
      {/* Opaque, no backdrop blur: a blur is recomputed on every frame the page under it changes. */}
      <div className="sticky top-0 z-20 -mx-8 -mt-6 border-b border-line bg-canvas px-8 pt-5">
        <ChartHeader client={client} flags={flags} />
        <Tabs.List aria-label="Client chart sections" className="-mb-px flex gap-1 overflow-x-auto">
          {tabs.map((t) => (
            <Tabs.Trigger
              key={t.value}
              value={t.value}
              className={cn(
                'relative h-9 shrink-0 rounded-t-md border-b-2 px-3 text-sm font-medium transition-colors',
                'border-transparent text-ink-soft hover:text-ink focus-visible:outline-offset-[-2px]',
                'data-[state=active]:border-accent-600 data-[state=active]:text-accent-800'
              )}
            >
              {t.label}
            </Tabs.Trigger>
          ))}
        </Tabs.List>
      </div>

      {tabs.map((t) => (
        <Tabs.Content key={t.value} value={t.value} className="pt-5 focus-visible:outline-none">
          <ErrorBoundary label={`the ${t.label} tab`} resetKey={`${clientId}/${t.value}`}>
            {t.value === 'overview' && <OverviewTab client={client} flags={flags} />}
            {t.value === 'contacts' && <ContactsTab client={client} readOnly={readOnly} />}
            {t.value === 'insurance' && <InsuranceTab clientId={clientId} readOnly={readOnly} />}
            {t.value === 'diagnoses' && <DiagnosesTab clientId={clientId} readOnly={readOnly} />}
            {t.value === 'screening' && <ScreeningTab clientId={clientId} readOnly={readOnly} />}
            {t.value === 'consents' && <ConsentsTab clientId={clientId} readOnly={readOnly} />}
            {t.value === 'sessions' && <ClientSessionsTab client={client} readOnly={readOnly} />}
            {t.value === 'measures' && <MeasuresTab clientId={clientId} readOnly={readOnly} />}
            {t.value === 'billing' && <BillingTab clientId={clientId} readOnly={readOnly} />}
          </ErrorBoundary>
        </Tabs.Content>
      ))}
    </Tabs.Root>
  )
}

/** Same shape as the loaded header, so nothing jumps when the chart arrives. */
function ChartSkeleton() {
  return (
    <div aria-busy="true">
      <LoadingAnnouncement label="Loading chart…" />
      <div className="-mx-8 -mt-6 border-b border-line px-8 pt-5">
        <Skeleton className="mb-3 h-3 w-16" />
        <Skeleton className="mb-2.5 h-6 w-64" />
        <Skeleton className="mb-3 h-4 w-80" />
        <Skeleton className="mb-4 h-5 w-96" />
        <div className="flex gap-4 pb-2.5">
          {CHART_TABS.map((t) => (
            <Skeleton key={t.value} className="h-4 w-16" />
          ))}
        </div>
      </div>
      <div className="grid gap-4 pt-5 lg:grid-cols-2">
        <Skeleton className="h-40 w-full rounded-lg" />
        <Skeleton className="h-40 w-full rounded-lg" />
      </div>
    </div>
  )
}
