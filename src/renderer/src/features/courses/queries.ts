import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type { CourseCreateInput, CourseUpdateInput } from '@shared/contracts/courses'
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
