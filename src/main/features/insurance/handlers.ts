import type { Handlers } from '../../ipc/types'
import type { Services } from '../../services'

export const insuranceHandlers = ({ insurance }: Services): Handlers<'insurance'> => ({
  list: ({ clientId, includeArchived }) => insurance.list(clientId, includeArchived),
  create: ({ clientId, policy }) => insurance.create(clientId, policy),
  update: ({ id, policy }) => insurance.update(id, policy),
  archive: ({ id }) => insurance.archive(id)
})
