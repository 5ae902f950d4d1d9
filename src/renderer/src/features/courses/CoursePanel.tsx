/**
 * The client's treatment course, above the session timeline: the plan against what is booked and
 * done, per kind of session, and what the schedule raises against the plan's spacing rules, in
 * plain words. Starting or ending a course is a clinical decision (owner and clinician).
 */
import { useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { toast } from 'sonner'
import { CalendarRange, ClipboardList, Flag, Play } from 'lucide-react'
import { COURSE_STATUS_LABELS, type Course, type CourseStatus } from '@shared/contracts/courses'
import { localToday } from '@shared/domain/dates'
import type { ProtocolRules } from '@shared/domain/scheduling'
import { SESSION_KIND_LABELS } from '@shared/domain/session-kinds'
import { Badge, Button, DateField, Dialog, ErrorState, FormError, RadioGroupField, Skeleton, type BadgeTone } from '@renderer/components'
import { cn } from '@renderer/lib/cn'
import { formatDate } from '@renderer/lib/format'
import { DialogFormActions, ReadOnlyNote } from '../clients/chart/parts'
import { NoWarnings, WarningList } from '../sessions/parts'
import { useIsClinical } from '../sessions/SessionActions'
import { courseQueries, useUpdateCourse } from './queries'
import { ScheduleCourseDialog } from './ScheduleCourseDialog'
import { StartCourseDialog } from './StartCourseDialog'

const STATUS_TONE: Record<CourseStatus, BadgeTone> = { active: 'success', completed: 'accent', stopped: 'neutral' }

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

/** "At least 3 days between dosings · at most 2 dosings in 7 days · integration 1–3 days after · preparation first" */
export function rulesSummary(rules: ProtocolRules): string {
  const [from, to] = rules.integrationWithinDays
  return [
    `at least ${plural(rules.minDaysBetweenDosing, 'day')} between dosings`,
    `at most ${plural(rules.maxDosingPer7Days, 'dosing')} in any 7 days`,
    `integration ${from === to ? plural(from, 'day') : `${from}–${to} days`} after each dosing`,
    rules.requirePreparation ? 'preparation before the first dosing' : null
  ]
    .filter(Boolean)
    .join(' · ')
    .replace(/^a/, 'A')
}

export function CoursePanel({
  clientId,
  readOnly,
  whenOf
}: {
  clientId: string
  readOnly: boolean
  /** Names a session by its date, for the warnings ("Sun, Nov 22"). */
  whenOf?: (sessionId: string) => string | undefined
}) {
  const courses = useQuery(courseQueries.list(clientId))
  const clinical = useIsClinical()
  const [starting, setStarting] = useState(false)
  const canStart = clinical && !readOnly

  if (courses.isPending) {
    return (
      <div aria-hidden="true" className="mb-6 rounded-lg border border-line bg-surface px-4 py-4">
        <Skeleton className="mb-3 h-4 w-48" />
        <Skeleton className="mb-2 w-full" />
        <Skeleton className="mb-2 w-4/5" />
        <Skeleton className="w-3/5" />
      </div>
    )
  }
  if (courses.isError) {
    return (
      <div className="mb-6 rounded-lg border border-line bg-surface">
        <ErrorState title="The treatment course could not be loaded" error={courses.error} onRetry={() => void courses.refetch()} />
      </div>
    )
  }

  const active = courses.data.find((c) => c.status === 'active')
  const current = active ?? courses.data[0]
  const earlier = courses.data.filter((c) => c !== current)
  const startButton = (
    <Button variant={current ? 'secondary' : 'primary'} onClick={() => setStarting(true)}>
      <Play aria-hidden="true" />
      Start course
    </Button>
  )

  return (
    <section aria-labelledby="course-heading" className="mb-6">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
        <h2 id="course-heading" className="text-[15px] font-semibold text-ink">
          Treatment course
        </h2>
        {readOnly ? <ReadOnlyNote /> : canStart && !active ? startButton : null}
      </div>

      {current ? (
        <CourseCard course={current} clientId={clientId} canEdit={canStart} canSchedule={!readOnly} whenOf={whenOf} />
      ) : (
        <div className="flex items-start gap-3 rounded-lg border border-dashed border-line-strong bg-surface px-4 py-4">
          <span aria-hidden="true" className="flex size-8 shrink-0 items-center justify-center rounded-full bg-accent-50 text-accent-700">
            <ClipboardList className="size-4" />
          </span>
          <div className="min-w-0 flex-1">
            <p className="text-sm font-medium text-ink">No treatment course yet</p>
            <p className="mt-0.5 text-[13px] text-ink-soft">
              {clinical
                ? 'Start a course from a protocol — Induction (six dosings with preparation and integration) or a Booster — to see planned against booked and done, and to have the spacing of dosing sessions checked.'
                : 'A clinician starts a course from a protocol; its plan and progress will show here.'}
            </p>
          </div>
        </div>
      )}

      {earlier.length > 0 && (
        <details className="group mt-2 text-[13px]">
          <summary className="cursor-pointer rounded px-1 py-1 text-ink-soft hover:text-ink">
            {plural(earlier.length, 'earlier course')}
          </summary>
          <ul className="mt-1 space-y-1 pl-1">
            {earlier.map((c) => (
              <li key={c.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 text-ink-soft">
                <span className="font-medium text-ink">{c.protocol.name}</span>
                <span className="num">
                  {formatDate(c.startedOn)}
                  {c.endedOn && <> – {formatDate(c.endedOn)}</>}
                </span>
                <Badge tone={STATUS_TONE[c.status]}>{COURSE_STATUS_LABELS[c.status]}</Badge>
                <span className="num text-ink-faint">
                  {c.progress.map((p) => `${p.completed}/${p.planned} ${SESSION_KIND_LABELS[p.kind].toLowerCase()}`).join(', ')}
                </span>
              </li>
            ))}
          </ul>
        </details>
      )}

      <StartCourseDialog clientId={clientId} open={starting} onOpenChange={setStarting} />
    </section>
  )
}

function CourseCard({
  course,
  clientId,
  canEdit,
  canSchedule,
  whenOf
}: {
  course: Course
  clientId: string
  canEdit: boolean
  /** Any role books (the administrator schedules); an archived client's chart is read-only. */
  canSchedule: boolean
  whenOf?: (sessionId: string) => string | undefined
}) {
  const [ending, setEnding] = useState(false)
  const [scheduling, setScheduling] = useState(false)
  const toBook = course.progress.reduce((n, p) => n + Math.max(0, p.planned - p.completed - p.scheduled), 0)
  const totals = course.progress.reduce(
    (t, p) => ({ planned: t.planned + p.planned, completed: t.completed + p.completed, scheduled: t.scheduled + p.scheduled }),
    { planned: 0, completed: 0, scheduled: 0 }
  )
  return (
    <article aria-label={`${course.protocol.name} course`} className="rounded-lg border border-line bg-surface">
      <header className="flex flex-wrap items-start justify-between gap-3 border-b border-line px-4 py-3">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-2">
            <h3 className="text-sm font-semibold text-ink">{course.protocol.name}</h3>
            <Badge tone={STATUS_TONE[course.status]}>{COURSE_STATUS_LABELS[course.status]}</Badge>
          </div>
          <p className="num mt-0.5 text-[13px] text-ink-soft">
            Started {formatDate(course.startedOn)}
            {course.endedOn && <> · ended {formatDate(course.endedOn)}</>}
            {' · '}
            {totals.completed} of {totals.planned} planned sessions done, {totals.scheduled} booked
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-1">
          {canSchedule && course.status === 'active' && toBook > 0 && (
            <Button size="sm" variant="primary" onClick={() => setScheduling(true)}>
              <CalendarRange aria-hidden="true" />
              Schedule the course
            </Button>
          )}
          {canEdit && course.status === 'active' && (
            <Button size="sm" variant="ghost" onClick={() => setEnding(true)}>
              <Flag aria-hidden="true" />
              End course
            </Button>
          )}
        </div>
      </header>

      <div className="grid gap-x-8 gap-y-4 px-4 py-3 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <table className="w-full text-sm" aria-label="Planned, booked and completed sessions">
          <thead>
            <tr className="text-left text-xs text-ink-soft">
              <th scope="col" className="pb-1.5 font-medium">
                Kind
              </th>
              <th scope="col" className="pb-1.5 text-right font-medium">
                Planned
              </th>
              <th scope="col" className="pb-1.5 text-right font-medium">
                Scheduled
              </th>
              <th scope="col" className="pb-1.5 text-right font-medium">
                Completed
              </th>
              <th scope="col" className="w-[38%] pb-1.5 pl-4 font-medium">
                <span className="sr-only">Progress</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {course.progress.map((p) => {
              const base = Math.max(p.planned, p.completed + p.scheduled, 1)
              const done = (p.completed / base) * 100
              const booked = (p.scheduled / base) * 100
              const over = p.completed + p.scheduled > p.planned
              return (
                <tr key={p.kind} className="border-t border-line">
                  <th scope="row" className="py-1.5 text-left font-normal text-ink">
                    {SESSION_KIND_LABELS[p.kind]}
                  </th>
                  <td className="num py-1.5 text-right text-ink-soft">{p.planned}</td>
                  <td className="num py-1.5 text-right text-ink-soft">{p.scheduled}</td>
                  <td className="num py-1.5 text-right font-medium text-ink">{p.completed}</td>
                  {/* oxlint-disable-next-line jsx-a11y/control-has-associated-label -- a data cell; its text ("2 to book") is the label */}
                  <td className="py-1.5 pl-4">
                    <div className="flex items-center gap-2">
                      <div aria-hidden="true" className="flex h-1.5 flex-1 overflow-hidden rounded-full bg-sunken ring-1 ring-line ring-inset">
                        <span className="h-full bg-accent-600" style={{ width: `${done}%` }} />
                        <span className="h-full bg-accent-200" style={{ width: `${booked}%` }} />
                      </div>
                      <span className={cn('num w-20 shrink-0 text-right text-xs', over ? 'text-ink-soft' : 'text-ink-faint')}>
                        {p.planned === 0
                          ? 'not planned'
                          : p.planned - p.completed - p.scheduled > 0
                            ? `${p.planned - p.completed - p.scheduled} to book`
                            : over
                              ? `${p.completed + p.scheduled - p.planned} over plan`
                              : 'all booked'}
                      </span>
                    </div>
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>

        <div className="min-w-0 space-y-3">
          <div>
            <h4 className="mb-1.5 text-xs font-medium text-ink-soft">Spacing</h4>
            {course.warnings.length > 0 ? (
              <WarningList warnings={course.warnings} label="Course warnings" whenOf={whenOf} />
            ) : (
              <NoWarnings>{course.status === 'active' ? 'The sessions booked follow the plan’s spacing.' : 'No spacing warnings.'}</NoWarnings>
            )}
          </div>
          <p className="text-xs leading-snug text-ink-faint">Plan: {rulesSummary(course.protocol.rules)}.</p>
        </div>
      </div>
      {canEdit && <EndCourseDialog course={course} clientId={clientId} open={ending} onOpenChange={setEnding} />}
      {canSchedule && <ScheduleCourseDialog course={course} clientId={clientId} open={scheduling} onOpenChange={setScheduling} />}
    </article>
  )
}

function EndCourseDialog({ course, clientId, open, onOpenChange }: { course: Course; clientId: string; open: boolean; onOpenChange: (open: boolean) => void }) {
  const update = useUpdateCourse(clientId)
  const [status, setStatus] = useState<'completed' | 'stopped'>('completed')
  const [endedOn, setEndedOn] = useState(localToday())
  const endedError = endedOn && endedOn < course.startedOn ? 'The end date cannot be before the course started' : undefined

  const submit = () => {
    if (endedError) return
    update.mutate(
      { id: course.id, course: { protocol: course.protocol, startedOn: course.startedOn, status, endedOn: endedOn || null } },
      {
        onSuccess: () => {
          toast.success(`${course.protocol.name} course ${status === 'completed' ? 'completed' : 'stopped'}`)
          onOpenChange(false)
        }
      }
    )
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (next) update.reset()
        onOpenChange(next)
      }}
      title={`End the ${course.protocol.name} course`}
      description="Sessions already booked stay on the calendar. A finished course starts the booster countdown on the dashboard."
      size="sm"
    >
      <form
        noValidate
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault()
          submit()
        }}
      >
        <FormError error={update.error} />
        <RadioGroupField
          label="How did it end?"
          orientation="vertical"
          name="course-end"
          value={status}
          onChange={(e) => setStatus(e.target.value as 'completed' | 'stopped')}
          options={[
            { value: 'completed', label: 'Completed as planned' },
            { value: 'stopped', label: 'Stopped early' }
          ]}
        />
        <DateField label="End date" min={course.startedOn} value={endedOn} error={endedError} onChange={(e) => setEndedOn(e.target.value)} />
        <DialogFormActions onCancel={() => onOpenChange(false)} busy={update.isPending} submitLabel="End course" />
      </form>
    </Dialog>
  )
}
