import { useId, useState, type FormEvent } from 'react'
import { toast } from 'sonner'
import type { Charge, Invoice } from '@shared/contracts/billing'
import { ADJUSTMENT_KINDS, ADJUSTMENT_KIND_LABELS, PAYMENT_METHODS, PAYMENT_METHOD_LABELS, type AdjustmentKind, type PaymentMethod } from '@shared/domain/billing'
import { localToday } from '@shared/domain/dates'
import { formatCents, parseDollars } from '@shared/domain/money'
import { ConfirmDialog, DateField, Dialog, FormError, RequiredLegend, SelectField, TextField, TextareaField } from '@renderer/components'
import { ApiError } from '@renderer/lib/api'
import { formatDate } from '@renderer/lib/format'
import { DialogFormActions } from '../clients/chart/parts'
import { useAdjust, useCreateInvoice, useRecordPayment, useRefund } from './queries'

const methodOptions = PAYMENT_METHODS.map((m) => ({ value: m, label: PAYMENT_METHOD_LABELS[m] }))

/** Main's field errors, keyed without the input's prefix ("payment.amountCents" → "amountCents"). */
const fieldsOf = (error: unknown, prefix: string): Record<string, string> => {
  if (!(error instanceof ApiError)) return {}
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(error.fields)) if (k.startsWith(prefix)) out[k.slice(prefix.length)] = v
  return out
}

interface MoneyFormState {
  receivedOn: string
  amount: string
  method: PaymentMethod
  reference: string
  note: string
}

function useMoneyForm(initialAmount = '') {
  const [values, setValues] = useState<MoneyFormState>({ receivedOn: localToday(), amount: initialAmount, method: 'card', reference: '', note: '' })
  const set = <K extends keyof MoneyFormState>(key: K, value: MoneyFormState[K]) => setValues((v) => ({ ...v, [key]: value }))
  return { values, set }
}

/** Amount typed as dollars; checked here the way main checks cents (more than $0, at most $100,000). */
const amountProblem = (text: string): string | null => {
  const cents = parseDollars(text)
  if (text.trim() === '') return 'Amount is required'
  if (cents === null) return 'Amount should be dollars and cents, like 250.00'
  if (cents <= 0) return 'Amount must be more than $0.00'
  if (cents > 10_000_000) return 'Amount cannot be more than $100,000.00'
  return null
}

function MoneyFields({
  form,
  errors,
  dateLabel
}: {
  form: ReturnType<typeof useMoneyForm>
  errors: Record<string, string>
  dateLabel: string
}) {
  const { values, set } = form
  return (
    <>
      <DateField label={dateLabel} required value={values.receivedOn} onChange={(e) => set('receivedOn', e.target.value)} error={errors.receivedOn} />
      <TextField
        label="Amount"
        required
        inputMode="decimal"
        placeholder="0.00"
        value={values.amount}
        onChange={(e) => set('amount', e.target.value)}
        error={errors.amountCents}
        inputClassName="num"
      />
      <SelectField label="Method" required options={methodOptions} value={values.method} onChange={(e) => set('method', e.target.value as PaymentMethod)} error={errors.method} />
      <TextField
        label="Reference"
        hint="Check number, or a card’s last 4 digits — never the full card number"
        value={values.reference}
        onChange={(e) => set('reference', e.target.value)}
        error={errors.reference}
      />
      <TextareaField label="Note" rows={2} className="sm:col-span-2" value={values.note} onChange={(e) => set('note', e.target.value)} error={errors.note} />
    </>
  )
}

export function RecordPaymentDialog({
  clientId,
  openInvoices,
  open,
  onOpenChange
}: {
  clientId: string
  openInvoices: readonly Invoice[]
  open: boolean
  onOpenChange: (open: boolean) => void
}) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title="Record payment" description="Applied to the oldest open invoice first; anything over what is owed is kept as credit." size="md">
      {open && <PaymentForm clientId={clientId} openInvoices={openInvoices} onDone={() => onOpenChange(false)} />}
    </Dialog>
  )
}

