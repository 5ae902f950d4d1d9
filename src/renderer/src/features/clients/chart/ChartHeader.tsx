import { useRef, useState } from 'react'
import { Link } from 'react-router'
import { toast } from 'sonner'
import { Archive, ArchiveRestore, ChevronLeft, CircleAlert, CircleCheck, Pencil, TriangleAlert } from 'lucide-react'
import type { Client, ClientChart } from '@shared/contracts/clients'
import { Badge, Button, ConfirmDialog, FormError, StatusBadge, TextareaField, buttonClasses } from '@renderer/components'
import { ageToday, formatDate } from '@renderer/lib/format'
import { cn } from '@renderer/lib/cn'
import { useArchiveClient, useRestoreClient } from '../mutations'
import { can, useCurrentUser } from '../../auth/access'
import type { ChartTab } from './ClientChartPage'
import { formatDay } from './parts'

/** "Ana M. Rivera Jr." */
export const legalName = (c: Pick<Client, 'legalFirstName' | 'legalMiddleName' | 'legalLastName' | 'suffix'>) =>
  [c.legalFirstName, c.legalMiddleName, c.legalLastName, c.suffix].filter(Boolean).join(' ')

type Flags = ClientChart['flags']

interface FlagView {
  key: keyof Flags
  label: string
  tab: ChartTab
  tone: 'danger' | 'warning'
  title: string
}

/** Red for a contraindication answered yes; amber for what is missing before dosing. */
const FLAG_VIEWS: FlagView[] = [
  { key: 'screeningPositive', label: 'Contraindication: yes', tab: 'screening', tone: 'danger', title: 'A screening item was answered yes — review before dosing' },
  { key: 'missingKapConsent', label: 'No KAP consent', tab: 'consents', tone: 'warning', title: 'No signed, unrevoked KAP consent on file' },
  { key: 'screeningIncomplete', label: 'Screening incomplete', tab: 'screening', tone: 'warning', title: 'Some contraindication items have not been reviewed' },
  { key: 'noDiagnosis', label: 'No diagnosis', tab: 'diagnoses', tone: 'warning', title: 'No ICD-10 diagnosis on the client’s list' }
]

export function ChartHeader({ client, flags }: ChartTabProps) {
  const age = ageToday(client.dateOfBirth)
  const archived = client.archivedAt !== null
  // An administrator is told whether screening is done (main withholds what it found), but the
  // Screening tab is not theirs: that flag is a plain label for them, not a link.
  const seesScreening = can(useCurrentUser()?.role, 'viewScreening')
  const active = FLAG_VIEWS.filter((f) => flags[f.key])
  const aka = [client.preferredName && client.preferredName !== client.legalFirstName ? `“${client.preferredName}”` : null, client.pronouns]
    .filter(Boolean)
    .join(' · ')

  return (
    <header className="pb-3">
      <div className="mb-1 text-[13px]">
        <Link to="/clients" className="inline-flex items-center gap-0.5 rounded text-ink-soft hover:text-ink">
          <ChevronLeft aria-hidden="true" className="size-3.5" />
          Clients
        </Link>
      </div>
      <div className="flex flex-wrap items-start justify-between gap-x-6 gap-y-3">
        <div className="min-w-0">
          <div className="flex flex-wrap items-baseline gap-x-2.5">
            <h1 className="text-xl font-semibold tracking-tight text-ink">{legalName(client)}</h1>
            {aka && <span className="text-sm text-ink-soft">{aka}</span>}
          </div>
          <div className="mt-1 flex flex-wrap items-center gap-x-2.5 gap-y-1 text-sm text-ink-soft">
            <span className="num">
              {age !== null && <>{age} years · </>}
              <span className="sr-only">Date of birth </span>
              <span aria-hidden="true">Born </span>
              {formatDate(client.dateOfBirth)}
            </span>
            <StatusBadge status={client.status} />
            {archived && (
              <Badge tone="neutral">
                <Archive aria-hidden="true" />
                Archived
              </Badge>
            )}
          </div>
        </div>
        <HeaderActions client={client} />
      </div>

      <div className="mt-3 flex flex-wrap items-center gap-2">
        {active.length === 0 ? (
          <span className="inline-flex items-center gap-1.5 text-[13px] text-ink-soft">
            <CircleCheck aria-hidden="true" className="size-3.5" />
            Consent, screening and diagnosis on file
          </span>
        ) : (
          <ul aria-label="Needs attention" className="flex flex-wrap gap-2">
            {active.map((f) => {
              const linked = f.tab !== 'screening' || seesScreening
              const className = cn(
                'inline-flex h-6 items-center gap-1.5 rounded-full px-2.5 text-xs font-medium ring-1 ring-inset transition-colors [&_svg]:size-3.5',
                f.tone === 'danger' ? 'bg-red-50 text-red-700 ring-red-200' : 'bg-amber-50 text-amber-800 ring-amber-300',
                linked && (f.tone === 'danger' ? 'hover:bg-red-100' : 'hover:bg-amber-100')
              )
              const content = (
                <>
                  {f.tone === 'danger' ? <CircleAlert aria-hidden="true" /> : <TriangleAlert aria-hidden="true" />}
                  {f.label}
                </>
              )
              return (
                <li key={f.key}>
                  {linked ? (
                    <Link to={`/clients/${client.id}/${f.tab}`} title={f.title} className={className}>
                      {content}
                    </Link>
                  ) : (
                    <span title="A clinician completes the screening" className={className}>
                      {content}
                    </span>
                  )}
                </li>
              )
            })}
          </ul>
        )}
      </div>

      {archived && (
        <p className="mt-3 flex items-start gap-2 rounded-md border border-line-strong bg-sunken px-3 py-2 text-[13px] text-ink-soft">
          <Archive aria-hidden="true" className="mt-0.5 size-3.5 shrink-0" />
          <span>
            Archived on {formatDay(client.archivedAt)}
            {client.archiveReason ? <> — {client.archiveReason}</> : null}. The chart is read-only; restore the client to make changes.
          </span>
        </p>
      )}
    </header>
  )
}

