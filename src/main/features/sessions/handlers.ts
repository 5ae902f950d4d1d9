import type { Handlers } from '../../ipc/types'
import type { Services } from '../../services'

export const sessionsHandlers = ({ sessions }: Services): Handlers<'sessions'> => ({
  list: ({ clientId }) => sessions.list(clientId),
  agenda: ({ from, to }) => sessions.agenda(from, to),
  get: ({ id }) => sessions.get(id),
  create: ({ clientId, session, acknowledgeClashes }) => sessions.create(clientId, session, acknowledgeClashes),
  update: ({ id, session, acknowledgeClashes }) => sessions.update(id, session, acknowledgeClashes)
})
