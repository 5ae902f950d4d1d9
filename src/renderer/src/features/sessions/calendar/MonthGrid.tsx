/**
 * The month: Monday-first weeks, each day its sessions in time order (the first few, then
 * "+N more" opening the day). A day's number opens the day; a click on its empty space books on it.
 */
import { useMemo } from 'react'
import type { AgendaRow } from '@shared/contracts/sessions'
import { isDosingKind } from '@shared/domain/session-kinds'
import { cn } from '@renderer/lib/cn'
import { formatClock, formatMonthDay, formatWeekday } from '../dates'
import { monthWeeks } from './layout'

const SHOWN = 3
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']

export function MonthGrid({
  date,
  rows,
  today,
  onOpen,
  onOpenDay,
  onBook
}: {
  date: string
  rows: readonly AgendaRow[]
  today: string
  onOpen: (row: AgendaRow) => void
  onOpenDay: (date: string) => void
  onBook: (date: string) => void
}) {
  const weeks = useMemo(() => monthWeeks(date), [date])
  const byDay = useMemo(() => {
    const map = new Map<string, AgendaRow[]>()
    for (const row of rows) map.set(row.date, [...(map.get(row.date) ?? []), row])
    return map
  }, [rows])
  const month = date.slice(0, 7)

  return (
    <div className="overflow-hidden rounded-lg border border-line bg-surface" data-testid="month-grid">
      <div className="grid grid-cols-7 border-b border-line bg-sunken/60" aria-hidden="true">
        {WEEKDAYS.map((d) => (
          <div key={d} className="border-l border-line px-2 py-1.5 text-xs font-medium text-ink-soft first:border-l-0">
            {d}
          </div>
        ))}
      </div>
      {weeks.map((week) => (
        <div key={week[0]} className="grid grid-cols-7 border-b border-line last:border-b-0">
          {week.map((day) => {
            const list = byDay.get(day) ?? []
            const outside = day.slice(0, 7) !== month
            return (
              <section
                key={day}
                aria-label={`${formatWeekday(day)}, ${formatMonthDay(day)}${list.length ? `, ${list.length} session${list.length === 1 ? '' : 's'}` : ''}`}
                className={cn('min-h-28 cursor-cell border-l border-line p-1 first:border-l-0', outside && 'bg-sunken/50', day === today && 'bg-accent-50')}
                // Pointer only, like the time grid's slots: the keyboard books with "Schedule session".
                onPointerUp={(event) => {
                  if (event.button === 0 && event.target === event.currentTarget) onBook(day)
                }}
              >
                <button
                  type="button"
                  onClick={() => onOpenDay(day)}
                  aria-label={`Open ${formatWeekday(day)}, ${formatMonthDay(day)}`}
                  className={cn(
                    'num mb-0.5 inline-flex size-6 items-center justify-center rounded-full text-xs hover:bg-sunken',
                    day === today ? 'bg-accent-600 font-semibold text-white hover:bg-accent-700' : outside ? 'text-ink-faint' : 'text-ink'
                  )}
                >
                  {Number(day.slice(8))}
                </button>
                <ul className="space-y-0.5">
                  {list.slice(0, SHOWN).map((row) => {
                    const off = row.status === 'cancelled' || row.status === 'late_cancelled' || row.status === 'no_show'
                    return (
                      <li key={row.id}>
                        <button
                          type="button"
                          onClick={() => onOpen(row)}
                          className={cn(
                            'flex w-full items-center gap-1 truncate rounded px-1 text-left text-2xs leading-5 hover:bg-sunken',
                            off ? 'text-ink-faint line-through' : 'text-ink'
                          )}
                        >
                          <span aria-hidden="true" className={cn('size-1.5 shrink-0 rounded-full', isDosingKind(row.kind) ? 'bg-accent-600' : 'bg-line-strong')} />
                          <span className="num shrink-0 text-ink-soft">{formatClock(row.startTime).replace(':00', '')}</span>
                          <span className="truncate">{row.clientName}</span>
                        </button>
                      </li>
                    )
                  })}
                </ul>
                {list.length > SHOWN && (
                  <button type="button" onClick={() => onOpenDay(day)} className="mt-0.5 px-1 text-2xs font-medium text-accent-700 hover:underline">
                    +{list.length - SHOWN} more
                  </button>
                )}
              </section>
            )
          })}
        </div>
      ))}
    </div>
  )
}
