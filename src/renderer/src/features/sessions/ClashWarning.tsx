/**
 * A clash (main's 'clash' error): the sessions a booking or move overlaps, in amber, with the
 * way forward — "Book anyway" / "Move anyway" resends with acknowledgeClashes. Times and kinds
 * only: the error carries no names.
 */
import { useEffect, useRef } from 'react'
import { TriangleAlert } from 'lucide-react'
import type { SessionClash } from '@shared/contracts'
import { SESSION_KIND_LABELS, type SessionKind } from '@shared/domain/session-kinds'
import { Button } from '@renderer/components'
import { ApiError } from '@renderer/lib/api'
import { formatClock, formatDayShort, formatEnd } from './dates'

/** The clashes of a failed save, or null when it failed for another reason. */
export const clashesOf = (error: unknown): SessionClash[] | null =>
  error instanceof ApiError && error.code === 'clash' ? error.clashes : null

const who = (c: SessionClash) => (c.sameClient && c.sameClinician ? 'same client and clinician' : c.sameClient ? 'same client' : 'same clinician')

/** "Dosing, Mon, Mar 9, 9:00 AM – 12:00 PM (same client)" */
export const describeClash = (c: SessionClash) =>
  `${SESSION_KIND_LABELS[c.kind as SessionKind] ?? c.kind}, ${formatDayShort(c.date)}, ${formatClock(c.startTime)} – ${formatEnd(c.startTime, c.durationMinutes)} (${who(c)})`

export function ClashList({ clashes }: { clashes: readonly SessionClash[] }) {
  return (
    <ul aria-label="Overlapping sessions" className="num space-y-0.5 text-[13px] text-amber-900">
      {clashes.map((c) => (
        <li key={c.sessionId}>{describeClash(c)}</li>
      ))}
    </ul>
  )
}

/** Inside the session dialog, above its buttons. */
export function ClashWarning({ clashes, actionLabel, busy, onProceed }: { clashes: readonly SessionClash[]; actionLabel: string; busy: boolean; onProceed: () => void }) {
  const ref = useRef<HTMLDivElement>(null)
  // It appears at the foot of a long form: bring it (and its button) into view, once. (A block
  // body: Chromium's scrollIntoView returns a promise, which React would call as a cleanup.)
  useEffect(() => {
    ref.current?.scrollIntoView?.({ block: 'nearest' })
  }, [])
  return (
    <div ref={ref} role="alert" className="scroll-mb-20 rounded-md border border-amber-300 bg-amber-50 px-3 py-2.5">
      <p className="flex items-center gap-1.5 text-[13px] font-medium text-amber-900">
        <TriangleAlert aria-hidden="true" className="size-3.5 shrink-0 text-amber-600" />
        This time overlaps {clashes.length === 1 ? 'another session' : `${clashes.length} other sessions`}
      </p>
      <div className="mt-1 pl-5">
        <ClashList clashes={clashes} />
      </div>
      <div className="mt-2 flex items-center gap-2 pl-5">
        <Button size="sm" variant="secondary" busy={busy} onClick={onProceed}>
          {actionLabel}
        </Button>
        <span className="text-xs text-amber-900/80">or change the date or time above.</span>
      </div>
    </div>
  )
}
