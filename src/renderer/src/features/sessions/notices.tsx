import { toast } from 'sonner'
import type { ScheduledSession, Session, SessionInput } from '@shared/contracts/sessions'
import { SESSION_KIND_LABELS } from '@shared/domain/session-kinds'
import { formatClock, formatDayShort } from './dates'
import { WARNING_TITLES } from './parts'

/** What to send to sessions:update to change one thing about a stored session. */
export const sessionInputOf = (s: Session): SessionInput => ({
  date: s.date,
  startTime: s.startTime,
  durationMinutes: s.durationMinutes,
  kind: s.kind,
  placeOfService: s.placeOfService,
  status: s.status,
  courseId: s.courseId
})

/** Warnings about this session come first; the rest of the course's are counted, not repeated. */
export function warningsFor(saved: ScheduledSession) {
  const own = saved.warnings.filter((w) => w.sessionId === saved.session.id || w.sessionId === null)
  const others = saved.warnings.length - own.length
  return { own, others }
}

/**
 * "Dosing scheduled for Mon, Mar 9 at 9:00 AM". With scheduling warnings, the toast is amber and
 * stays up long enough to read (it has a close button); it never asks for anything: warnings advise.
 */
export function announceSaved(saved: ScheduledSession, headline: string) {
  const { own, others } = warningsFor(saved)
  const when = `${formatDayShort(saved.session.date)} at ${formatClock(saved.session.startTime)}`
  const title = `${headline} — ${SESSION_KIND_LABELS[saved.session.kind]}, ${when}`
  if (own.length === 0) {
    toast.success(title)
    return
  }
  toast.warning(title, {
    duration: 20_000,
    description: (
      <div className="mt-1 space-y-1">
        <ul className="space-y-1">
          {own.map((w, i) => (
            <li key={i}>
              <span className="font-medium">{WARNING_TITLES[w.code]}:</span> {w.message}.
            </li>
          ))}
        </ul>
        {others > 0 && (
          <p>
            {others} more scheduling note{others === 1 ? '' : 's'} on this course — see the client’s Sessions tab.
          </p>
        )}
        <p className="text-ink-faint">Saved anyway: warnings never block.</p>
      </div>
    )
  })
}
