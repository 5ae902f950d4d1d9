/**
 * The dashboard: what today asks of the therapist. Today's sessions (with their notes), then what
 * needs attention — safety flags, unsigned notes oldest first, clients due for a booster — and the
 * caseload at a glance. Clinical lists (notes, flags) are not shown to the administrator.
 */
import { useState, type ReactNode } from 'react'
import { Link } from 'react-router'
import { useQueries, useQuery } from '@tanstack/react-query'
import { toast } from 'sonner'
import { ArrowRight, CalendarDays, CalendarPlus, CircleAlert, CircleCheck, FilePen, Plus, Repeat, ShieldAlert, Users } from 'lucide-react'
import type { Dashboard } from '@shared/contracts/dashboard'
import type { AgendaRow } from '@shared/contracts/sessions'
import { CLIENT_STATUSES, CLIENT_STATUS_LABELS, type ClientStatus } from '@shared/domain/client-status'
import { localToday } from '@shared/domain/dates'
import { NOTE_TEMPLATE_LABELS, SESSION_KIND_LABELS } from '@shared/domain/session-kinds'
import { Badge, Button, ConfirmDialog, EmptyState, ErrorState, FormError, PageHeader, Skeleton, StatusBadge, buttonClasses } from '@renderer/components'
import { cn } from '@renderer/lib/cn'
import { clientSortName, formatCount, formatDate, formatRelative } from '@renderer/lib/format'
import { clientQueries } from '@renderer/features/clients/queries'
import { clientListHref } from '@renderer/features/clients/list-params'
import { daysBetween, formatClock, formatDayHeading, formatDuration } from '../sessions/dates'
import { KindLabel, NoteStatusBadge } from '../sessions/parts'
import { NoteAction, StatusMenu, useIsClinical } from '../sessions/SessionActions'
import { SessionDialog, type SessionDialogTarget } from '../sessions/SessionDialog'
import { notePath } from '../sessions/queries'
import { dashboardQueries, useAcknowledgeFlag } from './queries'

function greeting(now = new Date()) {
  const h = now.getHours()
  return h < 12 ? 'Good morning' : h < 18 ? 'Good afternoon' : 'Good evening'
}

export function DashboardPage() {
  const today = localToday()
  const dashboard = useQuery(dashboardQueries.get(today))
  const clinical = useIsClinical()
  const [dialog, setDialog] = useState<SessionDialogTarget | null>(null)

  return (
    <div>
      <PageHeader
        title={greeting()}
        subtitle={<span className="num">{formatDayHeading(today)}</span>}
        actions={
          <>
            <Link to="/clients/new" className={buttonClasses('secondary')}>
              <Plus aria-hidden="true" />
              Add client
            </Link>
            <Button variant="primary" onClick={() => setDialog({ mode: 'create', date: today })}>
              <CalendarPlus aria-hidden="true" />
              Schedule session
            </Button>
          </>
        }
      />

      <Caseload />

      {dashboard.isError ? (
        <div className="rounded-lg border border-line bg-surface">
          <ErrorState error={dashboard.error} title="Today’s overview could not be loaded" onRetry={() => void dashboard.refetch()} />
        </div>
      ) : (
        <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_21rem]">
          <div className="space-y-6">
            <TodaySessions rows={dashboard.data?.today} onSchedule={() => setDialog({ mode: 'create', date: today })} />
            <RecentClients />
          </div>
          <div className="space-y-6">
            {clinical && dashboard.data?.safetyFlags !== null && <SafetyFlags rows={dashboard.data?.safetyFlags} />}
            {clinical && dashboard.data?.unsignedNotes !== null && <UnsignedNotes rows={dashboard.data?.unsignedNotes} today={today} />}
            <BoostersDue rows={dashboard.data?.boostersDue} />
          </div>
        </div>
      )}

      <SessionDialog target={dialog} onOpenChange={(open) => !open && setDialog(null)} />
    </div>
  )
}

/** A titled panel with an optional link on the right; its body is a list, an empty line or skeletons. */
function Panel({ id, title, count, link, tone, children }: { id: string; title: string; count?: number; link?: ReactNode; tone?: 'danger'; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <div className="mb-2 flex items-baseline justify-between gap-3">
        <h2 id={id} className={cn('text-sm font-semibold', tone === 'danger' ? 'text-red-700' : 'text-ink')}>
          {title}
          {count !== undefined && count > 0 && <span className="num ml-2 font-normal text-ink-faint">{count}</span>}
        </h2>
        {link}
      </div>
      <div className={cn('overflow-hidden rounded-lg border bg-surface', tone === 'danger' ? 'border-red-200' : 'border-line')}>{children}</div>
    </section>
  )
}

function PanelLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Link to={to} className="inline-flex items-center gap-0.5 rounded text-[13px] font-medium text-accent-700 hover:underline">
      {children}
      <ArrowRight aria-hidden="true" className="size-3.5" />
    </Link>
  )
}

function ListSkeleton({ rows = 3 }: { rows?: number }) {
  return (
    <ul aria-hidden="true">
      {Array.from({ length: rows }, (_, i) => (
        <li key={i} className="flex h-12 items-center gap-4 border-b border-line px-4 last:border-0">
          <Skeleton className="w-16" />
          <Skeleton className="w-40" />
          <Skeleton className="ml-auto w-20" />
        </li>
      ))}
    </ul>
  )
}

/** "All clear" in one quiet line, so an empty list reads as checked rather than missing. */
function AllClear({ children }: { children: ReactNode }) {
  return (
    <p className="flex items-center gap-2 px-4 py-3 text-[13px] text-ink-soft">
      <CircleCheck aria-hidden="true" className="size-4 shrink-0 text-emerald-600" />
      {children}
    </p>
  )
}

function TodaySessions({ rows, onSchedule }: { rows: AgendaRow[] | undefined; onSchedule: () => void }) {
  const clinical = useIsClinical()
  const open = rows?.filter((r) => r.status === 'scheduled').length ?? 0
  return (
    <Panel id="today-heading" title="Today’s sessions" count={rows?.length} link={<PanelLink to="/sessions?view=day">Open agenda</PanelLink>}>
      {rows === undefined ? (
        <ListSkeleton rows={3} />
      ) : rows.length === 0 ? (
        <EmptyState
          className="py-8"
          icon={<CalendarDays />}
          title="No sessions today"
          body="A quiet day. Schedule a session, or open the agenda to look at the week."
          action={
            <Button onClick={onSchedule}>
              <CalendarPlus aria-hidden="true" />
              Schedule session
            </Button>
          }
        />
      ) : (
        <>
          <ul aria-label="Today’s sessions">
            {rows.map((row) => {
              const { clientName, clientArchived: _a, noteStatus, ...session } = row
              const off = row.status !== 'scheduled' && row.status !== 'completed'
              return (
                <li
                  key={row.id}
                  className="grid grid-cols-[4.75rem_minmax(0,1fr)_auto] items-center gap-x-3 border-b border-line px-4 py-2 last:border-0 sm:grid-cols-[4.75rem_minmax(0,1fr)_9.5rem_8.5rem]"
                >
                  <div className="num leading-tight">
                    <div className={cn('text-sm font-medium', off ? 'text-ink-faint line-through' : 'text-ink')}>{formatClock(row.startTime)}</div>
                    <div className="text-xs text-ink-faint">{formatDuration(row.durationMinutes)}</div>
                  </div>
                  <div className="min-w-0 leading-tight">
                    <Link to={`/clients/${row.clientId}/sessions`} className="block truncate text-sm font-medium text-ink hover:text-accent-800 hover:underline">
                      {clientName}
                    </Link>
                    <KindLabel kind={row.kind} className="text-xs text-ink-soft" />
                  </div>
                  <div className="hidden sm:block">
                    <StatusMenu session={session} clientName={clientName} disabled={row.clientArchived} />
                  </div>
                  <div className="flex justify-end">
                    {clinical ? (
                      <NoteAction sessionId={row.id} clientId={row.clientId} noteStatus={noteStatus} clientName={clientName} withStatus hideWrite={row.status === 'cancelled'} />
                    ) : (
                      <NoteStatusBadge status={noteStatus} />
                    )}
                  </div>
                </li>
              )
            })}
          </ul>
          {open > 0 && (
            <p className="border-t border-line bg-sunken/50 px-4 py-1.5 text-xs text-ink-faint">
              {open} still to come — mark each one completed, cancelled or a no-show from its status.
            </p>
          )}
        </>
      )}
    </Panel>
  )
}

