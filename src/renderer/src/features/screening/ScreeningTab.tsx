import { useEffect, useMemo, useState, type KeyboardEvent } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useForm, useWatch, type UseFormRegister } from 'react-hook-form'
import { toast } from 'sonner'
import { CircleAlert } from 'lucide-react'
import type { ScreeningItem } from '@shared/contracts/screening'
import { localToday } from '@shared/domain/dates'
import { SCREENING_ANSWERS, SCREENING_ITEMS, SCREENING_ITEM_KEYS, type ScreeningAnswer, type ScreeningItemKey } from '@shared/domain/screening'
import { Badge, Button, DateField, ErrorState, FieldMessage, FormError, LoadingAnnouncement, Skeleton, TextField } from '@renderer/components'
import { ApiError } from '@renderer/lib/api'
import { useUnsavedChangesGuard } from '@renderer/lib/forms'
import { formatDate } from '@renderer/lib/format'
import { cn } from '@renderer/lib/cn'
import { practiceQueries } from '../settings/queries'
import { ReadOnlyNote, TabToolbar } from '../clients/chart/parts'
import { screeningQuery, useRecordAllScreening } from './queries'

const ANSWER_LABELS: Record<ScreeningAnswer, string> = { yes: 'Yes', no: 'No', unknown: 'Unknown' }

interface FormValues {
  reviewedBy: string
  reviewedOn: string
  items: Record<ScreeningItemKey, { answer: ScreeningAnswer | null; note: string }>
}

const formDefaults = (list: readonly ScreeningItem[], reviewer: string): FormValues => {
  const byKey = new Map(list.map((i) => [i.itemKey, i]))
  return {
    reviewedBy: reviewer,
    reviewedOn: localToday(),
    items: Object.fromEntries(SCREENING_ITEM_KEYS.map((k) => [k, { answer: byKey.get(k)?.answer ?? null, note: byKey.get(k)?.note ?? '' }])) as FormValues['items']
  }
}

/**
 * The contraindication checklist as one form: answer the items (or "Mark the rest No"), then one
 * Save records every changed answer with who reviewed it and when, all or nothing. Earlier
 * answers stay in the record.
 */