function PaymentForm({ clientId, openInvoices, onDone }: { clientId: string; openInvoices: readonly Invoice[]; onDone: () => void }) {
  const owed = openInvoices.reduce((s, i) => s + i.openCents, 0)
  const form = useMoneyForm(owed > 0 ? (owed / 100).toFixed(2) : '')
  const [applyTo, setApplyTo] = useState('oldest')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [formError, setFormError] = useState<unknown>(null)
  const record = useRecordPayment()
  const formId = useId()
  const applyOptions = [
    { value: 'oldest', label: 'Oldest open invoice first' },
    ...openInvoices.map((i) => ({ value: i.id, label: `${i.number} — ${formatCents(i.openCents)} open` })),
    { value: 'credit', label: 'Keep as credit (a deposit)' }
  ]
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    const problem = amountProblem(form.values.amount)
    if (problem) return setErrors({ amountCents: problem })
    setErrors({})
    setFormError(null)
    const { receivedOn, method, reference, note } = form.values
    record.mutate(
      { clientId, payment: { receivedOn, amountCents: parseDollars(form.values.amount)!, method, reference, note, applyTo } },
      {
        onSuccess: (p) => {
          const credit = p.amountCents - p.appliedCents
          toast.success(`Payment of ${formatCents(p.amountCents)} recorded${credit > 0 ? ` — ${formatCents(credit)} kept as credit` : ''}`)
          onDone()
        },
        onError: (error) => {
          const fields = fieldsOf(error, 'payment.')
          if (Object.keys(fields).length > 0) setErrors(fields)
          else setFormError(error)
        }
      }
    )
  }
  return (
    <form id={formId} onSubmit={onSubmit} noValidate className="space-y-4">
      <RequiredLegend />
      <FormError error={formError} />
      <div className="grid gap-4 sm:grid-cols-2">
        <MoneyFields form={form} errors={errors} dateLabel="Date received" />
        <SelectField label="Apply to" options={applyOptions} value={applyTo} onChange={(e) => setApplyTo(e.target.value)} className="sm:col-span-2" error={errors.applyTo} />
      </div>
      <DialogFormActions onCancel={onDone} busy={record.isPending} submitLabel="Record payment" />
    </form>
  )
}

export function RefundDialog({ clientId, credit, open, onOpenChange }: { clientId: string; credit: number; open: boolean; onOpenChange: (open: boolean) => void }) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title="Refund credit" description={`The client has ${formatCents(credit)} in credit. A refund is its own ledger row; the payments stay.`} size="md">
      {open && <RefundForm clientId={clientId} credit={credit} onDone={() => onOpenChange(false)} />}
    </Dialog>
  )
}

function RefundForm({ clientId, credit, onDone }: { clientId: string; credit: number; onDone: () => void }) {
  const form = useMoneyForm((credit / 100).toFixed(2))
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [formError, setFormError] = useState<unknown>(null)
  const refund = useRefund()
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    const problem = amountProblem(form.values.amount) ?? ((parseDollars(form.values.amount) ?? 0) > credit ? 'More than the client’s credit' : null)
    if (problem) return setErrors({ amountCents: problem })
    setErrors({})
    const { receivedOn, method, reference, note } = form.values
    refund.mutate(
      { clientId, refund: { receivedOn, amountCents: parseDollars(form.values.amount)!, method, reference, note } },
      {
        onSuccess: (r) => {
          toast.success(`Refund of ${formatCents(r.amountCents)} recorded`)
          onDone()
        },
        onError: (error) => {
          const fields = fieldsOf(error, 'refund.')
          if (Object.keys(fields).length > 0) setErrors(fields)
          else setFormError(error)
        }
      }
    )
  }
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <RequiredLegend />
      <FormError error={formError} />
      <div className="grid gap-4 sm:grid-cols-2">
        <MoneyFields form={form} errors={errors} dateLabel="Refund date" />
      </div>
      <DialogFormActions onCancel={onDone} busy={refund.isPending} submitLabel="Record refund" />
    </form>
  )
}

