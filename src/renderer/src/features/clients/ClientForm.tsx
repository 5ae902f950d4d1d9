import { useEffect, useId, useState, type ReactNode } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import type { z } from 'zod'
import { clientInput, SINGLE_LEGAL_NAME_HELP, type Client, type ClientInput } from '@shared/contracts/clients'
import { CLIENT_STATUSES, CLIENT_STATUS_LABELS, SEXES, SEX_LABELS } from '@shared/domain/client-status'
import { localToday } from '@shared/domain/dates'
import { US_STATES } from '@shared/domain/us-states'
import {
  Button,
  DateField,
  FieldHint,
  FieldMessage,
  FormActions,
  FormError,
  FormSection,
  RequiredLegend,
  SelectField,
  TextField,
  TextareaField
} from '@renderer/components'
import { applyServerErrors, useFormShortcuts, useUnsavedChangesGuard } from '@renderer/lib/forms'

type FormValues = z.input<typeof clientInput>
type SubmitValues = z.output<typeof clientInput>

export const STATE_OPTIONS = Object.entries(US_STATES).map(([value, name]) => ({ value, label: `${name} (${value})` }))
const SEX_OPTIONS = SEXES.map((s) => ({ value: s, label: SEX_LABELS[s] }))
const STATUS_OPTIONS = CLIENT_STATUSES.map((s) => ({ value: s, label: CLIENT_STATUS_LABELS[s] }))

const EMPTY: FormValues = {
  legalFirstName: '',
  legalMiddleName: '',
  legalLastName: '',
  singleLegalName: false,
  suffix: '',
  preferredName: '',
  pronouns: '',
  dateOfBirth: '',
  // No default: the therapist chooses (the select starts on "Choose…").
  sex: '' as FormValues['sex'],
  email: '',
  phone: '',
  addressLine1: '',
  addressLine2: '',
  city: '',
  state: '',
  postalCode: '',
  emergencyContactName: '',
  emergencyContactRelationship: '',
  emergencyContactPhone: '',
  escortName: '',
  escortRelationship: '',
  escortPhone: '',
  prescriberName: '',
  prescriberNpi: '',
  prescriberPhone: '',
  referralSource: '',
  status: 'inquiry',
  intakeDate: '',
  notes: ''
}

/** A saved client as form values: nulls become empty strings. */
export function clientToFormValues(client: Client): FormValues {
  const values = { ...EMPTY }
  for (const key of Object.keys(EMPTY) as (keyof FormValues)[]) {
    const v = client[key]
    ;(values as Record<string, unknown>)[key] = v ?? ''
  }
  return values
}

export interface ClientFormProps {
  /** The client being edited; absent when adding. */
  client?: Client
  /** Saves the raw form values (main re-validates and normalises them). */
  onSubmit: (values: ClientInput) => Promise<Client>
  onSaved: (client: Client) => void
  onCancel: () => void
  /** Extra buttons at the left of the action bar (e.g. Archive client). */
  secondaryActions?: ReactNode
}

/**
 * Add or edit a client. The contract's zod schema drives validation here and in main, so both
 * say the same thing in the same words.
 */
