/**
 * A client's billing tab: what they owe and hold in credit, their ledger with a running balance,
 * unbilled and held charges (with diagnosis pointers), invoices and their state. The owner and
 * the administrator act here; a clinician reads it. Nothing here carries note content.
 */
import { useMemo, useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { Banknote, FileText, Plus } from 'lucide-react'
import { toast } from 'sonner'
import type { Charge, Invoice, LedgerRow } from '@shared/contracts/billing'
import { INVOICE_STATUS_LABELS } from '@shared/domain/billing'
import { formatCents } from '@shared/domain/money'
import { Badge, Button, DataTable, EmptyState, ErrorState, LoadingRows, dataTableColumnHelper, type BadgeTone, type DataTableColumn } from '@renderer/components'
import { formatDate } from '@renderer/lib/format'
import { useCan } from '../auth/access'
import { DisputeNotice } from '../documents/DisputeNotice'
import { DocumentsSection } from '../documents/DocumentsSection'
import { GoodFaithEstimateForm } from '../documents/GoodFaithEstimateForm'
import { StatementForm } from '../documents/StatementForm'
import { ReadOnlyNote, TabToolbar } from '../clients/chart/parts'
import { AdjustDialog, CreateInvoiceDialog, RecordPaymentDialog, RefundDialog } from './BillingDialogs'
import { billingQueries, useApplyCredit } from './queries'
import { ChargeEditDialog } from './ChargeEditDialog'
import { InvoiceActions, VoidInvoiceDialog } from './InvoiceActions'
import { SlidingScaleCard } from './SlidingScaleCard'
import { SuperbillForm } from './SuperbillForm'

export const money = (cents: number) => <span className="num whitespace-nowrap">{formatCents(cents)}</span>

export const INVOICE_TONES: Record<Invoice['status'], BadgeTone> = {
  draft: 'neutral',
  issued: 'accent',
  partially_paid: 'warning',
  paid: 'success',
  void: 'neutral'
}
export const invoiceBadge = (status: Invoice['status']) => <Badge tone={INVOICE_TONES[status]}>{INVOICE_STATUS_LABELS[status]}</Badge>

const ledgerCol = dataTableColumnHelper<LedgerRow>()
const TYPE_LABELS: Record<LedgerRow['type'], string> = { charge: 'Charge', adjustment: 'Adjustment', payment: 'Payment', refund: 'Refund' }
const ledgerColumns: DataTableColumn<LedgerRow>[] = [
  ledgerCol.accessor('date', { header: 'Date', cell: (i) => <span className="num whitespace-nowrap">{formatDate(i.getValue())}</span>, meta: { className: 'w-32' } }),
  ledgerCol.accessor('type', { header: 'Type', cell: (i) => TYPE_LABELS[i.getValue() as LedgerRow['type']], meta: { className: 'w-28' } }),
  ledgerCol.accessor('description', {
    header: 'Description',
    cell: ({ row }) => (
      <span>
        {row.original.code && <span className="num mr-2 font-medium text-ink">{row.original.code}</span>}
        {row.original.description}
      </span>
    )
  }),
  ledgerCol.accessor('invoiceNumber', { header: 'Invoice', cell: (i) => <span className="num text-ink-soft">{i.getValue() ?? ''}</span>, meta: { className: 'w-40' } }),
  ledgerCol.accessor('amountCents', { header: 'Amount', cell: (i) => money(i.getValue()), meta: { align: 'right', className: 'w-28' } }),
  ledgerCol.accessor('balanceCents', { header: 'Balance', cell: (i) => money(i.getValue()), meta: { align: 'right', className: 'w-28' } })
]

const chargeCol = dataTableColumnHelper<Charge>()
export const chargeColumns: DataTableColumn<Charge>[] = [
  chargeCol.accessor('dateOfService', { header: 'Date of service', cell: (i) => <span className="num whitespace-nowrap">{formatDate(i.getValue())}</span>, meta: { className: 'w-36' } }),
  chargeCol.accessor('code', {
    header: 'Code',
    cell: ({ row }) => (
      <span className="num font-medium">
        {row.original.code}
        {row.original.modifiers.length > 0 && <span className="ml-1 text-ink-soft">-{row.original.modifiers.join(' ')}</span>}
      </span>
    ),
    meta: { className: 'w-32' }
  }),
  chargeCol.accessor('description', { header: 'Service' }),
  chargeCol.accessor('units', { header: 'Units', cell: (i) => <span className="num">{i.getValue()}</span>, meta: { align: 'right', className: 'w-16' } }),
  chargeCol.accessor('pointers', {
    header: 'Diagnoses',
    cell: ({ row }) =>
      row.original.pointers.length > 0 ? (
        <span className="num" title={row.original.diagnosisCodes.join(', ')}>
          {row.original.pointers.map((p, i) => `${p} ${row.original.diagnosisCodes[i]}`).join(' · ')}
        </span>
      ) : (
        <span className="text-ink-faint">None</span>
      ),
    enableSorting: false
  }),
  chargeCol.accessor('state', {
    header: 'State',
    cell: ({ row }) =>
      row.original.state === 'held' ? (
        <Badge tone="warning" title={row.original.heldReason ?? undefined}>Held — note unsigned</Badge>
      ) : row.original.state === 'invoiced' ? (
        <Badge tone="accent">{row.original.invoiceNumber}</Badge>
      ) : row.original.state === 'void' ? (
        <Badge>Void</Badge>
      ) : (
        <Badge tone="neutral">Unbilled</Badge>
      ),
    meta: { className: 'w-44' }
  }),
  chargeCol.accessor('amountCents', { header: 'Amount', cell: (i) => money(i.getValue()), meta: { align: 'right', className: 'w-28' } })
]

/** The chart's charge columns with Edit (until invoiced) and Adjust (while money is open) on each charge. */
function adjustableChargeColumns(onEdit: (charge: Charge) => void, onAdjust: (charge: Charge) => void): DataTableColumn<Charge>[] {
  return [
    ...chargeColumns,
    chargeCol.display({
      id: 'actions',
      header: () => <span className="sr-only">Actions</span>,
      cell: ({ row }) => (
        <div className="flex justify-end gap-1">
          {(row.original.state === 'unbilled' || row.original.state === 'held') && (
            <Button size="sm" variant="ghost" onClick={() => onEdit(row.original)} aria-label={`Edit ${row.original.code} of ${row.original.dateOfService}`}>
              Edit
            </Button>
          )}
          {row.original.state !== 'void' && row.original.openCents > 0 && (
            <Button size="sm" variant="ghost" onClick={() => onAdjust(row.original)} aria-label={`Adjust ${row.original.code} of ${row.original.dateOfService}`}>
              Adjust
            </Button>
          )}
        </div>
      ),
      meta: { align: 'right', className: 'w-36' }
    })
  ]
}

const invoiceCol = dataTableColumnHelper<Invoice>()
const invoiceColumns: DataTableColumn<Invoice>[] = [
  invoiceCol.accessor('number', { header: 'Invoice', cell: (i) => <span className="num font-medium">{i.getValue()}</span>, meta: { className: 'w-40' } }),
  invoiceCol.accessor('issuedOn', { header: 'Issued', cell: (i) => <span className="num">{i.getValue() ? formatDate(i.getValue()) : 'Draft'}</span>, meta: { className: 'w-32' } }),
  invoiceCol.accessor('status', { header: 'State', cell: (i) => invoiceBadge(i.getValue()), meta: { className: 'w-36' } }),
  invoiceCol.accessor('totalCents', { header: 'Total', cell: (i) => money(i.getValue()), meta: { align: 'right' } }),
  invoiceCol.accessor('adjustedCents', { header: 'Adjusted', cell: (i) => money(i.getValue()), meta: { align: 'right' } }),
  invoiceCol.accessor('paidCents', { header: 'Paid', cell: (i) => money(i.getValue()), meta: { align: 'right' } }),
  invoiceCol.accessor('openCents', { header: 'Open', cell: (i) => <strong>{money(i.getValue())}</strong>, meta: { align: 'right' } })
]

const actionableInvoiceColumns = (onVoid: (invoice: Invoice) => void): DataTableColumn<Invoice>[] => [
  ...invoiceColumns,
  invoiceCol.display({
    id: 'actions',
    header: () => <span className="sr-only">Actions</span>,
    cell: ({ row }) => <InvoiceActions invoice={row.original} onVoid={onVoid} />,
    meta: { align: 'right', className: 'w-40' }
  })
]

function Stat({ label, value, tone, testId }: { label: string; value: number; tone?: 'accent' | 'success'; testId: string }) {
  return (
    <div className="rounded-lg border border-line bg-surface px-4 py-3">
      <div className="text-xs font-medium text-ink-soft">{label}</div>
      <div data-testid={testId} className={`num mt-0.5 text-lg font-semibold ${tone === 'success' ? 'text-emerald-700' : 'text-ink'}`}>
        {formatCents(value)}
      </div>
    </div>
  )
}

export function BillingTab({ clientId, readOnly }: { clientId: string; readOnly: boolean }) {
  const account = useQuery(billingQueries.account(clientId))
  const canManage = useCan('manageBilling')
  const [dialog, setDialog] = useState<'invoice' | 'payment' | 'refund' | null>(null)
  const [showAll, setShowAll] = useState(false)
  const data = account.data
  const unbilled = useMemo(() => (data?.charges ?? []).filter((c) => c.state === 'unbilled'), [data])
  const pending = useMemo(() => (data?.charges ?? []).filter((c) => c.state === 'unbilled' || c.state === 'held' || showAll), [data, showAll])
  const openInvoices = useMemo(() => (data?.invoices ?? []).filter((i) => i.status === 'issued' || i.status === 'partially_paid'), [data])
  const ledger = useMemo(() => (data?.ledger ?? []).toReversed(), [data])
  const writable = canManage && !readOnly
  const applyCredit = useApplyCredit()
  const [adjusting, setAdjusting] = useState<Charge | null>(null)
  const [editing, setEditing] = useState<Charge | null>(null)
  const [voiding, setVoiding] = useState<Invoice | null>(null)
  const columns = useMemo(() => (writable ? adjustableChargeColumns(setEditing, setAdjusting) : chargeColumns), [writable])
  const invoiceTableColumns = useMemo(() => (writable ? actionableInvoiceColumns(setVoiding) : invoiceColumns), [writable])

  if (account.isError) return <ErrorState title="Billing could not be loaded" error={account.error} onRetry={() => void account.refetch()} className="rounded-lg border border-line bg-surface" />
  if (!data) return <LoadingRows as="div" rows={6} />

  const primary =
    unbilled.length > 0 ? (
      <Button variant="primary" onClick={() => setDialog('invoice')}>
        <FileText aria-hidden="true" />
        Create invoice
      </Button>
    ) : (
      <Button variant="primary" onClick={() => setDialog('payment')}>
        <Plus aria-hidden="true" />
        Record payment
      </Button>
    )

  return (
    <div className="space-y-5">
      <TabToolbar title="Billing">
        {!canManage ? (
          <ReadOnlyNote>Read only — billing is kept by the practice’s administrator.</ReadOnlyNote>
        ) : readOnly ? (
          <ReadOnlyNote />
        ) : (
          <div className="flex gap-2">
            {data.totals.credit > 0 && openInvoices.length > 0 && (
              <Button
                busy={applyCredit.isPending}
                onClick={() =>
                  applyCredit.mutate(
                    { clientId },
                    {
                      onSuccess: (applied) => toast.success(`${formatCents(applied.reduce((s, a) => s + a.amountCents, 0))} of credit applied`),
                      onError: (e) => toast.error(e instanceof Error ? e.message : 'The credit could not be applied.')
                    }
                  )
                }
              >
                Apply credit
              </Button>
            )}
            {data.totals.credit > 0 && <Button onClick={() => setDialog('refund')}>Refund credit</Button>}
            {unbilled.length > 0 && <Button onClick={() => setDialog('payment')}>Record payment</Button>}
            {primary}
          </div>
        )}
      </TabToolbar>

      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <Stat label="Balance owed" value={Math.max(0, data.totals.net)} testId="client-balance" />
        <Stat label="Credit" value={data.totals.credit} tone={data.totals.credit > 0 ? 'success' : undefined} testId="client-credit" />
        <Stat label="Unbilled" value={data.totals.unbilled} testId="client-unbilled" />
        <Stat label="Held until signed" value={data.totals.held} testId="client-held" />
      </div>

      <SlidingScaleCard clientId={clientId} scales={data.slidingScales} writable={writable} />

      {/* An export, not a ledger change: also offered for an archived client. */}
      {canManage && <DisputeNotice clientId={clientId} />}
      {canManage && <SuperbillForm clientId={clientId} />}
      {canManage && <StatementForm clientId={clientId} />}
      {canManage && <GoodFaithEstimateForm clientId={clientId} />}
      {canManage && <DocumentsSection clientId={clientId} />}

      <section aria-labelledby="billing-charges-heading">
        <div className="mb-2 flex items-center justify-between">
          <h3 id="billing-charges-heading" className="text-sm font-semibold text-ink">
            {showAll ? 'All charges' : 'Unbilled and held charges'}
          </h3>
          <label className="flex items-center gap-2 text-[13px] text-ink-soft">
            <input type="checkbox" checked={showAll} onChange={(e) => setShowAll(e.target.checked)} />
            Show invoiced and void
          </label>
        </div>
        <DataTable
          label="Charges"
          columns={columns}
          data={pending}
          getRowId={(c) => c.id}
          empty={<EmptyState icon={<Banknote />} title="Nothing to invoice" body="Charges appear here when a session is completed, late-cancelled or marked a no-show." />}
        />
      </section>

      <section aria-labelledby="billing-invoices-heading">
        <h3 id="billing-invoices-heading" className="mb-2 text-sm font-semibold text-ink">
          Invoices
        </h3>
        <DataTable
          label="Invoices"
          columns={invoiceTableColumns}
          data={data.invoices}
          getRowId={(i) => i.id}
          empty={<EmptyState icon={<FileText />} title="No invoices yet" body={writable ? 'Create one from the unbilled charges.' : 'None issued.'} />}
        />
      </section>

      <section aria-labelledby="billing-ledger-heading">
        <h3 id="billing-ledger-heading" className="mb-2 text-sm font-semibold text-ink">
          Ledger
        </h3>
        <DataTable
          label="Ledger"
          columns={ledgerColumns}
          data={ledger}
          getRowId={(r) => `${r.type}-${r.id}`}
          empty={<EmptyState icon={<Banknote />} title="No ledger entries" body="Charges, adjustments, payments and refunds are listed here, newest first." />}
        />
      </section>

      <CreateInvoiceDialog clientId={clientId} unbilled={unbilled} open={dialog === 'invoice'} onOpenChange={(o) => setDialog(o ? 'invoice' : null)} />
      <RecordPaymentDialog clientId={clientId} openInvoices={openInvoices} open={dialog === 'payment'} onOpenChange={(o) => setDialog(o ? 'payment' : null)} />
      <AdjustDialog charge={adjusting} onOpenChange={(o) => !o && setAdjusting(null)} />
      <ChargeEditDialog charge={editing} onOpenChange={(o) => !o && setEditing(null)} />
      <VoidInvoiceDialog invoice={voiding} onOpenChange={(o) => !o && setVoiding(null)} />
      <RefundDialog clientId={clientId} credit={data.totals.credit} open={dialog === 'refund'} onOpenChange={(o) => setDialog(o ? 'refund' : null)} />
    </div>
  )
}
