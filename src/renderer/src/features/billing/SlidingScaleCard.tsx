/**
 * A client's sliding scale: percent or a fixed amount off each session, with its reason and
 * start date. Main applies it to every charge from that date as its own adjustment row (the
 * charge keeps its fee); a new scale ends the one before it the day before it starts.
 */
import { useState } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import { z } from 'zod'
import { toast } from 'sonner'
import { cents, slidingScaleInput, type SlidingScale, type SlidingScaleInput } from '@shared/contracts/billing'
import { localToday } from '@shared/domain/dates'
import { formatCents, parseDollars } from '@shared/domain/money'
import { Button, DateField, Dialog, FormError, RadioGroupField, RequiredLegend, TextField } from '@renderer/components'
import { ApiError } from '@renderer/lib/api'
import { formatDate } from '@renderer/lib/format'
import { applyServerErrors } from '@renderer/lib/forms'
import { DialogFormActions } from '../clients/chart/parts'
import { useEndSlidingScale, useSetSlidingScale } from './queries'

export const describeScale = (s: SlidingScale) =>
  s.mode === 'percent' ? `${((s.percentBp ?? 0) / 100).toLocaleString('en-US', { maximumFractionDigits: 2 })} % off each session` : `${formatCents(s.fixedCents ?? 0)} off each session`

/** The scale in force today (started, not ended), if any. */
const current = (scales: readonly SlidingScale[], today: string) => scales.find((s) => s.startsOn <= today && (s.endedOn === null || s.endedOn >= today)) ?? null

/** Percent typed as "25" or "12.5" → basis points; dollars → cents; the rest is main's schema. */
const scaleForm = z
  .object({
    mode: z.enum(['percent', 'fixed']),
    percent: z.string(),
    amount: z.string(),
    reason: slidingScaleInput.shape.reason,
    startsOn: slidingScaleInput.shape.startsOn
  })
  .transform((v, ctx): SlidingScaleInput => {
    if (v.mode === 'percent') {
      const pct = Number(v.percent)
      if (v.percent.trim() === '' || !Number.isFinite(pct) || pct <= 0 || pct > 100) {
        ctx.addIssue({ code: 'custom', path: ['percent'], message: 'Percent should be a number more than 0 and at most 100' })
        return z.NEVER
      }
      return { mode: 'percent', percentBp: Math.round(pct * 100), fixedCents: null, reason: v.reason, startsOn: v.startsOn }
    }
    const amount = parseDollars(v.amount)
    const checked = cents('Amount off each session', 1).safeParse(amount)
    if (amount === null || !checked.success) {
      ctx.addIssue({ code: 'custom', path: ['amount'], message: 'Amount should be dollars and cents, more than $0.00' })
      return z.NEVER
    }
    return { mode: 'fixed', percentBp: null, fixedCents: amount, reason: v.reason, startsOn: v.startsOn }
  })
type ScaleFormInput = z.input<typeof scaleForm>

export function SlidingScaleCard({ clientId, scales, writable }: { clientId: string; scales: readonly SlidingScale[]; writable: boolean }) {
  const [dialog, setDialog] = useState<'set' | 'end' | null>(null)
  const today = localToday()
  const now = current(scales, today)
  const upcoming = scales.find((s) => s.startsOn > today && s.endedOn === null) ?? null
  if (!now && !upcoming && !writable) return null
  return (
    <section aria-labelledby="sliding-scale-heading" className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-line bg-surface px-4 py-3">
      <div className="min-w-0">
        <h3 id="sliding-scale-heading" className="text-sm font-semibold text-ink">
          Sliding scale
        </h3>
        <p className="mt-0.5 text-[13px] text-ink-soft" data-testid="sliding-scale">
          {now ? (
            <>
              <span className="font-medium text-ink">{describeScale(now)}</span> since {formatDate(now.startsOn)}
              {now.endedOn ? `, until ${formatDate(now.endedOn)}` : ''} — {now.reason}
            </>
          ) : upcoming ? (
            <>
              <span className="font-medium text-ink">{describeScale(upcoming)}</span> from {formatDate(upcoming.startsOn)} — {upcoming.reason}
            </>
          ) : (
            'None: sessions are charged at the fee schedule’s fees.'
          )}
        </p>
      </div>
      {writable && (
        <div className="flex gap-2">
          {(now ?? upcoming) && !(now ?? upcoming)!.endedOn && <Button onClick={() => setDialog('end')}>End…</Button>}
          <Button onClick={() => setDialog('set')}>{now || upcoming ? 'Change…' : 'Set a sliding scale…'}</Button>
        </div>
      )}
      <Dialog
        open={dialog === 'set'}
        onOpenChange={(o) => setDialog(o ? 'set' : null)}
        title="Sliding scale"
        description="Taken off every session charged from the start date, as its own ledger row. Charges before it do not change."
        size="md"
      >
        {dialog === 'set' && <ScaleForm clientId={clientId} onDone={() => setDialog(null)} />}
      </Dialog>
      <Dialog open={dialog === 'end'} onOpenChange={(o) => setDialog(o ? 'end' : null)} title="End the sliding scale" description="Sessions after this date are charged at full fee." size="sm">
        {dialog === 'end' && (now ?? upcoming) && <EndForm scale={(now ?? upcoming)!} onDone={() => setDialog(null)} />}
      </Dialog>
    </section>
  )
}

