import { useEffect, useMemo, useRef, useState } from 'react'
import { Link, useNavigate, useSearchParams } from 'react-router'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { Archive, ChevronLeft, ChevronRight, Plus, Search, Users, X } from 'lucide-react'
import type { ClientListRow, ClientSortColumn } from '@shared/contracts/clients'
import type { ClientStatus } from '@shared/domain/client-status'
import {
  Badge,
  Button,
  DataTable,
  EmptyState,
  ErrorState,
  PageHeader,
  StatusBadge,
  buttonClasses,
  dataTableColumnHelper,
  type SortingState
} from '@renderer/components'
import { ageToday, clientSortName, formatCount, formatDate, formatRange } from '@renderer/lib/format'
import { useDebouncedValue, useStableCallback } from '@renderer/lib/hooks'
import { clientQueries } from './queries'
import { ArchiveFilterButtons, StatusFilterButtons } from './ListFilters'
import { PAGE_SIZE, hasFilters, readListState, toListInput, writeListState, type ArchiveFilter, type ClientListState } from './list-params'

/** How long typing pauses before the search goes into the URL. */
const URL_WRITE_DELAY_MS = 400

const col = dataTableColumnHelper<ClientListRow>()

const columns = [
  col.accessor((r) => clientSortName(r), {
    id: 'name',
    header: 'Name',
    cell: ({ row }) => {
      const c = row.original
      return (
        <div className="flex min-w-0 items-center gap-2">
          <div className="min-w-0">
            <span className="font-medium break-words text-ink">
              {clientSortName(c)}
            </span>
            {c.preferredName && c.preferredName !== c.legalFirstName && <span className="text-ink-soft"> “{c.preferredName}”</span>}
          </div>
          {c.archivedAt && (
            <Badge tone="neutral" title="Archived client">
              <Archive aria-hidden="true" />
              Archived
            </Badge>
          )}
        </div>
      )
    },
    meta: { headerClassName: 'w-[23%]' }
  }),
  col.accessor('dateOfBirth', {
    header: 'Date of birth',
    cell: ({ getValue }) => {
      const dob = getValue()
      const age = ageToday(dob)
      return (
        <span className="num whitespace-nowrap">
          {formatDate(dob)}
          {age !== null && (
            <span className="text-ink-faint">
              {' '}
              (<span className="sr-only">age </span>
              {age})
            </span>
          )}
        </span>
      )
    },
    meta: { headerClassName: 'w-[15%]' }
  }),
  col.accessor('status', {
    header: 'Status',
    cell: ({ getValue }) => <StatusBadge status={getValue()} />,
    meta: { headerClassName: 'w-[13%]' }
  }),
  col.accessor('phone', {
    header: 'Phone',
    cell: ({ getValue }) => <span className="num block truncate text-ink-soft">{getValue() ?? ''}</span>,
    meta: { headerClassName: 'w-[16%]' }
  }),
  col.accessor('email', {
    header: 'Email',
    cell: ({ getValue }) => (
      <span className="block truncate text-ink-soft" title={getValue() ?? undefined}>
        {getValue() ?? ''}
      </span>
    )
  }),
  col.accessor('intakeDate', {
    header: 'Intake date',
    cell: ({ getValue }) => <span className="num whitespace-nowrap text-ink-soft">{formatDate(getValue())}</span>,
    meta: { headerClassName: 'w-[12%]' }
  })
]


