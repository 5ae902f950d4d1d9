/**
 * "Schedule the course": main proposes every session the course still needs (dates that keep the
 * plan's spacing and the clinician's free time); the therapist adjusts any row — each change is
 * re-checked by main and its problem shown beside the row — then books them all at once. One
 * call, one transaction: all are booked or none.
 */
import { useMemo, useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { toast } from 'sonner'
import { CalendarCheck2 } from 'lucide-react'
import type { Course, ScheduleProblem, ScheduleProposal, ScheduleRowInput } from '@shared/contracts/courses'
import { DURATION_MAX, DURATION_MIN } from '@shared/contracts/sessions'
import { PLACES_OF_SERVICE, SESSION_KIND_LABELS, type PlaceOfServiceCode } from '@shared/domain/session-kinds'
import { Button, Dialog, ErrorState, FieldMessage, FormError, SelectField, Skeleton } from '@renderer/components'
import { ApiError } from '@renderer/lib/api'
import { cn } from '@renderer/lib/cn'
import { practiceQueries } from '@renderer/features/settings/queries'
import { formatDayShort, formatEnd } from '../sessions/dates'
import { KindLabel } from '../sessions/parts'
import { scheduleQueries, useBookSchedule } from './queries'

type Field = ScheduleProblem['field']
const placeOptions = PLACES_OF_SERVICE.map((p) => ({ value: p.code, label: `${p.label} (${p.code})` }))
const WEEKDAYS = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']

export function ScheduleCourseDialog({ course, clientId, open, onOpenChange }: { course: Course; clientId: string; open: boolean; onOpenChange: (open: boolean) => void }) {
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title="Schedule the course"
      description={`Every ${course.protocol.name} session still to book, on dates that keep the plan’s spacing and your free time. Change any row, then book them all at once.`}
      size="lg"
    >
      {open && <ScheduleCourseForm course={course} clientId={clientId} onDone={() => onOpenChange(false)} />}
    </Dialog>
  )
}

function ScheduleCourseForm({ course, clientId, onDone }: { course: Course; clientId: string; onDone: () => void }) {
  const proposal = useQuery(scheduleQueries.proposal(course.id))
  if (proposal.isPending) {
    return (
      <div aria-hidden="true" className="space-y-2">
        {Array.from({ length: 6 }, (_, i) => (
          <Skeleton key={i} className="w-full" />
        ))}
      </div>
    )
  }
  if (proposal.isError) return <ErrorState title="The course could not be planned" error={proposal.error} onRetry={() => void proposal.refetch()} />
  return <ProposalForm course={course} clientId={clientId} proposal={proposal.data} onDone={onDone} />
}