function ScaleForm({ clientId, onDone }: { clientId: string; onDone: () => void }) {
  const set = useSetSlidingScale()
  const [formError, setFormError] = useState<unknown>(null)
  const { register, handleSubmit, setError, control, formState } = useForm<ScaleFormInput, unknown, SlidingScaleInput>({
    resolver: zodResolver(scaleForm),
    defaultValues: { mode: 'percent', percent: '', amount: '', reason: '', startsOn: localToday() }
  })
  const mode = useWatch({ control, name: 'mode' })
  const errors = formState.errors
  const onSubmit = handleSubmit((scale) => {
    setFormError(null)
    set.mutate(
      { clientId, scale },
      {
        onSuccess: (s) => {
          toast.success(`Sliding scale set: ${describeScale(s)}`)
          onDone()
        },
        onError: (error) => {
          // Main names the cents fields; the form shows them as percent and amount.
          const fields = error instanceof ApiError ? error.fields : {}
          if (fields['scale.percentBp']) setError('percent', { message: fields['scale.percentBp'] })
          if (fields['scale.fixedCents']) setError('amount', { message: fields['scale.fixedCents'] })
          if (!applyServerErrors(setError, error, 'scale.') && !fields['scale.percentBp'] && !fields['scale.fixedCents']) setFormError(error)
        }
      }
    )
  })
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Sliding scale">
      <RequiredLegend />
      <FormError error={formError} />
      <div className="grid gap-4 sm:grid-cols-2">
        <RadioGroupField
          label="Off each session"
          required
          className="sm:col-span-2"
          options={[
            { value: 'percent', label: 'A percent of the fee' },
            { value: 'fixed', label: 'A fixed amount' }
          ]}
          {...register('mode')}
        />
        {mode === 'percent' ? (
          <TextField label="Percent" required inputMode="decimal" inputClassName="num" hint="e.g. 25 for a quarter off" error={errors.percent?.message} {...register('percent')} />
        ) : (
          <TextField label="Amount off each session" required inputMode="decimal" inputClassName="num" placeholder="0.00" error={errors.amount?.message} {...register('amount')} />
        )}
        <DateField label="Starts on" required error={errors.startsOn?.message} {...register('startsOn')} />
        <TextField label="Reason" required className="sm:col-span-2" hint="e.g. Income below 200 % of the federal poverty line" error={errors.reason?.message} {...register('reason')} />
      </div>
      <DialogFormActions onCancel={onDone} busy={set.isPending} submitLabel="Set sliding scale" />
    </form>
  )
}

function EndForm({ scale, onDone }: { scale: SlidingScale; onDone: () => void }) {
  const end = useEndSlidingScale()
  const [endedOn, setEndedOn] = useState(localToday() < scale.startsOn ? scale.startsOn : localToday())
  const [error, setError] = useState<string | null>(null)
  const [formError, setFormError] = useState<unknown>(null)
  return (
    <form
      noValidate
      className="space-y-4"
      aria-label="End the sliding scale"
      onSubmit={(e) => {
        e.preventDefault()
        setError(null)
        setFormError(null)
        end.mutate(
          { id: scale.id, endedOn },
          {
            onSuccess: () => {
              toast.success('Sliding scale ended')
              onDone()
            },
            onError: (err) => {
              const fields = err instanceof ApiError ? err.fields : {}
              if (fields.endedOn) setError(fields.endedOn)
              else setFormError(err)
            }
          }
        )
      }}
    >
      <FormError error={formError} />
      <DateField label="Last day it applies" required value={endedOn} onChange={(e) => setEndedOn(e.target.value)} error={error ?? undefined} />
      <DialogFormActions onCancel={onDone} busy={end.isPending} submitLabel="End sliding scale" />
    </form>
  )
}
