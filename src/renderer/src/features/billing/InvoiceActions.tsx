/**
 * What can happen to an invoice after it is made: a draft is issued (or voided); an issued one is
 * never edited — it is voided, with a reason, and its charges can go on a new invoice. A void
 * keeps its number and record; what was paid on it returns to the client's credit.
 */
import { useState } from 'react'
import { toast } from 'sonner'
import type { Invoice } from '@shared/contracts/billing'
import { formatCents } from '@shared/domain/money'
import { Button, Dialog, FormError, TextField } from '@renderer/components'
import { ApiError } from '@renderer/lib/api'
import { DialogFormActions } from '../clients/chart/parts'
import { useIssueInvoice, useVoidInvoice } from './queries'

export function InvoiceActions({ invoice, onVoid }: { invoice: Invoice; onVoid: (invoice: Invoice) => void }) {
  const issue = useIssueInvoice()
  if (invoice.status === 'void') return null
  return (
    <div className="flex justify-end gap-1">
      {invoice.status === 'draft' && (
        <Button
          size="sm"
          busy={issue.isPending}
          onClick={() =>
            issue.mutate(
              { id: invoice.id },
              {
                onSuccess: (i) => toast.success(`Invoice ${i.number} issued for ${formatCents(i.openCents)}`),
                onError: (e) => toast.error(e instanceof Error ? e.message : 'The invoice could not be issued.')
              }
            )
          }
        >
          Issue
        </Button>
      )}
      <Button size="sm" variant="ghost" onClick={() => onVoid(invoice)} aria-label={`Void invoice ${invoice.number}`}>
        Void…
      </Button>
    </div>
  )
}

export function VoidInvoiceDialog({ invoice, onOpenChange }: { invoice: Invoice | null; onOpenChange: (open: boolean) => void }) {
  return (
    <Dialog
      open={invoice !== null}
      onOpenChange={onOpenChange}
      title={invoice ? `Void invoice ${invoice.number}` : 'Void invoice'}
      description="The invoice keeps its number and stays on record, marked void. Its charges go back to unbilled, to be invoiced again; anything paid on it becomes the client’s credit."
      size="md"
    >
      {invoice && <VoidForm invoice={invoice} onDone={() => onOpenChange(false)} />}
    </Dialog>
  )
}

function VoidForm({ invoice, onDone }: { invoice: Invoice; onDone: () => void }) {
  const voiding = useVoidInvoice()
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [formError, setFormError] = useState<unknown>(null)
  return (
    <form
      noValidate
      aria-label="Void invoice"
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault()
        setFormError(null)
        if (reason.trim() === '') return setError('Reason is required')
        setError(null)
        voiding.mutate(
          { id: invoice.id, reason: reason.trim() },
          {
            onSuccess: (i) => {
              toast.success(`Invoice ${i.number} voided`)
              onDone()
            },
            onError: (err) => {
              if (err instanceof ApiError && err.fields.reason) setError(err.fields.reason)
              else setFormError(err)
            }
          }
        )
      }}
    >
      <FormError error={formError} />
      {invoice.paidCents > 0 && (
        <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {formatCents(invoice.paidCents)} was paid on this invoice; it becomes credit, to apply to the new invoice or refund.
        </p>
      )}
      <TextField label="Reason" required value={reason} onChange={(e) => setReason(e.target.value)} error={error ?? undefined} hint="e.g. Wrong units on the dosing line" />
      <DialogFormActions onCancel={onDone} busy={voiding.isPending} submitLabel="Void invoice" />
    </form>
  )
}
