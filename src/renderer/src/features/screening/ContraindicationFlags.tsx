/**
 * Contraindications answered "yes" in screening, shown where dosing is decided: on the dosing note
 * (each acknowledged there, with who and when), and in the start-course and booking dialogs (a
 * tick before saving, recorded against the new course or session). Never passed silently.
 */
import { useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { CircleCheck, ShieldAlert } from 'lucide-react'
import type { ContraindicationContext, ContraindicationFlag } from '@shared/contracts/screening'
import { Button, FormError } from '@renderer/components'
import { formatDate, formatTimestamp } from '@renderer/lib/format'
import { flagsQuery, useAcknowledgeFlags } from './queries'

function FlagList({ flags }: { flags: readonly ContraindicationFlag[] }) {
  return (
    <ul className="mt-1 space-y-1 text-[13px]">
      {flags.map((f) => (
        <li key={f.screeningItemId} className="flex flex-wrap items-baseline gap-x-2">
          <span className="font-medium">{f.label}</span>
          {f.note && <span>— {f.note}</span>}
          <span className="text-xs opacity-80">
            (answered yes by {f.reviewedBy}, {formatDate(f.reviewedOn)})
          </span>
          {f.acknowledgement && (
            <span className="inline-flex items-center gap-1 text-xs text-emerald-800" data-testid="flag-acknowledged">
              <CircleCheck aria-hidden="true" className="size-3.5" />
              Acknowledged by {f.acknowledgement.byName}, {formatTimestamp(f.acknowledgement.at)}
            </span>
          )}
        </li>
      ))}
    </ul>
  )
}

/** On a note: the flags and one button that records their acknowledgement on this note. */
export function NoteContraindications({ clientId, noteId, readOnly }: { clientId: string; noteId: string; readOnly: boolean }) {
  const context: ContraindicationContext = { kind: 'note', id: noteId }
  const flags = useQuery(flagsQuery(clientId, context))
  const acknowledge = useAcknowledgeFlags(clientId)
  const list = flags.data ?? []
  if (list.length === 0) return null
  const open = list.filter((f) => f.acknowledgement === null)
  return (
    <section
      id="contraindications"
      tabIndex={-1}
      aria-label="Contraindications flagged in screening"
      role={open.length > 0 ? 'alert' : undefined}
      className="mt-4 rounded-md border border-red-200 bg-red-50 px-3 py-2.5 text-sm text-red-900"
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="flex items-start gap-2.5">
          <ShieldAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
          <div>
            <p className="font-semibold">Contraindication{list.length === 1 ? '' : 's'} flagged in screening</p>
            <FlagList flags={list} />
          </div>
        </div>
        {open.length > 0 && !readOnly && (
          <Button
            size="sm"
            variant="primary"
            busy={acknowledge.isPending}
            onClick={() => acknowledge.mutate({ context, screeningItemIds: open.map((f) => f.screeningItemId) })}
          >
            Acknowledge {open.length === 1 ? 'flag' : `${open.length} flags`}
          </Button>
        )}
      </div>
      {acknowledge.error && <FormError error={acknowledge.error} />}
    </section>
  )
}

/**
 * In a dialog that creates the course or session: the flags and a required tick. `record` writes
 * the acknowledgements once the new record has its ID.
 */
export function usePendingFlags(clientId: string | null, enabled: boolean) {
  const flags = useQuery({ ...flagsQuery(clientId ?? ''), enabled: enabled && Boolean(clientId) })
  const acknowledge = useAcknowledgeFlags(clientId ?? '')
  const [checked, setChecked] = useState(false)
  const list = enabled ? (flags.data ?? []) : []
  return {
    list,
    checked,
    setChecked,
    /** True while there are flags and the tick is not given. */
    blocking: list.length > 0 && !checked,
    record: (context: ContraindicationContext) =>
      list.length > 0 ? acknowledge.mutateAsync({ context, screeningItemIds: list.map((f) => f.screeningItemId) }) : Promise.resolve([])
  }
}

export function PendingFlags({ pending, action, error }: { pending: ReturnType<typeof usePendingFlags>; action: string; error?: string }) {
  if (pending.list.length === 0) return null
  return (
    <fieldset className="rounded-md border border-red-200 bg-red-50 px-3 py-2.5 text-sm text-red-900" aria-label="Contraindications flagged in screening">
      <div className="flex items-start gap-2.5">
        <ShieldAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
        <div>
          <p className="font-semibold">Contraindication{pending.list.length === 1 ? '' : 's'} flagged in screening</p>
          <FlagList flags={pending.list} />
          <label className="mt-2 flex items-center gap-2 text-[13px] font-medium text-ink">
            <input type="checkbox" checked={pending.checked} onChange={(e) => pending.setChecked(e.target.checked)} aria-invalid={error ? true : undefined} />
            I have reviewed {pending.list.length === 1 ? 'this flag' : 'these flags'} and {action}
          </label>
          {error && <p className="mt-1 text-[13px] font-medium text-red-700">{error}</p>}
        </div>
      </div>
    </fieldset>
  )
}
