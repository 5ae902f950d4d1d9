import type { Handlers } from '../../ipc/types'
import type { Services } from '../../services'

export const seriesHandlers = ({ series }: Services): Handlers<'series'> => ({
  create: ({ clientId, series: values, acknowledgeClashes }) => series.create(clientId, values, acknowledgeClashes),
  get: ({ id }) => series.get(id),
  updateFollowing: ({ sessionId, change }) => series.updateFollowing(sessionId, change),
  cancelFollowing: ({ sessionId }) => series.cancelFollowing(sessionId)
})
