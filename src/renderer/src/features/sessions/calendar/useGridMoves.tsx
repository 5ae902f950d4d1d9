/**
 * Saving a drag on the grid: sessions:update with the new date, time and length (everything
 * else as stored), so main's rules and the course warnings apply as in the dialog. A clash asks
 * first ("Move anyway"); any other refusal is said in a toast and the block goes back. The block
 * shows at its new place at once (the cached agenda is updated), and is put back if main refuses.
 */
import { useState } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { toast } from 'sonner'
import type { SessionClash } from '@shared/contracts'
import type { AgendaRow } from '@shared/contracts/sessions'
import { ConfirmDialog } from '@renderer/components'
import { describeError } from '@renderer/lib/errors'
import { ApiError } from '@renderer/lib/api'
import { ClashList, clashesOf } from '../ClashWarning'
import { formatClock, formatDayShort } from '../dates'
import { announceSaved, sessionInputOf } from '../notices'
import { sessionKeys, useUpdateSession } from '../queries'
import type { Move } from './TimeGrid'

interface Pending {
  row: AgendaRow
  to: Move
  clashes: SessionClash[]
}

const withoutAgenda = ({ clientName: _n, clientArchived: _a, noteStatus: _s, ...session }: AgendaRow) => session

export function useGridMoves() {
  const update = useUpdateSession()
  const queryClient = useQueryClient()
  const [pending, setPending] = useState<Pending | null>(null)

  /** Puts the block where it was dropped in every cached agenda range; returns the undo. */
  const showMoved = (row: AgendaRow, to: Move) => {
    const filter = { queryKey: [...sessionKeys.all, 'agenda'] }
    const before = queryClient.getQueriesData<AgendaRow[]>(filter)
    queryClient.setQueriesData<AgendaRow[]>(filter, (rows) => rows?.map((r) => (r.id === row.id ? { ...r, ...to } : r)))
    return () => before.forEach(([key, rows]) => queryClient.setQueryData(key, rows))
  }

  const save = (row: AgendaRow, to: Move, acknowledgeClashes: boolean) => {
    const session = { ...sessionInputOf(withoutAgenda(row)), ...to }
    const undo = showMoved(row, to)
    const what = to.date === row.date && to.startTime === row.startTime ? 'Length changed' : 'Session moved'
    update.mutateAsync({ id: row.id, session, acknowledgeClashes }).then(
      (saved) => {
        setPending(null)
        announceSaved(saved, `${what}: ${row.clientName}`)
      },
      (error: unknown) => {
        undo()
        const clashes = clashesOf(error)
        if (clashes && !acknowledgeClashes) return setPending({ row, to, clashes })
        setPending(null)
        const fields = error instanceof ApiError ? Object.values(error.fields) : []
        toast.error(`${row.clientName}’s session was not moved. ${fields[0] ?? describeError(error)}`)
      }
    )
  }

  const dialog = (
    <ConfirmDialog
      open={pending !== null}
      onOpenChange={(open) => !open && setPending(null)}
      title="Move onto another session?"
      body={
        pending
          ? `Moving ${pending.row.clientName}’s session to ${formatDayShort(pending.to.date)} at ${formatClock(pending.to.startTime)} overlaps ${pending.clashes.length === 1 ? 'another session' : `${pending.clashes.length} other sessions`} of the same client or clinician.`
          : ''
      }
      confirmLabel="Move anyway"
      cancelLabel="Keep it where it was"
      busy={update.isPending}
      onConfirm={() => pending && save(pending.row, pending.to, true)}
    >
      {pending && <ClashList clashes={pending.clashes} />}
    </ConfirmDialog>
  )

  return { move: (row: AgendaRow, to: Move) => save(row, to, false), dialog, saving: update.isPending }
}
