import { queryOptions } from '@tanstack/react-query'
import type { ClientListInput } from '@shared/contracts/clients'
import { api, unwrap } from '@renderer/lib/api'

/** Query keys: everything about clients starts with ['clients'] so one invalidation refreshes it all. */
export const clientKeys = {
  all: ['clients'] as const,
  lists: () => ['clients', 'list'] as const,
  list: (q: ClientListInput) => ['clients', 'list', q] as const,
  search: (q: string) => ['clients', 'search', q] as const,
  detail: (id: string) => ['clients', 'detail', id] as const
}

export const clientQueries = {
  /** One page of the client list; sorting, filtering and paging happen in main. */
  list: (q: ClientListInput) =>
    queryOptions({
      queryKey: clientKeys.list(q),
      queryFn: () => unwrap(api().clients.list(q))
    }),
  /** Quick jump (Ctrl/Cmd+K): the best few matches. */
  search: (query: string, limit = 8) =>
    queryOptions({
      queryKey: clientKeys.search(query),
      queryFn: () => unwrap(api().clients.search({ query, limit })),
      enabled: query.trim().length > 0,
      staleTime: 5_000
    }),
  /** The client with chart-header flags (clients.get). */
  detail: (id: string) =>
    queryOptions({
      queryKey: clientKeys.detail(id),
      queryFn: () => unwrap(api().clients.get({ id }))
    })
}