export function CreateInvoiceDialog({
  clientId,
  unbilled,
  open,
  onOpenChange
}: {
  clientId: string
  unbilled: readonly Charge[]
  open: boolean
  onOpenChange: (open: boolean) => void
}) {
  const create = useCreateInvoice()
  const total = unbilled.reduce((s, c) => s + c.amountCents, 0)
  const adjusted = unbilled.reduce((s, c) => s + c.adjustedCents, 0)
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={onOpenChange}
      title="Create invoice"
      body={`${unbilled.length} unbilled charge${unbilled.length === 1 ? '' : 's'}, ${formatCents(total)}${adjusted > 0 ? ` less ${formatCents(adjusted)} in adjustments` : ''}. The invoice is numbered and issued today; to change it later, void it and issue a new one.`}
      confirmLabel="Create and issue"
      busy={create.isPending}
      onConfirm={() =>
        create.mutate(
          { clientId, chargeIds: unbilled.map((c) => c.id) },
          {
            onSuccess: (inv) => {
              toast.success(`Invoice ${inv.number} issued for ${formatCents(inv.openCents)}`)
              onOpenChange(false)
            },
            onError: (error) => toast.error(error instanceof Error ? error.message : 'The invoice could not be created.')
          }
        )
      }
    />
  )
}

const adjustmentKindOptions = ADJUSTMENT_KINDS.map((k) => ({ value: k, label: ADJUSTMENT_KIND_LABELS[k] }))

/** A write-off, courtesy discount, sliding-scale or correcting adjustment of one charge: its own ledger row; the charge never changes. */
export function AdjustDialog({ charge, onOpenChange }: { charge: Charge | null; onOpenChange: (open: boolean) => void }) {
  return (
    <Dialog
      open={charge !== null}
      onOpenChange={onOpenChange}
      title="Adjust charge"
      description={charge ? `${charge.code} on ${formatDate(charge.dateOfService)}: ${formatCents(charge.openCents)} open of ${formatCents(charge.amountCents)}.` : undefined}
      size="md"
    >
      {charge && <AdjustForm charge={charge} onDone={() => onOpenChange(false)} />}
    </Dialog>
  )
}

function AdjustForm({ charge, onDone }: { charge: Charge; onDone: () => void }) {
  const [v, setV] = useState({ kind: 'write_off' as AdjustmentKind, mode: 'amount' as 'amount' | 'percent', value: '', date: localToday(), reason: '' })
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [formError, setFormError] = useState<unknown>(null)
  const adjust = useAdjust()
  const set = <K extends keyof typeof v>(k: K, value: (typeof v)[K]) => setV((x) => ({ ...x, [k]: value }))
  const onSubmit = (e: FormEvent) => {
    e.preventDefault()
    let value: number | null
    if (v.mode === 'amount') value = parseDollars(v.value)
    else {
      const pct = Number(v.value)
      value = v.value.trim() !== '' && Number.isFinite(pct) ? Math.round(pct * 100) : null
    }
    if (value === null || value <= 0) return setErrors({ value: v.mode === 'amount' ? 'Amount should be dollars and cents, more than $0.00' : 'Percent should be a number more than 0' })
    setErrors({})
    adjust.mutate(
      { chargeId: charge.id, adjustment: { kind: v.kind, mode: v.mode, value, date: v.date, reason: v.reason } },
      {
        onSuccess: (a) => {
          toast.success(`${ADJUSTMENT_KIND_LABELS[a.kind]} of ${formatCents(a.amountCents)} recorded`)
          onDone()
        },
        onError: (error) => {
          const fields = fieldsOf(error, 'adjustment.')
          if (Object.keys(fields).length > 0) setErrors(fields)
          else setFormError(error)
        }
      }
    )
  }
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <RequiredLegend />
      <FormError error={formError} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField label="Kind" required options={adjustmentKindOptions} value={v.kind} onChange={(e) => set('kind', e.target.value as AdjustmentKind)} />
        <SelectField
          label="As"
          required
          options={[
            { value: 'amount', label: 'An amount' },
            { value: 'percent', label: 'A percent of the charge' }
          ]}
          value={v.mode}
          onChange={(e) => set('mode', e.target.value as 'amount' | 'percent')}
        />
        <TextField label={v.mode === 'amount' ? 'Amount' : 'Percent'} required inputMode="decimal" inputClassName="num" value={v.value} onChange={(e) => set('value', e.target.value)} error={errors.value} />
        <DateField label="Date" required value={v.date} onChange={(e) => set('date', e.target.value)} error={errors.date} />
        <TextField label="Reason" required className="sm:col-span-2" value={v.reason} onChange={(e) => set('reason', e.target.value)} error={errors.reason} />
      </div>
      <DialogFormActions onCancel={onDone} busy={adjust.isPending} submitLabel="Record adjustment" />
    </form>
  )
}