function ProposalForm({ course, clientId, proposal, onDone }: { course: Course; clientId: string; proposal: ScheduleProposal; onDone: () => void }) {
  const practice = useQuery(practiceQueries.profile())
  const [rows, setRows] = useState<ScheduleRowInput[]>(() => proposal.rows.map((r) => ({ ...r })))
  const [place, setPlace] = useState<PlaceOfServiceCode | null>(null)
  const book = useBookSchedule(clientId)

  // Only well-formed rows go to main for the live check; a half-typed time waits.
  const complete = useMemo(
    () => rows.every((r) => /^\d{4}-\d{2}-\d{2}$/.test(r.date) && /^\d{2}:\d{2}$/.test(r.startTime) && Number.isInteger(r.durationMinutes)),
    [rows]
  )
  const check = useQuery({ ...scheduleQueries.check(course.id, rows), enabled: complete && rows.length > 0 })

  const { unplaced, hours } = proposal
  const list = rows
  const serverFields = book.error instanceof ApiError ? book.error.fields : {}
  const problemOf = (i: number, field: Field): string | undefined =>
    check.data?.find((p) => p.row === i && p.field === field)?.message ?? (book.error && !check.data ? serverFields[`rows.${i}.${field}`] : undefined)
  const problems = check.data?.length ?? 0
  const placeOfService = place ?? practice.data?.defaultPlaceOfService ?? '11'

  const edit = (i: number, patch: Partial<ScheduleRowInput>) => {
    book.reset()
    setRows((current) => current.map((r, j) => (j === i ? { ...r, ...patch } : r)))
  }

  const submit = () =>
    book.mutate(
      { id: course.id, rows: list, placeOfService },
      {
        onSuccess: ({ sessions }) => {
          toast.success(`Booked ${sessions.length} session${sessions.length === 1 ? '' : 's'} of the ${course.protocol.name} course`)
          onDone()
        }
      }
    )

  if (list.length === 0) {
    return (
      <div className="space-y-4">
        <p className="text-sm text-ink-soft">Every planned session of this course is already booked or done.</p>
        <div className="flex justify-end">
          <Button onClick={onDone}>Close</Button>
        </div>
      </div>
    )
  }

  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault()
        submit()
      }}
    >
      <FormError error={book.error && Object.keys(serverFields).length === 0 ? book.error : null} />
      <p className="text-[13px] text-ink-soft">
        Working hours {hours.start}–{hours.end}, {hours.days.map((d) => WEEKDAYS[d]).join(', ')}; from {formatDayShort(proposal.from)}.
      </p>
      {unplaced.length > 0 && (
        <output className="block rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-[13px] text-amber-900">
          No free slot within six months for {unplaced.length} session{unplaced.length === 1 ? '' : 's'} ({unplaced.map((k) => SESSION_KIND_LABELS[k].toLowerCase()).join(', ')}): book
          {unplaced.length === 1 ? ' it' : ' them'} by hand.
        </output>
      )}
      <table className="w-full table-fixed text-sm" aria-label="Proposed sessions">
        <thead>
          <tr className="text-left text-xs text-ink-soft">
            <th scope="col" className="w-8 pb-1.5 font-medium">
              #
            </th>
            <th scope="col" className="w-32 pb-1.5 font-medium">
              Kind
            </th>
            <th scope="col" className="pb-1.5 font-medium">
              Date
            </th>
            <th scope="col" className="w-36 pb-1.5 font-medium">
              Start
            </th>
            <th scope="col" className="w-24 pb-1.5 font-medium">
              Minutes
            </th>
          </tr>
        </thead>
        <tbody>
          {list.map((row, i) => {
            const label = `${SESSION_KIND_LABELS[row.kind]} session ${i + 1}`
            const messages = (['date', 'startTime', 'durationMinutes'] as const).map((f) => problemOf(i, f)).filter(Boolean) as string[]
            return (
              <tr key={i} className={cn('border-t border-line align-top', messages.length > 0 && 'bg-red-50/50')} data-testid={`schedule-row-${i}`}>
                <td className="num py-1.5 text-ink-faint">{i + 1}</td>
                <td className="py-1.5">
                  <KindLabel kind={row.kind} />
                </td>
                <td className="py-1.5 pr-2">
                  <input
                    type="date"
                    aria-label={`Date of ${label}`}
                    aria-invalid={problemOf(i, 'date') ? true : undefined}
                    aria-describedby={messages.length ? `schedule-row-${i}-error` : undefined}
                    className="num rounded-md border border-line-strong bg-surface px-2 py-1 text-sm"
                    value={row.date}
                    onChange={(e) => edit(i, { date: e.target.value })}
                  />
                  {messages.length > 0 && (
                    <div id={`schedule-row-${i}-error`}>
                      {messages.map((m) => (
                        <FieldMessage key={m} error={m} />
                      ))}
                    </div>
                  )}
                </td>
                <td className="py-1.5 pr-2">
                  <input
                    type="time"
                    step={300}
                    aria-label={`Start time of ${label}`}
                    aria-invalid={problemOf(i, 'startTime') ? true : undefined}
                    className="num rounded-md border border-line-strong bg-surface px-2 py-1 text-sm"
                    value={row.startTime}
                    onChange={(e) => edit(i, { startTime: e.target.value })}
                  />
                  <div className="num mt-0.5 text-xs text-ink-faint">{Number.isInteger(row.durationMinutes) ? `ends ${formatEnd(row.startTime, row.durationMinutes)}` : ''}</div>
                </td>
                <td className="py-1.5">
                  <input
                    type="number"
                    inputMode="numeric"
                    min={DURATION_MIN}
                    max={DURATION_MAX}
                    step={5}
                    aria-label={`Duration of ${label} in minutes`}
                    aria-invalid={problemOf(i, 'durationMinutes') ? true : undefined}
                    className="num w-20 rounded-md border border-line-strong bg-surface px-2 py-1 text-sm"
                    value={Number.isNaN(row.durationMinutes) ? '' : row.durationMinutes}
                    onChange={(e) => edit(i, { durationMinutes: e.target.valueAsNumber })}
                  />
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
      <SelectField label="Place of service" options={placeOptions} value={placeOfService} onChange={(e) => setPlace(e.target.value as PlaceOfServiceCode)} className="max-w-sm" />
      <div className="sticky -bottom-4 -mx-5 -mb-4 flex items-center justify-end gap-3 border-t border-line bg-surface px-5 py-3">
        <output className={cn('mr-auto text-[13px]', problems > 0 ? 'text-red-700' : 'text-ink-soft')}>
          {!complete ? 'Finish typing a row to check it' : problems > 0 ? `${new Set(check.data?.map((p) => p.row)).size} row(s) need attention` : check.data ? 'Every row keeps the plan and your free time' : 'Checking…'}
        </output>
        <Button onClick={onDone} disabled={book.isPending}>
          Cancel
        </Button>
        <Button type="submit" variant="primary" busy={book.isPending} disabled={!complete || problems > 0}>
          <CalendarCheck2 aria-hidden="true" />
          Book {list.length} session{list.length === 1 ? '' : 's'}
        </Button>
      </div>
    </form>
  )
}
