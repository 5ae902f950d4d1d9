/**
 * The practice's Billing page: unbilled and held charges, open invoices, payments received, the
 * aging report and month totals — every figure computed in main from the same ledger rows — and
 * the accountant's CSV export. For the owner and the administrator.
 */
import { useMemo, useState, type FormEvent } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useNavigate } from 'react-router'
import { toast } from 'sonner'
import { Banknote, Download, FileText } from 'lucide-react'
import type { AgingRow, Invoice, Payment, UnbilledRow } from '@shared/contracts/billing'
import { PAYMENT_METHOD_LABELS } from '@shared/domain/billing'
import { localToday } from '@shared/domain/dates'
import { formatCents } from '@shared/domain/money'
import { Button, ConfirmDialog, DataTable, DateField, EmptyState, ErrorState, PageHeader, dataTableColumnHelper, type DataTableColumn } from '@renderer/components'
import { formatDate } from '@renderer/lib/format'
import { useCan } from '../auth/access'
import { DisputeNotice } from '../documents/DisputeNotice'
import { chartColumnsWithClient, invoiceBadge, money } from './columns'
import { billingQueries, useExportCsv, useInvoiceMonth } from './queries'

const chartBilling = (clientId: string) => `/clients/${clientId}/billing`
/** YYYY-MM of the month before today's. */
function previousMonth(): string {
  const [y, m] = localToday().split('-').map(Number) as [number, number]
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`
}
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10)

const invCol = dataTableColumnHelper<Invoice>()
const invoiceColumns: DataTableColumn<Invoice>[] = [
  invCol.accessor('number', { header: 'Invoice', cell: (i) => <span className="num font-medium">{i.getValue()}</span>, meta: { className: 'w-40' } }),
  invCol.accessor('clientName', { header: 'Client' }),
  invCol.accessor('issuedOn', { header: 'Issued', cell: (i) => <span className="num">{i.getValue() ? formatDate(i.getValue()) : 'Draft'}</span>, meta: { className: 'w-32' } }),
  invCol.accessor('status', { header: 'State', cell: (i) => invoiceBadge(i.getValue()), meta: { className: 'w-36' } }),
  invCol.accessor('totalCents', { header: 'Total', cell: (i) => money(i.getValue()), meta: { align: 'right', className: 'w-28' } }),
  invCol.accessor('openCents', { header: 'Open', cell: (i) => <strong>{money(i.getValue())}</strong>, meta: { align: 'right', className: 'w-28' } })
]

const payCol = dataTableColumnHelper<Payment>()
const paymentColumns: DataTableColumn<Payment>[] = [
  payCol.accessor('receivedOn', { header: 'Date', cell: (i) => <span className="num">{formatDate(i.getValue())}</span>, meta: { className: 'w-32' } }),
  payCol.accessor('clientName', { header: 'Client' }),
  payCol.accessor('kind', { header: 'Type', cell: (i) => (i.getValue() === 'refund' ? 'Refund' : 'Payment'), meta: { className: 'w-24' } }),
  payCol.accessor('method', { header: 'Method', cell: (i) => PAYMENT_METHOD_LABELS[i.getValue() as Payment['method']], meta: { className: 'w-32' } }),
  payCol.accessor('reference', { header: 'Reference', cell: (i) => <span className="text-ink-soft">{i.getValue() ?? ''}</span> }),
  payCol.accessor('amountCents', { header: 'Amount', cell: (i) => money(i.row.original.kind === 'refund' ? -i.getValue() : i.getValue()), meta: { align: 'right', className: 'w-28' } })
]

const agingCol = dataTableColumnHelper<AgingRow>()
const agingColumns: DataTableColumn<AgingRow>[] = [
  agingCol.accessor('clientName', { header: 'Client' }),
  agingCol.accessor('current', { header: 'Current (0–30)', cell: (i) => money(i.getValue()), meta: { align: 'right' } }),
  agingCol.accessor('days31to60', { header: '31–60 days', cell: (i) => money(i.getValue()), meta: { align: 'right' } }),
  agingCol.accessor('days61to90', { header: '61–90 days', cell: (i) => money(i.getValue()), meta: { align: 'right' } }),
  agingCol.accessor('over90', { header: 'Over 90 days', cell: (i) => money(i.getValue()), meta: { align: 'right' } }),
  agingCol.accessor('total', { header: 'Total', cell: (i) => <strong>{money(i.getValue())}</strong>, meta: { align: 'right' } })
]

function Section({ id, title, action, children }: { id: string; title: string; action?: React.ReactNode; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-2">
      <div className="flex items-end justify-between">
        <h2 id={id} className="text-[15px] font-semibold text-ink">
          {title}
        </h2>
        {action}
      </div>
      {children}
    </section>
  )
}

function MonthCell({ label, value, sub }: { label: string; value: number | undefined; sub: number | undefined }) {
  return (
    <div className="rounded-lg border border-line bg-surface px-4 py-3">
      <div className="text-xs font-medium text-ink-soft">{label}</div>
      <div className="num mt-0.5 text-lg font-semibold text-ink">{value === undefined ? '…' : formatCents(value)}</div>
      <div className="num text-xs text-ink-faint">{sub === undefined ? '' : `${formatCents(sub)} this year`}</div>
    </div>
  )
}

function MonthTotals() {
  const today = localToday()
  const months = useQuery(billingQueries.monthTotals(today))
  const month = months.data?.find((m) => m.month === today.slice(0, 7))
  const year = months.data?.reduce((s, m) => ({ charged: s.charged + m.charged, adjusted: s.adjusted + m.adjusted, received: s.received + m.received - m.refunded }), { charged: 0, adjusted: 0, received: 0 })
  return (
    <div className="grid grid-cols-3 gap-3" aria-label="This month">
      <MonthCell label="Charged this month" value={month?.charged} sub={year?.charged} />
      <MonthCell label="Adjusted this month" value={month?.adjusted} sub={year?.adjusted} />
      <MonthCell label="Received this month (less refunds)" value={month ? month.received - month.refunded : undefined} sub={year?.received} />
    </div>
  )
}

function ExportForm() {
  const [from, setFrom] = useState(() => `${localToday().slice(0, 7)}-01`)
  const [to, setTo] = useState(localToday)
  const exporter = useExportCsv()
  const onSubmit = (e: FormEvent) => {
    e.preventDefault()
    exporter.mutate(
      { from, to },
      {
        onSuccess: (r) => toast.success(`Saved ${r.fileName} (${r.rows} rows) in the exports folder`),
        onError: (error) => toast.error(error instanceof Error ? error.message : 'The export failed.')
      }
    )
  }
  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-3 rounded-lg border border-line bg-surface px-4 py-3" aria-label="Accountant’s export">
      <DateField label="From" value={from} onChange={(e) => setFrom(e.target.value)} />
      <DateField label="To" value={to} onChange={(e) => setTo(e.target.value)} />
      <Button type="submit" busy={exporter.isPending}>
        <Download aria-hidden="true" />
        Export CSV for the accountant
      </Button>
      {exporter.data && (
        <p className="text-[13px] text-ink-soft" data-testid="export-result">
          Saved <span className="num font-medium text-ink">{exporter.data.fileName}</span> — {exporter.data.rows} rows
        </p>
      )}
    </form>
  )
}

export function BillingPage() {
  const navigate = useNavigate()
  const allowed = useCan('viewPracticeBilling')
  const unbilled = useQuery({ ...billingQueries.unbilled(), enabled: allowed })
  const invoices = useQuery({ ...billingQueries.invoices(true), enabled: allowed })
  const aging = useQuery({ ...billingQueries.aging(), enabled: allowed })
  const [since] = useState(() => daysAgo(90))
  const payments = useQuery({ ...billingQueries.payments(since, localToday()), enabled: allowed })
  const [invoicingMonth, setInvoicingMonth] = useState(false)
  const invoiceMonth = useInvoiceMonth()
  const held = useMemo(() => (unbilled.data ?? []).filter((c) => c.state === 'held'), [unbilled.data])
  const billable = useMemo(() => (unbilled.data ?? []).filter((c) => c.state === 'unbilled'), [unbilled.data])
  const [lastMonth] = useState(previousMonth)

  if (!allowed) {
    return (
      <>
        <PageHeader title="Billing" />
        <EmptyState icon={<Banknote />} title="Billing is kept by the practice’s administrator" body="You can read a client’s billing on the Billing tab of their chart." className="rounded-lg border border-line bg-surface" />
      </>
    )
  }

  const open = (row: { clientId: string }) => navigate(chartBilling(row.clientId))
  const error = unbilled.error ?? invoices.error ?? aging.error ?? payments.error
  return (
    <div className="space-y-6">
      <PageHeader
        title="Billing"
        subtitle="Charges, invoices, payments and who owes what"
        actions={
          <Button variant="primary" onClick={() => setInvoicingMonth(true)}>
            <FileText aria-hidden="true" />
            Invoice last month
          </Button>
        }
      />
      {error && <ErrorState title="Some billing figures could not be loaded" error={error} onRetry={() => void unbilled.refetch()} />}
      <DisputeNotice />
      <MonthTotals />

      <Section id="aging-heading" title={`Aging${aging.data ? ` as of ${formatDate(aging.data.asOf)}` : ''}`}>
        <DataTable label="Aging" columns={agingColumns} data={aging.data?.rows ?? []} getRowId={(r) => r.clientId} onRowOpen={open} loading={aging.isPending} loadingRows={3}
          empty={<EmptyState icon={<Banknote />} title="Nobody owes anything" body="Open invoices appear here by how long ago they were issued." />}
        />
        {aging.data && (
          <div className="num flex justify-end gap-6 px-3 text-[13px] text-ink-soft" data-testid="aging-totals">
            <span>Current {formatCents(aging.data.totals.current)}</span>
            <span>31–60 {formatCents(aging.data.totals.days31to60)}</span>
            <span>61–90 {formatCents(aging.data.totals.days61to90)}</span>
            <span>Over 90 {formatCents(aging.data.totals.over90)}</span>
            <strong className="text-ink">Total {formatCents(aging.data.totals.total)}</strong>
          </div>
        )}
      </Section>

      <Section id="open-invoices-heading" title="Open invoices">
        <DataTable label="Open invoices" columns={invoiceColumns} data={invoices.data ?? []} getRowId={(i) => i.id} onRowOpen={open} loading={invoices.isPending} loadingRows={3}
          empty={<EmptyState icon={<FileText />} title="No open invoices" body="Every issued invoice is paid." />}
        />
      </Section>

      <Section id="unbilled-heading" title={`Unbilled charges (${billable.length})`}>
        <DataTable<UnbilledRow>
          label="Unbilled charges"
          columns={chartColumnsWithClient}
          data={billable}
          getRowId={(c) => c.id}
          onRowOpen={open}
          loading={unbilled.isPending}
          loadingRows={3}
          empty={<EmptyState icon={<Banknote />} title="Everything is invoiced" body="Completed sessions add charges here." />}
        />
      </Section>

      <Section id="held-heading" title={`Held until the note is signed (${held.length})`}>
        <DataTable<UnbilledRow>
          label="Held charges"
          columns={chartColumnsWithClient}
          data={held}
          getRowId={(c) => c.id}
          onRowOpen={open}
          loading={unbilled.isPending}
          loadingRows={2}
          empty={<EmptyState icon={<Banknote />} title="Nothing is held" body="A session’s charges wait here until its note is signed (Settings → Billing)." />}
        />
      </Section>

      <Section id="payments-heading" title="Payments received (last 90 days)">
        <DataTable label="Payments received" columns={paymentColumns} data={payments.data ?? []} getRowId={(p) => p.id} onRowOpen={open} loading={payments.isPending} loadingRows={3}
          empty={<EmptyState icon={<Banknote />} title="No payments yet" body="Record a payment from a client’s Billing tab." />}
        />
      </Section>

      <Section id="export-heading" title="Accountant’s export">
        <ExportForm />
      </Section>

      <ConfirmDialog
        open={invoicingMonth}
        onOpenChange={setInvoicingMonth}
        title="Invoice last month"
        body="Every client with unbilled charges dated last month gets one invoice for them, numbered and issued today. Held charges wait for their notes."
        confirmLabel="Create invoices"
        busy={invoiceMonth.isPending}
        onConfirm={() =>
          invoiceMonth.mutate(
            { month: lastMonth },
            {
              onSuccess: (made) => {
                toast.success(made.length === 0 ? 'Nothing to invoice for last month' : `${made.length} invoice${made.length === 1 ? '' : 's'} issued`)
                setInvoicingMonth(false)
              },
              onError: (e) => toast.error(e instanceof Error ? e.message : 'The invoices could not be created.')
            }
          )
        }
      />
    </div>
  )
}