function SafetyFlags({ rows }: { rows: Dashboard['safetyFlags'] | undefined }) {
  const [confirming, setConfirming] = useState<NonNullable<Dashboard['safetyFlags']>[number] | null>(null)
  const acknowledge = useAcknowledgeFlag()
  const flagged = rows && rows.length > 0
  return (
    <Panel id="flags-heading" title="Safety flags" count={rows?.length ?? undefined} tone={flagged ? 'danger' : undefined}>
      {rows == null ? (
        <ListSkeleton rows={1} />
      ) : rows.length === 0 ? (
        <AllClear>No PHQ-9 answered above 0 on item 9 (thoughts of self-harm) in the last 30 days.</AllClear>
      ) : (
        <ul aria-label="Safety flags">
          {rows.map((f) => (
            <li key={f.measureId} className="flex items-start gap-3 border-b border-red-100 px-4 py-2.5 last:border-0">
              <ShieldAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-red-600" />
              <div className="min-w-0 flex-1 leading-snug">
                <Link to={`/clients/${f.clientId}`} className="text-sm font-medium text-ink hover:underline">
                  {f.clientName}
                </Link>
                <p className="text-[13px] text-red-800">
                  PHQ-9 item 9 (thoughts of self-harm) answered above 0 on <span className="num">{formatDate(f.administeredOn)}</span>.
                </p>
                {f.noteId && (
                  <Link to={notePath(f.noteId)} className="text-[13px] font-medium text-accent-700 hover:underline">
                    Open the note
                  </Link>
                )}
              </div>
              <Button size="sm" onClick={() => setConfirming(f)} aria-label={`Acknowledge safety flag for ${f.clientName}`}>
                Acknowledge
              </Button>
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={confirming !== null}
        onOpenChange={(open) => {
          if (!open) {
            setConfirming(null)
            acknowledge.reset()
          }
        }}
        title="Acknowledge this safety flag?"
        body={
          confirming && (
            <>
              Confirm you have followed up {confirming.clientName}’s answer to PHQ-9 item 9 (a risk assessment and plan). The flag leaves the dashboard; it stays on the
              measure and the note.
            </>
          )
        }
        confirmLabel="Acknowledge"
        busy={acknowledge.isPending}
        onConfirm={() =>
          confirming &&
          acknowledge.mutate(
            { measureId: confirming.measureId, clientId: confirming.clientId },
            {
              onSuccess: () => {
                toast.success(`Safety flag for ${confirming.clientName} acknowledged`)
                setConfirming(null)
              }
            }
          )
        }
      >
        <FormError error={acknowledge.error} />
      </ConfirmDialog>
    </Panel>
  )
}

function UnsignedNotes({ rows, today }: { rows: Dashboard['unsignedNotes'] | undefined; today: string }) {
  return (
    <Panel id="unsigned-heading" title="Unsigned notes" count={rows?.length ?? undefined}>
      {rows == null ? (
        <ListSkeleton rows={2} />
      ) : rows.length === 0 ? (
        <AllClear>Every note is signed.</AllClear>
      ) : (
        <ul aria-label="Unsigned notes, oldest first" className="max-h-80 overflow-y-auto">
          {rows.map((n) => {
            const age = daysBetween(n.date, today)
            return (
              <li key={n.noteId} className="border-b border-line last:border-0">
                <Link to={notePath(n.noteId)} className="flex items-center gap-3 px-4 py-2 hover:bg-accent-50/40 focus-visible:outline-offset-[-2px]">
                  <FilePen aria-hidden="true" className="size-4 shrink-0 text-amber-600" />
                  <span className="min-w-0 flex-1 leading-tight">
                    <span className="block truncate text-sm font-medium text-ink">{n.clientName}</span>
                    <span className="block truncate text-xs text-ink-soft">
                      {NOTE_TEMPLATE_LABELS[n.template]} note · {SESSION_KIND_LABELS[n.kind].toLowerCase()} session
                    </span>
                  </span>
                  <span className="num shrink-0 text-right text-xs leading-tight">
                    <span className="block text-ink-soft">{formatDate(n.date)}</span>
                    <span className={cn('block', age >= 3 ? 'text-amber-800' : 'text-ink-faint')}>
                      {age <= 0 ? 'today' : age === 1 ? 'yesterday' : `${age} days ago`}
                    </span>
                  </span>
                </Link>
              </li>
            )
          })}
        </ul>
      )}
    </Panel>
  )
}

function BoostersDue({ rows }: { rows: Dashboard['boostersDue'] | undefined }) {
  return (
    <Panel id="boosters-heading" title="Due for a booster" count={rows?.length}>
      {rows === undefined ? (
        <ListSkeleton rows={1} />
      ) : rows.length === 0 ? (
        <AllClear>No client is due for a booster. Clients show here four weeks after the last dosing of a finished course.</AllClear>
      ) : (
        <ul aria-label="Clients due for a booster">
          {rows.map((b) => (
            <li key={b.courseId} className="border-b border-line last:border-0">
              <Link to={`/clients/${b.clientId}/sessions`} className="flex items-center gap-3 px-4 py-2 hover:bg-accent-50/40 focus-visible:outline-offset-[-2px]">
                <Repeat aria-hidden="true" className="size-4 shrink-0 text-accent-700" />
                <span className="min-w-0 flex-1 leading-tight">
                  <span className="block truncate text-sm font-medium text-ink">{b.clientName}</span>
                  <span className="block truncate text-xs text-ink-soft">
                    {b.courseName} · last dosing <span className="num">{formatDate(b.lastDosingOn)}</span>
                  </span>
                </span>
                <Badge tone="accent" className="num">
                  {Math.round(b.daysSince / 7)} weeks
                </Badge>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  )
}

/** The client's path, in order; the closed statuses follow, smaller. */
const PATH: ClientStatus[] = ['inquiry', 'screening', 'active', 'maintenance']
const CLOSED: ClientStatus[] = CLIENT_STATUSES.filter((s) => !PATH.includes(s))

/** The caseload in one line: a count per status, each a link to the filtered client list. */
function Caseload() {
  const counts = useQueries({
    queries: CLIENT_STATUSES.map((status) => clientQueries.list({ statuses: [status], archived: 'current', pageSize: 1 }))
  })
  const failed = counts.find((c) => c.isError)
  const countOf = (status: ClientStatus) => counts[CLIENT_STATUSES.indexOf(status)]?.data?.total
  const total = counts.every((c) => c.data) ? counts.reduce((sum, c) => sum + (c.data?.total ?? 0), 0) : null

  return (
    <nav aria-labelledby="caseload-heading" className="mb-6 flex flex-wrap items-center gap-x-2 gap-y-2 rounded-lg border border-line bg-surface px-3 py-2">
      <h2 id="caseload-heading" className="mr-1 flex items-center gap-1.5 text-[13px] font-semibold text-ink">
        <Users aria-hidden="true" className="size-4 text-ink-faint" />
        Caseload
        {total !== null && <span className="num font-normal text-ink-faint">{formatCount(total)}</span>}
      </h2>
      {failed ? (
        <span className="flex items-center gap-1.5 text-[13px] text-red-700">
          <CircleAlert aria-hidden="true" className="size-3.5" />
          The caseload could not be counted.
          <Button size="sm" variant="ghost" onClick={() => counts.forEach((c) => void c.refetch())}>
            Try again
          </Button>
        </span>
      ) : (
        <ul className="flex flex-wrap items-center gap-1.5">
          {[...PATH, ...CLOSED].map((status) => {
            const n = countOf(status)
            const closed = CLOSED.includes(status)
            return (
              <li key={status}>
                <Link
                  to={clientListHref({ statuses: [status] })}
                  className={cn(
                    'inline-flex h-7 items-center gap-2 rounded-md px-2 text-[13px] hover:bg-sunken',
                    closed ? 'text-ink-faint' : 'text-ink-soft hover:text-ink'
                  )}
                >
                  {closed ? CLIENT_STATUS_LABELS[status] : <StatusBadge status={status} />}
                  <span className="num min-w-4 font-semibold text-ink">{n === undefined ? '–' : formatCount(n)}</span>
                </Link>
              </li>
            )
          })}
        </ul>
      )}
    </nav>
  )
}

function RecentClients() {
  const recent = useQuery(clientQueries.list({ archived: 'current', sort: 'updatedAt', direction: 'desc', pageSize: 6 }))
  return (
    <Panel id="recent-heading" title="Recently updated clients" link={<PanelLink to="/clients">All clients</PanelLink>}>
      {recent.isPending ? (
        <ListSkeleton rows={4} />
      ) : recent.isError ? (
        <ErrorState error={recent.error} title="Recent clients could not be loaded" onRetry={() => void recent.refetch()} />
      ) : recent.data.rows.length === 0 ? (
        <EmptyState
          className="py-8"
          icon={<Users />}
          title="No clients yet"
          body="Add your first client; clients you add or update appear here, so you can get back to them quickly."
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
              <Link to={`/clients/${c.id}`} className="flex h-10 items-center gap-3 px-4 hover:bg-accent-50/40 focus-visible:outline-offset-[-2px]">
                <span className="min-w-0 flex-1 truncate text-sm">
                  <span className="font-medium text-ink">
                    {clientSortName(c)}
                  </span>
                  {c.preferredName && c.preferredName !== c.legalFirstName && <span className="text-ink-soft"> “{c.preferredName}”</span>}
                </span>
                <StatusBadge status={c.status} />
                <span className="num w-24 text-right text-xs text-ink-faint">{formatRelative(c.updatedAt)}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  )
}
