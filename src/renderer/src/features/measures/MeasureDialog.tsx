/**
 * Entering a PHQ-9, GAD-7 or PCL-5 item by item, as on the paper form: a row per item, a radio
 * per answer, the total and band updating as the client answers. A PHQ-9 item 9 above 0 shows
 * the safety notice at once.
 */
import { useId, useState } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import { toast } from 'sonner'
import { CircleAlert } from 'lucide-react'
import { MEASURES, MEASURE_KINDS, type MeasureKind } from '@shared/domain/measures'
import { localToday } from '@shared/domain/dates'
import { Badge, Button, DateField, Dialog, FormError } from '@renderer/components'
import { ApiError } from '@renderer/lib/api'
import { useUnsavedChangesGuard } from '@renderer/lib/forms'
import { cn } from '@renderer/lib/cn'
import { useCreateMeasure } from './queries'
import { bandTone, liveScore } from './score'

export interface MeasureLink {
  /** The note the measure belongs to (its session is implied). */
  noteId?: string | null
  sessionId?: string | null
}

export interface MeasureDialogProps {
  clientId: string
  open: boolean
  onOpenChange: (open: boolean) => void
  /** Where it was given; omitted from the chart. */
  link?: MeasureLink
  /** The date to start with (a session's date); today when omitted or in the future. */
  defaultDate?: string
  defaultKind?: MeasureKind
  /** Shown under the title, e.g. "For the integration note of Mar 8, 2026". */
  context?: string
}

export function MeasureDialog({ open, onOpenChange, context, ...props }: MeasureDialogProps) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title="Add measure" description={context ?? 'Enter the client’s answers item by item.'} size="xl">
      {open && <MeasureForm {...props} onDone={() => onOpenChange(false)} />}
    </Dialog>
  )
}

interface Values {
  kind: MeasureKind
  administeredOn: string
  /** One radio value per item: '0'…'4', or null while unanswered. */
  answers: (string | null)[]
}

const blankAnswers = (kind: MeasureKind) => MEASURES[kind].items.map(() => null)

