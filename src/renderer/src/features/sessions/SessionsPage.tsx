/**
 * The practice agenda: every client's sessions for a day, a week or a month, on the therapist's
 * own calendar — as a time grid (calendar/: book on a slot, drag to move or resize) or as the
 * list (keyboard first: each session's time, length, client, kind, place, status changed in
 * place, and note). The view, the date and the layout live in the URL
 * (/sessions?view=week&date=2026-03-09&layout=list), so Back and links return to the same place;
 * the layout last chosen is remembered. "Schedule session" books a new one.
 */
import { useEffect, useMemo, useState } from 'react'
import { Link, useNavigate, useSearchParams } from 'react-router'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { Archive, CalendarDays, CalendarPlus, ChevronLeft, ChevronRight, LayoutGrid, List, Pencil } from 'lucide-react'
import type { AgendaRow } from '@shared/contracts/sessions'
import { localToday } from '@shared/domain/dates'
import { Badge, Button, EmptyState, ErrorState, LoadingAnnouncement, PageHeader, Skeleton } from '@renderer/components'
import { cn } from '@renderer/lib/cn'
import {
  addDays,
  formatClock,
  formatDateRange,
  formatDayHeading,
  formatDuration,
  formatEnd,
  formatMonthDay,
  formatWeekday,
  isValidDate,
  relativeDayName,
  startOfWeek,
  weekDates
} from './dates'
import { KindLabel, NoteStatusBadge, placeLabel } from './parts'
import { NoteAction, StatusMenu } from './SessionActions'
import { SessionDialog, type SessionDialogTarget } from './SessionDialog'
import { sessionQueries } from './queries'
import { billingQueries } from '../billing/queries'
import { TimeGrid } from './calendar/TimeGrid'
import { MonthGrid } from './calendar/MonthGrid'
import { useGridMoves } from './calendar/useGridMoves'
import { addMonths, monthWeeks } from './calendar/layout'
import { toast } from 'sonner'
import { useOpenFromLink } from '@renderer/lib/open-from-link'

type View = 'day' | 'week' | 'month'
type Layout = 'grid' | 'list'
const VIEWS: readonly View[] = ['day', 'week', 'month']
const LAYOUT_KEY = 'kap.sessions.layout'
const monthTitle = new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' })

const storedLayout = (): Layout => {
  try {
    return window.localStorage.getItem(LAYOUT_KEY) === 'list' ? 'list' : 'grid'
  } catch {
    return 'grid'
  }
}

/** The dates a view shows: the day, Monday to Sunday, or the month's whole weeks. */
function rangeOf(view: View, date: string): { from: string; to: string } {
  if (view === 'day') return { from: date, to: date }
  if (view === 'week') return { from: startOfWeek(date), to: addDays(startOfWeek(date), 6) }
  const weeks = monthWeeks(date)
  return { from: weeks[0]![0]!, to: weeks.at(-1)![6]! }
}

