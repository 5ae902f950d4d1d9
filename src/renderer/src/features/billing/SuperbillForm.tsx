/**
 * The client's superbill, for out-of-network reimbursement: a date range (last month by default),
 * then either the stored document's number and the PDF's file name in the exports folder (it is
 * listed under Documents) or, item by item, what must be filled in first and where. Owner and
 * administrator only (main checks too).
 */
import { useState, type FormEvent } from 'react'
import { FileDown } from 'lucide-react'
import { localToday } from '@shared/domain/dates'
import { Button, DateField } from '@renderer/components'
import { ApiError } from '@renderer/lib/api'
import { MissingList, missingItems } from '../documents/MissingList'
import { useSuperbill } from './queries'

/** The first and last day of the month before today's. */
export function lastMonth(): { from: string; to: string } {
  const [y, m] = localToday().split('-').map(Number) as [number, number]
  const first = new Date(Date.UTC(y, m - 2, 1))
  const last = new Date(Date.UTC(y, m - 1, 0))
  return { from: first.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) }
}

export function SuperbillForm({ clientId }: { clientId: string }) {
  const [range, setRange] = useState(lastMonth)
  const superbill = useSuperbill()
  const onSubmit = (e: FormEvent) => {
    e.preventDefault()
    superbill.mutate({ clientId, ...range })
  }
  const missing = missingItems(superbill.error)
  const fieldError = (name: 'from' | 'to') => (superbill.error instanceof ApiError ? superbill.error.fields[name] : undefined)
  return (
    <section aria-labelledby="billing-superbill-heading" className="rounded-lg border border-line bg-surface px-4 py-3">
      <h3 id="billing-superbill-heading" className="mb-2 text-sm font-semibold text-ink">
        Superbill
      </h3>
      <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-3" aria-label="Superbill">
        <DateField label="From" value={range.from} error={fieldError('from')} onChange={(e) => setRange((r) => ({ ...r, from: e.target.value }))} />
        <DateField label="To" value={range.to} error={fieldError('to')} onChange={(e) => setRange((r) => ({ ...r, to: e.target.value }))} />
        <Button type="submit" busy={superbill.isPending}>
          <FileDown aria-hidden="true" />
          Superbill
        </Button>
      </form>
      {superbill.data && (
        <output className="mt-2 block text-[13px] text-ink-soft" data-testid="superbill-result">
          <span className="num font-medium text-ink">{superbill.data.number}</span> saved as <span className="num font-medium text-ink" data-testid="superbill-file">{superbill.data.fileName}</span> to the exports folder
          {superbill.data.warnings.map((w) => (
            <span key={w} className="block">
              {w}
            </span>
          ))}
        </output>
      )}
      <MissingList error={superbill.error} clientId={clientId} testId="superbill-missing" />
      {superbill.error && missing.length === 0 && !fieldError('from') && !fieldError('to') && (
        <p className="mt-2 text-[13px] text-red-700" role="alert">
          {superbill.error instanceof Error ? superbill.error.message : 'The superbill could not be made.'}
        </p>
      )}
    </section>
  )
}