export function ClientsPage() {
  const navigate = useNavigate()
  const [params, setParams] = useSearchParams()
  const urlState = useMemo(() => readListState(params), [params])

  // Search as you type, with no debounce: each key asks main for the page at once (a query takes
  // a few ms), and the rows on screen stay until the answer for the latest text arrives (answers
  // for earlier text land in the cache unseen). The URL, which lets Back return to the same list,
  // follows once typing pauses: writing it renders the whole window again, too much for every key.
  const [text, setText] = useState(urlState.search)
  const typed = text.trim()
  const state = useMemo<ClientListState>(() => (typed === urlState.search ? urlState : { ...urlState, search: typed, page: 0 }), [urlState, typed])
  const lastWritten = useRef(urlState.search)
  const update = (patch: Partial<ClientListState>) => {
    const next = { ...state, page: 0, ...patch }
    lastWritten.current = next.search
    setParams(writeListState(next), { replace: true, preventScrollReset: true })
  }
  const settled = useDebouncedValue(typed, URL_WRITE_DELAY_MS)
  useEffect(() => {
    if (settled === typed && settled !== lastWritten.current) update({ search: settled })
    // oxlint-disable-next-line react-hooks/exhaustive-deps -- only a settled search writes the URL
  }, [settled])
  useEffect(() => {
    // The URL changed from outside (a link, Back): show its search in the box.
    if (urlState.search !== lastWritten.current) {
      lastWritten.current = urlState.search
      setText(urlState.search)
    }
  }, [urlState.search])

  const searchRef = useRef<HTMLInputElement>(null)
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null
      const typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
      if (e.key === '/' && !typing && !e.metaKey && !e.ctrlKey && !e.altKey) {
        e.preventDefault()
        searchRef.current?.focus()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])

  const input = toListInput(state)
  const list = useQuery({ ...clientQueries.list(input), placeholderData: keepPreviousData })
  const filtered = hasFilters(state)
  // With nothing to show and no filters, check whether archived clients exist before saying "No clients yet".
  const anyAtAll = useQuery({
    ...clientQueries.list({ archived: 'all', pageSize: 1 }),
    enabled: !filtered && list.data?.total === 0
  })

  const sorting: SortingState = useMemo(() => [{ id: state.sort, desc: state.direction === 'desc' }], [state.sort, state.direction])
  const total = list.data?.total ?? 0
  const lastPage = Math.max(0, Math.ceil(total / PAGE_SIZE) - 1)

  // A page number past the end (e.g. after archiving) falls back to the last page.
  useEffect(() => {
    if (list.data && !list.isPlaceholderData && state.page > lastPage) update({ page: lastPage })
    // oxlint-disable-next-line react-hooks/exhaustive-deps -- react to the data only
  }, [list.data, lastPage])

  const clearFilters = () => {
    setText('')
    update({ search: '', statuses: [], archived: 'current' })
  }
  // Stable, so the memoised filter buttons stay as they are while a search is typed.
  const onToggleStatus = useStableCallback((status: ClientStatus) =>
    update({ statuses: state.statuses.includes(status) ? state.statuses.filter((s) => s !== status) : [...state.statuses, status] })
  )
  const onArchived = useStableCallback((archived: ArchiveFilter) => update({ archived }))
  const onClearAll = useStableCallback(clearFilters)

  const noneYet = !filtered && list.data?.total === 0 && anyAtAll.data?.total === 0
  const empty = noneYet ? (
    <EmptyState
      icon={<Users />}
      title="No clients yet"
      body="Add your first client to start their chart: contact details, screening, consents and diagnoses."
      action={ADD_CLIENT}
    />
  ) : (
    <EmptyState
      icon={<Search />}
      title={state.search ? `No clients match “${state.search}”` : 'No clients match these filters'}
      body={
        state.archived === 'current'
          ? 'Try a different spelling, a date of birth like 1985-03-08, or include archived clients.'
          : 'Try a different spelling or fewer filters.'
      }
      action={
        <>
          <Button onClick={clearFilters}>Clear search and filters</Button>
          {state.archived === 'current' && <Button onClick={() => update({ archived: 'all' })}>Include archived</Button>}
        </>
      }
    />
  )

  return (
    <div className="flex h-full min-h-0 flex-col">
      <PageHeader
        title="Clients"
        subtitle={list.data && !noneYet ? `${formatCount(total)} ${total === 1 ? 'client' : 'clients'}${filtered ? (total === 1 ? ' matches' : ' match') : ''}` : '\u00a0'}
        actions={ADD_CLIENT}
        className="pb-4"
      />

      <div className="mb-3 flex flex-wrap items-center gap-x-4 gap-y-2">
        <div className="relative w-full max-w-sm">
          {SEARCH_ICON}
          <input
            ref={searchRef}
            type="search"
            aria-label="Search clients"
            placeholder="Search name, email, phone or date of birth"
            value={text}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape' && text) {
                e.preventDefault()
                setText('')
              }
            }}
            maxLength={200}
            className="control h-8 pr-8 pl-8"
          />
          {text && (
            <button
              type="button"
              aria-label="Clear search"
              onClick={() => {
                setText('')
                searchRef.current?.focus()
              }}
              className="absolute top-1/2 right-1.5 flex size-5 -translate-y-1/2 items-center justify-center rounded text-ink-faint hover:bg-sunken hover:text-ink"
            >
              <X aria-hidden="true" className="size-3.5" />
            </button>
          )}
        </div>

        <ArchiveFilterButtons archived={state.archived} onChange={onArchived} />
      </div>

      <StatusFilterButtons statuses={state.statuses} onToggle={onToggleStatus} onClearAll={filtered ? onClearAll : undefined} />

      {list.isError && !list.data ? (
        <div className="rounded-lg border border-line bg-surface">
          <ErrorState error={list.error} title="The client list could not be loaded" onRetry={() => void list.refetch()} />
        </div>
      ) : (
        <DataTable
          label="Clients"
          fixedLayout
          keyRowsByPosition
          columns={columns}
          data={list.data?.rows ?? NO_ROWS}
          getRowId={rowId}
          onRowOpen={(r) => {
            // Back from the chart returns to this very list, even when typing has not paused yet.
            if (typed !== lastWritten.current) update({ search: typed })
            void navigate(`/clients/${r.id}`)
          }}
          manualSorting
          sorting={sorting}
          onSortingChange={(next) => {
            const first = next[0]
            if (first) update({ sort: first.id as ClientSortColumn, direction: first.desc ? 'desc' : 'asc' })
          }}
          loading={list.isPending}
          loadingRows={14}
          stale={list.isPlaceholderData}
          empty={list.data && (noneYet || filtered || anyAtAll.data) ? empty : undefined}
          className="min-h-0 flex-1"
        />
      )}

      <nav aria-label="Pages" hidden={noneYet || (list.isError && !list.data)} className="flex items-center justify-between gap-4 pt-3 text-[13px] text-ink-soft">
        <span className="num" aria-live="polite">
          {list.data ? formatRange(state.page, PAGE_SIZE, total) : ''}
          {list.isError && list.data && <span className="ml-3 text-red-700">Could not refresh the list.</span>}
        </span>
        <div className="flex items-center gap-1.5">
          <Button size="sm" variant="secondary" aria-label="Previous page" disabled={state.page === 0} onClick={() => update({ page: state.page - 1 })}>
            {PREVIOUS_ICON}
            Previous
          </Button>
          <Button size="sm" variant="secondary" aria-label="Next page" disabled={state.page >= lastPage} onClick={() => update({ page: state.page + 1 })}>
            Next
            {NEXT_ICON}
          </Button>
        </div>
      </nav>
    </div>
  )
}

const NO_ROWS: ClientListRow[] = []
// Made once: the same element each render is left as it is (a key typed renders the page again).
const ADD_CLIENT = (
  <Link to="/clients/new" className={buttonClasses('primary')}>
    <Plus aria-hidden="true" />
    Add client
  </Link>
)
const PREVIOUS_ICON = <ChevronLeft aria-hidden="true" />
const NEXT_ICON = <ChevronRight aria-hidden="true" />
const SEARCH_ICON = <Search aria-hidden="true" className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-ink-faint" />
const rowId = (r: ClientListRow) => r.id
