import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type { Note } from '@shared/contracts/notes'
import { api, unwrap } from '@renderer/lib/api'
import { dashboardKey, sessionKeys } from '../sessions/queries'

/** Everything about notes starts with ['notes']. */
export const noteKeys = {
  all: ['notes'] as const,
  detail: (id: string) => ['notes', 'detail', id] as const,
  bySession: (sessionId: string) => ['notes', 'session', sessionId] as const,
  search: (query: string, clientId?: string) => ['notes', 'search', query, clientId ?? null] as const
}

/** The note editor's route. */
export const notePath = (noteId: string) => `/notes/${noteId}`
export const noteSearchPath = (query?: string) => (query ? `/notes/search?q=${encodeURIComponent(query)}` : '/notes/search')

export const noteQueries = {
  detail: (id: string) =>
    queryOptions({
      queryKey: noteKeys.detail(id),
      queryFn: () => unwrap(api().notes.get({ id })),
      // The editor owns the draft while it is open; a background refetch must not race its saves.
      refetchOnWindowFocus: false
    }),
  /** The notes of one session, without content (for the Sessions page and the chart timeline). */
  bySession: (sessionId: string) =>
    queryOptions({
      queryKey: noteKeys.bySession(sessionId),
      queryFn: () => unwrap(api().notes.list({ sessionId }))
    }),
  search: (query: string, clientId?: string) =>
    queryOptions({
      queryKey: noteKeys.search(query, clientId),
      queryFn: () => unwrap(api().notes.search({ query, clientId, limit: 50 })),
      enabled: query.trim().length > 0,
      staleTime: 5_000
    })
}

/**
 * Autosave: the whole body with the revision it started from. Called straight from the editor's
 * autosaver (not through useMutation) so the request leaves synchronously — a save started while
 * the window closes must be on its way before the page is gone.
 */
export const saveNoteBody = (input: { id: string; revision: number; body: Record<string, unknown> }) => unwrap(api().notes.save(input))

export function useSignNote() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: { id: string; revision: number }) => unwrap(api().notes.sign(input)),
    onSuccess: (note) => {
      queryClient.setQueryData(noteKeys.detail(note.id), note)
      return invalidateAroundNote(queryClient, note)
    }
  })
}

export function useAddAddendum() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: { noteId: string; text: string }) => unwrap(api().notes.addAddendum(input)),
    onSuccess: (note) => {
      queryClient.setQueryData(noteKeys.detail(note.id), note)
      return invalidateAroundNote(queryClient, note)
    }
  })
}

/** Lists that show a note's status or text: the session's notes, search, the agenda, the client's timeline, the dashboard. */
export function invalidateAroundNote(queryClient: ReturnType<typeof useQueryClient>, note: Pick<Note, 'sessionId' | 'clientId'>) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: noteKeys.bySession(note.sessionId) }),
    queryClient.invalidateQueries({ queryKey: ['notes', 'search'] }),
    queryClient.invalidateQueries({ queryKey: sessionKeys.all }),
    queryClient.invalidateQueries({ queryKey: sessionKeys.timeline(note.clientId) }),
    queryClient.invalidateQueries({ queryKey: dashboardKey })
  ])
}