export function ClientForm({ client, onSubmit, onSaved, onCancel, secondaryActions }: ClientFormProps) {
  const form = useForm<FormValues, unknown, SubmitValues>({
    resolver: zodResolver(clientInput),
    defaultValues: client ? clientToFormValues(client) : EMPTY,
    mode: 'onSubmit',
    reValidateMode: 'onChange'
  })
  const {
    register,
    handleSubmit,
    getValues,
    setError,
    setFocus,
    setValue,
    control,
    formState: { errors, isDirty, isSubmitting }
  } = form
  const formRef = useFormShortcuts<HTMLFormElement>(onCancel)
  // A new client starts in the first field.
  useEffect(() => {
    if (!client) setFocus('legalFirstName')
  }, [client, setFocus])
  const guard = useUnsavedChangesGuard(isDirty && !isSubmitting)
  const [formError, setFormError] = useState<unknown>(null)

  const submit = handleSubmit(async () => {
    setFormError(null)
    try {
      // Send what the therapist typed; main parses it with the same schema.
      const saved = await onSubmit(getValues() as ClientInput)
      guard.release()
      onSaved(saved)
    } catch (error) {
      if (!applyServerErrors(setError, error, 'client.')) setFormError(error)
    }
  })

  const field = (name: keyof FormValues) => ({ ...register(name), error: errors[name]?.message })
  const singleLegalName = useWatch({ control, name: 'singleLegalName' }) === true
  const singleId = useId()
  // The first and middle names are hidden once the box is ticked (a first name would be refused): it clears them.
  const singleLegalNameField = register('singleLegalName', {
    onChange: (e: { target: { checked: boolean } }) => {
      if (!e.target.checked) return
      setValue('legalFirstName', '', { shouldDirty: true })
      setValue('legalMiddleName', '', { shouldDirty: true })
    }
  })

  return (
    <form ref={formRef} noValidate onSubmit={submit} aria-label={client ? 'Edit client' : 'Add client'}>
      <div className="mb-5 flex items-center justify-between">
        <RequiredLegend />
      </div>
      <FormError error={formError} className="mb-5" />

      <FormSection title="Identity" description="As on the client’s ID and insurance card. The preferred name is what you call them.">
        {!singleLegalName && (
          <>
            <TextField label="Legal first name" required autoComplete="off" className="sm:col-span-2" {...field('legalFirstName')} />
            <TextField label="Middle name" autoComplete="off" className="sm:col-span-2" {...field('legalMiddleName')} />
          </>
        )}
        <TextField
          label={singleLegalName ? 'Legal name' : 'Legal last name'}
          required
          autoComplete="off"
          className={singleLegalName ? 'sm:col-span-4' : 'sm:col-span-2'}
          hint={singleLegalName ? SINGLE_LEGAL_NAME_HELP : undefined}
          {...field('legalLastName')}
        />
        <div className="sm:col-span-6">
          <label htmlFor={singleId} className="inline-flex items-center gap-2 text-sm text-ink select-none">
            <input id={singleId} type="checkbox" className="size-4 accent-accent-600" aria-describedby={`${singleId}-hint`} {...singleLegalNameField} />
            This client has one legal name
          </label>
          <div className="pl-6">
            <FieldHint id={`${singleId}-hint`} hint="For a person with a single legal name (a mononym). No first name is asked for." />
            <FieldMessage error={errors.singleLegalName?.message} />
          </div>
        </div>
        <TextField label="Suffix" placeholder="Jr., III" autoComplete="off" className="sm:col-span-1" {...field('suffix')} />
        <TextField label="Preferred name" autoComplete="off" className="sm:col-span-2" {...field('preferredName')} />
        <TextField label="Pronouns" placeholder="she/her" autoComplete="off" className="sm:col-span-1" {...field('pronouns')} />
        <DateField label="Date of birth" required max={localToday()} min="1900-01-01" className="sm:col-span-2" {...field('dateOfBirth')} />
        <SelectField
          label="Sex"
          required
          options={SEX_OPTIONS}
          placeholder="Choose…"
          hint="As recorded for claims."
          className="sm:col-span-2"
          {...field('sex')}
        />
      </FormSection>

      <FormSection title="Contact">
        <TextField label="Email" type="email" autoComplete="off" className="sm:col-span-3" {...field('email')} />
        <TextField label="Phone" type="tel" placeholder="(555) 123-4567" autoComplete="off" className="sm:col-span-3" {...field('phone')} />
        <TextField label="Address" autoComplete="off" className="sm:col-span-6" {...field('addressLine1')} />
        <TextField label="Address line 2" autoComplete="off" placeholder="Apartment, suite, unit" className="sm:col-span-6" {...field('addressLine2')} />
        <TextField label="City" autoComplete="off" className="sm:col-span-3" {...field('city')} />
        <SelectField label="State" options={STATE_OPTIONS} placeholder="—" className="sm:col-span-2" {...field('state')} />
        <TextField label="ZIP code" inputMode="numeric" autoComplete="off" inputClassName="num" className="sm:col-span-1" {...field('postalCode')} />
      </FormSection>

      <FormSection title="Emergency contact" description="Who to call if something goes wrong during or after a session.">
        <TextField label="Emergency contact name" autoComplete="off" className="sm:col-span-3" {...field('emergencyContactName')} />
        <TextField label="Emergency contact relationship" placeholder="Spouse, parent, friend" autoComplete="off" className="sm:col-span-3" {...field('emergencyContactRelationship')} />
        <TextField label="Emergency contact phone" type="tel" autoComplete="off" className="sm:col-span-3" {...field('emergencyContactPhone')} />
      </FormSection>

      <FormSection title="Escort (ride home)" description="The adult who takes the client home after a dosing session. No driving until the next day.">
        <TextField label="Escort name" autoComplete="off" className="sm:col-span-3" {...field('escortName')} />
        <TextField label="Escort relationship" autoComplete="off" className="sm:col-span-3" {...field('escortRelationship')} />
        <TextField label="Escort phone" type="tel" autoComplete="off" className="sm:col-span-3" {...field('escortPhone')} />
      </FormSection>

      <FormSection title="Prescriber" description="The clinician who orders the medication, if not you.">
        <TextField label="Prescriber name" autoComplete="off" className="sm:col-span-3" {...field('prescriberName')} />
        <TextField label="Prescriber NPI" inputMode="numeric" autoComplete="off" inputClassName="num" hint="10 digits" className="sm:col-span-3" {...field('prescriberNpi')} />
        <TextField label="Prescriber phone" type="tel" autoComplete="off" className="sm:col-span-3" {...field('prescriberPhone')} />
      </FormSection>

      <FormSection title="Intake">
        <TextField label="Referral source" autoComplete="off" placeholder="Self, physician, website…" className="sm:col-span-3" {...field('referralSource')} />
        <SelectField label="Status" required options={STATUS_OPTIONS} className="sm:col-span-3" {...field('status')} />
        <DateField label="Intake date" className="sm:col-span-3" {...field('intakeDate')} />
      </FormSection>

      <FormSection title="Notes" description="Administrative notes. Clinical notes belong in session notes.">
        <TextareaField label="Notes" hideLabel rows={5} className="sm:col-span-6" {...field('notes')} />
      </FormSection>

      <FormActions sticky className="mt-2">
        <div className="mr-auto flex gap-2">{secondaryActions}</div>
        <Button onClick={onCancel}>Cancel</Button>
        <Button type="submit" variant="primary" busy={isSubmitting}>
          Save client
        </Button>
      </FormActions>
    </form>
  )
}
