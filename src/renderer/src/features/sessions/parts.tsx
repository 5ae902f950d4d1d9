/** Small pieces the agenda, the chart timeline and the dashboard share. */
import type { ReactNode } from 'react'
import { Ban, CalendarCheck2, CalendarClock, CalendarX2, CircleCheck, FilePen, FileCheck2, TriangleAlert, UserX } from 'lucide-react'
import type { CourseWarningOut, SessionNoteStatus } from '@shared/contracts/sessions'
import { PLACES_OF_SERVICE } from '@shared/domain/codes'
import { SESSION_KIND_LABELS, SESSION_STATUS_LABELS, isDosingKind, type SessionKind, type SessionStatus } from '@shared/domain/session-kinds'
import { Badge, type BadgeTone } from '@renderer/components'
import { cn } from '@renderer/lib/cn'

export { DEFAULT_DURATION } from '@shared/domain/session-kinds'

const STATUS_VIEW: Record<SessionStatus, { tone: BadgeTone; icon: ReactNode }> = {
  scheduled: { tone: 'accent', icon: <CalendarClock aria-hidden="true" /> },
  completed: { tone: 'success', icon: <CalendarCheck2 aria-hidden="true" /> },
  cancelled: { tone: 'neutral', icon: <CalendarX2 aria-hidden="true" /> },
  late_cancelled: { tone: 'neutral', icon: <Ban aria-hidden="true" /> },
  no_show: { tone: 'neutral', icon: <UserX aria-hidden="true" /> }
}

export function SessionStatusBadge({ status, className }: { status: SessionStatus; className?: string }) {
  const view = STATUS_VIEW[status]
  return (
    <Badge tone={view.tone} className={className}>
      {view.icon}
      {SESSION_STATUS_LABELS[status]}
    </Badge>
  )
}

export const NOTE_STATUS_LABELS: Record<SessionNoteStatus, string> = { none: 'No note', draft: 'Unsigned', signed: 'Signed' }

/** Unsigned (a draft still open) is amber: it is the one thing here that asks for the therapist's hand. */
export function NoteStatusBadge({ status, className }: { status: SessionNoteStatus; className?: string }) {
  if (status === 'none') return <span className={cn('text-[13px] text-ink-faint', className)}>No note</span>
  return status === 'draft' ? (
    <Badge tone="warning" className={className} title="The note is a draft until it is signed">
      <FilePen aria-hidden="true" />
      Unsigned
    </Badge>
  ) : (
    <Badge tone="success" className={className}>
      <FileCheck2 aria-hidden="true" />
      Signed
    </Badge>
  )
}

/** "Dosing" with a small accent dot for the dosing kinds, so they stand out in a busy week. */
export function KindLabel({ kind, className }: { kind: SessionKind; className?: string }) {
  return (
    <span className={cn('inline-flex items-center gap-1.5', className)}>
      <span aria-hidden="true" className={cn('size-2 shrink-0 rounded-full', isDosingKind(kind) ? 'bg-accent-600' : 'bg-line-strong')} />
      {SESSION_KIND_LABELS[kind]}
    </span>
  )
}

/** "Office", "Telehealth in the client’s home"… with the code for the superbill. */
export const placeLabel = (code: keyof typeof PLACES_OF_SERVICE) => PLACES_OF_SERVICE[code]

export const WARNING_TITLES: Record<CourseWarningOut['code'], string> = {
  dosing_too_soon: 'Dosing too soon',
  dosing_too_frequent: 'Too many dosings in a week',
  no_preparation: 'No preparation first',
  integration_missing: 'Integration missing'
}

/** The course's scheduling advice, in amber: it never blocks, the clinician may have a reason. */
export function WarningList({
  warnings,
  className,
  label = 'Scheduling warnings',
  whenOf
}: {
  warnings: readonly CourseWarningOut[]
  className?: string
  label?: string
  /** Names the session a warning is about ("Sun, Nov 22"), so "this dosing" says which. */
  whenOf?: (sessionId: string) => string | undefined
}) {
  if (warnings.length === 0) return null
  return (
    <ul aria-label={label} className={cn('space-y-1.5', className)}>
      {warnings.map((w, i) => (
        <li key={`${w.code}-${w.sessionId ?? 'new'}-${i}`} className="flex items-start gap-2 text-[13px] leading-snug text-amber-900">
          <TriangleAlert aria-hidden="true" className="mt-0.5 size-3.5 shrink-0 text-amber-600" />
          <span>
            <span className="font-medium">{WARNING_TITLES[w.code]}</span>
            {w.sessionId && whenOf?.(w.sessionId) ? <span className="num"> ({whenOf(w.sessionId)})</span> : null}:{' '}
            {w.message.replace(/^This /, 'this ')}
          </span>
        </li>
      ))}
    </ul>
  )
}

/** No warnings: a quiet confirmation, so the absence of amber reads as "checked", not "missing". */
export function NoWarnings({ children = 'The schedule follows the plan’s spacing.' }: { children?: ReactNode }) {
  return (
    <p className="flex items-center gap-1.5 text-[13px] text-ink-soft">
      <CircleCheck aria-hidden="true" className="size-3.5 text-emerald-600" />
      {children}
    </p>
  )
}
