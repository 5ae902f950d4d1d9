import { ARCHIVE_FILTERS, CLIENT_SORT_COLUMNS, type ClientListInput, type ClientSortColumn } from '@shared/contracts/clients'
import { CLIENT_STATUSES, type ClientStatus } from '@shared/domain/client-status'

export type ArchiveFilter = (typeof ARCHIVE_FILTERS)[number]

/** The list's state as it lives in the URL (so Back returns to the same list). */
export interface ClientListState {
  search: string
  statuses: ClientStatus[]
  archived: ArchiveFilter
  sort: ClientSortColumn
  direction: 'asc' | 'desc'
  page: number
}

export const PAGE_SIZE = 50
export const DEFAULT_LIST_STATE: ClientListState = { search: '', statuses: [], archived: 'current', sort: 'name', direction: 'asc', page: 0 }

const isStatus = (s: string): s is ClientStatus => (CLIENT_STATUSES as readonly string[]).includes(s)

export function readListState(params: URLSearchParams): ClientListState {
  const sort = params.get('sort') ?? ''
  const archived = params.get('archived') ?? ''
  const page = Number.parseInt(params.get('page') ?? '', 10)
  return {
    search: (params.get('q') ?? '').slice(0, 200),
    statuses: (params.get('status') ?? '').split(',').filter(isStatus),
    archived: (ARCHIVE_FILTERS as readonly string[]).includes(archived) ? (archived as ArchiveFilter) : 'current',
    sort: (CLIENT_SORT_COLUMNS as readonly string[]).includes(sort) ? (sort as ClientSortColumn) : 'name',
    direction: params.get('dir') === 'desc' ? 'desc' : 'asc',
    page: Number.isFinite(page) && page > 0 ? Math.min(page - 1, 100_000) : 0
  }
}

/** Only non-default values go into the URL: `#/clients?status=active&page=2`. */
export function writeListState(state: ClientListState): URLSearchParams {
  const params = new URLSearchParams()
  if (state.search) params.set('q', state.search)
  if (state.statuses.length) params.set('status', state.statuses.join(','))
  if (state.archived !== 'current') params.set('archived', state.archived)
  if (state.sort !== 'name') params.set('sort', state.sort)
  if (state.direction !== 'asc') params.set('dir', state.direction)
  if (state.page > 0) params.set('page', String(state.page + 1))
  return params
}

export const toListInput = (state: ClientListState): ClientListInput => ({
  search: state.search,
  statuses: state.statuses,
  archived: state.archived,
  sort: state.sort,
  direction: state.direction,
  page: state.page,
  pageSize: PAGE_SIZE
})

/** A link to the list filtered to one status (used by the dashboard). */
export const clientListHref = (patch: Partial<ClientListState>) => {
  const qs = writeListState({ ...DEFAULT_LIST_STATE, ...patch }).toString()
  return qs ? `/clients?${qs}` : '/clients'
}

export const hasFilters = (s: ClientListState) => s.search.trim() !== '' || s.statuses.length > 0 || s.archived !== 'current'
