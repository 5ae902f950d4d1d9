import { useMemo, useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { FileSignature, Plus, TriangleAlert } from 'lucide-react'
import type { Consent } from '@shared/contracts/consents'
import { CONSENT_KINDS } from '@shared/domain/consents'
import { Badge, Button, DataTable, EmptyState, ErrorState, dataTableColumnHelper, type DataTableColumn } from '@renderer/components'
import { formatDate } from '@renderer/lib/format'
import { NotRecorded, ReadOnlyNote, TabToolbar } from '../clients/chart/parts'
import { AddConsentDialog, RevokeConsentDialog } from './ConsentDialogs'
import { consentsListQuery } from './queries'

const col = dataTableColumnHelper<Consent>()

/** Current consents first, newest signed first; revoked ones after. */
const byStatusThenDate = (a: Consent, b: Consent) =>
  Number(a.revokedOn !== null) - Number(b.revokedOn !== null) || b.signedOn.localeCompare(a.signedOn)

/** The table's columns; `onRevoke` opens the revoke dialog for a consent still in effect. */
function consentColumns({ readOnly, onRevoke }: { readOnly: boolean; onRevoke: (consent: Consent) => void }): DataTableColumn<Consent>[] {
  return [
  col.accessor('kind', {
    header: 'Type',
    cell: ({ row }) => (
      <div className="py-0.5">
        <div className={row.original.revokedOn ? 'text-ink-soft' : 'font-medium text-ink'}>{CONSENT_KINDS[row.original.kind]}</div>
        {row.original.notes && <div className="max-w-md truncate text-xs text-ink-faint" title={row.original.notes}>{row.original.notes}</div>}
      </div>
    )
  }),
  col.accessor('version', { header: 'Version', cell: (info) => <span className="text-ink-soft">{info.getValue()}</span> }),
  col.accessor('signedOn', {
    header: 'Signed',
    cell: (info) => <span className="num whitespace-nowrap">{formatDate(info.getValue())}</span>,
    meta: { className: 'w-32' }
  }),
  col.accessor('witness', {
    header: 'Witness',
    cell: (info) => info.getValue() ?? <NotRecorded>None</NotRecorded>
  }),
  col.accessor('revokedOn', {
    header: 'Status',
    cell: (info) => {
      const revokedOn = info.getValue()
      return revokedOn ? <Badge>Revoked {formatDate(revokedOn)}</Badge> : <Badge tone="success">In effect</Badge>
    },
    meta: { className: 'w-44' }
  }),
  col.display({
    id: 'actions',
    header: () => <span className="sr-only">Actions</span>,
    cell: ({ row }) =>
      !readOnly && row.original.revokedOn === null ? (
        <Button size="sm" variant="ghost" onClick={() => onRevoke(row.original)} aria-label={`Revoke ${CONSENT_KINDS[row.original.kind]} consent`}>
          Revoke
        </Button>
      ) : null,
    meta: { align: 'right', className: 'w-24' }
  })
]
}

export function ConsentsTab({ clientId, readOnly }: { clientId: string; readOnly: boolean }) {
  const [adding, setAdding] = useState(false)
  const [revoking, setRevoking] = useState<Consent | null>(null)
  const consents = useQuery(consentsListQuery(clientId))

  const rows = useMemo(() => [...(consents.data ?? [])].sort(byStatusThenDate), [consents.data])
  const hasKap = rows.some((c) => c.kind === 'kap' && c.revokedOn === null)

  const columns = useMemo(() => consentColumns({ readOnly, onRevoke: setRevoking }), [readOnly])

  const addButton = (
    <Button variant="primary" onClick={() => setAdding(true)}>
      <Plus aria-hidden="true" />
      Add consent
    </Button>
  )

  return (
    <div>
      <TabToolbar title="Consents" count={consents.data ? `${rows.filter((c) => !c.revokedOn).length} in effect` : undefined}>
        {readOnly ? <ReadOnlyNote /> : addButton}
      </TabToolbar>

      {consents.data && !hasKap && (
        <p role="note" className="mb-3 flex items-start gap-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-[13px] text-amber-900">
          <TriangleAlert aria-hidden="true" className="mt-0.5 size-3.5 shrink-0" />
          No KAP consent is in effect. Record the signed ketamine-assisted psychotherapy consent before the first dosing session.
        </p>
      )}

      {consents.isError ? (
        <ErrorState title="Consents could not be loaded" error={consents.error} onRetry={() => void consents.refetch()} className="rounded-lg border border-line bg-surface" />
      ) : !consents.isPending && rows.length === 0 ? (
        <EmptyState
          className="rounded-lg border border-dashed border-line-strong bg-surface"
          icon={<FileSignature />}
          title="No consents on file"
          body={
            readOnly
              ? 'This client is archived; restore them to record a consent.'
              : 'Record each consent the client signs — KAP, telehealth, release of information — with its version, date and witness.'
          }
          action={readOnly ? undefined : addButton}
        />
      ) : (
        <DataTable
          label="Consents"
          columns={columns}
          data={rows}
          getRowId={(c) => c.id}
          loading={consents.isPending}
          loadingRows={3}
          rowClassName={(c) => (c.revokedOn ? 'bg-sunken/50' : undefined)}
        />
      )}

      <AddConsentDialog clientId={clientId} open={adding} onOpenChange={setAdding} existing={rows} suggestedKind={hasKap ? '' : 'kap'} />
      <RevokeConsentDialog clientId={clientId} consent={revoking} onOpenChange={(open) => !open && setRevoking(null)} />
    </div>
  )
}
