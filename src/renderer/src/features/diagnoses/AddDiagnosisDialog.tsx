import { useEffect, useId, useRef, useState } from 'react'
import { Controller, useForm, useWatch } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import type { z } from 'zod'
import { toast } from 'sonner'
import { diagnosisInput, type DiagnosisInput } from '@shared/contracts/diagnoses'
import { icd10Description, isShippedIcd10 } from '@shared/domain/icd10-catalog'
import { isWellFormedIcd10, normalizeIcd10 } from '@shared/domain/icd10'
import { Dialog, FormError, RequiredLegend, TextField } from '@renderer/components'
import { applyServerErrors, useUnsavedChangesGuard } from '@renderer/lib/forms'
import { DialogFormActions } from '../clients/chart/parts'
import { Icd10Combobox } from './Icd10Combobox'
import { useAddDiagnosis } from './queries'

type DiagnosisValues = z.output<typeof diagnosisInput>

export function AddDiagnosisDialog({ clientId, open, onOpenChange }: { clientId: string; open: boolean; onOpenChange: (open: boolean) => void }) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title="Add diagnosis" description="Search the ICD-10-CM list by code, words or a common name (PTSD, treatment-resistant depression).">
      {open && <AddDiagnosisForm clientId={clientId} onDone={() => onOpenChange(false)} />}
    </Dialog>
  )
}

function AddDiagnosisForm({ clientId, onDone }: { clientId: string; onDone: () => void }) {
  const add = useAddDiagnosis(clientId)
  const [formError, setFormError] = useState<unknown>(null)
  const formId = useId()
  const {
    control,
    register,
    handleSubmit,
    setError,
    setValue,
    getValues,
    setFocus,
    formState: { errors, isDirty }
  } = useForm<DiagnosisInput, unknown, DiagnosisValues>({
    resolver: zodResolver(diagnosisInput),
    defaultValues: { code: '', description: '', custom: false }
  })
  const guard = useUnsavedChangesGuard(isDirty)
  // The description filled in from a picked suggestion; typing a different code clears it.
  const autoDescription = useRef<string | null>(null)
  const code = useWatch({ control, name: 'code' })
  const description = useWatch({ control, name: 'description' })
  useEffect(() => setFocus('code'), [setFocus])
  const catalogDescription = isWellFormedIcd10(code) ? icd10Description(normalizeIcd10(code)) : undefined
  // A well-formed code the shipped list lacks may be kept, but only as "custom, unverified".
  const unlisted = isWellFormedIcd10(code) && !isShippedIcd10(normalizeIcd10(code))

  const onSubmit = handleSubmit((values) => {
    setFormError(null)
    add.mutate(values, {
      onSuccess: (list) => {
        guard.release()
        const added = list.find((d) => d.code === values.code)
        toast.success(added?.letter ? `Diagnosis ${values.code} added as ${added.letter}` : 'Diagnosis added')
        onDone()
      },
      onError: (error) => {
        if (!applyServerErrors(setError, error, 'diagnosis.')) setFormError(error)
      }
    })
  })

  return (
    <form id={formId} onSubmit={onSubmit} noValidate className="space-y-4">
      <RequiredLegend />
      <FormError error={formError} />
      <Controller
        control={control}
        name="code"
        render={({ field, fieldState }) => (
          <Icd10Combobox
            ref={field.ref}
            name={field.name}
            label="Diagnosis code"
            required
            value={field.value}
            onChange={(next) => {
              field.onChange(next)
              if (autoDescription.current !== null && getValues('description') === autoDescription.current) {
                setValue('description', '')
                autoDescription.current = null
              }
            }}
            onBlur={field.onBlur}
            onPick={(entry) => {
              setValue('code', entry.code, { shouldDirty: true, shouldValidate: true })
              setValue('description', entry.description, { shouldDirty: true })
              autoDescription.current = entry.description
            }}
            error={fieldState.error?.message}
            hint="From CMS ICD-10-CM: every chapter 5 code (FY2024) and the G, M, R and Z codes KAP uses (FY2023)."
          />
        )}
      />
      {unlisted && (
        <label className="flex items-start gap-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-ink">
          <input type="checkbox" className="mt-0.5 size-4 accent-accent-600" {...register('custom')} />
          <span>
            Save as a custom, unverified code
            <span className="block text-xs text-ink-soft">It is not on the ICD-10-CM list shipped with the app; the chart marks it unverified.</span>
          </span>
        </label>
      )}
      <TextField
        label="Description"
        placeholder={catalogDescription ?? 'Optional'}
        hint={catalogDescription && !description ? 'Leave empty to use the standard description.' : undefined}
        error={errors.description?.message}
        {...register('description')}
      />
      <DialogFormActions onCancel={onDone} busy={add.isPending} />
    </form>
  )
}
