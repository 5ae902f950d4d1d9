import type { Services } from '../../services'
import type { Handlers } from '../../ipc/types'

export const documentsHandlers = ({ documents, estimates, statements }: Services): Handlers<'documents'> => ({
  goodFaithEstimate: (input) => estimates.create(input),
  statement: ({ clientId, from, to }) => statements.create(clientId, from, to),
  disputes: ({ clientId }) => estimates.disputes(clientId ?? null),
  list: ({ clientId }) => documents.list(clientId),
  download: ({ id }) => documents.download(id),
  void: ({ id, reason }) => documents.void(id, reason)
})