export function ScreeningTab({ clientId, readOnly }: { clientId: string; readOnly: boolean }) {
  const screening = useQuery(screeningQuery(clientId))
  const practice = useQuery(practiceQueries.profile())
  const defaultReviewer = practice.data?.providerName ?? ''
  const saved = useMemo(() => screening.data ?? [], [screening.data])
  const record = useRecordAllScreening(clientId)
  const [formError, setFormError] = useState<unknown>(null)
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({})
  const form = useForm<FormValues>({ defaultValues: formDefaults(saved, defaultReviewer) })
  const { register, handleSubmit, reset, setValue, control, formState } = form
  useUnsavedChangesGuard(formState.isDirty)

  // The saved checklist (or the reviewer default) becomes the form's clean state.
  useEffect(() => {
    reset(formDefaults(saved, defaultReviewer))
  }, [saved, defaultReviewer, reset])

  const values = useWatch({ control }) as FormValues
  const byKey = useMemo(() => new Map(saved.map((i) => [i.itemKey, i])), [saved])
  const changed = SCREENING_ITEM_KEYS.filter((k) => {
    const now = values.items?.[k]
    const was = byKey.get(k)
    return now?.answer != null && (now.answer !== (was?.answer ?? null) || (now.note ?? '') !== (was?.note ?? ''))
  })
  const unanswered = SCREENING_ITEM_KEYS.filter((k) => values.items?.[k]?.answer == null)
  const answered = saved.filter((i) => i.answer !== null).length
  const positive = saved.filter((i) => i.answer === 'yes').length

  const markRestNo = () => {
    for (const k of unanswered) setValue(`items.${k}.answer`, 'no', { shouldDirty: true })
  }
  const cancel = () => {
    reset()
    setServerErrors({})
    setFormError(null)
  }
  const onSubmit = handleSubmit((v) => {
    setFormError(null)
    setServerErrors({})
    if (changed.length === 0) return
    const items = changed.map((k) => ({ itemKey: k, answer: v.items[k].answer!, note: v.items[k].note.trim() === '' ? null : v.items[k].note }))
    record.mutate(
      { reviewedBy: v.reviewedBy, reviewedOn: v.reviewedOn, items },
      {
        onSuccess: () => toast.success(`Saved ${items.length} answer${items.length === 1 ? '' : 's'}`),
        onError: (error) => {
          // items.<n>.note → the row of the nth item sent.
          const fields = error instanceof ApiError ? error.fields : {}
          const mapped: Record<string, string> = {}
          for (const [path, message] of Object.entries(fields)) {
            const m = /^items\.(\d+)\.(\w+)$/.exec(path)
            mapped[m ? `items.${items[Number(m[1])]?.itemKey}.${m[2]}` : path] = message
          }
          setServerErrors(mapped)
          if (Object.keys(mapped).length === 0) setFormError(error)
        }
      }
    )
  })
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'Escape' && formState.isDirty) {
      event.preventDefault()
      event.stopPropagation()
      cancel()
    }
  }

  return (
    <div>
      <TabToolbar title="Contraindication screening" count={screening.data ? `${answered} of ${SCREENING_ITEM_KEYS.length} reviewed` : undefined}>
        {positive > 0 && (
          <Badge tone="danger">
            <CircleAlert aria-hidden="true" />
            {positive} answered yes
          </Badge>
        )}
        {screening.data && answered < SCREENING_ITEM_KEYS.length && <Badge tone="warning">Screening incomplete</Badge>}
        {readOnly && <ReadOnlyNote />}
      </TabToolbar>
      {!readOnly && (
        <p className="mb-3 max-w-3xl text-[13px] text-ink-soft">
          Answer each item, then Save once. Every changed answer is recorded with who reviewed it and when; earlier answers are kept in the record.
        </p>
      )}

      <form onSubmit={onSubmit} noValidate aria-label="Contraindication screening">
        <div className="rounded-lg border border-line bg-surface">
          <div aria-hidden="true" className="hidden grid-cols-[minmax(14rem,1fr)_auto_minmax(12rem,20rem)] gap-x-5 border-b border-line bg-sunken/70 px-4 py-2 text-xs font-medium text-ink-soft lg:grid">
            <span>Contraindication</span>
            <span className="w-[14.75rem]">Answer</span>
            <span>Note</span>
          </div>
          {screening.isPending ? (
            <div aria-busy="true">
              <LoadingAnnouncement label="Loading screening…" />
              {SCREENING_ITEM_KEYS.map((key) => (
                <div key={key} className="flex h-[60px] items-center gap-6 border-b border-line px-4 last:border-b-0">
                  <Skeleton className="w-64" />
                  <Skeleton className="h-7 w-52 rounded-md" />
                  <Skeleton className="h-8 w-64 rounded-md" />
                </div>
              ))}
            </div>
          ) : screening.isError ? (
            <ErrorState title="Screening could not be loaded" error={screening.error} onRetry={() => void screening.refetch()} />
          ) : (
            <fieldset disabled={readOnly || record.isPending} className="min-w-0">
              <ul aria-label="Contraindications">
                {SCREENING_ITEM_KEYS.map((key) => (
                  <ScreeningRow
                    key={key}
                    itemKey={key}
                    saved={byKey.get(key) ?? null}
                    answer={values.items?.[key]?.answer ?? null}
                    changed={changed.includes(key)}
                    register={register}
                    errors={{ answer: serverErrors[`items.${key}.answer`], note: serverErrors[`items.${key}.note`] }}
                    readOnly={readOnly}
                    onKeyDown={onKeyDown}
                  />
                ))}
              </ul>
            </fieldset>
          )}
        </div>

        {!readOnly && screening.data && (
          <div className="sticky bottom-0 mt-3 flex flex-wrap items-start gap-x-4 gap-y-2 rounded-lg border border-line bg-surface px-4 py-3">
            <TextField label="Reviewed by" required className="w-56" error={serverErrors.reviewedBy} {...register('reviewedBy')} onKeyDown={onKeyDown} />
            <DateField label="Review date" required max={localToday()} error={serverErrors.reviewedOn} {...register('reviewedOn')} onKeyDown={onKeyDown} />
            <div className="ml-auto flex flex-wrap gap-2 pt-[22px]">
              <Button onClick={markRestNo} disabled={unanswered.length === 0 || record.isPending}>
                Mark the rest No{unanswered.length > 0 && ` (${unanswered.length})`}
              </Button>
              <Button onClick={cancel} disabled={!formState.isDirty || record.isPending}>
                Cancel
              </Button>
              <Button type="submit" variant="primary" busy={record.isPending} disabled={changed.length === 0}>
                {changed.length > 1 ? `Save ${changed.length} answers` : 'Save'}
              </Button>
            </div>
            {formError !== null && <FormError error={formError} className="basis-full" />}
          </div>
        )}
      </form>
    </div>
  )
}

