/**
 * Edit a charge before it is invoiced: units, fee per unit, modifiers, diagnosis pointers (the
 * client's lettered diagnoses, primary first), place of service and rendering clinician. Main
 * checks the same rules (ChargeEdit) and refuses once the charge is on an invoice; after that
 * only an adjustment or a void changes what is owed.
 */
import { useId, useState } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import { useQuery } from '@tanstack/react-query'
import { zodResolver } from '@hookform/resolvers/zod'
import { z } from 'zod'
import { toast } from 'sonner'
import { cents, chargeEdit, type Charge, type ChargeEdit } from '@shared/contracts/billing'
import { PLACES_OF_SERVICE } from '@shared/domain/codes'
import { formatCents, parseDollars } from '@shared/domain/money'
import { Dialog, FormError, RequiredLegend, SelectField, TextField } from '@renderer/components'
import { formatDate } from '@renderer/lib/format'
import { applyServerErrors, useUnsavedChangesGuard } from '@renderer/lib/forms'
import { DialogFormActions } from '../clients/chart/parts'
import { diagnosesListQuery } from '../diagnoses/queries'
import { billingQueries, useUpdateCharge } from './queries'

const posOptions = Object.entries(PLACES_OF_SERVICE).map(([value, label]) => ({ value, label: `${value} — ${label}` }))

/** The form holds what a person types (dollars, "95 GT"); the schema turns it into main's ChargeEdit. */
const chargeForm = z.object({
  units: z.string().trim().transform(Number).pipe(chargeEdit.shape.units),
  unitFeeCents: z
    .string()
    .transform((text, ctx) => parseDollars(text) ?? (ctx.addIssue({ code: 'custom', message: 'Fee should be dollars and cents, like 200.00' }), z.NEVER))
    .pipe(cents('Fee per unit')),
  modifiers: z.string().transform((text) => text.split(/[\s,]+/).filter(Boolean)).pipe(chargeEdit.shape.modifiers),
  pointers: z.array(z.string()).pipe(chargeEdit.shape.pointers),
  placeOfService: chargeEdit.shape.placeOfService,
  renderingUserId: chargeEdit.shape.renderingUserId
})
type ChargeFormInput = z.input<typeof chargeForm>

const toForm = (c: Charge): ChargeFormInput => ({
  units: String(c.units),
  unitFeeCents: (c.unitFeeCents / 100).toFixed(2),
  modifiers: c.modifiers.join(' '),
  pointers: [...c.pointers],
  placeOfService: c.placeOfService,
  renderingUserId: c.renderingUserId ?? ''
})

export function ChargeEditDialog({ charge, onOpenChange }: { charge: Charge | null; onOpenChange: (open: boolean) => void }) {
  return (
    <Dialog
      open={charge !== null}
      onOpenChange={onOpenChange}
      title="Edit charge"
      description={charge ? `${charge.code} on ${formatDate(charge.dateOfService)}. A change of fee here does not touch the fee schedule.` : undefined}
      size="md"
    >
      {charge && <ChargeForm charge={charge} onDone={() => onOpenChange(false)} />}
    </Dialog>
  )
}

function ChargeForm({ charge, onDone }: { charge: Charge; onDone: () => void }) {
  const update = useUpdateCharge()
  const diagnoses = useQuery(diagnosesListQuery(charge.clientId, false))
  const providers = useQuery(billingQueries.providers())
  const [formError, setFormError] = useState<unknown>(null)
  const formId = useId()
  const { register, handleSubmit, setError, control, formState } = useForm<ChargeFormInput, unknown, ChargeEdit>({
    resolver: zodResolver(chargeForm),
    defaultValues: toForm(charge)
  })
  const guard = useUnsavedChangesGuard(formState.isDirty)
  const units = useWatch({ control, name: 'units' })
  const fee = useWatch({ control, name: 'unitFeeCents' })
  const amount = Number.isInteger(Number(units)) && parseDollars(fee ?? '') !== null ? Number(units) * parseDollars(fee ?? '')! : null
  const lettered = (diagnoses.data ?? []).filter((d) => d.letter !== null)
  const clinicians = [
    { value: '', label: 'None' },
    ...(providers.data ?? []).filter((p) => p.active || p.userId === charge.renderingUserId).map((p) => ({ value: p.userId, label: p.credentials ? `${p.displayName}, ${p.credentials}` : p.displayName }))
  ]
  const errors = formState.errors

  const onSubmit = handleSubmit((values) => {
    setFormError(null)
    update.mutate(
      { id: charge.id, charge: values },
      {
        onSuccess: (saved) => {
          guard.release()
          toast.success(`Charge saved: ${saved.code}, ${formatCents(saved.amountCents)}`)
          onDone()
        },
        onError: (error) => {
          if (!applyServerErrors(setError, error, 'charge.')) setFormError(error)
        }
      }
    )
  })

  return (
    <form id={formId} onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Edit charge">
      <RequiredLegend />
      <FormError error={formError} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Units" required inputMode="numeric" inputClassName="num" error={errors.units?.message} {...register('units')} />
        <TextField
          label="Fee per unit"
          required
          inputMode="decimal"
          inputClassName="num"
          hint={amount !== null ? `Amount: ${formatCents(amount)}` : undefined}
          error={errors.unitFeeCents?.message}
          {...register('unitFeeCents')}
        />
        <TextField label="Modifiers" hint="Up to 4, like 95 (telehealth)" inputClassName="num" error={errors.modifiers?.message} {...register('modifiers')} />
        <SelectField label="Place of service" required options={posOptions} error={errors.placeOfService?.message} {...register('placeOfService')} />
        <SelectField label="Rendering clinician" options={clinicians} className="sm:col-span-2" error={errors.renderingUserId?.message} {...register('renderingUserId')} />
        <fieldset className="sm:col-span-2" aria-describedby={`${formId}-pointers-hint`}>
          <legend className="text-sm font-medium text-ink">Diagnosis pointers</legend>
          <p id={`${formId}-pointers-hint`} className="mt-0.5 text-[12.5px] text-ink-soft">
            Up to 4, in the order they apply; the superbill prints their letters.
          </p>
          {lettered.length === 0 ? (
            <p className="mt-2 text-sm text-ink-soft">{diagnoses.isPending ? 'Loading diagnoses…' : 'This client has no diagnoses on the list yet.'}</p>
          ) : (
            <div className="mt-2 grid gap-1.5 sm:grid-cols-2">
              {lettered.map((d) => (
                <label key={d.id} className="flex items-center gap-2 text-sm text-ink">
                  <input type="checkbox" value={d.letter!} {...register('pointers')} />
                  <span className="num font-medium">{d.letter}</span>
                  <span className="num">{d.code}</span>
                  <span className="truncate text-ink-soft">{d.description}</span>
                </label>
              ))}
            </div>
          )}
          {errors.pointers && (
            <p role="alert" className="mt-1 text-[12.5px] text-red-700">
              {errors.pointers.message ?? errors.pointers.root?.message}
            </p>
          )}
        </fieldset>
      </div>
      <DialogFormActions onCancel={onDone} busy={update.isPending} submitLabel="Save charge" />
    </form>
  )
}
