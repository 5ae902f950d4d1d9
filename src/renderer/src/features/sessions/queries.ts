import { queryOptions, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query'
import type { ReminderInput } from '@shared/contracts/reminders'
import type { SeriesInput } from '@shared/contracts/series'
import type { SessionInput } from '@shared/contracts/sessions'
import { api, unwrap } from '@renderer/lib/api'
import { clientDetailKey } from '../clients/chart/queries'

/**
 * Query keys. The practice agenda lives under ['sessions']; a client's timeline and courses live
 * under the chart's key (see clients/chart/queries), so a chart invalidation refreshes them too.
 */
export const sessionKeys = {
  all: ['sessions'] as const,
  agenda: (from: string, to: string) => ['sessions', 'agenda', from, to] as const,
  detail: (id: string) => ['sessions', 'detail', id] as const,
  timeline: (clientId: string) => [...clientDetailKey(clientId), 'sessions'] as const
}

export const dashboardKey = ['dashboard'] as const

export const sessionQueries = {
  /** Every client's sessions from `from` to `to` inclusive. */
  agenda: (from: string, to: string) =>
    queryOptions({
      queryKey: sessionKeys.agenda(from, to),
      queryFn: () => unwrap(api().sessions.agenda({ from, to }))
    }),
  /** A client's sessions, newest first, with the status of their notes. */
  timeline: (clientId: string) =>
    queryOptions({
      queryKey: sessionKeys.timeline(clientId),
      queryFn: () => unwrap(api().sessions.list({ clientId }))
    }),
  /** One session with its notes' IDs and statuses (to open a note from the agenda or dashboard). */
  detail: (id: string) =>
    queryOptions({
      queryKey: sessionKeys.detail(id),
      queryFn: () => unwrap(api().sessions.get({ id })),
      staleTime: 0
    })
}

/** After a session or note changes: the agenda, the dashboard and the client's chart (timeline, courses, flags). */
export function invalidateScheduling(queryClient: QueryClient, clientId: string) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: sessionKeys.all }),
    queryClient.invalidateQueries({ queryKey: dashboardKey }),
    queryClient.invalidateQueries({ queryKey: clientDetailKey(clientId) })
  ])
}

export function useCreateSession() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ clientId, session, acknowledgeClashes }: { clientId: string; session: SessionInput; acknowledgeClashes?: boolean }) =>
      unwrap(api().sessions.create({ clientId, session, acknowledgeClashes })),
    onSuccess: (saved) => invalidateScheduling(queryClient, saved.session.clientId)
  })
}

export function useUpdateSession() {
  const queryClient = useQueryClient()
  return useMutation({
    /** acknowledgeClashes: "Move anyway" after a 'clash' error. */
    mutationFn: ({ id, session, acknowledgeClashes }: { id: string; session: SessionInput; acknowledgeClashes?: boolean }) =>
      unwrap(api().sessions.update({ id, session, acknowledgeClashes })),
    onSuccess: (saved) => invalidateScheduling(queryClient, saved.session.clientId)
  })
}

/** A new, empty draft note for a session (the template follows the session's kind). */
export function useCreateNote() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ sessionId }: { sessionId: string; clientId: string }) => unwrap(api().notes.create({ sessionId })),
    // Not awaited: the editor opens at once; the lists catch up behind it.
    onSuccess: (_note, { clientId }) => void invalidateScheduling(queryClient, clientId)
  })
}

export const notePath = (noteId: string) => `/notes/${noteId}`

/** A recurring series: its sessions are booked in one call. */
export function useCreateSeries() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: { clientId: string; series: SeriesInput; acknowledgeClashes?: boolean }) => unwrap(api().series.create(input)),
    onSuccess: (saved) => invalidateScheduling(queryClient, saved.series.clientId)
  })
}

/** "This and all following": a new time and length, or a cancellation, for a session and the rest of its series. */
export function useChangeFollowing() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ sessionId, change }: { sessionId: string; clientId: string; change: { startTime: string; durationMinutes: number } | 'cancel' }) =>
      unwrap(change === 'cancel' ? api().series.cancelFollowing({ sessionId }) : api().series.updateFollowing({ sessionId, change })),
    onSuccess: (_result, { clientId }) => invalidateScheduling(queryClient, clientId)
  })
}

/** An .ics file or an appointment card, written into the exports folder. */
export function useReminder() {
  return useMutation({
    mutationFn: ({ format, ...input }: ReminderInput & { format: 'ics' | 'card' }) => unwrap(format === 'ics' ? api().reminders.ics(input) : api().reminders.card(input))
  })
}
