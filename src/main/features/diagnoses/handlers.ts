import type { Handlers } from '../../ipc/types'
import type { Services } from '../../services'

export const diagnosesHandlers = ({ diagnoses }: Services): Handlers<'diagnoses'> => ({
  list: ({ clientId, includeRemoved }) => diagnoses.list(clientId, includeRemoved),
  add: ({ clientId, diagnosis }) => diagnoses.add(clientId, diagnosis),
  remove: ({ id }) => diagnoses.remove(id),
  setPrimary: ({ id }) => diagnoses.setPrimary(id),
  reorder: ({ clientId, orderedIds }) => diagnoses.reorder(clientId, orderedIds)
})
