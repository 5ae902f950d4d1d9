import { useEffect, useRef, useState } from 'react'
import { toast } from 'sonner'
import { useForm, useWatch } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import { useQuery } from '@tanstack/react-query'
import { z } from 'zod'
import { COURSE_STATUS_LABELS } from '@shared/contracts/courses'
import { DURATION_MAX, DURATION_MIN, sessionInput, type Session } from '@shared/contracts/sessions'
import { localToday } from '@shared/domain/dates'
import {
  PLACES_OF_SERVICE,
  SESSION_KINDS,
  SESSION_KIND_LABELS,
  SESSION_STATUSES,
  SESSION_STATUS_LABELS,
  type SessionKind
} from '@shared/domain/session-kinds'
import { DateField, Dialog, FormError, RequiredLegend, SelectField, TextField } from '@renderer/components'
import { ApiError } from '@renderer/lib/api'
import { applyServerErrors, useUnsavedChangesGuard } from '@renderer/lib/forms'
import { formatDate } from '@renderer/lib/format'
import { practiceQueries } from '@renderer/features/settings/queries'
import { DialogFormActions } from '../clients/chart/parts'
import { courseQueries } from '../courses/queries'
import { billingQueries } from '../billing/queries'
import type { SessionClash } from '@shared/contracts'
import { ClashWarning, clashesOf } from './ClashWarning'
import { ClientPicker, type PickedClient } from './ClientPicker'
import { formatDuration, formatEnd } from './dates'
import { announceSaved } from './notices'
import { DEFAULT_DURATION } from './parts'
import { useChangeFollowing, useCreateSeries, useCreateSession, useUpdateSession } from './queries'
import { NO_REPEAT, RepeatFields, ScopeField, canRepeat, type ChangeScope, type RepeatValue } from './RepeatFields'
import { useIsClinical } from './SessionActions'
import { PendingFlags, usePendingFlags } from '../screening/ContraindicationFlags'

/** What the dialog is for: booking a new session (maybe for a known client or day), or changing one. */
export type SessionDialogTarget =
  | { mode: 'create'; client?: PickedClient; date?: string; startTime?: string; durationMinutes?: number }
  | { mode: 'edit'; session: Session; clientName: string }

const formSchema = sessionInput.extend({
  clientId: z.string().min(1, { error: 'Choose a client — type part of a name to search' })
})
type FormIn = z.input<typeof formSchema>
type FormOut = z.output<typeof formSchema>

const kindOptions = SESSION_KINDS.map((k) => ({ value: k, label: SESSION_KIND_LABELS[k] }))
const statusOptions = SESSION_STATUSES.map((s) => ({ value: s, label: SESSION_STATUS_LABELS[s] }))
const placeOptions = PLACES_OF_SERVICE.map((p) => ({ value: p.code, label: `${p.label} (${p.code})` }))

export function SessionDialog({ target, onOpenChange }: { target: SessionDialogTarget | null; onOpenChange: (open: boolean) => void }) {
  const editing = target?.mode === 'edit'
  return (
    <Dialog
      open={target !== null}
      onOpenChange={onOpenChange}
      title={editing ? 'Edit session' : 'Schedule session'}
      description={
        editing
          ? 'Move the session, change its kind, or record how it went.'
          : 'Book a session for a client. The course’s spacing rules are checked when you save; they advise, never block.'
      }
      size="md"
    >
      {target && <SessionForm target={target} onDone={() => onOpenChange(false)} />}
    </Dialog>
  )
}

