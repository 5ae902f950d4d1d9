import { useEffect, useMemo, useState, type KeyboardEvent } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useForm, useWatch } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import type { z } from 'zod'
import { toast } from 'sonner'
import { CircleAlert } from 'lucide-react'
import { screeningRecordInput, type ScreeningItem, type ScreeningRecordInput } from '@shared/contracts/screening'
import { localToday } from '@shared/domain/dates'
import { SCREENING_ANSWERS, SCREENING_ITEMS, SCREENING_ITEM_KEYS, type ScreeningAnswer, type ScreeningItemKey } from '@shared/domain/screening'
import { Badge, Button, DateField, ErrorState, FieldMessage, FormError, LoadingAnnouncement, Skeleton, TextField } from '@renderer/components'
import { applyServerErrors, useUnsavedChangesGuard } from '@renderer/lib/forms'
import { formatDate } from '@renderer/lib/format'
import { cn } from '@renderer/lib/cn'
import { practiceQueries } from '../settings/queries'
import { ReadOnlyNote, TabToolbar } from '../clients/chart/parts'
import { screeningQuery, useRecordScreening } from './queries'

const ANSWER_LABELS: Record<ScreeningAnswer, string> = { yes: 'Yes', no: 'No', unknown: 'Unknown' }
type RecordValues = z.output<typeof screeningRecordInput>

/** The contraindication checklist: one row per item, each saved on its own with who reviewed it and when. */
export function ScreeningTab({ clientId, readOnly }: { clientId: string; readOnly: boolean }) {
  const screening = useQuery(screeningQuery(clientId))
  const practice = useQuery(practiceQueries.profile())
  const defaultReviewer = practice.data?.providerName ?? ''

  const byKey = useMemo(() => new Map((screening.data ?? []).map((i) => [i.itemKey, i])), [screening.data])
  const answered = (screening.data ?? []).filter((i) => i.answer !== null).length
  const positive = (screening.data ?? []).filter((i) => i.answer === 'yes').length

  return (
    <div>
      <TabToolbar
        title="Contraindication screening"
        count={screening.data ? `${answered} of ${SCREENING_ITEM_KEYS.length} reviewed` : undefined}
      >
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
          Answer each item and press Save on its row (or Enter). Each save records who reviewed it and when; earlier answers are kept in the record.
        </p>
      )}

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
          <ul aria-label="Contraindications">
            {SCREENING_ITEM_KEYS.map((key) => (
              <ScreeningRow
                key={key}
                clientId={clientId}
                itemKey={key}
                item={byKey.get(key) ?? null}
                defaultReviewer={defaultReviewer}
                readOnly={readOnly}
              />
            ))}
          </ul>
        )}
      </div>
    </div>
  )
}

const formDefaults = (item: ScreeningItem | null, reviewer: string): ScreeningRecordInput => ({
  // No answer yet: no radio checked (the schema then asks for one).
  answer: (item?.answer ?? undefined) as ScreeningAnswer,
  note: item?.note ?? '',
  reviewedBy: reviewer || item?.reviewedBy || '',
  reviewedOn: localToday()
})

