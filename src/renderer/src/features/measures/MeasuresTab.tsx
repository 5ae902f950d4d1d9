/** The chart's Measures tab: the trend over the course, and every measure beside its baseline. */
import { useMemo, useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { Link } from 'react-router'
import { toast } from 'sonner'
import { Ban, CircleAlert, ClipboardList, FileText, Plus } from 'lucide-react'
import { measuresContracts, type MeasureRow } from '@shared/contracts/measures'
import type { Role } from '@shared/domain/roles'
import { MEASURES } from '@shared/domain/measures'
import { Badge, Button, DataTable, EmptyState, ErrorState, Skeleton, dataTableColumnHelper, type DataTableColumn } from '@renderer/components'
import { formatDate, formatTimestamp } from '@renderer/lib/format'
import { ChartCard, ReadOnlyNote, TabToolbar } from '../clients/chart/parts'
import { notePath } from '../notes/queries'
import { MeasureDialog } from './MeasureDialog'
import { measureQueries, useAcknowledgeMeasure } from './queries'
import { bandTone, formatChange } from './score'
import { TrendChart } from './TrendChart'
import { VoidMeasureDialog } from './VoidMeasureDialog'

const col = dataTableColumnHelper<MeasureRow>()

/** Measure answers and scores are clinical content: the tab is offered to the roles measures:list allows. */
export const canViewMeasures = (role: Role | null | undefined): boolean => role != null && measuresContracts.list.roles.includes(role)

interface ColumnOptions {
  onAcknowledge: (m: MeasureRow) => void
  onVoid: (m: MeasureRow) => void
  acknowledging: string | null
  readOnly: boolean
}

function measureColumns({ onAcknowledge, onVoid, acknowledging, readOnly }: ColumnOptions): DataTableColumn<MeasureRow>[] {
  return [
    col.accessor('administeredOn', {
      header: 'Date',
      cell: (info) => <span className="num whitespace-nowrap">{formatDate(info.getValue())}</span>,
      meta: { headerClassName: 'w-32' }
    }),
    col.accessor('kind', {
      header: 'Measure',
      cell: ({ row }) => <span className="font-medium text-ink">{MEASURES[row.original.kind].label}</span>,
      meta: { headerClassName: 'w-24' }
    }),
    col.accessor('total', {
      header: 'Total',
      cell: ({ row }) => (
        <span className="num">
          <span className="font-semibold text-ink">{row.original.total}</span>
          <span className="text-ink-faint"> / {MEASURES[row.original.kind].totalMax}</span>
        </span>
      ),
      meta: { align: 'right', headerClassName: 'w-24' }
    }),
    col.accessor('bandLabel', {
      header: 'Severity',
      cell: ({ row }) => <Badge tone={bandTone(row.original.kind, row.original.band)}>{row.original.bandLabel}</Badge>,
      enableSorting: false
    }),
    col.display({
      id: 'baseline',
      header: 'Since baseline',
      cell: ({ row }) => {
        const m = row.original
        if (m.isBaseline) return <Badge>Baseline</Badge>
        return (
          <div className="flex flex-wrap items-center gap-1.5">
            <span className="num text-ink-soft" title={`Baseline ${m.baseline.total} on ${formatDate(m.baseline.administeredOn)}`}>
              {formatChange(m.changePercent) || '—'}
            </span>
            {m.response && <Badge tone="success">Response</Badge>}
            {m.remission && <Badge tone="success">Remission</Badge>}
          </div>
        )
      }
    }),
    col.accessor('safetyFlag', {
      header: 'Safety',
      enableSorting: false,
      cell: ({ row }) => {
        const m = row.original
        if (!m.safetyFlag) return <span className="text-ink-faint">—</span>
        return (
          <div className="flex flex-wrap items-center gap-1.5">
            <Badge tone="danger" title="PHQ-9 item 9 above 0: thoughts of death or self-harm">
              <CircleAlert aria-hidden="true" />
              Self-harm item
            </Badge>
            {m.acknowledgedAt ? (
              <span className="text-xs text-ink-faint">Followed up {formatTimestamp(m.acknowledgedAt)}</span>
            ) : readOnly ? null : (
              <Button size="sm" variant="ghost" busy={acknowledging === m.id} onClick={() => onAcknowledge(m)}>
                Mark followed up
              </Button>
            )}
          </div>
        )
      },
      meta: { headerClassName: 'w-64' }
    }),
    col.display({
      id: 'note',
      header: () => <span className="sr-only">Note</span>,
      cell: ({ row }) =>
        row.original.noteId ? (
          <Link
            to={notePath(row.original.noteId)}
            className="inline-flex items-center gap-1 rounded text-[13px] text-accent-700 hover:text-accent-800"
            aria-label={`Open the note for the ${MEASURES[row.original.kind].label} of ${formatDate(row.original.administeredOn)}`}
          >
            <FileText aria-hidden="true" className="size-3.5" />
            Note
          </Link>
        ) : null,
      meta: { align: 'right', headerClassName: 'w-20' }
    }),
    col.display({
      id: 'void',
      header: () => <span className="sr-only">Void</span>,
      cell: ({ row }) =>
        readOnly ? null : (
          <Button
            size="sm"
            variant="ghost"
            onClick={() => onVoid(row.original)}
            aria-label={`Void the ${MEASURES[row.original.kind].label} of ${formatDate(row.original.administeredOn)}`}
          >
            <Ban aria-hidden="true" />
            Void
          </Button>
        ),
      meta: { align: 'right', headerClassName: 'w-24' }
    })
  ]
}

export function MeasuresTab({ clientId, readOnly }: { clientId: string; readOnly: boolean }) {
  const [adding, setAdding] = useState(false)
  const [acknowledging, setAcknowledging] = useState<string | null>(null)
  const [voiding, setVoiding] = useState<MeasureRow | null>(null)
  const list = useQuery(measureQueries.list(clientId))
  const trend = useQuery(measureQueries.trend(clientId))
  const acknowledge = useAcknowledgeMeasure(clientId)

  const onAcknowledge = (m: MeasureRow) => {
    setAcknowledging(m.id)
    acknowledge.mutate(m.id, {
      onSuccess: () => toast.success('Safety flag marked as followed up'),
      onError: () => toast.error('The flag could not be updated. Please try again.'),
      onSettled: () => setAcknowledging(null)
    })
  }
  // oxlint-disable-next-line react-hooks/exhaustive-deps -- onAcknowledge only reads stable mutation state
  const columns = useMemo(() => measureColumns({ onAcknowledge, onVoid: setVoiding, acknowledging, readOnly }), [acknowledging, readOnly])
  const rows = list.data ?? []
  const hasPoints = trend.data?.series.some((s) => s.points.length > 0) ?? false

  const addButton = (
    <Button variant="primary" onClick={() => setAdding(true)}>
      <Plus aria-hidden="true" />
      Add measure
    </Button>
  )

  return (
    <div className="space-y-4">
      <TabToolbar title="Measures" count={list.data ? `${rows.length} on file` : undefined}>
        {readOnly ? <ReadOnlyNote /> : addButton}
      </TabToolbar>

      {list.isError ? (
        <ErrorState title="Measures could not be loaded" error={list.error} onRetry={() => void list.refetch()} className="rounded-lg border border-line bg-surface" />
      ) : !list.isPending && rows.length === 0 ? (
        <EmptyState
          className="rounded-lg border border-dashed border-line-strong bg-surface"
          icon={<ClipboardList />}
          title="No measures yet"
          body={
            readOnly
              ? 'This client is archived; restore them to record a measure.'
              : 'Record a baseline PHQ-9 and GAD-7 (and a PCL-5 where trauma is the focus) before the first dosing session, then again at integration to follow the course.'
          }
          action={readOnly ? undefined : addButton}
        />
      ) : (
        <>
          <ChartCard title="Trend" id="measures-trend">
            {trend.isPending ? (
              <Skeleton className="h-64 w-full rounded-md" />
            ) : trend.isError ? (
              <ErrorState title="The trend could not be loaded" error={trend.error} onRetry={() => void trend.refetch()} />
            ) : hasPoints ? (
              <TrendChart trend={trend.data} />
            ) : (
              <p className="text-sm text-ink-faint">No scores to chart yet.</p>
            )}
          </ChartCard>
          <DataTable label="Measures" columns={columns} data={rows} getRowId={(m) => m.id} loading={list.isPending} loadingRows={4} fixedLayout />
        </>
      )}

      <MeasureDialog clientId={clientId} open={adding} onOpenChange={setAdding} />
      <VoidMeasureDialog clientId={clientId} measure={voiding} onOpenChange={(open) => !open && setVoiding(null)} />
    </div>
  )
}
