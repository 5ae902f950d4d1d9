/**
 * Settings → Clinical: the vital-sign thresholds dosing notes are flagged against. Past them a
 * reading is shown in amber or red; it is never refused. The owner changes them; everyone else
 * reads them.
 */
import { forwardRef, useEffect, useId, useState, type InputHTMLAttributes, type ReactNode } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import { useQuery } from '@tanstack/react-query'
import { toast } from 'sonner'
import { RotateCcw } from 'lucide-react'
import type { PracticeSettings } from '@shared/contracts/settings'
import { DEFAULT_VITAL_THRESHOLDS, vitalThresholdsSchema, type VitalThresholds } from '@shared/domain/vitals'
import { Badge, Button, ConfirmDialog, ErrorState, FieldLabel, FieldMessage, FormError, LoadingRows } from '@renderer/components'
import { useCan } from '@renderer/features/auth/access'
import { cn } from '@renderer/lib/cn'
import { applyServerErrors, useFormShortcuts, useUnsavedChangesGuard } from '@renderer/lib/forms'
import { formatTimestamp } from '@renderer/lib/format'
import { settingsQueries, useSaveSettings } from './queries'

export function ClinicalSettings() {
  const settings = useQuery(settingsQueries.practice())
  return (
    <section aria-labelledby="clinical-settings-heading" className="mt-6 rounded-lg border border-line bg-surface px-6 py-5">
      <div className="mb-5 border-b border-line pb-4">
        <h2 id="clinical-settings-heading" className="text-base font-semibold text-ink">
          Clinical
        </h2>
        <p className="mt-0.5 text-sm text-ink-soft">How dosing notes flag vital signs. A flagged reading is shown, never refused.</p>
      </div>
      {settings.isPending ? (
        <LoadingRows as="div" rows={5} />
      ) : settings.isError ? (
        <ErrorState error={settings.error} title="The clinical settings could not be loaded" onRetry={() => void settings.refetch()} />
      ) : (
        <VitalThresholdsForm settings={settings.data} />
      )}
    </section>
  )
}

type Key = keyof VitalThresholds

