import type { Handlers } from '../../ipc/types'
import type { Services } from '../../services'

export const coursesHandlers = ({ courses }: Services): Handlers<'courses'> => ({
  list: ({ clientId }) => courses.list(clientId),
  get: ({ id }) => courses.get(id),
  create: ({ clientId, course }) => courses.create(clientId, course),
  update: ({ id, course }) => courses.update(id, course)
})
