/**
 * Appointment reminders (.ics and the printable card) from a client's sessions. Minimum necessary:
 * without `includeDetails` they carry the client's first name and the times only — no kind of
 * session, no practice name or address — so a synced phone calendar says nothing clinical.
 */
import type { Practice } from '@shared/contracts/practice'
import { SESSION_KIND_LABELS, type SessionKind } from '@shared/domain/session-kinds'
import type { IcsEvent } from './ics'

export interface AppointmentSession {
  id: string
  date: string
  startTime: string
  durationMinutes: number
  kind: SessionKind
}

export interface AppointmentClient {
  preferredName: string | null
  legalFirstName: string
  legalLastName: string
}

/** The name a reminder greets: preferred, else legal first, else (a mononym) the one name there is. */
export const firstNameOf = (c: AppointmentClient): string => (c.preferredName?.trim() || c.legalFirstName.trim() || c.legalLastName.trim()).normalize('NFC')

const minutesOf = (time: string) => {
  const [h, m] = time.split(':').map(Number) as [number, number]
  return h * 60 + m
}
/** 14:30 → "2:30 PM"; past midnight wraps (a session never crosses it, DURATION_MAX is 12 h from a day's start). */
export function clock12(total: number): string {
  const t = ((total % 1440) + 1440) % 1440
  const h = Math.floor(t / 60)
  return `${h % 12 === 0 ? 12 : h % 12}:${String(t % 60).padStart(2, '0')} ${h < 12 ? 'AM' : 'PM'}`
}

/** "Tuesday, March 10, 2026" — from the plain date, never through local time. */
export function longDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return new Intl.DateTimeFormat('en-US', { weekday: 'long', month: 'long', day: 'numeric', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)))
}

export const timeRange = (s: Pick<AppointmentSession, 'startTime' | 'durationMinutes'>) =>
  `${clock12(minutesOf(s.startTime))} – ${clock12(minutesOf(s.startTime) + s.durationMinutes)}`

const durationText = (minutes: number) => {
  const h = Math.floor(minutes / 60)
  const m = minutes % 60
  return [h ? `${h} h` : '', m ? `${m} min` : ''].filter(Boolean).join(' ')
}

const practiceAddress = (p: Practice) => [p.addressLine1, p.addressLine2, `${p.city}, ${p.state} ${p.postalCode}`].filter(Boolean).join(', ')

export function appointmentEvents(client: AppointmentClient, sessions: readonly AppointmentSession[], practice: Practice | null, includeDetails: boolean): IcsEvent[] {
  const name = firstNameOf(client)
  return sessions.map((s) => {
    const base = { uid: `${s.id}@kap-practice`, date: s.date, startTime: s.startTime, durationMinutes: s.durationMinutes }
    if (!includeDetails) return { ...base, summary: `Appointment – ${name}` }
    const kind = SESSION_KIND_LABELS[s.kind]
    return {
      ...base,
      summary: `${kind} session – ${name}`,
      description: [`${kind} session, ${durationText(s.durationMinutes)}.`, practice ? `${practice.practiceName}\nPhone ${practice.phone}` : ''].filter(Boolean).join('\n'),
      ...(practice ? { location: practiceAddress(practice) } : {})
    }
  })
}

export interface AppointmentCard {
  firstName: string
  /** The practice's name and phone: the card is handed to the client, who needs to know whom to call. */
  practiceName: string | null
  practicePhone: string | null
  rows: { date: string; time: string; detail: string | null }[]
  generatedAt: string
}

export function appointmentCard(client: AppointmentClient, sessions: readonly AppointmentSession[], practice: Practice | null, includeDetails: boolean, generatedAt: string): AppointmentCard {
  return {
    firstName: firstNameOf(client),
    practiceName: practice?.practiceName ?? null,
    practicePhone: practice?.phone ?? null,
    rows: sessions.map((s) => ({
      date: longDate(s.date),
      time: timeRange(s),
      detail: includeDetails ? `${SESSION_KIND_LABELS[s.kind]} session, ${durationText(s.durationMinutes)}` : null
    })),
    generatedAt
  }
}

/** File names carry no name: a record ID's tail and the date. */
export const appointmentFileName = (kind: 'ics' | 'card', clientId: string, sessionId: string | null, today: string) =>
  `${kind === 'ics' ? 'appointments' : 'appointment-card'}-${clientId.slice(-8)}${sessionId ? `-${sessionId.slice(-8)}` : '-upcoming'}-${today}.${kind === 'ics' ? 'ics' : 'pdf'}`