export function SessionsPage() {
  const [params, setParams] = useSearchParams()
  const today = localToday()
  const view: View = VIEWS.find((v) => v === params.get('view')) ?? 'day'
  const layout: Layout = params.get('layout') === 'list' ? 'list' : params.get('layout') === 'grid' ? 'grid' : storedLayout()
  const rawDate = params.get('date')
  const date = isValidDate(rawDate) ? rawDate : today
  const { from, to } = rangeOf(view, date)
  const agenda = useQuery({ ...sessionQueries.agenda(from, to), placeholderData: keepPreviousData })
  const providers = useQuery(billingQueries.providers())
  const [dialog, setDialog] = useState<SessionDialogTarget | null>(null)
  const moves = useGridMoves()
  const navigate = useNavigate()

  const go = (next: { view?: View; date?: string; layout?: Layout }) => {
    const p = new URLSearchParams(params)
    p.set('view', next.view ?? view)
    p.set('date', next.date ?? date)
    p.set('layout', next.layout ?? layout)
    if (next.layout) {
      try {
        window.localStorage.setItem(LAYOUT_KEY, next.layout)
      } catch {
        // Not remembered: the URL still holds it.
      }
    }
    setParams(p, { replace: true })
  }
  const shift = (n: number) => (view === 'month' ? addMonths(date, n) : addDays(date, n * (view === 'week' ? 7 : 1)))
  const unit = view
  const showsToday = view === 'month' ? date.slice(0, 7) === today.slice(0, 7) : from <= today && today <= to

  // Alt+← / Alt+→ move by a day or a week, Alt+T comes back to today (when no dialog is open).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey || dialog) return
      if (event.key === 'ArrowLeft') go({ date: shift(-1) })
      else if (event.key === 'ArrowRight') go({ date: shift(1) })
      else if (event.key.toLowerCase() === 't') go({ date: today })
      else return
      event.preventDefault()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  })

  const firstShown = view === 'month' ? `${date.slice(0, 7)}-01` : from
  const schedule = () => setDialog({ mode: 'create', date: view === 'day' ? date : showsToday ? today : firstShown })
  useOpenFromLink('book', schedule)
  const scheduleButton = (
    <Button variant="primary" onClick={schedule}>
      <CalendarPlus aria-hidden="true" />
      Schedule session
    </Button>
  )

  const title =
    view === 'day' ? formatDayHeading(date) : view === 'week' ? `Week of ${formatDateRange(from, to)}` : monthTitle.format(new Date(`${date.slice(0, 7)}-01T00:00:00Z`))
  const dayName = view === 'day' ? relativeDayName(date, today) : showsToday ? `This ${view}` : null

  const clinicianName = (userId: string | null) => (userId ? providers.data?.find((p) => p.userId === userId)?.displayName : undefined)
  const openRow = (row: AgendaRow) => {
    const { clientName, clientArchived, noteStatus: _note, ...session } = row
    if (clientArchived) void navigate(`/clients/${row.clientId}/sessions`)
    else setDialog({ mode: 'edit', session, clientName })
  }
  const book = (slot: { date: string; startTime?: string; durationMinutes?: number }) => setDialog({ mode: 'create', ...slot })

  return (
    <div>
      <PageHeader
        title="Sessions"
        subtitle="Every client’s sessions, on your calendar"
        actions={scheduleButton}
      />

      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <div className="flex items-center gap-3">
          <fieldset className="flex items-center gap-1">
            <legend className="sr-only">Move through the calendar</legend>
            <Button size="sm" variant="secondary" className="px-1.5" aria-label={`Previous ${unit}`} aria-keyshortcuts="Alt+ArrowLeft" onClick={() => go({ date: shift(-1) })}>
              <ChevronLeft aria-hidden="true" />
            </Button>
            <Button size="sm" variant="secondary" aria-keyshortcuts="Alt+T" disabled={view === 'day' ? date === today : showsToday} onClick={() => go({ date: today })}>
              Today
            </Button>
            <Button size="sm" variant="secondary" className="px-1.5" aria-label={`Next ${unit}`} aria-keyshortcuts="Alt+ArrowRight" onClick={() => go({ date: shift(1) })}>
              <ChevronRight aria-hidden="true" />
            </Button>
          </fieldset>
          <h2 className="num text-[15px] font-semibold text-ink" aria-live="polite">
            {title}
            {dayName && <span className="ml-2 text-[13px] font-medium text-accent-700">{dayName}</span>}
          </h2>
        </div>
        <div className="flex items-center gap-2">
        <fieldset className="inline-flex rounded-md border border-line-strong bg-surface p-0.5 shadow-xs">
          <legend className="sr-only">View</legend>
          {VIEWS.map((v) => (
            <button
              key={v}
              type="button"
              aria-pressed={view === v}
              onClick={() => go({ view: v })}
              className={cn(
                'h-6 rounded px-3 text-[13px] font-medium transition-colors',
                view === v ? 'bg-accent-600 text-white' : 'text-ink-soft hover:bg-sunken hover:text-ink'
              )}
            >
              {v === 'day' ? 'Day' : v === 'week' ? 'Week' : 'Month'}
            </button>
          ))}
        </fieldset>
        <fieldset className="inline-flex rounded-md border border-line-strong bg-surface p-0.5 shadow-xs">
          <legend className="sr-only">Layout</legend>
          {(['grid', 'list'] as const).map((l) => (
            <button
              key={l}
              type="button"
              aria-pressed={layout === l}
              onClick={() => go({ layout: l })}
              title={l === 'grid' ? 'Time grid: book on a slot, drag to move' : 'List: every session in order, for the keyboard'}
              className={cn(
                'inline-flex h-6 items-center gap-1 rounded px-2 text-[13px] font-medium transition-colors [&_svg]:size-3.5',
                layout === l ? 'bg-accent-600 text-white' : 'text-ink-soft hover:bg-sunken hover:text-ink'
              )}
            >
              {l === 'grid' ? <LayoutGrid aria-hidden="true" /> : <List aria-hidden="true" />}
              {l === 'grid' ? 'Grid' : 'List'}
            </button>
          ))}
        </fieldset>
        </div>
      </div>

      {agenda.isPending ? (
        <AgendaSkeleton />
      ) : agenda.isError ? (
        <div className="rounded-lg border border-line bg-surface">
          <ErrorState title="The agenda could not be loaded" error={agenda.error} onRetry={() => void agenda.refetch()} />
        </div>
      ) : (
        <div className={cn('transition-opacity', agenda.isPlaceholderData && 'opacity-60')} aria-busy={agenda.isPlaceholderData || undefined}>
          {layout === 'grid' ? (
            <>
              {view === 'month' ? (
                <MonthGrid date={date} rows={agenda.data} today={today} onOpen={openRow} onOpenDay={(d) => go({ view: 'day', date: d })} onBook={(d) => book({ date: d })} />
              ) : (
                <TimeGrid
                  days={view === 'week' ? weekDates(from) : [date]}
                  rows={agenda.data}
                  today={today}
                  clinicianName={clinicianName}
                  onBook={book}
                  onOpen={openRow}
                  onMove={moves.move}
                  onRefuse={(_row, reason) => toast.info(reason)}
                  onOpenDay={view === 'week' ? (d) => go({ view: 'day', date: d }) : undefined}
                />
              )}
              <p className="mt-2 text-xs text-ink-faint">
                {view === 'month'
                  ? 'Click a day’s empty space to book on it, or its number to open the day.'
                  : 'Click or drag on an empty slot to book there; drag a session to move it, or its bottom edge to change its length. The List shows the same sessions for the keyboard.'}
              </p>
            </>
          ) : view === 'day' ? (
            <DayAgenda rows={agenda.data} date={date} today={today} onSchedule={schedule} onEdit={setDialog} clinicianName={clinicianName} />
          ) : (
            <WeekAgenda
              rows={agenda.data}
              days={view === 'week' ? weekDates(from) : monthWeeks(date).flat().filter((d) => d.slice(0, 7) === date.slice(0, 7))}
              unit={view}
              today={today}
              onSchedule={schedule}
              onEdit={setDialog}
              clinicianName={clinicianName}
              onOpenDay={(d) => go({ view: 'day', date: d })}
            />
          )}
        </div>
      )}

      <SessionDialog target={dialog} onOpenChange={(open) => !open && setDialog(null)} />
      {moves.dialog}
    </div>
  )
}

