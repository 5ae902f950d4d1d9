import type { Handlers } from '../../ipc/types'
import type { Services } from '../../services'

export const measuresHandlers = ({ measures }: Services): Handlers<'measures'> => ({
  list: ({ clientId }) => measures.list(clientId),
  trend: ({ clientId }) => measures.trend(clientId),
  create: ({ clientId, measure }) => measures.create(clientId, measure),
  acknowledge: ({ id }) => measures.acknowledge(id),
  void: ({ id, reason }) => measures.void(id, reason)
})
