/**
 * The chart's Sessions tab: the treatment course (plan against booked and done, spacing
 * warnings) above the client's timeline, newest first, with each session's note.
 */
import { useMemo, useState } from 'react'
import { Link } from 'react-router'
import { useQuery } from '@tanstack/react-query'
import { BellRing, CalendarPlus, FileText, Pencil, Repeat, TriangleAlert } from 'lucide-react'
import type { Client } from '@shared/contracts/clients'
import type { CourseWarningOut, TimelineRow } from '@shared/contracts/sessions'
import { localToday } from '@shared/domain/dates'
import { NOTE_TEMPLATE_LABELS } from '@shared/domain/session-kinds'
import { Badge, Button, DataTable, EmptyState, ErrorState, buttonClasses, dataTableColumnHelper, type DataTableColumn } from '@renderer/components'
import { formatDate } from '@renderer/lib/format'
import { ReadOnlyNote, TabToolbar } from '../clients/chart/parts'
import { CoursePanel } from '../courses/CoursePanel'
import { courseQueries } from '../courses/queries'
import { formatClock, formatDayShort, formatDuration, formatWeekday } from './dates'
import { KindLabel, NoteStatusBadge, WARNING_TITLES, placeLabel } from './parts'
import { PrintNotesButton } from '../notes/PrintNotes'
import { NoteAction, StatusMenu, useIsClinical } from './SessionActions'
import { RemindersDialog, type RemindersTarget } from './RemindersDialog'
import { SessionDialog, type SessionDialogTarget } from './SessionDialog'
import { notePath, sessionQueries } from './queries'

/** A timeline row with the course warnings about it (carried in the data, so the columns stay put). */
type Row = TimelineRow & { warnings: CourseWarningOut[] }

const col = dataTableColumnHelper<Row>()

/** "Ana Rivera" as the agenda names a client: preferred (else first) and last name. */
const shortName = (c: Client) => `${c.preferredName || c.legalFirstName} ${c.legalLastName}`

