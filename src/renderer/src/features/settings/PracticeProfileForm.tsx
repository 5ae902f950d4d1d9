import { useState } from 'react'
import { useForm } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import type { z } from 'zod'
import { toast } from 'sonner'
import { practiceInput, type Practice, type PracticeInput } from '@shared/contracts/practice'
import { PLACES_OF_SERVICE } from '@shared/domain/codes'
import { Button, FormActions, FormError, FormSection, RequiredLegend, SelectField, TextField } from '@renderer/components'
import { applyServerErrors, useFormShortcuts, useUnsavedChangesGuard } from '@renderer/lib/forms'
import { STATE_OPTIONS } from '@renderer/features/clients/ClientForm'
import { useSavePractice } from './queries'

type FormValues = z.input<typeof practiceInput>
type SubmitValues = z.output<typeof practiceInput>

const POS_OPTIONS = Object.entries(PLACES_OF_SERVICE).map(([value, label]) => ({ value, label: `${value} — ${label}` }))
const STATE_CODE_OPTIONS = STATE_OPTIONS

const EMPTY: FormValues = {
  practiceName: '',
  providerName: '',
  providerCredentials: '',
  individualNpi: '',
  organizationNpi: '',
  ein: '',
  licenseNumber: '',
  licenseState: '' as FormValues['licenseState'],
  addressLine1: '',
  addressLine2: '',
  city: '',
  state: '' as FormValues['state'],
  postalCode: '',
  phone: '',
  defaultPlaceOfService: '11'
}

function toFormValues(p: Practice | null | undefined): FormValues {
  if (!p) return EMPTY
  return {
    practiceName: p.practiceName,
    providerName: p.providerName,
    providerCredentials: p.providerCredentials,
    individualNpi: p.individualNpi,
    organizationNpi: p.organizationNpi ?? '',
    ein: p.ein,
    licenseNumber: p.licenseNumber,
    licenseState: p.licenseState as FormValues['licenseState'],
    addressLine1: p.addressLine1,
    addressLine2: p.addressLine2 ?? '',
    city: p.city,
    state: p.state as FormValues['state'],
    postalCode: p.postalCode,
    phone: p.phone,
    defaultPlaceOfService: p.defaultPlaceOfService
  }
}

/**
 * The practice profile: who bills, and the identifiers superbills and Good Faith Estimates need.
 * Serves both Settings and the first-run setup screen.
 */
export function PracticeProfileForm({
  practice,
  defaults,
  onSaved,
  onCancel
}: {
  practice: Practice | null
  /** Starting values for a new profile (first run fills in the owner as the provider). */
  defaults?: Partial<FormValues>
  onSaved?: (p: Practice) => void
  onCancel?: () => void
}) {
  const save = useSavePractice()
  const {
    register,
    handleSubmit,
    getValues,
    setError,
    reset,
    formState: { errors, isDirty, isSubmitting }
  } = useForm<FormValues, unknown, SubmitValues>({
    resolver: zodResolver(practiceInput),
    defaultValues: practice ? toFormValues(practice) : { ...EMPTY, ...defaults },
    mode: 'onSubmit',
    reValidateMode: 'onChange'
  })
  const guard = useUnsavedChangesGuard(isDirty && !isSubmitting)
  // Esc cancels only where there is somewhere to go back to; it never silently discards edits.
  const formRef = useFormShortcuts<HTMLFormElement>(onCancel)
  const [formError, setFormError] = useState<unknown>(null)

  const submit = handleSubmit(async () => {
    setFormError(null)
    try {
      const saved = await save.mutateAsync(getValues() as PracticeInput)
      guard.release()
      reset(toFormValues(saved))
      toast.success('Practice profile saved')
      onSaved?.(saved)
    } catch (error) {
      if (!applyServerErrors(setError, error, 'profile.')) setFormError(error)
    }
  })

  const field = (name: keyof FormValues) => ({ ...register(name), error: errors[name]?.message })

  return (
    <form ref={formRef} noValidate onSubmit={submit} aria-label="Practice profile">
      <div className="mb-5">
        <RequiredLegend />
      </div>
      <FormError error={formError} className="mb-5" />

      <FormSection title="Practice" description="How your practice and you appear on superbills, invoices and estimates.">
        <TextField label="Practice name" required autoComplete="organization" className="sm:col-span-6" {...field('practiceName')} />
        <TextField label="Provider name" required autoComplete="name" className="sm:col-span-4" {...field('providerName')} />
        <TextField label="Credentials" required placeholder="LMFT, PsyD, LCSW…" className="sm:col-span-2" {...field('providerCredentials')} />
      </FormSection>

      <FormSection title="Identifiers" description="Checked as you save: an NPI has a check digit, so most typos are caught here.">
        <TextField label="Individual NPI" required inputMode="numeric" autoComplete="off" inputClassName="num" hint="Your Type 1 NPI, 10 digits" className="sm:col-span-3" {...field('individualNpi')} />
        <TextField label="Organization NPI" inputMode="numeric" autoComplete="off" inputClassName="num" hint="Type 2, only if your practice has one" className="sm:col-span-3" {...field('organizationNpi')} />
        <TextField label="Tax ID (EIN)" required autoComplete="off" inputClassName="num" placeholder="12-3456789" className="sm:col-span-3" {...field('ein')} />
        <div className="hidden sm:col-span-3 sm:block" />
        <TextField label="License number" required autoComplete="off" className="sm:col-span-3" {...field('licenseNumber')} />
        <SelectField label="License state" required options={STATE_CODE_OPTIONS} placeholder="Choose…" className="sm:col-span-3" {...field('licenseState')} />
      </FormSection>

      <FormSection title="Office" description="The service address printed on claims.">
        <TextField label="Address" required autoComplete="address-line1" className="sm:col-span-6" {...field('addressLine1')} />
        <TextField label="Address line 2" autoComplete="address-line2" placeholder="Suite, floor" className="sm:col-span-6" {...field('addressLine2')} />
        <TextField label="City" required autoComplete="address-level2" className="sm:col-span-3" {...field('city')} />
        <SelectField label="State" required options={STATE_CODE_OPTIONS} placeholder="Choose…" className="sm:col-span-2" {...field('state')} />
        <TextField label="ZIP code" required inputMode="numeric" autoComplete="postal-code" inputClassName="num" className="sm:col-span-1" {...field('postalCode')} />
        <TextField label="Phone" required type="tel" autoComplete="tel" placeholder="(555) 123-4567" className="sm:col-span-3" {...field('phone')} />
        <SelectField
          label="Default place of service"
          required
          options={POS_OPTIONS}
          hint="Pre-filled on new service lines; you can change it per session."
          className="sm:col-span-3"
          {...field('defaultPlaceOfService')}
        />
      </FormSection>

      <FormActions sticky surface="surface" className="mt-2">
        {isDirty && !onCancel && (
          <Button variant="ghost" onClick={() => reset()}>
            Discard changes
          </Button>
        )}
        {onCancel && <Button onClick={onCancel}>Cancel</Button>}
        <Button type="submit" variant="primary" busy={isSubmitting}>
          Save practice profile
        </Button>
      </FormActions>
    </form>
  )
}
