import type { Services } from '../../services'
import type { Handlers } from '../../ipc/types'

export const documentsHandlers = ({ documents }: Services): Handlers<'documents'> => ({
  list: ({ clientId }) => documents.list(clientId),
  download: ({ id }) => documents.download(id),
  void: ({ id, reason }) => documents.void(id, reason)
})
