/**
 * The documents made for a client (superbills, Good Faith Estimates, statements), newest first:
 * each can be saved again — main draws it from its stored snapshot and checks the bytes against
 * the SHA-256 kept when it was made — or voided with a reason. Nothing is ever deleted.
 */
import { useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { FileDown, FileText } from 'lucide-react'
import { toast } from 'sonner'
import type { StoredDocument } from '@shared/contracts/documents'
import { DOCUMENT_LABEL } from '@shared/domain/documents'
import { formatCents } from '@shared/domain/money'
import { Badge, Button, ConfirmDialog, DataTable, EmptyState, ErrorState, FormError, LoadingRows, TextareaField, dataTableColumnHelper, type DataTableColumn } from '@renderer/components'
import { ApiError } from '@renderer/lib/api'
import { formatDate } from '@renderer/lib/format'
import { documentsQueries, useDownloadDocument, useVoidDocument } from './queries'

const col = dataTableColumnHelper<StoredDocument>()

function columns(onDownload: (d: StoredDocument) => void, onVoid: (d: StoredDocument) => void, downloading: string | null): DataTableColumn<StoredDocument>[] {
  return [
    col.accessor('number', { header: 'Number', cell: (i) => <span className="num whitespace-nowrap font-medium">{i.getValue()}</span>, meta: { className: 'w-32' } }),
    col.accessor('kind', {
      header: 'Document',
      cell: ({ row }) => (
        <span>
          {DOCUMENT_LABEL[row.original.kind]}
          {row.original.remark && <span className="block text-[12px] text-ink-soft">{row.original.remark}</span>}
        </span>
      )
    }),
    col.display({
      id: 'period',
      header: 'Period',
      cell: ({ row }) => (
        <span className="num whitespace-nowrap">
          {formatDate(row.original.periodFrom)} – {formatDate(row.original.periodTo)}
        </span>
      )
    }),
    col.accessor('totalCents', { header: 'Total', cell: (i) => <span className="num">{formatCents(i.getValue())}</span>, meta: { align: 'right', className: 'w-28' } }),
    col.accessor('createdAt', {
      header: 'Made',
      cell: ({ row }) => (
        <span>
          <span className="num block whitespace-nowrap">{formatDate(row.original.createdAt.slice(0, 10))}</span>
          <span className="block text-[12px] text-ink-soft">by {row.original.createdBy}</span>
        </span>
      )
    }),
    col.accessor('voidedAt', {
      header: 'State',
      cell: ({ row }) =>
        row.original.voidedAt ? (
          <span>
            <Badge>Void</Badge>
            <span className="mt-0.5 block min-w-40 text-[12px] text-ink-soft">{row.original.voidReason}</span>
          </span>
        ) : (
          <Badge tone="success">Issued</Badge>
        )
    }),
    col.display({
      id: 'actions',
      header: () => <span className="sr-only">Actions</span>,
      cell: ({ row }) => (
        <span className="flex justify-end gap-1 whitespace-nowrap">
          <Button size="sm" variant="ghost" busy={downloading === row.original.id} onClick={() => onDownload(row.original)} aria-label={`Download again ${row.original.number}`}>
            <FileDown aria-hidden="true" />
            Download again
          </Button>
          {!row.original.voidedAt && (
            <Button size="sm" variant="ghost" onClick={() => onVoid(row.original)} aria-label={`Void ${row.original.number}`}>
              Void
            </Button>
          )}
        </span>
      ),
      meta: { align: 'right' }
    })
  ]
}

export function DocumentsSection({ clientId }: { clientId: string }) {
  const query = useQuery(documentsQueries.list(clientId))
  const download = useDownloadDocument()
  const voiding = useVoidDocument()
  const [target, setTarget] = useState<StoredDocument | null>(null)
  const [reason, setReason] = useState('')
  const onDownload = (d: StoredDocument) =>
    download.mutate(d.id, {
      onSuccess: (file) => toast.success(`Saved ${file.fileName} to the exports folder, identical to the one first made`),
      onError: (error) => toast.error(error instanceof Error ? error.message : 'The document could not be saved.')
    })
  const close = () => {
    setTarget(null)
    setReason('')
    voiding.reset()
  }
  const reasonError = voiding.error instanceof ApiError ? voiding.error.fields.reason : undefined
  return (
    <section aria-labelledby="billing-documents-heading">
      <h3 id="billing-documents-heading" className="mb-2 text-sm font-semibold text-ink">
        Documents
      </h3>
      {query.isPending ? (
        <LoadingRows rows={2} as="div" />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <DataTable
          label="Documents"
          columns={columns(onDownload, setTarget, download.isPending ? (download.variables ?? null) : null)}
          data={query.data}
          getRowId={(d) => d.id}
          empty={<EmptyState icon={<FileText />} title="No documents yet" body="Superbills, Good Faith Estimates and statements made for this client are kept here." />}
        />
      )}
      <ConfirmDialog
        open={target !== null}
        onOpenChange={(open) => !open && close()}
        title={`Void ${target?.number ?? 'this document'}?`}
        body="It stays in the record, marked void with your reason; its number is never given again. Make a new one if the client needs a corrected copy."
        confirmLabel="Void document"
        tone="danger"
        busy={voiding.isPending}
        onConfirm={() =>
          target &&
          voiding.mutate(
            { id: target.id, reason },
            {
              onSuccess: (d) => {
                toast.success(`${d.number} voided`)
                close()
              }
            }
          )
        }
      >
        <TextareaField label="Reason" required rows={2} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} error={reasonError} />
        {!reasonError && <FormError error={voiding.error} />}
      </ConfirmDialog>
    </section>
  )
}