function timelineColumns({
  clientName,
  readOnly,
  clinical,
  today,
  onEdit,
  onRemind
}: {
  clientName: string
  readOnly: boolean
  clinical: boolean
  today: string
  onEdit: (row: Row) => void
  onRemind: (row: Row) => void
}): DataTableColumn<Row>[] {
  return [
    col.accessor('date', {
      header: 'Date', enableSorting: false,
      cell: ({ row }) => (
        <div className="num leading-tight whitespace-nowrap">
          <div className="font-medium text-ink">{formatDate(row.original.date)}</div>
          <div className="text-xs text-ink-faint">
            {formatWeekday(row.original.date)}
            {row.original.date === today ? ' · today' : row.original.date > today ? ' · upcoming' : ''}
          </div>
        </div>
      ),
      meta: { headerClassName: 'w-32' }
    }),
    col.accessor('startTime', {
      header: 'Time', enableSorting: false,
      cell: ({ row }) => (
        <div className="num leading-tight whitespace-nowrap">
          <div className="text-ink">{formatClock(row.original.startTime)}</div>
          <div className="text-xs text-ink-faint">{formatDuration(row.original.durationMinutes)}</div>
        </div>
      ),
      meta: { headerClassName: 'w-24' }
    }),
    col.accessor('kind', {
      header: 'Kind', enableSorting: false,
      cell: ({ row }) => {
        const own = row.original.warnings
        return (
          <div className="leading-tight">
            <div className="flex items-center gap-1.5">
              <KindLabel kind={row.original.kind} />
              {row.original.seriesId && (
                <span title="Part of a recurring series" className="inline-flex text-ink-faint">
                  <Repeat aria-hidden="true" className="size-3.5" />
                  <span className="sr-only">(recurring)</span>
                </span>
              )}
              {own.length > 0 && (
                <span title={own.map((w) => `${WARNING_TITLES[w.code]}: ${w.message}`).join('\n')} className="inline-flex text-amber-600">
                  <TriangleAlert aria-hidden="true" className="size-3.5" />
                  <span className="sr-only">Warning: {own.map((w) => WARNING_TITLES[w.code]).join(', ')}</span>
                </span>
              )}
            </div>
            <div className="truncate text-xs text-ink-faint">{placeLabel(row.original.placeOfService)}</div>
          </div>
        )
      }
    }),
    col.accessor('status', {
      header: 'Status', enableSorting: false,
      cell: ({ row }) => {
        const { noteStatus: _n, notes: _notes, warnings: _w, ...session } = row.original
        return <StatusMenu session={session} clientName={clientName} disabled={readOnly} />
      },
      meta: { headerClassName: 'w-44' }
    }),
    col.accessor('noteStatus', {
      header: 'Note', enableSorting: false,
      cell: ({ row }) => (
        <div className="flex items-center gap-1.5">
          <NoteStatusBadge status={row.original.noteStatus} />
          {row.original.notes.length > 1 && <span className="num text-xs text-ink-faint">{row.original.notes.length} notes</span>}
        </div>
      ),
      meta: { headerClassName: 'w-32' }
    }),
    col.display({
      id: 'actions',
      header: () => <span className="sr-only">Actions</span>,
      cell: ({ row }) => {
        const r = row.original
        return (
          <div className="flex items-center justify-end gap-1">
            {clinical &&
              (r.notes.length === 0 ? (
                !readOnly && r.status !== 'cancelled' && <NoteAction sessionId={r.id} clientId={r.clientId} noteStatus="none" clientName={clientName} />
              ) : (
                r.notes.map((n) => (
                  <Link
                    key={n.id}
                    to={notePath(n.id)}
                    className={buttonClasses('ghost', 'sm')}
                    // The accessible name starts with the visible text (WCAG 2.5.3), then says which note.
                    aria-label={`${noteLinkText(r.notes.length, n.template)}: ${NOTE_TEMPLATE_LABELS[n.template].toLowerCase()} note from ${formatDate(r.date)}${n.status === 'draft' ? ', unsigned' : ''}`}
                  >
                    <FileText aria-hidden="true" />
                    {noteLinkText(r.notes.length, n.template)}
                  </Link>
                ))
              ))}
            {!readOnly && r.status === 'scheduled' && r.date >= today && (
              <Button
                size="sm"
                variant="ghost"
                className="px-1.5"
                title="Reminder (.ics or card)"
                aria-label={`Reminder for the session on ${formatDate(r.date)} at ${formatClock(r.startTime)}`}
                onClick={() => onRemind(r)}
              >
                <BellRing aria-hidden="true" />
              </Button>
            )}
            {!readOnly && (
              <Button
                size="sm"
                variant="ghost"
                className="px-1.5"
                title="Edit session"
                aria-label={`Edit session on ${formatDate(r.date)} at ${formatClock(r.startTime)}`}
                onClick={() => onEdit(r)}
              >
                <Pencil aria-hidden="true" />
              </Button>
            )}
          </div>
        )
      },
      meta: { align: 'right', headerClassName: 'w-52' }
    })
  ]
}

