import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type { CourseCreateInput, CourseUpdateInput, ScheduleRowInput } from '@shared/contracts/courses'
import type { PlaceOfServiceCode } from '@shared/domain/session-kinds'
import { api, unwrap } from '@renderer/lib/api'
import { clientDetailKey } from '../clients/chart/queries'
import { invalidateScheduling } from '../sessions/queries'

/** Under the chart's key: a course change refreshes the chart, and a session change refreshes its course. */
export const courseKeys = {
  list: (clientId: string) => [...clientDetailKey(clientId), 'courses'] as const
}

export const courseQueries = {
  /** A client's courses, newest first, each with progress (planned / scheduled / completed) and warnings. */
  list: (clientId: string) =>
    queryOptions({
      queryKey: courseKeys.list(clientId),
      queryFn: () => unwrap(api().courses.list({ clientId })),
      enabled: clientId !== ''
    })
}

export function useCreateCourse(clientId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (course: CourseCreateInput) => unwrap(api().courses.create({ clientId, course })),
    onSuccess: () => invalidateScheduling(queryClient, clientId)
  })
}

export function useUpdateCourse(clientId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, course }: { id: string; course: CourseUpdateInput }) => unwrap(api().courses.update({ id, course })),
    onSuccess: () => invalidateScheduling(queryClient, clientId)
  })
}

/** "Schedule the course": the planner's proposal, fresh every time the dialog opens. */
export const scheduleQueries = {
  proposal: (courseId: string) =>
    queryOptions({
      queryKey: ['courses', courseId, 'schedule-proposal'] as const,
      queryFn: () => unwrap(api().courses.proposeSchedule({ id: courseId })),
      staleTime: 0,
      gcTime: 0
    }),
  /** The adjusted rows re-validated by main (clashes need the clinician's calendar). */
  check: (courseId: string, rows: ScheduleRowInput[]) =>
    queryOptions({
      queryKey: ['courses', courseId, 'schedule-check', rows] as const,
      queryFn: () => unwrap(api().courses.checkSchedule({ id: courseId, rows })),
      enabled: rows.length > 0,
      placeholderData: keepPreviousData,
      staleTime: 0
    })
}

export function useBookSchedule(clientId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: { id: string; rows: ScheduleRowInput[]; placeOfService: PlaceOfServiceCode }) => unwrap(api().courses.bookSchedule(input)),
    onSuccess: () => invalidateScheduling(queryClient, clientId)
  })
}