function MeasureForm({ clientId, link, defaultDate, defaultKind = 'phq9', onDone }: Omit<MeasureDialogProps, 'open' | 'onOpenChange' | 'context'> & { onDone: () => void }) {
  const today = localToday()
  const create = useCreateMeasure(clientId)
  const [formError, setFormError] = useState<unknown>(null)
  const [missingShown, setMissingShown] = useState(false)
  const formId = useId()
  const {
    register,
    handleSubmit,
    control,
    setValue,
    setError,
    clearErrors,
    setFocus,
    formState: { errors, isDirty }
  } = useForm<Values>({
    defaultValues: { kind: defaultKind, administeredOn: defaultDate && defaultDate <= today ? defaultDate : today, answers: blankAnswers(defaultKind) }
  })
  const guard = useUnsavedChangesGuard(isDirty)
  const kind = useWatch({ control, name: 'kind' })
  const answers = useWatch({ control, name: 'answers' })
  const def = MEASURES[kind]
  const numeric = def.items.map((_item, i) => (answers?.[i] == null ? null : Number(answers[i])))
  const score = liveScore(kind, numeric)

  const onSubmit = handleSubmit((values) => {
    setFormError(null)
    const current = liveScore(values.kind, values.answers.map((a) => (a == null ? null : Number(a))))
    if (!current.complete) {
      setMissingShown(true)
      setFocus(`answers.${(current.missing[0] ?? 1) - 1}`)
      return
    }
    if (!values.administeredOn || values.administeredOn > today) {
      setError('administeredOn', { type: 'manual', message: values.administeredOn ? 'Date given cannot be in the future' : 'Date given is required' }, { shouldFocus: true })
      return
    }
    create.mutate(
      {
        kind: values.kind,
        answers: values.answers.map(Number),
        administeredOn: values.administeredOn,
        noteId: link?.noteId ?? null,
        sessionId: link?.noteId ? null : (link?.sessionId ?? null)
      } as Parameters<typeof create.mutate>[0],
      {
        onSuccess: (saved) => {
          guard.release()
          toast.success(`${MEASURES[saved.kind].label} saved: ${saved.total}, ${saved.bandLabel}`)
          onDone()
        },
        onError: (error) => {
          const dateMessage = error instanceof ApiError ? error.fields['measure.administeredOn'] : undefined
          if (dateMessage) setError('administeredOn', { type: 'server', message: dateMessage }, { shouldFocus: true })
          else setFormError(error)
        }
      }
    )
  })

  const optionWidth = def.options.length > 4 ? 'w-[5.5rem]' : 'w-24'

  return (
    <form id={formId} onSubmit={onSubmit} noValidate className="space-y-4">
      <FormError error={formError} />
      <div className="flex flex-wrap items-end gap-x-8 gap-y-3">
        <fieldset>
          <legend className="mb-1 text-[13px] font-medium text-ink-soft">Measure</legend>
          <div className="inline-flex rounded-md border border-line-strong bg-sunken p-0.5">
            {MEASURE_KINDS.map((k) => (
              <label
                key={k}
                className={cn(
                  'relative cursor-pointer rounded px-3 py-1 text-sm font-medium text-ink-soft has-[:checked]:bg-surface has-[:checked]:text-accent-800 has-[:checked]:shadow-xs has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-accent-600'
                )}
              >
                <input
                  type="radio"
                  value={k}
                  className="sr-only"
                  {...register('kind', {
                    // Another instrument: its own items, none answered yet.
                    onChange: (e: { target: { value: MeasureKind } }) => {
                      setValue('answers', blankAnswers(e.target.value))
                      setMissingShown(false)
                    }
                  })}
                />
                {MEASURES[k].label}
              </label>
            ))}
          </div>
        </fieldset>
        <DateField
          label="Date given"
          required
          max={today}
          error={errors.administeredOn?.message}
          {...register('administeredOn', { onChange: () => clearErrors('administeredOn') })}
        />
      </div>

      <div>
        <h3 className="text-sm font-semibold text-ink">{def.title}</h3>
        <p className="mt-0.5 text-[13px] text-ink-soft italic">{def.stem}</p>
      </div>

      <div className="rounded-lg border border-line">
        <div aria-hidden="true" className="sticky -top-4 z-10 flex items-end gap-2 rounded-t-lg border-b border-line bg-sunken px-3 py-2 text-xs font-medium text-ink-soft">
          <span className="flex-1">Item</span>
          {def.options.map((o) => (
            <span key={o.value} className={cn('shrink-0 text-center leading-tight', optionWidth)}>
              {o.label}
              <span className="block font-normal text-ink-faint">{o.value}</span>
            </span>
          ))}
        </div>
        <ol>
          {def.items.map((item, i) => {
            const textId = `${formId}-item-${i}`
            const unanswered = missingShown && numeric[i] === null
            const isSafetyItem = def.safetyItem === i
            return (
              <li key={`${kind}-${i}`} className="border-b border-line last:border-b-0 even:bg-sunken/40">
                <div
                  role="radiogroup"
                  aria-labelledby={textId}
                  aria-invalid={unanswered || undefined}
                  className={cn('flex items-center gap-2 px-3 py-2', unanswered && 'bg-red-50/60')}
                >
                  <p id={textId} className="flex flex-1 gap-2 text-sm leading-snug text-ink">
                    <span className="num w-5 shrink-0 text-right text-ink-faint">{i + 1}.</span>
                    <span>
                      {item}
                      {unanswered && <span className="ml-1.5 text-[13px] text-red-700">— not answered</span>}
                    </span>
                  </p>
                  {def.options.map((o) => (
                    <label key={o.value} className={cn('flex shrink-0 cursor-pointer justify-center py-1', optionWidth)}>
                      <input
                        type="radio"
                        value={String(o.value)}
                        aria-label={`${o.label} (${o.value})`}
                        className="size-4 accent-accent-600"
                        {...register(`answers.${i}`, { onChange: () => setMissingShown(false) })}
                      />
                    </label>
                  ))}
                </div>
                {isSafetyItem && score.safetyFlag && (
                  <div role="alert" className="mx-3 mb-2 flex scroll-mb-20 items-start gap-2 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-[13px] text-red-800">
                    <CircleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
                    <span>
                      <span className="font-semibold">Safety: thoughts of death or self-harm.</span> Item {i + 1} is answered above “
                      {def.options[0]?.label}”. Assess suicide risk in this session whatever the total; the measure will be flagged for follow-up.
                    </span>
                  </div>
                )}
              </li>
            )
          })}
        </ol>
      </div>

      <div className="sticky -bottom-4 -mx-5 -mb-4 flex flex-wrap items-center justify-between gap-3 border-t border-line bg-surface px-5 py-3">
        <output aria-live="polite" className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
          <span>
            <span className="text-ink-soft">Total </span>
            <span className="num text-base font-semibold text-ink">{score.total}</span>
            <span className="num text-ink-faint"> / {score.totalMax}</span>
          </span>
          <Badge tone={bandTone(kind, score.band.key)}>
            {score.band.label}
            {!score.complete && ' so far'}
          </Badge>
          <span className={cn('num text-[13px]', missingShown && !score.complete ? 'font-medium text-red-700' : 'text-ink-faint')}>
            {score.complete ? 'All items answered' : `${score.answered} of ${score.itemCount} answered`}
          </span>
          {score.safetyFlag && (
            <Badge tone="danger">
              <CircleAlert aria-hidden="true" />
              Safety flag
            </Badge>
          )}
        </output>
        <div className="flex gap-2">
          <Button onClick={onDone} disabled={create.isPending}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" busy={create.isPending}>
            Save measure
          </Button>
        </div>
      </div>
    </form>
  )
}
