import { useState } from 'react'
import { Link, useNavigate, useParams } from 'react-router'
import { useQuery } from '@tanstack/react-query'
import { toast } from 'sonner'
import { Archive, ArchiveRestore, ChevronLeft } from 'lucide-react'
import type { Client } from '@shared/contracts/clients'
import { Badge, Button, ConfirmDialog, ErrorState, FormError, LoadingRows, PageHeader, TextareaField } from '@renderer/components'
import { isApiError } from '@renderer/lib/errors'
import { clientDisplayName, formatTimestamp } from '@renderer/lib/format'
import { ClientForm } from './ClientForm'
import { useArchiveClient, useCreateClient, useRestoreClient, useUpdateClient } from './mutations'
import { clientQueries } from './queries'

const backLink = (to: string, label: string) => (
  <Link to={to} className="inline-flex items-center gap-0.5 rounded hover:text-ink">
    <ChevronLeft aria-hidden="true" className="size-3.5" />
    {label}
  </Link>
)

export function NewClientPage() {
  const navigate = useNavigate()
  const create = useCreateClient()
  return (
    <div className="mx-auto max-w-5xl">
      <PageHeader title="Add client" eyebrow={backLink('/clients', 'Clients')} subtitle="Start a chart. Only the name, date of birth and sex are needed now." />
      <ClientForm
        onSubmit={(values) => create.mutateAsync(values)}
        onSaved={(saved) => {
          toast.success(`${clientDisplayName(saved)} added`)
          void navigate(`/clients/${saved.id}`, { replace: true })
        }}
        onCancel={() => void navigate('/clients')}
      />
    </div>
  )
}

export function EditClientPage() {
  const { clientId = '' } = useParams()
  const navigate = useNavigate()
  const detail = useQuery(clientQueries.detail(clientId))
  const update = useUpdateClient()

  if (detail.isPending) {
    return (
      <div className="mx-auto max-w-5xl">
        <PageHeader title="Edit client" eyebrow={backLink('/clients', 'Clients')} />
        <LoadingRows as="div" rows={10} />
      </div>
    )
  }
  if (detail.isError) {
    return (
      <div className="mx-auto max-w-5xl">
        <PageHeader title="Edit client" eyebrow={backLink('/clients', 'Clients')} />
        <ErrorState
          error={detail.error}
          title={isApiError(detail.error, 'not_found') ? 'This client could not be found' : 'This client could not be loaded'}
          onRetry={isApiError(detail.error, 'not_found') ? undefined : () => void detail.refetch()}
        />
      </div>
    )
  }

  const client = detail.data.client
  const chart = `/clients/${client.id}`
  return (
    <div className="mx-auto max-w-5xl">
      <PageHeader
        title={`Edit ${clientDisplayName(client)}`}
        eyebrow={backLink(chart, 'Back to chart')}
        subtitle={
          client.archivedAt ? (
            <Badge tone="neutral">
              <Archive aria-hidden="true" />
              Archived {formatTimestamp(client.archivedAt)}
            </Badge>
          ) : (
            `Last changed ${formatTimestamp(client.updatedAt)}`
          )
        }
      />
      <ClientForm
        key={client.id}
        client={client}
        onSubmit={(values) => update.mutateAsync({ id: client.id, client: values })}
        onSaved={(saved) => {
          toast.success('Client saved')
          void navigate(`/clients/${saved.id}`, { replace: true })
        }}
        onCancel={() => void navigate(chart)}
        secondaryActions={<ArchiveControls client={client} />}
      />
    </div>
  )
}

/** Archive (with an optional reason) or restore. Clinical records are never deleted. */
export function ArchiveControls({ client }: { client: Client }) {
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState('')
  const archive = useArchiveClient()
  const restore = useRestoreClient()
  const archived = client.archivedAt !== null
  const mutation = archived ? restore : archive

  const confirm = () =>
    mutation.mutate(
      archived ? { id: client.id } : { id: client.id, reason: reason.trim() || null },
      {
        onSuccess: () => {
          setOpen(false)
          setReason('')
          toast.success(archived ? 'Client restored' : 'Client archived')
        }
      }
    )

  return (
    <>
      <Button
        variant="ghost"
        onClick={() => {
          mutation.reset()
          setOpen(true)
        }}
      >
        {archived ? <ArchiveRestore aria-hidden="true" /> : <Archive aria-hidden="true" />}
        {archived ? 'Restore client' : 'Archive client'}
      </Button>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title={archived ? `Restore ${clientDisplayName(client)}?` : `Archive ${clientDisplayName(client)}?`}
        body={
          archived
            ? 'The client returns to your current caseload, and their chart can be added to again.'
            : 'The chart is kept in full and nothing is deleted. Archived clients leave the current caseload; you can restore them at any time.'
        }
        confirmLabel={archived ? 'Restore client' : 'Archive client'}
        tone="primary"
        busy={mutation.isPending}
        onConfirm={confirm}
      >
        {!archived && (
          <TextareaField label="Reason (optional)" rows={2} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} placeholder="Course completed, moved away…" />
        )}
        <FormError error={mutation.error} className="mt-3" />
      </ConfirmDialog>
    </>
  )
}
