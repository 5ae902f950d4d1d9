import type { Handlers } from '../../ipc/types'
import type { Services } from '../../services'

export const screeningHandlers = ({ screening }: Services): Handlers<'screening'> => ({
  get: ({ clientId }) => screening.get(clientId),
  record: ({ clientId, itemKey, item }) => screening.record(clientId, itemKey, item)
})