function ScreeningRow({
  clientId,
  itemKey,
  item,
  defaultReviewer,
  readOnly
}: {
  clientId: string
  itemKey: ScreeningItemKey
  item: ScreeningItem | null
  defaultReviewer: string
  readOnly: boolean
}) {
  const label = SCREENING_ITEMS[itemKey]
  const labelId = `screening-${itemKey}`
  const answerErrorId = `${labelId}-answer-error`
  const record = useRecordScreening(clientId)
  const [formError, setFormError] = useState<unknown>(null)
  const {
    register,
    handleSubmit,
    reset,
    setError,
    control,
    formState: { errors, isDirty }
  } = useForm<ScreeningRecordInput, unknown, RecordValues>({
    resolver: zodResolver(screeningRecordInput),
    defaultValues: formDefaults(item, defaultReviewer)
  })
  useUnsavedChangesGuard(isDirty)

  // A new saved answer (or reviewer default) becomes the row's clean state.
  useEffect(() => {
    reset(formDefaults(item, defaultReviewer))
    // oxlint-disable-next-line react-hooks/exhaustive-deps -- only when the saved item changes
  }, [item?.updatedAt, defaultReviewer, reset])

  const answer = useWatch({ control, name: 'answer' })
  const positive = answer === 'yes'

  const cancel = () => {
    reset()
    setFormError(null)
    record.reset()
  }

  const onSubmit = handleSubmit((values) => {
    setFormError(null)
    record.mutate(
      { itemKey, item: values },
      {
        onSuccess: () => toast.success(`Saved: ${label} — ${ANSWER_LABELS[values.answer]}`),
        onError: (error) => {
          if (!applyServerErrors(setError, error, 'item.')) setFormError(error)
        }
      }
    )
  })

  // Esc on any of the row's controls discards the row's changes.
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'Escape' && isDirty) {
      event.preventDefault()
      event.stopPropagation()
      cancel()
    }
  }

  return (
    <li
      className={cn(
        'border-b border-line border-l-[3px] last:border-b-0',
        positive ? 'border-l-red-500 bg-red-50/70' : answer === 'unknown' ? 'border-l-amber-400' : 'border-l-transparent',
        isDirty && !positive && 'bg-accent-50/40'
      )}
    >
      <form onSubmit={onSubmit} noValidate>
        <fieldset disabled={readOnly || record.isPending} aria-labelledby={labelId} className="min-w-0 px-4 py-2.5">
          <div className="grid items-start gap-x-5 gap-y-2 lg:grid-cols-[minmax(14rem,1fr)_auto_minmax(12rem,20rem)]">
            <div className="min-w-0 pt-1">
              <div id={labelId} className={cn('text-sm font-medium', positive ? 'text-red-800' : 'text-ink')}>
                {label}
              </div>
              <p className="mt-0.5 text-xs text-ink-soft">
                {item?.answer ? (
                  <>
                    {ANSWER_LABELS[item.answer]} · reviewed by {item.reviewedBy} on <span className="num">{formatDate(item.reviewedOn)}</span>
                  </>
                ) : (
                  'Not reviewed yet'
                )}
              </p>
            </div>

            <div>
              <div
                role="radiogroup"
                aria-labelledby={labelId}
                aria-required="true"
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
                      {...register('answer')}
                      onKeyDown={onKeyDown}
                    />
                    <span className="pointer-events-none relative">{ANSWER_LABELS[a]}</span>
                  </label>
                ))}
              </div>
              <FieldMessage id={answerErrorId} error={errors.answer?.message} />
            </div>

            <TextField label={`Note on ${label}`} hideLabel placeholder={readOnly ? undefined : 'Note'} error={errors.note?.message} {...register('note')} onKeyDown={onKeyDown} />
          </div>

          {isDirty && !readOnly && (
            <div className="mt-2.5 flex flex-wrap items-start gap-x-4 gap-y-2 border-t border-dashed border-line pt-2.5">
              <TextField label="Reviewed by" required className="w-56" error={errors.reviewedBy?.message} {...register('reviewedBy')} onKeyDown={onKeyDown} />
              <DateField label="Review date" required max={localToday()} error={errors.reviewedOn?.message} {...register('reviewedOn')} onKeyDown={onKeyDown} />
              <div className="ml-auto flex gap-2 pt-[22px]">
                <Button onClick={cancel} onKeyDown={onKeyDown}>
                  Cancel
                </Button>
                <Button type="submit" variant="primary" busy={record.isPending} aria-describedby={labelId}>
                  Save
                </Button>
              </div>
              {formError !== null && <FormError error={formError} className="basis-full" />}
            </div>
          )}
        </fieldset>
      </form>
    </li>
  )
}
