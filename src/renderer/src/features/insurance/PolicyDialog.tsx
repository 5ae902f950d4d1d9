import { useEffect, useId, useState } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import type { z } from 'zod'
import { zodResolver } from '@hookform/resolvers/zod'
import { toast } from 'sonner'
import { insurancePolicyInput, type InsurancePolicy, type InsurancePolicyInput } from '@shared/contracts/insurance'
import { POLICY_RANKS, SUBSCRIBER_RELATIONSHIPS, SUBSCRIBER_RELATIONSHIP_KEYS, type PolicyRank } from '@shared/domain/insurance'
import { DateField, Dialog, FormError, RequiredLegend, SelectField, TextField } from '@renderer/components'
import { applyServerErrors, useUnsavedChangesGuard } from '@renderer/lib/forms'
import { DialogFormActions } from '../clients/chart/parts'
import { useSavePolicy } from './queries'

export const RANK_LABELS: Record<PolicyRank, string> = { primary: 'Primary', secondary: 'Secondary', tertiary: 'Tertiary' }
const rankOptions = POLICY_RANKS.map((r) => ({ value: r, label: RANK_LABELS[r] }))
const relationshipOptions = SUBSCRIBER_RELATIONSHIP_KEYS.map((r) => ({ value: r, label: SUBSCRIBER_RELATIONSHIPS[r] }))

type PolicyValues = z.output<typeof insurancePolicyInput>

const toForm = (p: InsurancePolicy | null, rank: PolicyRank): InsurancePolicyInput => ({
  rank: p?.rank ?? rank,
  payerName: p?.payerName ?? '',
  payerId: p?.payerId ?? '',
  memberId: p?.memberId ?? '',
  groupNumber: p?.groupNumber ?? '',
  relationship: p?.relationship ?? 'self',
  subscriberName: p?.subscriberName ?? '',
  subscriberDateOfBirth: p?.subscriberDateOfBirth ?? ''
})

/** Add or edit one policy. `policy` null = add; `freeRank` is the first rank not yet taken. */
export function PolicyDialog({
  clientId,
  open,
  onOpenChange,
  policy,
  freeRank
}: {
  clientId: string
  open: boolean
  onOpenChange: (open: boolean) => void
  policy: InsurancePolicy | null
  freeRank: PolicyRank
}) {
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title={policy ? 'Edit insurance policy' : 'Add insurance policy'}
      description="As printed on the member’s insurance card."
      size="lg"
    >
      {/* Mounted only while open, so each opening starts from the policy's saved values. */}
      {open && <PolicyForm clientId={clientId} policy={policy} freeRank={freeRank} onDone={() => onOpenChange(false)} />}
    </Dialog>
  )
}

function PolicyForm({ clientId, policy, freeRank, onDone }: { clientId: string; policy: InsurancePolicy | null; freeRank: PolicyRank; onDone: () => void }) {
  const save = useSavePolicy(clientId)
  const [formError, setFormError] = useState<unknown>(null)
  const formId = useId()
  const {
    register,
    handleSubmit,
    setError,
    control,
    setValue,
    setFocus,
    formState: { errors, isDirty }
  } = useForm<InsurancePolicyInput, unknown, PolicyValues>({
    resolver: zodResolver(insurancePolicyInput),
    defaultValues: toForm(policy, freeRank)
  })
  const guard = useUnsavedChangesGuard(isDirty)
  const isSelf = useWatch({ control, name: 'relationship' }) === 'self'
  useEffect(() => setFocus('payerName'), [setFocus])

  // The client is the subscriber: the subscriber's own name and birth date do not apply.
  useEffect(() => {
    if (isSelf) {
      setValue('subscriberName', '')
      setValue('subscriberDateOfBirth', '')
    }
  }, [isSelf, setValue])

  const onSubmit = handleSubmit((values) => {
    setFormError(null)
    save.mutate(
      { id: policy?.id ?? null, policy: values },
      {
        onSuccess: () => {
          guard.release()
          toast.success(policy ? 'Policy saved' : 'Policy added')
          onDone()
        },
        onError: (error) => {
          if (!applyServerErrors(setError, error, 'policy.')) setFormError(error)
        }
      }
    )
  })

  return (
    <form id={formId} onSubmit={onSubmit} noValidate className="space-y-4">
      <RequiredLegend />
      <FormError error={formError} />
      <div className="grid gap-4 sm:grid-cols-6">
        <SelectField label="Rank" required options={rankOptions} className="sm:col-span-2" error={errors.rank?.message} {...register('rank')} />
        <TextField label="Payer" required className="sm:col-span-4" placeholder="e.g. Aetna" error={errors.payerName?.message} {...register('payerName')} />
        <TextField label="Payer ID" className="sm:col-span-2" hint="Electronic payer ID, if known" error={errors.payerId?.message} {...register('payerId')} />
        <TextField label="Member ID" required inputClassName="num" className="sm:col-span-2" error={errors.memberId?.message} {...register('memberId')} />
        <TextField label="Group number" inputClassName="num" className="sm:col-span-2" error={errors.groupNumber?.message} {...register('groupNumber')} />
        <SelectField
          label="Relationship to subscriber"
          required
          options={relationshipOptions}
          className="sm:col-span-2"
          error={errors.relationship?.message}
          {...register('relationship')}
        />
        <TextField
          label="Subscriber name"
          required={!isSelf}
          disabled={isSelf}
          hint={isSelf ? 'The client is the subscriber.' : undefined}
          className="sm:col-span-2"
          error={errors.subscriberName?.message}
          {...register('subscriberName')}
        />
        <DateField
          label="Subscriber date of birth"
          disabled={isSelf}
          className="sm:col-span-2"
          error={errors.subscriberDateOfBirth?.message}
          {...register('subscriberDateOfBirth')}
        />
      </div>
      <DialogFormActions onCancel={onDone} busy={save.isPending} />
    </form>
  )
}
