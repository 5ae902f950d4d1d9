import type { Handlers } from '../../ipc/types'
import type { Services } from '../../services'

export const notesHandlers = ({ notes, notePrints }: Services): Handlers<'notes'> => ({
  list: ({ sessionId }) => notes.list(sessionId),
  get: ({ id }) => notes.get(id),
  create: ({ sessionId, template }) => notes.create(sessionId, template),
  save: ({ id, revision, body }) => notes.save(id, revision, body),
  sign: ({ id, revision, sessionOutcome }) => notes.sign(id, revision, sessionOutcome),
  addAddendum: ({ noteId, text }) => notes.addAddendum(noteId, text),
  print: ({ id }) => notePrints.note(id),
  printRange: ({ clientId, from, to }) => notePrints.range(clientId, from, to),
  search: ({ query, limit, clientId }) => notes.search(query, limit, clientId)
})
