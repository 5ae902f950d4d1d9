import type { ReactNode } from 'react'
import { useQuery, type UseQueryResult } from '@tanstack/react-query'
import { Link } from 'react-router'
import { ArrowRight, CircleAlert } from 'lucide-react'
import { CONSENT_KINDS } from '@shared/domain/consents'
import { SCREENING_ITEMS, SCREENING_ITEM_KEYS } from '@shared/domain/screening'
import { Badge, Button, Skeleton } from '@renderer/components'
import { describeError } from '@renderer/lib/errors'
import { formatDate, statusLabel } from '@renderer/lib/format'
import { diagnosesListQuery } from '../../diagnoses/queries'
import { screeningQuery } from '../../screening/queries'
import { consentsListQuery } from '../../consents/queries'
import { addressLines, personLine } from './ContactsTab'
import type { ChartTabProps } from './ChartHeader'
import { ChartCard, Facts, NotRecorded } from './parts'
import { can, useCurrentUser } from '../../auth/access'

/** Key facts at a glance; each summary links to its tab. */
export function OverviewTab({ client }: ChartTabProps) {
  const diagnoses = useQuery(diagnosesListQuery(client.id, false))
  // Screening answers are clinical: an administrator's overview has no screening card.
  const seesScreening = can(useCurrentUser()?.role, 'viewScreening')
  const screening = useQuery({ ...screeningQuery(client.id), enabled: seesScreening })
  const consents = useQuery(consentsListQuery(client.id))
  const primary = diagnoses.data?.find((d) => d.isPrimary) ?? diagnoses.data?.[0]
  const address = addressLines(client)

  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <h2 className="sr-only">Overview</h2>
      <ChartCard title="Care" id="overview-care">
        <Facts
          items={[
            { label: 'Status', value: statusLabel(client.status) },
            { label: 'Intake date', value: formatDate(client.intakeDate) },
            { label: 'Referral source', value: client.referralSource },
            { label: 'Prescriber', value: client.prescriberName },
            {
              label: 'Primary diagnosis',
              value: diagnoses.isPending ? (
                <Skeleton className="mt-1 w-48" />
              ) : diagnoses.isError ? (
                <span className="text-ink-faint">Could not be loaded</span>
              ) : primary ? (
                <span>
                  <span className="num font-medium">{primary.code}</span>
                  {primary.description && <span className="text-ink-soft"> — {primary.description}</span>}
                </span>
              ) : null
            }
          ]}
        />
      </ChartCard>

      <ChartCard title="Contact" id="overview-contact">
        <Facts
          items={[
            { label: 'Phone', value: client.phone && <span className="num">{client.phone}</span> },
            { label: 'Email', value: client.email },
            { label: 'Address', value: address?.join(', ') },
            { label: 'Escort', value: personLine(client.escortName, client.escortRelationship) }
          ]}
        />
      </ChartCard>

      {seesScreening && (
        <ChartCard title="Screening" id="overview-screening" action={<TabLink clientId={client.id} tab="screening" label="Open screening" />}>
          <Summary query={screening} what="screening">
            {(items) => {
              const answered = items.filter((i) => i.answer !== null).length
              const yes = items.filter((i) => i.answer === 'yes')
              const unknown = items.filter((i) => i.answer === 'unknown')
              return (
                <div className="space-y-2.5 text-sm">
                  <p>
                    <span className="num font-medium">
                      {answered} of {SCREENING_ITEM_KEYS.length}
                    </span>{' '}
                    contraindications reviewed
                    {answered < SCREENING_ITEM_KEYS.length && <span className="text-amber-800"> — screening incomplete</span>}
                  </p>
                  {yes.length > 0 && (
                    <ul aria-label="Answered yes" className="space-y-1">
                      {yes.map((i) => (
                        <li key={i.itemKey} className="flex items-start gap-1.5 text-red-700">
                          <CircleAlert aria-hidden="true" className="mt-0.5 size-3.5 shrink-0" />
                          <span>
                            <span className="font-medium">Yes:</span> {SCREENING_ITEMS[i.itemKey]}
                          </span>
                        </li>
                      ))}
                    </ul>
                  )}
                  {unknown.length > 0 && (
                    <p className="text-ink-soft">
                      Unknown: {unknown.map((i) => SCREENING_ITEMS[i.itemKey]).join('; ')}
                    </p>
                  )}
                  {yes.length === 0 && answered > 0 && <p className="text-ink-soft">No contraindication answered yes.</p>}
                </div>
              )
            }}
          </Summary>
        </ChartCard>
      )}

      <ChartCard title="Consents" id="overview-consents" action={<TabLink clientId={client.id} tab="consents" label="Open consents" />}>
        <Summary query={consents} what="consents">
          {(list) => {
            const active = list.filter((c) => c.revokedOn === null)
            const kap = active.filter((c) => c.kind === 'kap').sort((a, b) => b.signedOn.localeCompare(a.signedOn))[0]
            const others = active.filter((c) => c.kind !== 'kap')
            return (
              <div className="space-y-2 text-sm">
                <p>
                  <span className="text-ink-faint">KAP consent: </span>
                  {kap ? (
                    <>
                      signed <span className="num">{formatDate(kap.signedOn)}</span> <span className="text-ink-soft">({kap.version})</span>
                    </>
                  ) : (
                    <Badge tone="warning">Not on file</Badge>
                  )}
                </p>
                {others.length > 0 && (
                  <p className="text-ink-soft">Also on file: {others.map((c) => CONSENT_KINDS[c.kind]).join(', ')}</p>
                )}
              </div>
            )
          }}
        </Summary>
      </ChartCard>

      <ChartCard title="Diagnoses" id="overview-diagnoses" action={<TabLink clientId={client.id} tab="diagnoses" label="Open diagnoses" />}>
        <Summary query={diagnoses} what="diagnoses">
          {(list) =>
            list.length === 0 ? (
              <NotRecorded>No diagnosis yet — add one on the Diagnoses tab.</NotRecorded>
            ) : (
              <ol aria-label="Diagnoses" className="space-y-1 text-sm">
                {list.map((d) => (
                  <li key={d.id} className="flex gap-2">
                    <span className="num w-4 shrink-0 font-medium text-ink-faint">{d.letter}</span>
                    <span className="num shrink-0 font-medium">{d.code}</span>
                    <span className="min-w-0 truncate text-ink-soft">{d.description}</span>
                    {d.isPrimary && <Badge tone="accent">Primary</Badge>}
                  </li>
                ))}
              </ol>
            )
          }
        </Summary>
      </ChartCard>

      <ChartCard title="Notes" id="overview-notes">
        {client.notes ? (
          <p className="text-sm leading-relaxed whitespace-pre-wrap text-ink">{client.notes}</p>
        ) : (
          <NotRecorded>No notes.</NotRecorded>
        )}
      </ChartCard>
    </div>
  )
}

function TabLink({ clientId, tab, label }: { clientId: string; tab: string; label: string }) {
  return (
    <Link to={`/clients/${clientId}/${tab}`} className="inline-flex items-center gap-1 rounded text-[13px] text-accent-700 hover:text-accent-800">
      {label}
      <ArrowRight aria-hidden="true" className="size-3.5" />
    </Link>
  )
}

/** A card body over one query: skeleton lines, a plain-words error with a retry, or the content. */
function Summary<T>({ query, what, children }: { query: UseQueryResult<T>; what: string; children: (data: T) => ReactNode }) {
  if (query.isPending) {
    return (
      <div aria-hidden="true" className="space-y-2.5 py-0.5">
        <Skeleton className="w-3/5" />
        <Skeleton className="w-2/5" />
      </div>
    )
  }
  if (query.isError) {
    return (
      <div role="alert" className="flex flex-wrap items-center gap-2 text-sm text-red-700">
        <span>
          The {what} could not be loaded. {describeError(query.error)}
        </span>
        <Button size="sm" onClick={() => void query.refetch()}>
          Try again
        </Button>
      </div>
    )
  }
  return <>{children(query.data)}</>
}