export interface ChartTabProps {
  client: Client
  flags: Flags
}

function HeaderActions({ client }: { client: Client }) {
  const [confirming, setConfirming] = useState(false)
  const [reason, setReason] = useState('')
  const archive = useArchiveClient()
  const restore = useRestoreClient()
  const restoreRef = useRef<HTMLButtonElement>(null)
  const archiveRef = useRef<HTMLButtonElement>(null)

  if (client.archivedAt !== null) {
    return (
      <div className="flex shrink-0 items-center gap-2">
        <Button
          ref={restoreRef}
          busy={restore.isPending}
          onClick={() =>
            restore.mutate(
              { id: client.id },
              {
                onSuccess: () => {
                  toast.success('Client restored')
                  setTimeout(() => archiveRef.current?.focus(), 0)
                },
                onError: () => toast.error('The client could not be restored. Please try again.')
              }
            )
          }
        >
          <ArchiveRestore aria-hidden="true" />
          Restore client
        </Button>
      </div>
    )
  }

  return (
    <div className="flex shrink-0 items-center gap-2">
      <Link to={`/clients/${client.id}/edit`} className={buttonClasses('secondary')}>
        <Pencil aria-hidden="true" />
        Edit
      </Link>
      <Button
        ref={archiveRef}
        variant="ghost"
        onClick={() => {
          archive.reset()
          setReason('')
          setConfirming(true)
        }}
      >
        <Archive aria-hidden="true" />
        Archive client
      </Button>
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title="Archive this client?"
        body="The chart stays on file and can be restored at any time, but it becomes read-only and leaves the current client list."
        confirmLabel="Archive client"
        busy={archive.isPending}
        onConfirm={() =>
          archive.mutate(
            { id: client.id, reason: reason.trim() || null },
            {
              onSuccess: () => {
                setConfirming(false)
                toast.success('Client archived')
                setTimeout(() => restoreRef.current?.focus(), 0)
              }
            }
          )
        }
      >
        <div className="space-y-3">
          <TextareaField
            label="Reason"
            hint="Optional — for example “completed course” or “referred elsewhere”."
            rows={2}
            maxLength={500}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <FormError error={archive.error} />
        </div>
      </ConfirmDialog>
    </div>
  )
}