interface AgendaProps {
  today: string
  onSchedule: () => void
  onEdit: (target: SessionDialogTarget) => void
  /** The rendering clinician's name, shown on each row (as on the grid's blocks). */
  clinicianName: (userId: string | null) => string | undefined
}

function DayAgenda({ rows, date, today, onSchedule, onEdit, clinicianName }: AgendaProps & { rows: AgendaRow[]; date: string }) {
  if (rows.length === 0) {
    const past = date < today
    return (
      <div className="rounded-lg border border-dashed border-line-strong bg-surface">
        <EmptyState
          icon={<CalendarDays />}
          title={`Nothing scheduled ${date === today ? 'today' : `on ${formatWeekday(date)}, ${formatMonthDay(date)}`}`}
          body={
            past
              ? 'No session was booked for this day. Use the arrows to move to another day, or switch to the week.'
              : 'Book a preparation, dosing or integration session for a client — the course’s spacing rules are checked as you save.'
          }
          action={
            <Button variant={past ? 'secondary' : 'primary'} onClick={onSchedule}>
              <CalendarPlus aria-hidden="true" />
              Schedule session
            </Button>
          }
        />
      </div>
    )
  }
  return (
    <section aria-label={`Sessions on ${formatDayHeading(date)}`} className="rounded-lg border border-line bg-surface">
      <AgendaHeader />
      <ul>
        {rows.map((row) => (
          <AgendaItem key={row.id} row={row} today={today} onEdit={onEdit} clinician={clinicianName(row.renderingUserId)} />
        ))}
      </ul>
    </section>
  )
}

