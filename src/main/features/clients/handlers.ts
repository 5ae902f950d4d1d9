import type { Handlers } from '../../ipc/types'
import type { Services } from '../../services'

export const clientsHandlers = ({ clients }: Services): Handlers<'clients'> => ({
  list: (input) => clients.list(input),
  search: (input) => clients.search(input),
  get: ({ id }) => clients.get(id),
  create: ({ client }) => clients.create(client),
  update: ({ id, client }) => clients.update(id, client),
  archive: ({ id, reason }) => clients.archive(id, reason),
  restore: ({ id }) => clients.restore(id)
})
