import type { Handlers } from '../../ipc/types'
import type { Services } from '../../services'

export const consentsHandlers = ({ consents }: Services): Handlers<'consents'> => ({
  list: ({ clientId }) => consents.list(clientId),
  create: ({ clientId, consent }) => consents.create(clientId, consent),
  revoke: ({ id, revokedOn }) => consents.revoke(id, revokedOn)
})
