import { useCallback, useDeferredValue, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import {
  FlexRender,
  createColumnHelper,
  createSortedRowModel,
  functionalUpdate,
  rowSortingFeature,
  sortFn_alphanumeric,
  sortFn_basic,
  sortFn_datetime,
  sortFn_text,
  tableFeatures,
  useTable,
  type ColumnDef,
  type RowData,
  type SortingState
} from '@tanstack/react-table'
import { ArrowDown, ArrowUp, ChevronsUpDown } from 'lucide-react'
import { cn } from '@renderer/lib/cn'
import { LoadingAnnouncement, LoadingRows } from './feedback'
import { DataTableRow, type RowHandlers } from './DataTableRow'

/** Per-column presentation: set `align: 'right'` on amounts, counts and other numbers. */
export interface DataTableColumnMeta {
  align?: 'left' | 'right'
  /** Classes for this column's cells (e.g. 'w-32', 'num'). */
  className?: string
  headerClassName?: string
}

/** The feature set every DataTable uses: sorting (client-side, or manual when the server sorts). */
export const dataTableFeatures = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { alphanumeric: sortFn_alphanumeric, text: sortFn_text, datetime: sortFn_datetime, basic: sortFn_basic },
  columnMeta: {} as DataTableColumnMeta
})
export type DataTableFeatures = typeof dataTableFeatures
// oxlint-disable-next-line typescript/no-explicit-any -- columns of mixed value types, as react-table's own helpers type them
export type DataTableColumn<TData extends RowData> = ColumnDef<DataTableFeatures, TData, any>
export type { RowData, SortingState }

/** `const col = dataTableColumnHelper<Row>()` then `col.accessor('name', {...})`. */
export const dataTableColumnHelper = <TData extends RowData>() => createColumnHelper<DataTableFeatures, TData>()

export interface DataTableProps<TData extends RowData> {
  /** Keep stable (module scope or useMemo). */
  columns: DataTableColumn<TData>[]
  /** Keep stable: pass the query's data, not a new `[]` each render. */
  data: TData[]
  /** Accessible name of the table, e.g. "Clients". */
  label: string
  getRowId?: (row: TData, index: number) => string
  /** Row click, Enter or Space: open the row. Makes rows focusable (arrow keys move between them). */
  onRowOpen?: (row: TData) => void
  /** Controlled sorting; pair with onSortingChange. With `manualSorting`, the server sorts. */
  sorting?: SortingState
  onSortingChange?: (sorting: SortingState) => void
  manualSorting?: boolean
  /** First load: skeleton rows keep the layout. */
  loading?: boolean
  loadingRows?: number
  /** Data is being replaced (placeholder data showing): rows dim slightly, layout stays. */
  stale?: boolean
  /** Shown in place of the body when not loading and there are no rows. */
  empty?: ReactNode
  /** Classes for the scroll container; give it a height (e.g. 'min-h-0 flex-1') for a sticky header. */
  className?: string
  /** Extra classes per row. */
  rowClassName?: (row: TData) => string | undefined
  /**
   * Fixed layout: columns take the widths their `meta.headerClassName` gives (the rest share
   * what is left) and long cells truncate, so the table never overflows the window sideways.
   */
  fixedLayout?: boolean
  /**
   * Key rows by position, so a new page or sort fills the same rows' cells instead of removing
   * every row and building new ones. Only for cells that hold no state of their own (a cell's
   * open menu or dialog would stay with the position, not the record).
   */
  keyRowsByPosition?: boolean
}

const emptySorting: SortingState = []

/**
 * A dense, calm table over @tanstack/react-table v9: sticky header, hover rows, right-aligned
 * numbers, sortable headers with aria-sort, rows you can open with a click or the keyboard.
 */
