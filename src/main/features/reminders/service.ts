/**
 * reminders:ics and reminders:card — a client's session (or upcoming sessions) written into the
 * exports folder as an iCalendar file or a printable appointment card, like the superbill.
 */
import type { ReminderResult } from '@shared/contracts/reminders'
import { localToday } from '@shared/domain/dates'
import type { ServiceContext } from '../../context'
import { appointmentCard, appointmentEvents, appointmentFileName, type AppointmentSession } from '../../documents/appointments'
import { buildIcs } from '../../documents/ics'
import { conflict, invalid } from '../../errors'
import { renderAppointmentCardPdf } from '../../pdf/appointment-card-pdf'
import { loadFonts } from '../../pdf/fonts'
import type { DocumentWriter } from '../documents/service'
import type { ClientsService } from '../clients/service'
import type { PracticeService } from '../practice/service'
import type { SessionsService } from '../sessions/service'

export const NO_UPCOMING_MESSAGE = 'This client has no upcoming scheduled sessions.'
export const NOT_THIS_CLIENTS_MESSAGE = 'That session is not one of this client’s.'

export interface RemindersDeps {
  clients: ClientsService
  sessions: SessionsService
  practice: PracticeService
  writeDocument: DocumentWriter
  fontsFolder: string
  /** The IANA zone the sessions' wall-clock times are in: the machine's own. */
  timeZone?: () => string
}

const systemZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone

export function createRemindersService(ctx: ServiceContext, deps: RemindersDeps) {
  const today = () => localToday(ctx.now())

  /** The session asked for, or every scheduled one from today on, in date order. */
  const select = (clientId: string, sessionId: string | null): AppointmentSession[] => {
    const timeline = deps.sessions.list(clientId)
    if (sessionId) {
      const one = timeline.find((s) => s.id === sessionId)
      if (!one) throw invalid(NOT_THIS_CLIENTS_MESSAGE, { sessionId: 'Choose one of this client’s sessions' })
      return [one]
    }
    const upcoming = timeline.filter((s) => s.status === 'scheduled' && s.date >= today()).toReversed()
    if (upcoming.length === 0) throw conflict(NO_UPCOMING_MESSAGE)
    return upcoming
  }

  const source = (clientId: string, sessionId: string | null) => ({
    client: deps.clients.get(clientId).client,
    sessions: select(clientId, sessionId),
    practice: deps.practice.get()
  })

  return {
    ics(clientId: string, sessionId: string | null, includeDetails: boolean): ReminderResult {
      const { client, sessions, practice } = source(clientId, sessionId)
      const body = buildIcs({ events: appointmentEvents(client, sessions, practice, includeDetails), timeZone: (deps.timeZone ?? systemZone)(), now: ctx.now() })
      const file = deps.writeDocument(appointmentFileName('ics', clientId, sessionId, today()), Buffer.from(body, 'utf8'))
      return { ...file, appointments: sessions.length }
    },

    card(clientId: string, sessionId: string | null, includeDetails: boolean): ReminderResult {
      const { client, sessions, practice } = source(clientId, sessionId)
      const card = appointmentCard(client, sessions, practice, includeDetails, ctx.now().toISOString())
      const file = deps.writeDocument(appointmentFileName('card', clientId, sessionId, today()), renderAppointmentCardPdf(card, loadFonts(deps.fontsFolder)))
      return { ...file, appointments: sessions.length }
    }
  }
}
export type RemindersService = ReturnType<typeof createRemindersService>
