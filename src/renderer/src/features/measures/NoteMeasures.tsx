/** The measures given in one session, inside its note, with a way to add one linked to the note. */
import { useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { Link } from 'react-router'
import { CircleAlert, Plus } from 'lucide-react'
import { MEASURES } from '@shared/domain/measures'
import { Badge, Button, Skeleton } from '@renderer/components'
import { formatDate } from '@renderer/lib/format'
import { MeasureDialog } from './MeasureDialog'
import { measureQueries } from './queries'
import { bandTone } from './score'

export function NoteMeasures({
  clientId,
  noteId,
  sessionId,
  sessionDate,
  readOnly = false
}: {
  clientId: string
  noteId: string
  sessionId: string
  sessionDate: string
  readOnly?: boolean
}) {
  const [adding, setAdding] = useState(false)
  const list = useQuery(measureQueries.list(clientId))
  const linked = (list.data ?? []).filter((m) => m.noteId === noteId || m.sessionId === sessionId)

  return (
    <div className="space-y-3">
      {list.isPending ? (
        <Skeleton className="h-8 w-80" />
      ) : list.isError ? (
        <p className="text-sm text-ink-faint">Measures could not be loaded.</p>
      ) : linked.length === 0 ? (
        <p className="text-sm text-ink-faint">No measure given in this session yet.</p>
      ) : (
        <ul aria-label="Measures in this session" className="divide-y divide-line rounded-md border border-line bg-surface">
          {linked.map((m) => (
            <li key={m.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2 text-sm">
              <span className="w-14 font-medium text-ink">{MEASURES[m.kind].label}</span>
              <span className="num">
                <span className="font-semibold">{m.total}</span>
                <span className="text-ink-faint"> / {MEASURES[m.kind].totalMax}</span>
              </span>
              <Badge tone={bandTone(m.kind, m.band)}>{m.bandLabel}</Badge>
              {m.safetyFlag && (
                <Badge tone="danger">
                  <CircleAlert aria-hidden="true" />
                  Safety flag
                </Badge>
              )}
              <span className="num ml-auto text-[13px] text-ink-faint">{formatDate(m.administeredOn)}</span>
            </li>
          ))}
        </ul>
      )}
      <div className="flex items-center gap-3">
        {!readOnly && (
          <Button onClick={() => setAdding(true)}>
            <Plus aria-hidden="true" />
            Add measure
          </Button>
        )}
        <Link to={`/clients/${clientId}/measures`} className="rounded text-[13px] text-accent-700 hover:text-accent-800">
          See the trend on the chart
        </Link>
      </div>
      <MeasureDialog
        clientId={clientId}
        open={adding}
        onOpenChange={setAdding}
        link={{ noteId }}
        defaultDate={sessionDate}
        context={`Given in the session of ${formatDate(sessionDate)}; it is linked to this note.`}
      />
    </div>
  )
}