function VitalThresholdsForm({ settings }: { settings: PracticeSettings }) {
  const editable = useCan('editPracticeSettings')
  const save = useSaveSettings()
  const [formError, setFormError] = useState<unknown>(null)
  const [confirmReset, setConfirmReset] = useState(false)
  const {
    register,
    handleSubmit,
    reset,
    setError,
    control,
    formState: { errors, isDirty }
  } = useForm<VitalThresholds>({ resolver: zodResolver(vitalThresholdsSchema), defaultValues: settings.vitalThresholds })
  const guard = useUnsavedChangesGuard(isDirty && editable)
  const formRef = useFormShortcuts<HTMLFormElement>(isDirty ? () => reset() : undefined)
  const t = useWatch({ control }) as Partial<VitalThresholds>

  // Saved elsewhere (or reset to the defaults): show the stored values unless the owner is mid-edit.
  const stored = JSON.stringify(settings.vitalThresholds)
  useEffect(() => {
    if (!isDirty) reset(settings.vitalThresholds)
    // oxlint-disable-next-line react-hooks/exhaustive-deps -- when the stored thresholds change
  }, [stored])

  const send = (vitalThresholds: VitalThresholds | null, done: string) => {
    setFormError(null)
    save.mutate(
      { idleLockMinutes: settings.idleLockMinutes, vitalThresholds },
      {
        onSuccess: (saved) => {
          guard.release()
          reset(saved.vitalThresholds)
          setConfirmReset(false)
          toast.success(done)
        },
        onError: (error) => {
          setConfirmReset(false)
          if (!applyServerErrors(setError, error, 'settings.vitalThresholds.')) setFormError(error)
        }
      }
    )
  }
  const onSubmit = handleSubmit((values) => send(values, 'Vital-sign thresholds saved'))

  const field = (key: Key, label: string, unit: string) => (
    <UnitField label={label} unit={unit} disabled={!editable} error={errors[key]?.message} {...register(key, { valueAsNumber: true })} />
  )
  const num = (key: Key) => (Number.isFinite(t[key]) ? String(t[key]) : '–')

  return (
    <form ref={formRef} noValidate onSubmit={onSubmit} aria-label="Vital-sign thresholds" className="space-y-5">
      <div className="flex flex-wrap items-center gap-2 text-[13px] text-ink-soft">
        {settings.vitalThresholdsAreDefault ? (
          <Badge tone="neutral">Recommended defaults</Badge>
        ) : (
          <Badge tone="accent">Customised for this practice</Badge>
        )}
        {!editable && <span>The practice owner sets these.</span>}
        {settings.updatedAt && !settings.vitalThresholdsAreDefault && <span className="text-xs text-ink-faint">Last changed {formatTimestamp(settings.updatedAt)}</span>}
      </div>
      <FormError error={formError} />

      <Group title="Before dosing" description="A blood pressure above this before the first dose shows “consider delaying”.">
        <div className="flex flex-wrap gap-x-6 gap-y-3">
          {field('preDoseSystolic', 'Pre-dose systolic above', 'mmHg')}
          {field('preDoseDiastolic', 'Pre-dose diastolic above', 'mmHg')}
        </div>
      </Group>

      <Group title="Alert at any time" description="A reading past any of these during the session is shown as an alert.">
        <div className="flex flex-wrap gap-x-6 gap-y-3">
          {field('alertSystolic', 'Systolic at or above', 'mmHg')}
          {field('alertDiastolic', 'Diastolic at or above', 'mmHg')}
        </div>
        <div className="mt-3 flex flex-wrap gap-x-6 gap-y-3">
          {field('heartRateHigh', 'Heart rate above', 'bpm')}
          {field('heartRateLow', 'Heart rate below', 'bpm')}
          {field('spo2Low', 'SpO2 below', '%')}
        </div>
      </Group>

      <p className="num rounded-md bg-sunken/70 px-3 py-2 text-[13px] leading-relaxed text-ink-soft">
        Before dosing, a BP above{' '}
        <strong className="font-medium text-ink">
          {num('preDoseSystolic')}/{num('preDoseDiastolic')}
        </strong>{' '}
        asks to consider delaying. At any time, a BP at or above{' '}
        <strong className="font-medium text-ink">
          {num('alertSystolic')}/{num('alertDiastolic')}
        </strong>
        , a heart rate above <strong className="font-medium text-ink">{num('heartRateHigh')}</strong> or below{' '}
        <strong className="font-medium text-ink">{num('heartRateLow')}</strong> bpm, or SpO2 below{' '}
        <strong className="font-medium text-ink">{num('spo2Low')} %</strong> is an alert.
      </p>

      {editable && (
        <div className="flex flex-wrap items-center justify-end gap-2 border-t border-line pt-4">
          {(!settings.vitalThresholdsAreDefault || isDirty) && (
            <Button variant="ghost" className="mr-auto" onClick={() => setConfirmReset(true)} disabled={save.isPending}>
              <RotateCcw aria-hidden="true" />
              Reset to defaults
            </Button>
          )}
          {isDirty && (
            <Button onClick={() => reset()} disabled={save.isPending}>
              Discard changes
            </Button>
          )}
          <Button type="submit" variant="primary" busy={save.isPending} disabled={!isDirty}>
            Save thresholds
          </Button>
        </div>
      )}

      <ConfirmDialog
        open={confirmReset}
        onOpenChange={setConfirmReset}
        title="Go back to the recommended thresholds?"
        body={
          <span className="num">
            Before dosing {DEFAULT_VITAL_THRESHOLDS.preDoseSystolic}/{DEFAULT_VITAL_THRESHOLDS.preDoseDiastolic}; alerts at{' '}
            {DEFAULT_VITAL_THRESHOLDS.alertSystolic}/{DEFAULT_VITAL_THRESHOLDS.alertDiastolic}, heart rate above {DEFAULT_VITAL_THRESHOLDS.heartRateHigh} or
            below {DEFAULT_VITAL_THRESHOLDS.heartRateLow}, SpO2 below {DEFAULT_VITAL_THRESHOLDS.spo2Low} %. Notes already signed keep the flags they had.
          </span>
        }
        confirmLabel="Reset to defaults"
        busy={save.isPending}
        onConfirm={() => send(null, 'Vital-sign thresholds back to the recommended defaults')}
      />
    </form>
  )
}

function Group({ title, description, children }: { title: string; description: string; children: ReactNode }) {
  return (
    <fieldset className="grid gap-3 sm:grid-cols-[16rem_1fr] sm:gap-6">
      <legend className="sr-only">{title}</legend>
      <div aria-hidden="true">
        <h3 className="text-sm font-semibold text-ink">{title}</h3>
        <p className="mt-1 text-[13px] leading-relaxed text-ink-soft">{description}</p>
      </div>
      <div className="min-w-0">{children}</div>
    </fieldset>
  )
}

/** A whole-number field with its unit beside it ("140 mmHg"). */
const UnitField = forwardRef<HTMLInputElement, { label: string; unit: string; error?: string } & Omit<InputHTMLAttributes<HTMLInputElement>, 'type'>>(
  function UnitField({ label, unit, error, ...props }, ref) {
    const id = `v${useId().replace(/:/g, '')}`
    const unitId = `${id}-unit`
    const errorId = error ? `${id}-error` : undefined
    return (
      <div className="w-40">
        <FieldLabel htmlFor={id} label={label} />
        <div className="flex items-center gap-1.5">
          <input
            ref={ref}
            id={id}
            type="number"
            inputMode="numeric"
            step={1}
            aria-invalid={error ? true : undefined}
            aria-describedby={[unitId, errorId].filter(Boolean).join(' ')}
            className={cn('control num h-8 w-20 text-right')}
            {...props}
          />
          <span id={unitId} className="text-[13px] text-ink-soft">
            {unit}
          </span>
        </div>
        <FieldMessage id={errorId} error={error} />
      </div>
    )
  }
)
