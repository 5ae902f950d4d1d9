/**
 * Clash rule: two sessions clash when their times overlap and they share the client or the
 * rendering clinician (rooms, once they exist, join here). A dosing session occupies its whole
 * duration (it is 2–3 hours in the room), so the rule is plain interval overlap over every kind.
 *
 * Times are the therapist's wall clock as stored (date YYYY-MM-DD, start HH:MM, minutes), never
 * converted through a time zone: a session is where the calendar shows it, in a DST week too.
 * Intervals are half-open — a session ending at 10:00 and one starting at 10:00 do not clash —
 * and one that runs past midnight still clashes with the next morning's.
 *
 * For other services (the "schedule the course" booking): call `findClashes(candidate, others)`
 * with each proposed session and every session it could meet — those from `clashWindow(date)`
 * via the repository's `clashCandidates`, plus the other proposals not saved yet.
 */
import type { SessionClash } from '@shared/contracts'
import { isActiveStatus, type SessionKind, type SessionStatus } from '@shared/domain/session-kinds'
import { addDays, daysBetween } from '@shared/domain/scheduling'
import { minutesOfDay } from '@shared/domain/vitals'
import { DURATION_MAX } from '@shared/contracts/sessions'

/** What the rule needs of a session, saved (id) or proposed (id null). */
export interface Booking {
  id: string | null
  clientId: string
  renderingUserId: string | null
  date: string
  startTime: string
  durationMinutes: number
  kind: SessionKind
  status: SessionStatus
}

const EPOCH = '1970-01-01'

/** [start, end) in wall-clock minutes since 1970-01-01, or null for a time that is not HH:MM. */
export function interval(b: Pick<Booking, 'date' | 'startTime' | 'durationMinutes'>): [number, number] | null {
  const minutes = minutesOfDay(b.startTime)
  if (minutes === null) return null
  const start = daysBetween(EPOCH, b.date) * 1440 + minutes
  return [start, start + b.durationMinutes]
}

/** Half-open overlap: touching ends (10:00–11:00 and 11:00–12:00) do not overlap. */
export const overlaps = (a: readonly [number, number], b: readonly [number, number]): boolean => a[0] < b[1] && b[0] < a[1]

/** Cancelled, late-cancelled and no-show sessions free their time; scheduled and completed hold it. */
export const holdsTime = (status: SessionStatus): boolean => isActiveStatus(status)

/**
 * Every session in `others` that clashes with `candidate`: same client or same clinician, both
 * holding their time, overlapping. The candidate itself (same id) is skipped. In time order.
 */
export function findClashes(candidate: Booking, others: readonly Booking[]): SessionClash[] {
  if (!holdsTime(candidate.status)) return []
  const mine = interval(candidate)
  if (!mine) return []
  const found: { at: number; clash: SessionClash }[] = []
  for (const other of others) {
    if (other.id !== null && other.id === candidate.id) continue
    if (!holdsTime(other.status)) continue
    const sameClient = other.clientId === candidate.clientId
    const sameClinician = candidate.renderingUserId !== null && other.renderingUserId === candidate.renderingUserId
    if (!sameClient && !sameClinician) continue
    const theirs = interval(other)
    if (!theirs || !overlaps(mine, theirs)) continue
    found.push({
      at: theirs[0],
      clash: { sessionId: other.id ?? '', date: other.date, startTime: other.startTime, durationMinutes: other.durationMinutes, kind: other.kind, sameClient, sameClinician }
    })
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.clash)
}

/**
 * The dates a session on `date` could meet: the day before (a session there may run past
 * midnight, at most DURATION_MAX minutes) through the day after (this one may).
 */
export function clashWindow(date: string): { from: string; to: string } {
  const spill = Math.ceil(DURATION_MAX / 1440)
  return { from: addDays(date, -spill), to: addDays(date, spill) }
}

export const CLASH_MESSAGE = 'This time overlaps another session of the same client or clinician. Choose another time, or book it anyway.'

/** "overlaps 1 session" / "2 sessions" — the headline; the renderer lists the times from `clashes`. */
export const clashMessage = (count: number): string =>
  count === 1 ? CLASH_MESSAGE : CLASH_MESSAGE.replace('another session', `${count} other sessions`)
