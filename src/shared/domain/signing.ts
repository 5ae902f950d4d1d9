/** When a session's note may be signed, and what signing does to the session. */
import type { SessionStatus } from './session-kinds'

export const NOT_BEFORE_START_MESSAGE = 'A note cannot be signed before its session starts.'
export const SESSION_OUTCOME_MESSAGE = 'This session is cancelled or marked no-show. Choose whether to keep that or mark it completed.'

/** The session's start on the user's own clock (dates and times of service carry no time zone). */
export function sessionStart(session: { date: string; startTime: string }): Date {
  const [y, m, d] = session.date.split('-').map(Number) as [number, number, number]
  const [hh, mm] = session.startTime.split(':').map(Number) as [number, number]
  return new Date(y, m - 1, d, hh, mm)
}

export const hasStarted = (session: { date: string; startTime: string }, now: Date): boolean => now.getTime() >= sessionStart(session).getTime()

/** Statuses a signature does not overwrite without asking: the user keeps them or marks the session completed. */
export const SESSION_OUTCOMES = ['keep', 'completed'] as const
export type SessionOutcome = (typeof SESSION_OUTCOMES)[number]
const ASKS: ReadonlySet<SessionStatus> = new Set(['cancelled', 'late_cancelled', 'no_show'])
export const signingAsksOutcome = (status: SessionStatus): boolean => ASKS.has(status)