function WeekAgenda({
  rows,
  days,
  unit,
  today,
  onSchedule,
  onEdit,
  clinicianName,
  onOpenDay
}: AgendaProps & { rows: AgendaRow[]; days: string[]; unit: 'week' | 'month'; onOpenDay: (date: string) => void }) {
  const byDay = useMemo(() => {
    const map = new Map<string, AgendaRow[]>()
    for (const row of rows) map.set(row.date, [...(map.get(row.date) ?? []), row])
    return map
  }, [rows])

  if (rows.length === 0) {
    return (
      <div className="rounded-lg border border-dashed border-line-strong bg-surface">
        <EmptyState
          icon={<CalendarDays />}
          title={`Nothing scheduled this ${unit}`}
          body="Book sessions with Schedule session; they appear here by day, with their status and note."
          action={
            <Button variant="primary" onClick={onSchedule}>
              <CalendarPlus aria-hidden="true" />
              Schedule session
            </Button>
          }
        />
      </div>
    )
  }

  return (
    <div className="rounded-lg border border-line bg-surface">
      <AgendaHeader />
      {days.map((day) => {
        const list = byDay.get(day) ?? []
        const isToday = day === today
        const headingId = `agenda-day-${day}`
        return (
          <section key={day} aria-labelledby={headingId} className="border-b border-line last:border-b-0">
            <div className={cn('flex items-center gap-3 border-b border-line px-4 py-1.5', isToday ? 'bg-accent-50' : 'bg-sunken/60', list.length === 0 && 'border-b-0')}>
              <h3 id={headingId} className="text-[13px] font-semibold text-ink">
                <button
                  type="button"
                  onClick={() => onOpenDay(day)}
                  className="rounded hover:text-accent-800 hover:underline"
                  aria-label={`${formatWeekday(day)}, ${formatMonthDay(day)} — open the day`}
                >
                  {formatWeekday(day)} <span className="num font-normal text-ink-soft">{formatMonthDay(day)}</span>
                </button>
              </h3>
              {isToday && <Badge tone="accent">Today</Badge>}
              <span className="num ml-auto text-xs text-ink-faint">
                {list.length === 0 ? 'Nothing scheduled' : `${list.length} session${list.length === 1 ? '' : 's'}`}
              </span>
            </div>
            {list.length > 0 && (
              <ul>
                {list.map((row) => (
                  <AgendaItem key={row.id} row={row} today={today} onEdit={onEdit} clinician={clinicianName(row.renderingUserId)} />
                ))}
              </ul>
            )}
          </section>
        )
      })}
    </div>
  )
}

const GRID = 'grid grid-cols-[8.5rem_minmax(0,1fr)_8.5rem_10.5rem_6rem_11.5rem] items-center gap-x-4 px-4'

