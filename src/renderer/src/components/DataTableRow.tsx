import { memo, type KeyboardEvent } from 'react'
import { FlexRender, type Row, type RowData } from '@tanstack/react-table'
import { cn } from '@renderer/lib/cn'
import type { DataTableColumn, DataTableFeatures } from './DataTable'

/** What a row does when clicked, keyed or focused: stable functions of the row's index. */
export interface RowHandlers {
  open(index: number): void
  keyDown(event: KeyboardEvent<HTMLTableRowElement>, index: number): void
  focus(index: number): void
}

interface DataTableRowProps<TData extends RowData> {
  row: Row<DataTableFeatures, TData>
  index: number
  /** The columns the row was built from: new columns render the row again. */
  columns: DataTableColumn<TData>[]
  /** Rows open on click and keys (and are focusable) only when the table has onRowOpen. */
  interactive: boolean
  /** The one row in the tab order (arrow keys move between rows). */
  tabbable: boolean
  className?: string
  handlers: RowHandlers
}

/**
 * One body row. Memoised on its data, so a table that renders again for something else (a key
 * typed into the search box, the list going stale while the next page loads) leaves its rows be.
 */
function DataTableRowImpl<TData extends RowData>({ row, index, interactive, tabbable, className, handlers }: DataTableRowProps<TData>) {
  return (
    <tr
      data-row=""
      tabIndex={interactive ? (tabbable ? 0 : -1) : undefined}
      onClick={interactive ? () => handlers.open(index) : undefined}
      onKeyDown={interactive ? (e) => handlers.keyDown(e, index) : undefined}
      onFocus={interactive ? () => handlers.focus(index) : undefined}
      className={cn(
        'group h-10',
        interactive && 'cursor-pointer hover:bg-accent-50/50 focus-visible:bg-accent-50 focus-visible:outline-offset-[-2px]',
        className
      )}
    >
      {row.getAllCells().map((cell) => {
        const meta = cell.column.columnDef.meta
        return (
          // oxlint-disable-next-line jsx-a11y/control-has-associated-label -- a data cell; its content is the label
          <td
            key={cell.id}
            className={cn('border-b border-line px-3 py-1.5 align-middle group-last:border-b-0', meta?.align === 'right' && 'num text-right', meta?.className)}
          >
            <FlexRender cell={cell} />
          </td>
        )
      })}
    </tr>
  )
}

const sameRow = <TData extends RowData>(a: DataTableRowProps<TData>, b: DataTableRowProps<TData>) =>
  a.row.original === b.row.original &&
  a.row.id === b.row.id &&
  a.index === b.index &&
  a.columns === b.columns &&
  a.interactive === b.interactive &&
  a.tabbable === b.tabbable &&
  a.className === b.className &&
  a.handlers === b.handlers

export const DataTableRow = memo(DataTableRowImpl, sameRow) as typeof DataTableRowImpl