export function DataTable<TData extends RowData>({
  columns,
  data,
  label,
  getRowId,
  onRowOpen,
  sorting,
  onSortingChange,
  manualSorting = false,
  loading = false,
  loadingRows = 10,
  stale = false,
  empty,
  className,
  rowClassName,
  fixedLayout = false,
  keyRowsByPosition = false
}: DataTableProps<TData>) {
  const [localSorting, setLocalSorting] = useState<SortingState>(emptySorting)
  const controlled = sorting !== undefined
  const currentSorting = controlled ? sorting : localSorting

  // New rows render in a transition React can interrupt, not in one block that holds up the
  // next key typed; until they are in, the rows on screen count as stale.
  const shownData = useDeferredValue(data)
  const replacing = stale || shownData !== data

  const table = useTable({
    features: dataTableFeatures,
    columns,
    data: shownData,
    getRowId,
    manualSorting,
    enableSortingRemoval: false,
    enableMultiSort: false,
    state: { sorting: currentSorting },
    onSortingChange: (updater) => {
      const next = functionalUpdate(updater, currentSorting)
      if (controlled) onSortingChange?.(next)
      else setLocalSorting(next)
    }
  })

  const rows = table.getRowModel().rows
  const [activeIndex, setActiveIndex] = useState(0)
  const bodyRef = useRef<HTMLTableSectionElement>(null)
  const focusRow = useCallback((index: number) => {
    const row = bodyRef.current?.querySelectorAll<HTMLTableRowElement>('tr[data-row]')[index]
    if (row) {
      row.focus()
      setActiveIndex(index)
    }
  }, [])

  // The rows are memoised: their handlers are stable and read the latest rows and onRowOpen.
  const latest = useRef({ rows, onRowOpen })
  useLayoutEffect(() => {
    latest.current = { rows, onRowOpen }
  })
  const handlers = useMemo<RowHandlers>(() => {
    const open = (index: number) => {
      const row = latest.current.rows[index]
      if (row) latest.current.onRowOpen?.(row.original)
    }
    const keyDown = (event: KeyboardEvent<HTMLTableRowElement>, index: number) => {
      const last = latest.current.rows.length - 1
      switch (event.key) {
        case 'Enter':
        case ' ':
          event.preventDefault()
          open(index)
          break
        case 'ArrowDown':
          event.preventDefault()
          focusRow(Math.min(last, index + 1))
          break
        case 'ArrowUp':
          event.preventDefault()
          focusRow(Math.max(0, index - 1))
          break
        case 'Home':
          event.preventDefault()
          focusRow(0)
          break
        case 'End':
          event.preventDefault()
          focusRow(last)
          break
      }
    }
    return { open, keyDown, focus: setActiveIndex }
  }, [focusRow])

  const columnCount = table.getAllLeafColumns().length
  const tabbableIndex = Math.min(activeIndex, rows.length - 1)

  // The header changes only with the columns and the sort: rows arriving or a key typed elsewhere leave it be.
  const headerGroups = table.getHeaderGroups()
  const head = useMemo(
    () => (
      <thead>
        {headerGroups.map((group) => (
          <tr key={group.id}>
            {group.headers.map((header) => {
              const meta = header.column.columnDef.meta
              const canSort = header.column.getCanSort()
              const sort = currentSorting.find((x) => x.id === header.column.id)
                const sorted = sort ? (sort.desc ? 'desc' : 'asc') : false
              const right = meta?.align === 'right'
              return (
                <th
                  key={header.id}
                  scope="col"
                  aria-sort={canSort ? (sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none') : undefined}
                  className={cn(
                    // Opaque, no backdrop blur: a blur is recomputed on every frame the rows under it change.
                    'sticky top-0 z-10 h-9 border-b border-line bg-sunken px-3 text-left text-xs font-medium whitespace-nowrap text-ink-soft',
                    right && 'text-right',
                    meta?.headerClassName
                  )}
                >
                  {header.isPlaceholder ? null : canSort ? (
                    <button
                      type="button"
                      onClick={header.column.getToggleSortingHandler()}
                      className={cn(
                        '-mx-1 inline-flex items-center gap-1 rounded px-1 py-0.5 hover:text-ink',
                        right && 'flex-row-reverse',
                        sorted && 'text-ink'
                      )}
                    >
                      <FlexRender header={header} />
                      {sorted === 'asc' ? (
                        <ArrowUp aria-hidden="true" className="size-3.5" />
                      ) : sorted === 'desc' ? (
                        <ArrowDown aria-hidden="true" className="size-3.5" />
                      ) : (
                        <ChevronsUpDown aria-hidden="true" className="size-3.5 opacity-40" />
                      )}
                    </button>
                  ) : (
                    <FlexRender header={header} />
                  )}
                </th>
              )
            })}
          </tr>
        ))}
      </thead>
    ),
    [headerGroups, currentSorting]
  )

  return (
    <div className={cn('relative overflow-auto rounded-lg border border-line bg-surface', className)}>
      <table aria-label={label} aria-busy={loading || replacing || undefined} className={cn('w-full border-separate border-spacing-0 text-sm', fixedLayout && 'table-fixed')}>
        {head}
        {/* Dims only when an answer is slow: a fade on every page or keystroke repaints the whole body for its length. */}
        <tbody ref={bodyRef} className={cn('transition-opacity', replacing && 'opacity-60 delay-300')}>
          {loading ? (
            <LoadingRows rows={loadingRows} columns={columnCount} />
          ) : rows.length === 0 && empty ? (
            <tr>
              <td colSpan={columnCount}>{empty}</td>
            </tr>
          ) : (
            rows.map((row, index) => (
              <DataTableRow
                key={keyRowsByPosition ? index : row.id}
                row={row}
                index={index}
                columns={columns}
                interactive={!!onRowOpen}
                tabbable={index === tabbableIndex}
                className={rowClassName?.(row.original)}
                handlers={handlers}
              />
            ))
          )}
        </tbody>
      </table>
      {loading && <LoadingAnnouncement />}
    </div>
  )
}
