import { useEffect, useRef, useState, type KeyboardEvent } from 'react'
import { useQuery } from '@tanstack/react-query'
import { toast } from 'sonner'
import { ArrowDown, ArrowUp, ClipboardList, Plus, Star, Trash2 } from 'lucide-react'
import type { Diagnosis } from '@shared/contracts/diagnoses'
import { MAX_DIAGNOSES } from '@shared/domain/icd10'
import { Badge, Button, ConfirmDialog, EmptyState, ErrorState, FormError, LoadingAnnouncement, Skeleton } from '@renderer/components'
import { describeError } from '@renderer/lib/errors'
import { cn } from '@renderer/lib/cn'
import { formatDay, ReadOnlyNote, TabToolbar, ToggleFilter } from '../clients/chart/parts'
import { AddDiagnosisDialog } from './AddDiagnosisDialog'
import { diagnosesListQuery, useRemoveDiagnosis, useReorderDiagnoses, useSetPrimaryDiagnosis } from './queries'

type Direction = 'up' | 'down'

export function DiagnosesTab({ clientId, readOnly }: { clientId: string; readOnly: boolean }) {
  const [showRemoved, setShowRemoved] = useState(false)
  const [adding, setAdding] = useState(false)
  const [removing, setRemoving] = useState<Diagnosis | null>(null)
  const query = useQuery({ ...diagnosesListQuery(clientId, showRemoved), placeholderData: (prev) => prev })
  const reorder = useReorderDiagnoses(clientId)
  const setPrimary = useSetPrimaryDiagnosis(clientId)
  const remove = useRemoveDiagnosis(clientId)

  const current = (query.data ?? []).filter((d) => d.removedAt === null)
  const removed = (query.data ?? []).filter((d) => d.removedAt !== null)
  const full = current.length >= MAX_DIAGNOSES

  // After a move, keep focus on the moved row's button (or its other move button at the edge).
  const buttons = useRef(new Map<string, HTMLButtonElement>())
  const focusAfterMove = useRef<{ id: string; direction: Direction; order: string } | null>(null)
  const order = current.map((d) => d.id).join(',')
  useEffect(() => {
    const target = focusAfterMove.current
    if (!target || target.order !== order) return
    focusAfterMove.current = null
    const same = buttons.current.get(`${target.id}:${target.direction}`)
    const other = buttons.current.get(`${target.id}:${target.direction === 'up' ? 'down' : 'up'}`)
    ;(same && !same.disabled ? same : other)?.focus()
  })

  const move = (id: string, direction: Direction) => {
    const ids = current.map((d) => d.id)
    const from = ids.indexOf(id)
    const to = direction === 'up' ? from - 1 : from + 1
    if (from < 0 || to < 0 || to >= ids.length) return
    ;[ids[from], ids[to]] = [ids[to] as string, ids[from] as string]
    focusAfterMove.current = { id, direction, order: ids.join(',') }
    reorder.mutate(ids, { onError: (error) => toast.error(`The order could not be saved. ${describeError(error)}`) })
  }

  const addButton = (
    <Button variant="primary" disabled={full} onClick={() => setAdding(true)} title={full ? 'A client can have at most 12 diagnoses (A–L)' : undefined}>
      <Plus aria-hidden="true" />
      Add diagnosis
    </Button>
  )

  return (
    <div>
      <TabToolbar title="Diagnoses" count={query.data ? `${current.length} of ${MAX_DIAGNOSES}` : undefined}>
        <ToggleFilter label="Show removed" checked={showRemoved} onChange={setShowRemoved} />
        {readOnly ? <ReadOnlyNote /> : addButton}
      </TabToolbar>

      {query.isPending ? (
        <div aria-busy="true" className="divide-y divide-line rounded-lg border border-line bg-surface">
          <LoadingAnnouncement label="Loading diagnoses…" />
          {[0, 1, 2].map((i) => (
            <div key={i} className="flex h-12 items-center gap-4 px-4">
              <Skeleton className="size-6 rounded-full" />
              <Skeleton className="w-14" />
              <Skeleton className="w-72" />
            </div>
          ))}
        </div>
      ) : query.isError ? (
        <ErrorState title="Diagnoses could not be loaded" error={query.error} onRetry={() => void query.refetch()} className="rounded-lg border border-line bg-surface" />
      ) : (
        <>
          {current.length === 0 ? (
            <EmptyState
              className="rounded-lg border border-dashed border-line-strong bg-surface"
              icon={<ClipboardList />}
              title="No diagnosis yet"
              body={
                readOnly
                  ? 'This client is archived; restore them to add a diagnosis.'
                  : 'Add the ICD-10 code you are treating. Superbills letter diagnoses A–L in the order shown here.'
              }
              action={readOnly ? undefined : addButton}
            />
          ) : (
            <>
              <ol aria-label="Diagnoses, in claim order" className={cn('divide-y divide-line rounded-lg border border-line bg-surface', query.isPlaceholderData && 'opacity-60')}>
                {current.map((d, index) => (
                  <DiagnosisRow
                    key={d.id}
                    diagnosis={d}
                    first={index === 0}
                    last={index === current.length - 1}
                    readOnly={readOnly}
                    registerButton={(key, el) => {
                      if (el) buttons.current.set(`${d.id}:${key}`, el)
                      else buttons.current.delete(`${d.id}:${key}`)
                    }}
                    onMove={(direction) => move(d.id, direction)}
                    onMakePrimary={() =>
                      setPrimary.mutate(d.id, {
                        onSuccess: () => toast.success(`${d.code} is now the primary diagnosis`),
                        onError: (error) => toast.error(`The primary diagnosis was not changed. ${describeError(error)}`)
                      })
                    }
                    makingPrimary={setPrimary.isPending && setPrimary.variables === d.id}
                    onRemove={() => {
                      remove.reset()
                      setRemoving(d)
                    }}
                  />
                ))}
              </ol>
              {!readOnly && current.length > 1 && (
                <p className="mt-2 text-xs text-ink-soft">
                  Letters follow this order on superbills. Use the arrow buttons (or Alt+↑ / Alt+↓) to change it.
                </p>
              )}
            </>
          )}

          {showRemoved && (
            <section aria-labelledby="removed-diagnoses" className="mt-6">
              <h3 id="removed-diagnoses" className="mb-2 text-[13px] font-semibold text-ink-soft">
                Removed
              </h3>
              {removed.length === 0 ? (
                <p className="text-[13px] text-ink-soft">No diagnosis has been removed from this client’s list.</p>
              ) : (
                <ul aria-label="Removed diagnoses" className="divide-y divide-line rounded-lg border border-line bg-sunken/60">
                  {removed.map((d) => (
                    <li key={d.id} className="flex min-h-11 items-center gap-4 px-4 py-2 text-sm text-ink-soft">
                      <span className="num w-16 shrink-0 font-medium line-through decoration-ink-faint">{d.code}</span>
                      <span className="min-w-0 flex-1">{d.description}</span>
                      <span className="shrink-0 text-[13px] text-ink-soft">Removed {formatDay(d.removedAt)}</span>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          )}
        </>
      )}

      <AddDiagnosisDialog clientId={clientId} open={adding} onOpenChange={setAdding} />

      <ConfirmDialog
        open={removing !== null}
        onOpenChange={(open) => !open && setRemoving(null)}
        title={`Remove ${removing?.code ?? 'this diagnosis'}?`}
        body="It leaves the client’s current list (the letters after it move up) but stays in the record, so bills already made still explain their codes."
        confirmLabel="Remove diagnosis"
        tone="danger"
        busy={remove.isPending}
        onConfirm={() =>
          removing &&
          remove.mutate(removing.id, {
            onSuccess: () => {
              toast.success(`${removing.code} removed`)
              setRemoving(null)
            }
          })
        }
      >
        <FormError error={remove.error} />
      </ConfirmDialog>
    </div>
  )
}

function DiagnosisRow({
  diagnosis: d,
  first,
  last,
  readOnly,
  registerButton,
  onMove,
  onMakePrimary,
  makingPrimary,
  onRemove
}: {
  diagnosis: Diagnosis
  first: boolean
  last: boolean
  readOnly: boolean
  registerButton: (key: Direction, el: HTMLButtonElement | null) => void
  onMove: (direction: Direction) => void
  onMakePrimary: () => void
  makingPrimary: boolean
  onRemove: () => void
}) {
  const labelId = `dx-${d.id}`
  // Alt+↑ / Alt+↓ on any of the row's buttons moves the row.
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (readOnly || !event.altKey) return
    if (event.key === 'ArrowUp' && !first) {
      event.preventDefault()
      onMove('up')
    } else if (event.key === 'ArrowDown' && !last) {
      event.preventDefault()
      onMove('down')
    }
  }
  return (
    <li className="group flex min-h-12 items-center gap-3 px-4 py-2 hover:bg-sunken/40">
      <span aria-hidden="true" className="num flex size-6 shrink-0 items-center justify-center rounded-full bg-sunken text-xs font-semibold text-ink-soft ring-1 ring-line">
        {d.letter}
      </span>
      <div id={labelId} className="flex min-w-0 flex-1 flex-wrap items-baseline gap-x-3">
        <span className="sr-only">{d.letter}:</span>
        <span className="num w-16 shrink-0 text-sm font-semibold text-ink">{d.code}</span>
        <span className="min-w-0 text-sm text-ink-soft">{d.description ?? 'No description'}</span>
      </div>
      {!d.verified && (
        <Badge tone="warning" title="This code is not on the ICD-10-CM list shipped with the app">
          Custom, unverified
        </Badge>
      )}
      {d.isPrimary && (
        <Badge tone="accent">
          <Star aria-hidden="true" />
          Primary
        </Badge>
      )}
      {!readOnly && (
        <div className="flex shrink-0 items-center gap-0.5">
          {!d.isPrimary && (
            <Button size="sm" variant="ghost" busy={makingPrimary} onClick={onMakePrimary} onKeyDown={onKeyDown} aria-describedby={labelId}>
              Make primary
            </Button>
          )}
          <Button
            ref={(el) => {
              registerButton('up', el)
            }}
            size="sm"
            variant="ghost"
            className="px-1.5 disabled:opacity-35"
            aria-label="Move up"
            aria-describedby={labelId}
            aria-keyshortcuts="Alt+ArrowUp"
            disabled={first}
            onClick={() => onMove('up')}
            onKeyDown={onKeyDown}
          >
            <ArrowUp aria-hidden="true" />
          </Button>
          <Button
            ref={(el) => {
              registerButton('down', el)
            }}
            size="sm"
            variant="ghost"
            className="px-1.5 disabled:opacity-35"
            aria-label="Move down"
            aria-describedby={labelId}
            aria-keyshortcuts="Alt+ArrowDown"
            disabled={last}
            onClick={() => onMove('down')}
            onKeyDown={onKeyDown}
          >
            <ArrowDown aria-hidden="true" />
          </Button>
          <Button size="sm" variant="ghost" onClick={onRemove} onKeyDown={onKeyDown} aria-describedby={labelId}>
            <Trash2 aria-hidden="true" />
            Remove
          </Button>
        </div>
      )}
    </li>
  )
}