function SessionForm({ target, onDone }: { target: SessionDialogTarget; onDone: () => void }) {
  const editing = target.mode === 'edit' ? target.session : null
  const create = useCreateSession()
  const update = useUpdateSession()
  const createSeries = useCreateSeries()
  const changeFollowing = useChangeFollowing()
  const [repeat, setRepeat] = useState<RepeatValue>(NO_REPEAT)
  const [scope, setScope] = useState<ChangeScope>('one')
  const practice = useQuery(practiceQueries.profile())
  const [formError, setFormError] = useState<unknown>(null)
  /** Set when main answered 'clash': shown with "Book anyway" / "Move anyway". */
  const [clashes, setClashes] = useState<SessionClash[] | null>(null)
  const acknowledge = useRef(false)
  /** A slot chosen on the grid sets the length; the kind no longer changes it. */
  const presetDuration = target.mode === 'create' && target.durationMinutes !== undefined
  const [client, setClient] = useState<PickedClient | null>(
    target.mode === 'edit' ? { id: target.session.clientId, name: target.clientName } : (target.client ?? null)
  )
  const clientInputRef = useRef<HTMLInputElement>(null)

  const defaultKind: SessionKind = 'preparation'
  const {
    register,
    handleSubmit,
    setError,
    setValue,
    setFocus,
    control,
    getFieldState,
    clearErrors,
    formState: { errors, isDirty, isSubmitted }
  } = useForm<FormIn, unknown, FormOut>({
    resolver: zodResolver(formSchema),
    defaultValues: editing
      ? {
          clientId: editing.clientId,
          date: editing.date,
          startTime: editing.startTime,
          durationMinutes: editing.durationMinutes,
          kind: editing.kind,
          placeOfService: editing.placeOfService,
          status: editing.status,
          courseId: editing.courseId ?? '',
          renderingUserId: editing.renderingUserId ?? ''
        }
      : {
          clientId: target.mode === 'create' ? (target.client?.id ?? '') : '',
          date: (target.mode === 'create' && target.date) || localToday(),
          startTime: (target.mode === 'create' && target.startTime) || '09:00',
          durationMinutes: (target.mode === 'create' && target.durationMinutes) || DEFAULT_DURATION[defaultKind],
          kind: defaultKind,
          placeOfService: practice.data?.defaultPlaceOfService ?? '11',
          status: 'scheduled',
          courseId: '',
          renderingUserId: ''
        }
  })
  const providers = useQuery(billingQueries.providers())
  const providerOptions = (providers.data ?? []).filter((p) => p.active || p.userId === editing?.renderingUserId).map((p) => ({ value: p.userId, label: `${p.displayName}${p.credentials ? `, ${p.credentials}` : ''}` }))
  const guard = useUnsavedChangesGuard(isDirty)
  const kind = useWatch({ control, name: 'kind' })
  const startTime = useWatch({ control, name: 'startTime' })
  const duration = useWatch({ control, name: 'durationMinutes' })
  const courseId = useWatch({ control, name: 'courseId' })
  // Booking a dosing session shows the client's contraindication flags, to tick before saving (clinicians only: the content is clinical).
  const clinical = useIsClinical()
  const flags = usePendingFlags(client?.id ?? null, clinical && !editing && (kind === 'dosing' || kind === 'booster'))
  const [flagError, setFlagError] = useState<string | undefined>()

  // The client's courses, to file the session under the one in progress.
  const courses = useQuery(courseQueries.list(client?.id ?? ''))
  const courseChoices = (courses.data ?? []).filter((c) => c.status === 'active' || c.id === editing?.courseId)
  const activeCourse = courses.data?.find((c) => c.status === 'active')

  useEffect(() => {
    if (editing) setFocus('date')
    else if (!client) clientInputRef.current?.focus()
    else setFocus('date')
    // oxlint-disable-next-line react-hooks/exhaustive-deps -- first render only
  }, [])

  // A new session joins the client's course in progress until the user chooses otherwise.
  useEffect(() => {
    if (editing || getFieldState('courseId').isDirty) return
    setValue('courseId', activeCourse?.id ?? '')
    // oxlint-disable-next-line react-hooks/exhaustive-deps -- when the client's courses arrive
  }, [activeCourse?.id])

  // Choosing a kind sets its usual length (dosing 3 hours), until the user types their own.
  useEffect(() => {
    if (editing || presetDuration || !kind || getFieldState('durationMinutes').isDirty) return
    setValue('durationMinutes', DEFAULT_DURATION[kind as SessionKind])
    // oxlint-disable-next-line react-hooks/exhaustive-deps -- only when the kind changes
  }, [kind])

  // The practice's usual place of service, once the profile has loaded.
  const defaultPlace = practice.data?.defaultPlaceOfService
  useEffect(() => {
    if (editing || !defaultPlace || getFieldState('placeOfService').isDirty) return
    setValue('placeOfService', defaultPlace)
    // oxlint-disable-next-line react-hooks/exhaustive-deps -- when the profile arrives
  }, [defaultPlace])

  const chooseClient = (picked: PickedClient | null) => {
    setClient(picked)
    setValue('clientId', picked?.id ?? '', { shouldDirty: true, shouldValidate: isSubmitted })
    if (picked) clearErrors('clientId')
  }

  const busy = create.isPending || update.isPending || createSeries.isPending || changeFollowing.isPending
  const seriesErrors = createSeries.error instanceof ApiError ? createSeries.error.fields : {}
  const onSaved = (headline: string) => (saved: Parameters<typeof announceSaved>[0]) => {
    guard.release()
    announceSaved(saved, headline)
    onDone()
  }
  const onSubmit = handleSubmit(({ clientId, ...values }) => {
    if (flags.blocking) return setFlagError('Review the flags and tick the box to book this dosing session')
    setFlagError(undefined)
    // A new session left on "the default" is billed under the scheduling clinician, else the owner (main decides).
    const session = !editing && values.renderingUserId === null ? { ...values, renderingUserId: undefined } : values
    setFormError(null)
    const acknowledgeClashes = acknowledge.current
    acknowledge.current = false
    const onError = (error: unknown) => {
      const clashing = clashesOf(error)
      if (clashing) {
        setClashes(clashing)
        return
      }
      setClashes(null)
      const onFields = applyServerErrors(setError, error, 'session.')
      // An archived client is refused as a whole ("restore the client first"): that is about the
      // client, so it goes beside the client field rather than in a banner.
      const clientMessage =
        error instanceof ApiError
          ? (error.fields.clientId ?? (client?.archived && error.code === 'invalid_input' && !onFields ? error.message : undefined))
          : undefined
      if (clientMessage) setError('clientId', { type: 'server', message: clientMessage }, { shouldFocus: !onFields })
      if (!onFields && !clientMessage) setFormError(error)
    }
    if (editing && editing.seriesId && scope === 'following') {
      const cancelling = values.status === 'cancelled' && editing.status !== 'cancelled'
      const others = values.date !== editing.date || values.kind !== editing.kind || values.placeOfService !== editing.placeOfService || (values.courseId ?? null) !== editing.courseId
      if (others || (values.status !== editing.status && !cancelling)) {
        setFormError(new Error('For this and all following sessions, change only the start time and duration, or cancel them. Choose “This session only” for anything else.'))
        return
      }
      const change = cancelling ? ('cancel' as const) : { startTime: values.startTime, durationMinutes: values.durationMinutes }
      changeFollowing.mutate(
        { sessionId: editing.id, clientId: editing.clientId, change },
        {
          onSuccess: ({ changed, skipped }) => {
            guard.release()
            toast.success(`${changed.length} session${changed.length === 1 ? '' : 's'} ${cancelling ? 'cancelled' : 'changed'}${skipped ? ` · ${skipped} left as they were (completed, cancelled or signed)` : ''}`)
            onDone()
          },
          onError
        }
      )
    } else if (editing) update.mutate({ id: editing.id, session, acknowledgeClashes }, { onSuccess: onSaved('Session saved'), onError })
    else if (repeat.every !== 'none' && canRepeat(values.kind)) {
      const { kind: _k, status: _s, renderingUserId: _r, ...first } = values
      createSeries.mutate(
        {
          clientId,
          series: {
            ...first,
            kind: values.kind as 'integration' | 'psychotherapy',
            intervalWeeks: repeat.every === '2' ? 2 : 1,
            end: repeat.end,
            untilDate: repeat.end === 'until' ? repeat.untilDate : null,
            occurrences: repeat.end === 'count' ? repeat.occurrences : null
          },
          acknowledgeClashes
        },
        {
          onSuccess: ({ sessions }) => {
            guard.release()
            toast.success(`Booked ${sessions.length} ${SESSION_KIND_LABELS[values.kind].toLowerCase()} sessions for ${client?.name ?? 'the client'}`)
            onDone()
          },
          onError: (error) => {
            const clashing = clashesOf(error)
            if (clashing) return setClashes(clashing)
            setClashes(null)
            if (!applyServerErrors(setError, error, 'series.') && !(error instanceof ApiError && (error.fields['series.occurrences'] || error.fields['series.untilDate']))) setFormError(error)
          }
        }
      )
    } else
      create.mutate(
        { clientId, session, acknowledgeClashes },
        {
          onSuccess: (saved) => {
            void flags.record({ kind: 'session', id: saved.session.id }).catch(() => toast.error('The contraindication acknowledgement was not recorded.'))
            onSaved(`Scheduled for ${client?.name ?? 'the client'}`)(saved)
          },
          onError
        }
      )
  })
  const proceedAnyway = () => {
    acknowledge.current = true
    void onSubmit()
  }

  const durationNumber = typeof duration === 'number' && Number.isInteger(duration) ? duration : null
  const ends = durationNumber !== null && durationNumber >= DURATION_MIN ? formatEnd(startTime ?? '', durationNumber) : ''

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <RequiredLegend />
      <FormError error={formError} />
      <input type="hidden" {...register('clientId')} />
      <ClientPicker
        ref={clientInputRef}
        label="Client"
        required
        value={client}
        onChange={chooseClient}
        locked={editing !== null || (target.mode === 'create' && target.client !== undefined)}
        error={errors.clientId?.message}
      />
      <div className="grid gap-4 sm:grid-cols-6">
        <DateField label="Date" required className="sm:col-span-3" error={errors.date?.message} {...register('date')} />
        <TextField
          label="Start time"
          type="time"
          required
          step={300}
          className="sm:col-span-3"
          inputClassName="num max-w-36"
          error={errors.startTime?.message}
          {...register('startTime')}
        />
        <SelectField label="Kind" required options={kindOptions} className="sm:col-span-3" error={errors.kind?.message} {...register('kind')} />
        <TextField
          label="Duration (minutes)"
          type="number"
          inputMode="numeric"
          required
          min={DURATION_MIN}
          max={DURATION_MAX}
          step={5}
          className="sm:col-span-3"
          inputClassName="num max-w-28"
          hint={ends ? `${formatDuration(durationNumber ?? 0)}, ends ${ends}` : 'Dosing sessions default to 3 hours'}
          error={errors.durationMinutes?.message}
          {...register('durationMinutes', { valueAsNumber: true })}
        />
        <SelectField
          label="Place of service"
          required
          options={placeOptions}
          className="sm:col-span-4"
          error={errors.placeOfService?.message}
          {...register('placeOfService')}
        />
        <SelectField label="Status" required options={statusOptions} className="sm:col-span-2" error={errors.status?.message} {...register('status')} />
        {providerOptions.length > 0 && (
          <SelectField
            label="Rendering clinician"
            className="sm:col-span-6"
            placeholder={editing ? 'Nobody' : 'The scheduling clinician, else the owner'}
            options={providerOptions}
            hint="Who the session is billed under; fixed once it is charged."
            error={errors.renderingUserId?.message}
            {...register('renderingUserId')}
          />
        )}
        {courseChoices.length > 0 && (
          <SelectField
            label="Treatment course"
            className="sm:col-span-6"
            placeholder="Not part of a course"
            options={courseChoices.map((c) => ({
              value: c.id,
              label: `${c.protocol.name}, started ${formatDate(c.startedOn)}${c.status === 'active' ? '' : ` (${COURSE_STATUS_LABELS[c.status].toLowerCase()})`}`
            }))}
            hint={courseId ? 'Counts toward the course’s plan and is checked against its spacing rules.' : undefined}
            error={errors.courseId?.message}
            {...register('courseId')}
          />
        )}
        {!editing && canRepeat(kind as SessionKind) && <RepeatFields value={repeat} onChange={setRepeat} errors={seriesErrors} />}
        {editing?.seriesId && <ScopeField value={scope} onChange={setScope} />}
      </div>
      <PendingFlags pending={flags} action="still mean to book this dosing session" error={flagError} />
      {clashes && clashes.length > 0 && <ClashWarning clashes={clashes} actionLabel={editing ? 'Move anyway' : 'Book anyway'} busy={busy} onProceed={proceedAnyway} />}
      <DialogFormActions
        onCancel={onDone}
        busy={busy}
        submitLabel={editing ? 'Save session' : repeat.every !== 'none' && canRepeat(kind as SessionKind) ? 'Schedule series' : 'Schedule session'}
      />
    </form>
  )
}
