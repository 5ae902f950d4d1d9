import { useEffect, useId, useState } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import { z } from 'zod'
import { toast } from 'sonner'
import { consentInput, type Consent, type ConsentInput } from '@shared/contracts/consents'
import { CONSENT_KINDS, CONSENT_KIND_KEYS, type ConsentKind } from '@shared/domain/consents'
import { isCalendarDate, localToday } from '@shared/domain/dates'
import { DateField, Dialog, FormError, RequiredLegend, SelectField, TextField, TextareaField } from '@renderer/components'
import { ApiError } from '@renderer/lib/api'
import { applyServerErrors, useUnsavedChangesGuard } from '@renderer/lib/forms'
import { formatDate } from '@renderer/lib/format'
import { DialogFormActions } from '../clients/chart/parts'
import { useCreateConsent, useRevokeConsent } from './queries'

const kindOptions = CONSENT_KIND_KEYS.map((k) => ({ value: k, label: CONSENT_KINDS[k] }))
type ConsentValues = z.output<typeof consentInput>

/** The latest version signed of each kind, to prefill the next consent of that kind. */
const latestVersions = (existing: readonly Consent[]) => {
  const latest = new Map<ConsentKind, Consent>()
  for (const c of existing) {
    const seen = latest.get(c.kind)
    if (!seen || c.signedOn > seen.signedOn) latest.set(c.kind, c)
  }
  return latest
}

export function AddConsentDialog({
  clientId,
  open,
  onOpenChange,
  existing,
  suggestedKind
}: {
  clientId: string
  open: boolean
  onOpenChange: (open: boolean) => void
  existing: readonly Consent[]
  suggestedKind: ConsentKind | ''
}) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title="Add consent" description="Record a consent the client has signed." size="md">
      {open && <AddConsentForm clientId={clientId} existing={existing} suggestedKind={suggestedKind} onDone={() => onOpenChange(false)} />}
    </Dialog>
  )
}

function AddConsentForm({
  clientId,
  existing,
  suggestedKind,
  onDone
}: {
  clientId: string
  existing: readonly Consent[]
  suggestedKind: ConsentKind | ''
  onDone: () => void
}) {
  const create = useCreateConsent(clientId)
  const [formError, setFormError] = useState<unknown>(null)
  const formId = useId()
  const versions = latestVersions(existing)
  const {
    register,
    handleSubmit,
    setError,
    setValue,
    setFocus,
    control,
    getFieldState,
    formState: { errors, isDirty }
  } = useForm<ConsentInput, unknown, ConsentValues>({
    resolver: zodResolver(consentInput),
    defaultValues: {
      kind: suggestedKind as ConsentKind,
      version: (suggestedKind && versions.get(suggestedKind)?.version) || '',
      signedOn: localToday(),
      witness: '',
      notes: ''
    }
  })
  const guard = useUnsavedChangesGuard(isDirty)
  const kind = useWatch({ control, name: 'kind' })
  useEffect(() => setFocus('kind'), [setFocus])

  // Choosing a type fills in the version last signed of that type, until the user types their own.
  useEffect(() => {
    if (!kind || getFieldState('version').isDirty) return
    setValue('version', versions.get(kind)?.version ?? '')
    // oxlint-disable-next-line react-hooks/exhaustive-deps -- only when the type changes
  }, [kind])

  const onSubmit = handleSubmit((values) => {
    setFormError(null)
    create.mutate(values, {
      onSuccess: () => {
        guard.release()
        toast.success(`${CONSENT_KINDS[values.kind]} consent added`)
        onDone()
      },
      onError: (error) => {
        if (!applyServerErrors(setError, error, 'consent.')) setFormError(error)
      }
    })
  })

  return (
    <form id={formId} onSubmit={onSubmit} noValidate className="space-y-4">
      <RequiredLegend />
      <FormError error={formError} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          label="Consent type"
          required
          placeholder="Choose a type…"
          options={kindOptions}
          className="sm:col-span-2"
          error={errors.kind?.message}
          {...register('kind')}
        />
        <TextField label="Version" required hint="The form’s name or version, e.g. “KAP consent v3.1”" error={errors.version?.message} {...register('version')} />
        <DateField label="Signed date" required max={localToday()} error={errors.signedOn?.message} {...register('signedOn')} />
        <TextField label="Witness" hint="Who witnessed the signature, if anyone" className="sm:col-span-2" error={errors.witness?.message} {...register('witness')} />
        <TextareaField label="Notes" rows={2} className="sm:col-span-2" error={errors.notes?.message} {...register('notes')} />
      </div>
      <DialogFormActions onCancel={onDone} busy={create.isPending} />
    </form>
  )
}

export function RevokeConsentDialog({ clientId, consent, onOpenChange }: { clientId: string; consent: Consent | null; onOpenChange: (open: boolean) => void }) {
  return (
    <Dialog
      open={consent !== null}
      onOpenChange={onOpenChange}
      title="Revoke consent"
      description={
        consent
          ? `${CONSENT_KINDS[consent.kind]} (${consent.version}), signed ${formatDate(consent.signedOn)}. It stays in the record, marked revoked from this date.`
          : undefined
      }
      size="sm"
    >
      {consent && <RevokeForm clientId={clientId} consent={consent} onDone={() => onOpenChange(false)} />}
    </Dialog>
  )
}

const revokeForm = z.strictObject({
  revokedOn: z
    .string()
    .trim()
    .min(1, { error: 'Revoked date is required' })
    .refine(isCalendarDate, { error: 'Revoked date should be a real date (YYYY-MM-DD)' })
    .refine((s) => s <= localToday(), { error: 'Revoked date cannot be in the future' })
})
type RevokeValues = z.infer<typeof revokeForm>

function RevokeForm({ clientId, consent, onDone }: { clientId: string; consent: Consent; onDone: () => void }) {
  const revoke = useRevokeConsent(clientId)
  const [formError, setFormError] = useState<unknown>(null)
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    formState: { errors }
  } = useForm<RevokeValues>({
    resolver: zodResolver(
      revokeForm.refine((v) => v.revokedOn >= consent.signedOn, {
        path: ['revokedOn'],
        error: 'Revoked date cannot be before the date the consent was signed'
      })
    ),
    defaultValues: { revokedOn: localToday() }
  })

  useEffect(() => setFocus('revokedOn'), [setFocus])

  const onSubmit = handleSubmit(({ revokedOn }) => {
    setFormError(null)
    revoke.mutate(
      { id: consent.id, revokedOn },
      {
        onSuccess: () => {
          toast.success(`${CONSENT_KINDS[consent.kind]} consent revoked`)
          onDone()
        },
        onError: (error) => {
          const message = error instanceof ApiError ? error.fields.revokedOn : undefined
          if (message) setError('revokedOn', { type: 'server', message }, { shouldFocus: true })
          else setFormError(error)
        }
      }
    )
  })

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormError error={formError} />
      <DateField label="Revoked date" required min={consent.signedOn} max={localToday()} error={errors.revokedOn?.message} {...register('revokedOn')} />
      <DialogFormActions onCancel={onDone} busy={revoke.isPending} submitLabel="Revoke consent" />
    </form>
  )
}