function ScreeningRow({
  itemKey,
  saved,
  answer,
  changed,
  register,
  errors,
  readOnly,
  onKeyDown
}: {
  itemKey: ScreeningItemKey
  saved: ScreeningItem | null
  answer: ScreeningAnswer | null
  changed: boolean
  register: UseFormRegister<FormValues>
  errors: { answer?: string; note?: string }
  readOnly: boolean
  onKeyDown: (event: KeyboardEvent<HTMLElement>) => void
}) {
  const label = SCREENING_ITEMS[itemKey]
  const labelId = `screening-${itemKey}`
  const answerErrorId = `${labelId}-answer-error`
  const positive = answer === 'yes'
  return (
    <li
      className={cn(
        'border-b border-line border-l-[3px] px-4 py-2.5 last:border-b-0',
        positive ? 'border-l-red-500 bg-red-50/70' : answer === 'unknown' ? 'border-l-amber-400' : 'border-l-transparent',
        changed && !positive && 'bg-accent-50/40'
      )}
    >
      <div className="grid items-start gap-x-5 gap-y-2 lg:grid-cols-[minmax(14rem,1fr)_auto_minmax(12rem,20rem)]">
        <div className="min-w-0 pt-1">
          <div id={labelId} className={cn('text-sm font-medium', positive ? 'text-red-800' : 'text-ink')}>
            {label}
          </div>
          <p className="mt-0.5 text-xs text-ink-soft">
            {saved?.answer ? (
              <>
                {ANSWER_LABELS[saved.answer]} · reviewed by {saved.reviewedBy} on <span className="num">{formatDate(saved.reviewedOn)}</span>
              </>
            ) : (
              'Not reviewed yet'
            )}
            {changed && <span className="font-medium text-accent-800"> · changed, not saved</span>}
          </p>
        </div>

        <div>
          <div
            role="radiogroup"
            aria-labelledby={labelId}
            aria-invalid={errors.answer ? true : undefined}
            aria-describedby={errors.answer ? answerErrorId : undefined}
            className="inline-flex rounded-md border border-line-strong bg-surface p-0.5 shadow-xs"
          >
            {SCREENING_ANSWERS.map((a) => (
              <label
                key={a}
                className={cn(
                  'relative inline-flex h-7 w-[4.75rem] items-center justify-center rounded-[5px] text-[13px] font-medium text-ink-soft select-none',
                  'has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-1 has-[:focus-visible]:outline-accent-600',
                  'has-[input:disabled]:cursor-not-allowed',
                  a === 'yes' && 'has-[:checked]:bg-red-600 has-[:checked]:text-white',
                  a === 'no' && 'has-[:checked]:bg-accent-100 has-[:checked]:text-accent-800 has-[:checked]:ring-1 has-[:checked]:ring-accent-200',
                  a === 'unknown' && 'has-[:checked]:bg-amber-100 has-[:checked]:text-amber-900 has-[:checked]:ring-1 has-[:checked]:ring-amber-300',
                  'has-[input:not(:checked):not(:disabled)]:hover:bg-sunken'
                )}
              >
                {/* The real radio covers the whole segment, so a click anywhere on it checks it. */}
                <input
                  type="radio"
                  value={a}
                  className="absolute inset-0 cursor-pointer appearance-none rounded-[5px] focus-visible:outline-none disabled:cursor-not-allowed"
                  {...register(`items.${itemKey}.answer`)}
                  onKeyDown={onKeyDown}
                />
                <span className="pointer-events-none relative">{ANSWER_LABELS[a]}</span>
              </label>
            ))}
          </div>
          <FieldMessage id={answerErrorId} error={errors.answer} />
        </div>

        <TextField label={`Note on ${label}`} hideLabel placeholder={readOnly ? undefined : 'Note'} error={errors.note} {...register(`items.${itemKey}.note`)} onKeyDown={onKeyDown} />
      </div>
    </li>
  )
}
