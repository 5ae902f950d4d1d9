import type { Handlers } from '../../ipc/types'
import type { Services } from '../../services'

export const screeningHandlers = ({ screening, contraindications }: Services): Handlers<'screening'> => ({
  get: ({ clientId }) => screening.get(clientId),
  record: ({ clientId, itemKey, item }) => screening.record(clientId, itemKey, item),
  recordAll: ({ clientId, reviewedBy, reviewedOn, items }) => screening.recordAll(clientId, { reviewedBy, reviewedOn }, items),
  flags: ({ clientId, context }) => contraindications.flags(clientId, context),
  acknowledge: ({ clientId, context, screeningItemIds }) => contraindications.acknowledge(clientId, context, screeningItemIds)
})
