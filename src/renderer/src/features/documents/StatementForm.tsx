/**
 * A client's statement for a period (last month by default): the ledger's rows, the balance due
 * and how to pay, stored as ST-YYYY-NNNN and saved to the exports folder.
 */
import { useState, type FormEvent } from 'react'
import { FileDown } from 'lucide-react'
import { Button, DateField } from '@renderer/components'
import { ApiError } from '@renderer/lib/api'
import { lastMonth } from '../billing/SuperbillForm'
import { MissingList, missingItems } from './MissingList'
import { useStatement } from './queries'

export function StatementForm({ clientId }: { clientId: string }) {
  const [range, setRange] = useState(lastMonth)
  const statement = useStatement()
  const onSubmit = (e: FormEvent) => {
    e.preventDefault()
    statement.mutate({ clientId, ...range })
  }
  const fieldError = (name: 'from' | 'to') => (statement.error instanceof ApiError ? statement.error.fields[name] : undefined)
  return (
    <section aria-labelledby="billing-statement-heading" className="rounded-lg border border-line bg-surface px-4 py-3">
      <h3 id="billing-statement-heading" className="mb-2 text-sm font-semibold text-ink">
        Statement
      </h3>
      <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-3" aria-label="Statement">
        <DateField label="From" value={range.from} error={fieldError('from')} onChange={(e) => setRange((r) => ({ ...r, from: e.target.value }))} />
        <DateField label="To" value={range.to} error={fieldError('to')} onChange={(e) => setRange((r) => ({ ...r, to: e.target.value }))} />
        <Button type="submit" busy={statement.isPending}>
          <FileDown aria-hidden="true" />
          Statement
        </Button>
      </form>
      {statement.data && (
        <output className="mt-2 block text-[13px] text-ink-soft" data-testid="statement-result">
          <span className="num font-medium text-ink">{statement.data.number}</span> saved as <span className="num font-medium text-ink">{statement.data.fileName}</span> to the exports
          folder
        </output>
      )}
      <MissingList error={statement.error} clientId={clientId} testId="statement-missing" />
      {statement.error && missingItems(statement.error).length === 0 && !fieldError('from') && !fieldError('to') && (
        <p className="mt-2 text-[13px] text-red-700" role="alert">
          {statement.error instanceof Error ? statement.error.message : 'The statement could not be made.'}
        </p>
      )}
    </section>
  )
}