/** Column names over the rows (the rows say it all to a screen reader, so this is for the eye); they stay while the week scrolls. */
function AgendaHeader() {
  return (
    <div aria-hidden="true" className={cn(GRID, 'sticky top-0 z-10 h-8 rounded-t-lg border-b border-line bg-sunken/95 text-xs font-medium text-ink-soft backdrop-blur-sm')}>
      <span>Time</span>
      <span>Client</span>
      <span>Kind</span>
      <span>Status</span>
      <span>Note</span>
      <span className="sr-only">Actions</span>
    </div>
  )
}

function AgendaItem({ row, today, onEdit, clinician }: { row: AgendaRow; today: string; onEdit: (target: SessionDialogTarget) => void; clinician?: string }) {
  const off = row.status === 'cancelled' || row.status === 'late_cancelled' || row.status === 'no_show'
  const time = formatClock(row.startTime)
  const { clientName, clientArchived, noteStatus, ...session } = row
  const label = `${clientName}, ${time}`
  return (
    <li className={cn(GRID, 'min-h-13 border-b border-line py-2 last:border-b-0 hover:bg-accent-50/30', row.date === today && 'bg-surface')}>
      <div className={cn('num leading-tight', off && 'text-ink-faint')}>
        <div className={cn('text-sm font-medium text-ink', off && 'text-ink-faint line-through decoration-ink-faint/60')}>{time}</div>
        <div className="text-xs text-ink-faint">
          <span className="sr-only">until </span>
          {formatEnd(row.startTime, row.durationMinutes)} · {formatDuration(row.durationMinutes)}
        </div>
      </div>
      <div className="min-w-0 leading-tight">
        <div className="flex min-w-0 items-center gap-2">
          <Link
            to={`/clients/${row.clientId}/sessions`}
            className={cn('truncate text-sm font-medium hover:text-accent-800 hover:underline', off ? 'text-ink-soft' : 'text-ink')}
          >
            {clientName}
          </Link>
          {clientArchived && (
            <Badge title="This client is archived">
              <Archive aria-hidden="true" />
              Archived
            </Badge>
          )}
        </div>
        <div className="truncate text-xs text-ink-faint">
          {placeLabel(row.placeOfService)} <span className="num">({row.placeOfService})</span>
          {clinician && <> · {clinician}</>}
        </div>
      </div>
      <KindLabel kind={row.kind} className={cn('text-sm', off ? 'text-ink-faint' : 'text-ink')} />
      <div>
        <StatusMenu session={session} clientName={clientName} disabled={clientArchived} />
      </div>
      <div>
        <NoteStatusBadge status={noteStatus} />
      </div>
      <div className="flex items-center justify-end gap-1">
        <NoteAction sessionId={row.id} clientId={row.clientId} noteStatus={noteStatus} clientName={clientName} hideWrite={row.status === 'cancelled'} />
        {!clientArchived && (
          <Button size="sm" variant="ghost" className="px-1.5" aria-label={`Edit session: ${label}`} title="Edit session" onClick={() => onEdit({ mode: 'edit', session, clientName })}>
            <Pencil aria-hidden="true" />
          </Button>
        )}
      </div>
    </li>
  )
}

/** Same shape as the agenda, so nothing jumps when it arrives. */
function AgendaSkeleton() {
  return (
    <div aria-busy="true" className="overflow-hidden rounded-lg border border-line bg-surface">
      <LoadingAnnouncement label="Loading the agenda…" />
      <AgendaHeader />
      {Array.from({ length: 4 }, (_, i) => (
        <div key={i} aria-hidden="true" className={cn(GRID, 'h-13 border-b border-line last:border-b-0')}>
          <Skeleton className="w-16" />
          <Skeleton className="w-40" />
          <Skeleton className="w-20" />
          <Skeleton className="w-24" />
          <Skeleton className="w-14" />
          <span />
        </div>
      ))}
    </div>
  )
}
