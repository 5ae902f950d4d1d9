import { useState } from 'react'
import { useNavigate } from 'react-router'
import { useQueryClient } from '@tanstack/react-query'
import * as Popover from '@radix-ui/react-popover'
import { toast } from 'sonner'
import { Check, ChevronDown, FileCheck2, FilePen, FileText } from 'lucide-react'
import type { Session, SessionNoteStatus } from '@shared/contracts/sessions'
import { isClinical } from '@shared/domain/roles'
import { SESSION_STATUSES, SESSION_STATUS_LABELS, type SessionStatus } from '@shared/domain/session-kinds'
import { Button, Spinner } from '@renderer/components'
import { useCurrentUser } from '@renderer/features/auth/access'
import { cn } from '@renderer/lib/cn'
import { describeError } from '@renderer/lib/errors'
import { announceSaved, sessionInputOf } from './notices'
import { SessionStatusBadge } from './parts'
import { notePath, sessionQueries, useCreateNote, useUpdateSession } from './queries'

/** Owner and clinician write and read notes; the administrator never does (minimum necessary). */
export function useIsClinical(): boolean {
  return isClinical(useCurrentUser()?.role)
}

/**
 * The session's status as a button: it opens a short list (Scheduled, Completed, Cancelled,
 * Late cancellation, No-show) and saves the choice at once.
 */
export function StatusMenu({ session, clientName, disabled }: { session: Session; clientName: string; disabled?: boolean }) {
  const [open, setOpen] = useState(false)
  const update = useUpdateSession()

  const choose = (status: SessionStatus) => {
    setOpen(false)
    if (status === session.status) return
    // mutateAsync, not mutate's callbacks: the refreshed list may re-create this row before they run.
    update.mutateAsync({ id: session.id, session: { ...sessionInputOf(session), status } }).then(
      (saved) => announceSaved(saved, `${clientName}: ${SESSION_STATUS_LABELS[status].toLowerCase()}`),
      (error: unknown) => toast.error(`The status could not be changed. ${describeError(error)}`)
    )
  }

  if (disabled) return <SessionStatusBadge status={session.status} />

  return (
    <Popover.Root open={open} onOpenChange={setOpen}>
      <Popover.Trigger asChild>
        <button
          type="button"
          aria-label={`Status: ${SESSION_STATUS_LABELS[session.status]} — change status of ${clientName}’s session`}
          className="group -mx-1 inline-flex items-center gap-0.5 rounded-full px-1 py-0.5 hover:bg-sunken disabled:cursor-wait"
          disabled={update.isPending}
        >
          <SessionStatusBadge status={session.status} />
          {update.isPending ? (
            <Spinner className="size-3 text-ink-faint" />
          ) : (
            <ChevronDown aria-hidden="true" className="size-3.5 text-ink-faint group-hover:text-ink-soft" />
          )}
        </button>
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          align="start"
          sideOffset={4}
          aria-label="Session status"
          className="z-50 w-52 rounded-lg border border-line bg-surface p-1 shadow-lg focus:outline-none [animation:kap-pop-in_100ms_ease-out]"
        >
          <ul>
            {SESSION_STATUSES.map((status) => (
              <li key={status}>
                <button
                  type="button"
                  aria-current={status === session.status ? 'true' : undefined}
                  onClick={() => choose(status)}
                  className="flex h-8 w-full items-center gap-2 rounded-md px-2 text-left text-sm text-ink hover:bg-sunken focus-visible:bg-sunken focus-visible:outline-offset-[-2px]"
                >
                  <Check aria-hidden="true" className={cn('size-3.5 text-accent-700', status !== session.status && 'invisible')} />
                  {SESSION_STATUS_LABELS[status]}
                </button>
              </li>
            ))}
          </ul>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  )
}

/**
 * Opens the session's note, or starts one. With a note already written, the open draft (else the
 * latest signed one) opens; with none, notes:create makes an empty draft from the session's
 * kind. Clinical roles only: renders nothing for the administrator.
 */
export function NoteAction({
  sessionId,
  clientId,
  noteStatus,
  clientName,
  size = 'sm',
  withStatus = false,
  hideWrite = false
}: {
  sessionId: string
  clientId: string
  noteStatus: SessionNoteStatus
  clientName: string
  size?: 'sm' | 'md'
  /** Say the note's state in the button ("Unsigned note", "Signed note") where there is no room for a badge beside it. */
  withStatus?: boolean
  /** Offer no "Write note" (a cancelled session); an existing note still opens. */
  hideWrite?: boolean
}) {
  const clinical = useIsClinical()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const createNote = useCreateNote()
  const [opening, setOpening] = useState(false)
  if (!clinical) return null

  if (noteStatus === 'none') {
    // Nothing to write up for a session that was cancelled in good time.
    if (hideWrite) return null
    return (
      <Button
        size={size}
        variant="ghost"
        busy={createNote.isPending}
        aria-label={`Write note for ${clientName}`}
        onClick={() =>
          createNote.mutateAsync({ sessionId, clientId }).then(
            (note) => void navigate(notePath(note.id)),
            (error: unknown) => toast.error(`The note could not be started. ${describeError(error)}`)
          )
        }
      >
        <FilePen aria-hidden="true" />
        Write note
      </Button>
    )
  }

  const open = async () => {
    setOpening(true)
    try {
      const session = await queryClient.fetchQuery(sessionQueries.detail(sessionId))
      const note = session.notes.find((n) => n.status === 'draft') ?? session.notes.at(-1)
      if (note) void navigate(notePath(note.id))
      else toast.error('This session’s note could not be found. It may have been removed.')
    } catch (error) {
      toast.error(`The note could not be opened. ${describeError(error)}`)
    } finally {
      setOpening(false)
    }
  }

  const draft = noteStatus === 'draft'
  return (
    <Button
      size={size}
      variant="ghost"
      busy={opening}
      aria-label={withStatus ? `Open ${draft ? 'unsigned' : 'signed'} note for ${clientName}` : `Open note for ${clientName}`}
      onClick={() => void open()}
    >
      {withStatus ? (
        draft ? (
          <FilePen aria-hidden="true" className="text-amber-600" />
        ) : (
          <FileCheck2 aria-hidden="true" className="text-emerald-600" />
        )
      ) : (
        <FileText aria-hidden="true" />
      )}
      {withStatus ? (draft ? 'Unsigned note' : 'Signed note') : 'Open note'}
    </Button>
  )
}