export function ClientSessionsTab({ client, readOnly }: { client: Client; readOnly: boolean }) {
  const timeline = useQuery(sessionQueries.timeline(client.id))
  const courses = useQuery(courseQueries.list(client.id))
  const clinical = useIsClinical()
  const [dialog, setDialog] = useState<SessionDialogTarget | null>(null)
  const [reminders, setReminders] = useState<RemindersTarget | null>(null)
  const clientName = shortName(client)
  const today = localToday()

  const warnings = useMemo(() => {
    const map = new Map<string, CourseWarningOut[]>()
    for (const course of courses.data ?? []) {
      if (course.status !== 'active') continue
      for (const w of course.warnings) if (w.sessionId) map.set(w.sessionId, [...(map.get(w.sessionId) ?? []), w])
    }
    return map
  }, [courses.data])

  const columns = useMemo(
    () =>
      timelineColumns({
        clientName,
        readOnly,
        clinical,
        today,
        onEdit: (row) => {
          const { noteStatus: _n, notes: _notes, warnings: _w, ...session } = row
          setDialog({ mode: 'edit', session, clientName })
        },
        onRemind: (row) => setReminders({ clientId: client.id, clientName, session: { id: row.id, date: row.date, startTime: row.startTime } })
      }),
    [clientName, readOnly, clinical, today, client.id]
  )

  const whenOf = useMemo(() => {
    const dates = new Map((timeline.data ?? []).map((r) => [r.id, r.date]))
    return (sessionId: string) => {
      const date = dates.get(sessionId)
      return date ? formatDayShort(date) : undefined
    }
  }, [timeline.data])

  const schedule = () => setDialog({ mode: 'create', client: { id: client.id, name: clientName } })
  const scheduleButton = (
    <Button variant="primary" onClick={schedule}>
      <CalendarPlus aria-hidden="true" />
      Schedule session
    </Button>
  )
  const rows = useMemo<Row[]>(() => (timeline.data ?? []).map((r) => ({ ...r, warnings: warnings.get(r.id) ?? [] })), [timeline.data, warnings])
  const upcoming = rows.filter((r) => r.date >= today && r.status === 'scheduled').length

  return (
    <div>
      <CoursePanel clientId={client.id} readOnly={readOnly} whenOf={whenOf} />

      <TabToolbar
        title="Sessions"
        count={
          timeline.data ? (
            <>
              {rows.length} in all{upcoming > 0 && <> · {upcoming} upcoming</>}
            </>
          ) : undefined
        }
      >
        {clinical && rows.some((r) => r.notes.length > 0) && <PrintNotesButton clientId={client.id} />}
        {readOnly ? (
          <ReadOnlyNote />
        ) : (
          <>
            {upcoming > 0 && (
              <Button onClick={() => setReminders({ clientId: client.id, clientName })}>
                <BellRing aria-hidden="true" />
                Reminders
              </Button>
            )}
            {scheduleButton}
          </>
        )}
      </TabToolbar>

      {timeline.isError ? (
        <ErrorState title="Sessions could not be loaded" error={timeline.error} onRetry={() => void timeline.refetch()} className="rounded-lg border border-line bg-surface" />
      ) : !timeline.isPending && rows.length === 0 ? (
        <EmptyState
          className="rounded-lg border border-dashed border-line-strong bg-surface"
          icon={<CalendarPlus />}
          title="No sessions yet"
          body={
            readOnly
              ? 'This client is archived; restore them to book a session.'
              : 'Schedule the first session — usually one or two preparation sessions before the first dosing. Each session’s note is written from here.'
          }
          action={readOnly ? undefined : scheduleButton}
        />
      ) : (
        <DataTable
          label={`${clientName}’s sessions, newest first`}
          columns={columns}
          data={rows}
          getRowId={(r) => r.id}
          loading={timeline.isPending}
          loadingRows={4}
          fixedLayout
          rowClassName={(r) => (r.status === 'cancelled' || r.status === 'late_cancelled' || r.status === 'no_show' ? 'bg-sunken/40 text-ink-soft' : undefined)}
        />
      )}
      {clinical && rows.some((r) => r.noteStatus === 'draft') && (
        <p className="mt-2 flex items-center gap-1.5 text-xs text-ink-faint">
          <Badge tone="warning">Unsigned</Badge> notes stay drafts until signed; a signed note never changes.
        </p>
      )}

      <SessionDialog target={dialog} onOpenChange={(open) => !open && setDialog(null)} />
      <RemindersDialog target={reminders} onOpenChange={(open) => !open && setReminders(null)} />
    </div>
  )
}

/** One note: "Open note"; several on a session: each by its template ("Dosing note"). */
const noteLinkText = (count: number, template: keyof typeof NOTE_TEMPLATE_LABELS) => (count > 1 ? `${NOTE_TEMPLATE_LABELS[template]} note` : 'Open note')
