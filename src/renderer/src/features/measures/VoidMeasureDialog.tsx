/**
 * Voiding a measure entered by mistake (wrong client, wrong answers): it leaves the list, the
 * trend and the baseline, and the record keeps it with who voided it, when and why.
 */
import { useState, type FormEvent } from 'react'
import { toast } from 'sonner'
import type { MeasureRow } from '@shared/contracts/measures'
import { MEASURES } from '@shared/domain/measures'
import { Dialog, FormError, RequiredLegend, TextareaField } from '@renderer/components'
import { ApiError } from '@renderer/lib/api'
import { formatDate } from '@renderer/lib/format'
import { DialogFormActions } from '../clients/chart/parts'
import { useVoidMeasure } from './queries'

export function VoidMeasureDialog({ clientId, measure, onOpenChange }: { clientId: string; measure: MeasureRow | null; onOpenChange: (open: boolean) => void }) {
  return (
    <Dialog
      open={measure !== null}
      onOpenChange={onOpenChange}
      title="Void measure"
      description={measure ? `${MEASURES[measure.kind].label} of ${formatDate(measure.administeredOn)}, total ${measure.total}. It leaves the trend and the baseline; the record keeps it.` : undefined}
      size="md"
    >
      {measure && <VoidForm clientId={clientId} measure={measure} onDone={() => onOpenChange(false)} />}
    </Dialog>
  )
}

function VoidForm({ clientId, measure, onDone }: { clientId: string; measure: MeasureRow; onDone: () => void }) {
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | undefined>()
  const [formError, setFormError] = useState<unknown>(null)
  const voidMeasure = useVoidMeasure(clientId)
  const onSubmit = (e: FormEvent) => {
    e.preventDefault()
    // A voided clinical record should say why: the contract allows none, the chart asks for one.
    if (reason.trim() === '') return setError('Say why this measure is voided, e.g. "Entered for the wrong client"')
    setError(undefined)
    voidMeasure.mutate(
      { id: measure.id, reason: reason.trim() },
      {
        onSuccess: () => {
          toast.success(`${MEASURES[measure.kind].label} of ${formatDate(measure.administeredOn)} voided`)
          onDone()
        },
        onError: (err) => {
          if (err instanceof ApiError && err.fields.reason) setError(err.fields.reason)
          else setFormError(err)
        }
      }
    )
  }
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <RequiredLegend />
      <FormError error={formError} />
      <TextareaField label="Reason" required rows={3} value={reason} onChange={(e) => setReason(e.target.value)} error={error} />
      <DialogFormActions onCancel={onDone} busy={voidMeasure.isPending} submitLabel="Void measure" />
    </form>
  )
}
