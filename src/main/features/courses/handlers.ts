import type { Handlers } from '../../ipc/types'
import type { Services } from '../../services'

export const coursesHandlers = ({ courses, courseSchedule }: Services): Handlers<'courses'> => ({
  list: ({ clientId }) => courses.list(clientId),
  get: ({ id }) => courses.get(id),
  create: ({ clientId, course }) => courses.create(clientId, course),
  update: ({ id, course }) => courses.update(id, course),
  proposeSchedule: ({ id }) => courseSchedule.propose(id),
  checkSchedule: ({ id, rows }) => courseSchedule.check(id, rows),
  bookSchedule: ({ id, rows, placeOfService }) => courseSchedule.book(id, rows, placeOfService)
})
