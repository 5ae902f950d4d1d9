import type { Handlers } from '../../ipc/types'
import type { Services } from '../../services'

export const sessionsHandlers = ({ sessions }: Services): Handlers<'sessions'> => ({
  list: ({ clientId }) => sessions.list(clientId),
  agenda: ({ from, to }) => sessions.agenda(from, to),
  get: ({ id }) => sessions.get(id),
  create: ({ clientId, session }) => sessions.create(clientId, session),
  update: ({ id, session }) => sessions.update(id, session)
})
