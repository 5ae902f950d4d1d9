import type { Handlers } from '../../ipc/types'
import type { Services } from '../../services'

export const remindersHandlers = ({ reminders }: Services): Handlers<'reminders'> => ({
  ics: ({ clientId, sessionId, includeDetails }) => reminders.ics(clientId, sessionId ?? null, includeDetails),
  card: ({ clientId, sessionId, includeDetails }) => reminders.card(clientId, sessionId ?? null, includeDetails)
})
