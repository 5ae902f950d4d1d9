/**
 * The day and week time grid: hours down the side, one column per day, each session a block as
 * tall as it is long (a 3-hour dosing is three hours), a line at the current time.
 *
 * Pointer only (keyboard users have the list view, and every block is a button that opens the
 * session): press on an empty slot to book there — a click takes the kind's usual length, a drag
 * sets it; drag a block to move it (to another time or day), drag its bottom edge to change its
 * length; all snap to 15 minutes. The page saves through sessions:update, so the dialog's rules
 * and warnings apply; a session with a signed note is refused before it moves.
 */
import { useEffect, useMemo, useRef, useState, type CSSProperties, type PointerEvent as ReactPointerEvent } from 'react'
import { FileCheck2, FilePen, Lock } from 'lucide-react'
import type { AgendaRow } from '@shared/contracts/sessions'
import { DURATION_MAX } from '@shared/contracts/sessions'
import { SESSION_KIND_LABELS, SESSION_STATUS_LABELS, isDosingKind } from '@shared/domain/session-kinds'
import { minutesOfDay } from '@shared/domain/vitals'
import { Badge } from '@renderer/components'
import { cn } from '@renderer/lib/cn'
import { formatClock, formatMonthDay, formatTimeRange, formatWeekday } from '../dates'
import { DAY_MINUTES, SNAP_MINUTES, clamp, clockOf, hourRange, placeDay, pxPerMinute, snap, HOUR_PX } from './layout'

export interface Slot {
  date: string
  startTime: string
  durationMinutes?: number
}
export interface Move {
  date: string
  startTime: string
  durationMinutes: number
}

export interface TimeGridProps {
  days: readonly string[]
  rows: readonly AgendaRow[]
  today: string
  /** The rendering clinician's name for a block, when the session has one. */
  clinicianName: (userId: string | null) => string | undefined
  onBook: (slot: Slot) => void
  onOpen: (row: AgendaRow) => void
  onMove: (row: AgendaRow, to: Move) => void
  /** Said instead of moving (a signed note, an archived client). */
  onRefuse: (row: AgendaRow, reason: string) => void
  /** Opens the day (the week's day headings). */
  onOpenDay?: (date: string) => void
}

/** Why a session cannot be dragged, or null when it can. */
export function immovableReason(row: AgendaRow): string | null {
  if (row.noteStatus === 'signed') return 'This session has a signed note, so it stays where it is: a signed record never changes. Cancel it and book a new one instead.'
  if (row.clientArchived) return 'This client is archived. Restore the client before changing sessions.'
  return null
}

const isOff = (row: AgendaRow) => row.status === 'cancelled' || row.status === 'late_cancelled' || row.status === 'no_show'
/** Pixels a press may wander before it counts as a drag. */
const DRAG_THRESHOLD = 4

type Drag =
  | { type: 'book'; date: string; anchor: number; start: number; end: number; moved: boolean }
  | { type: 'move' | 'resize'; row: AgendaRow; grab: number; x: number; y: number; date: string; start: number; duration: number; moved: boolean }

export function TimeGrid({ days, rows, today, clinicianName, onBook, onOpen, onMove, onRefuse, onOpenDay }: TimeGridProps) {
  const { first, last } = useMemo(() => hourRange(rows), [rows])
  const top = first * 60
  const height = (last - first) * HOUR_PX
  const byDay = useMemo(() => {
    const map = new Map<string, AgendaRow[]>()
    for (const row of rows) map.set(row.date, [...(map.get(row.date) ?? []), row])
    return map
  }, [rows])
  const columnsRef = useRef<HTMLDivElement>(null)
  const [drag, setDrag] = useState<Drag | null>(null)
  const dragRef = useRef<Drag | null>(null)
  /** The click that ends a drag must not also open the session. */
  const swallowClick = useRef(false)
  const now = useNow()

  /** Only the click this very gesture ends with (it follows pointerup before any timer runs). */
  const swallowNextClick = () => {
    swallowClick.current = true
    window.setTimeout(() => (swallowClick.current = false), 0)
  }

  const update = (next: Drag | null) => {
    dragRef.current = next
    setDrag(next)
  }

  /** The day and wall-clock minute under the pointer. */
  const pointAt = (clientX: number, clientY: number): { date: string; minute: number } => {
    const rect = columnsRef.current!.getBoundingClientRect()
    const index = clamp(Math.floor(((clientX - rect.left) / rect.width) * days.length), 0, days.length - 1)
    return { date: days[index]!, minute: clamp(top + (clientY - rect.top) / pxPerMinute, 0, DAY_MINUTES) }
  }

  const startBooking = (event: ReactPointerEvent<HTMLDivElement>) => {
    if (event.button !== 0 || event.target !== event.currentTarget) return
    const { date, minute } = pointAt(event.clientX, event.clientY)
    const start = clamp(Math.floor(minute / SNAP_MINUTES) * SNAP_MINUTES, 0, DAY_MINUTES - SNAP_MINUTES)
    columnsRef.current!.setPointerCapture(event.pointerId)
    update({ type: 'book', date, anchor: start, start, end: start + SNAP_MINUTES, moved: false })
  }

  const startDragging = (event: ReactPointerEvent<HTMLElement>, row: AgendaRow, type: 'move' | 'resize') => {
    if (event.button !== 0) return
    event.stopPropagation()
    const start = minutesOfDay(row.startTime) ?? 0
    const { minute } = pointAt(event.clientX, event.clientY)
    // No pointer capture yet: a plain click must still reach the block's button (it opens the session).
    swallowClick.current = false
    update({ type, row, grab: minute - start, x: event.clientX, y: event.clientY, date: row.date, start, duration: row.durationMinutes, moved: false })
  }

  const onPointerMove = (event: ReactPointerEvent<HTMLDivElement>) => {
    const d = dragRef.current
    if (!d) return
    const { date, minute } = pointAt(event.clientX, event.clientY)
    if (d.type === 'book') {
      const at = clamp(Math.ceil(minute / SNAP_MINUTES) * SNAP_MINUTES, 0, DAY_MINUTES)
      const [start, end] = at > d.anchor ? [d.anchor, at] : [Math.floor(minute / SNAP_MINUTES) * SNAP_MINUTES, d.anchor + SNAP_MINUTES]
      update({ ...d, start, end: Math.max(end, start + SNAP_MINUTES), moved: d.moved || end - start > SNAP_MINUTES })
      return
    }
    const moved = d.moved || Math.abs(event.clientX - d.x) + Math.abs(event.clientY - d.y) > DRAG_THRESHOLD
    if (!moved) return
    if (!d.moved) {
      columnsRef.current!.setPointerCapture(event.pointerId)
      const reason = immovableReason(d.row)
      if (reason) {
        swallowNextClick()
        update(null)
        onRefuse(d.row, reason)
        return
      }
    }
    if (d.type === 'move') {
      const start = clamp(snap(minute - d.grab), 0, DAY_MINUTES - SNAP_MINUTES)
      update({ ...d, moved, date, start })
    } else {
      const duration = clamp(snap(minute - d.start), SNAP_MINUTES, Math.min(DURATION_MAX, DAY_MINUTES - d.start))
      update({ ...d, moved, duration })
    }
  }

  const onPointerUp = () => {
    const d = dragRef.current
    if (!d) return
    update(null)
    if (d.type === 'book') {
      onBook({ date: d.date, startTime: clockOf(d.start), ...(d.moved ? { durationMinutes: d.end - d.start } : {}) })
      return
    }
    if (!d.moved) return // a plain click: the block's own onClick opens it
    swallowNextClick()
    const startTime = clockOf(d.start)
    if (d.date === d.row.date && startTime === d.row.startTime && d.duration === d.row.durationMinutes) return
    onMove(d.row, { date: d.date, startTime, durationMinutes: d.duration })
  }

  const ghost =
    drag && drag.type !== 'book' && drag.moved
      ? { date: drag.date, start: drag.start, duration: drag.duration, row: drag.row }
      : drag?.type === 'book'
        ? { date: drag.date, start: drag.start, duration: drag.end - drag.start, row: null }
        : null
  const nowMinute = now.getHours() * 60 + now.getMinutes()

  return (
    <div className="overflow-hidden rounded-lg border border-line bg-surface">
      {/* Day headings */}
      <div className="flex border-b border-line bg-sunken/60">
        <div className="w-16 shrink-0" aria-hidden="true" />
        <div className="grid flex-1" style={{ gridTemplateColumns: `repeat(${days.length}, minmax(0, 1fr))` }}>
          {days.map((day) => (
            <div key={day} className={cn('flex items-center gap-2 border-l border-line px-2 py-1.5 text-[13px]', day === today && 'bg-accent-50 [&_button]:text-accent-800')}>
              {onOpenDay ? (
                <button type="button" onClick={() => onOpenDay(day)} className="rounded font-semibold text-ink hover:text-accent-800 hover:underline">
                  {formatWeekday(day).slice(0, 3)} <span className="num font-normal text-ink-soft">{formatMonthDay(day)}</span>
                  <span className="sr-only"> — open the day</span>
                </button>
              ) : (
                <span className="font-semibold text-ink">
                  {formatWeekday(day)} <span className="num font-normal text-ink-soft">{formatMonthDay(day)}</span>
                </span>
              )}
              {/* In the week the tinted column says it; the badge would wrap a narrow heading. */}
              {day === today && !onOpenDay && <Badge tone="accent">Today</Badge>}
            </div>
          ))}
        </div>
      </div>

      <div className="flex select-none">
        {/* Hours down the side */}
        <div className="relative w-16 shrink-0" style={{ height }} aria-hidden="true">
          {Array.from({ length: last - first }, (_, i) => (
            <span key={i} className="num absolute right-2 -translate-y-1/2 text-2xs text-ink-faint" style={{ top: i * HOUR_PX }}>
              {i === 0 ? '' : formatClock(clockOf((first + i) * 60)).replace(':00', '')}
            </span>
          ))}
        </div>

        <div
          ref={columnsRef}
          data-testid="time-grid"
          className={cn('relative grid flex-1', drag && drag.type !== 'book' && drag.moved ? 'cursor-grabbing' : 'cursor-cell')}
          style={{ height, gridTemplateColumns: `repeat(${days.length}, minmax(0, 1fr))` }}
          onPointerDown={startBooking}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={() => update(null)}
        >
          {/* Hour and half-hour lines, behind everything and never a target. */}
          {Array.from({ length: last - first }, (_, i) => (
            <div key={i} aria-hidden="true" className="pointer-events-none absolute inset-x-0 border-t border-line" style={{ top: i * HOUR_PX }}>
              <div className="border-t border-dashed border-line/70" style={{ marginTop: HOUR_PX / 2 - 1 }} />
            </div>
          ))}

          {days.map((day) => (
            <section
              key={day}
              aria-label={`${formatWeekday(day)}, ${formatMonthDay(day)}`}
              data-date={day}
              className={cn('pointer-events-none relative border-l border-line', day === today && 'bg-accent-50/40')}
            >
              {placeDay(byDay.get(day) ?? []).map(({ row, start, end, lane, lanes }) => (
                <Block
                  key={row.id}
                  row={row}
                  clinician={clinicianName(row.renderingUserId)}
                  style={{
                    top: (start - top) * pxPerMinute,
                    height: Math.max((end - start) * pxPerMinute, 18),
                    left: `calc(${(lane / lanes) * 100}% + 2px)`,
                    width: `calc(${100 / lanes}% - 4px)`
                  }}
                  dragging={drag !== null && drag.type !== 'book' && drag.moved && drag.row.id === row.id}
                  onPointerDown={(e) => startDragging(e, row, 'move')}
                  onResizeDown={(e) => startDragging(e, row, 'resize')}
                  onClick={() => {
                    if (swallowClick.current) {
                      swallowClick.current = false
                      return
                    }
                    onOpen(row)
                  }}
                />
              ))}

              {ghost && ghost.date === day && (
                <div
                  aria-hidden="true"
                  data-testid="grid-ghost"
                  className="absolute inset-x-0.5 z-20 rounded-md border-2 border-dashed border-accent-600 bg-accent-100/70 px-1.5 py-0.5 text-2xs font-medium text-accent-800"
                  style={{ top: (ghost.start - top) * pxPerMinute, height: ghost.duration * pxPerMinute }}
                >
                  <span className="num">{formatTimeRange(clockOf(ghost.start), ghost.duration)}</span>
                  {ghost.row ? ` · ${ghost.row.clientName}` : ' · New session'}
                </div>
              )}

              {day === today && nowMinute >= top && nowMinute <= last * 60 && (
                <div aria-hidden="true" data-testid="now-line" className="absolute inset-x-0 z-10 border-t-2 border-accent-600" style={{ top: (nowMinute - top) * pxPerMinute }}>
                  <span className="absolute -top-[5px] -left-[5px] size-2 rounded-full bg-accent-600" />
                </div>
              )}
            </section>
          ))}
        </div>
      </div>
    </div>
  )
}

interface BlockProps {
  row: AgendaRow
  clinician: string | undefined
  style: CSSProperties
  dragging: boolean
  onPointerDown: (event: ReactPointerEvent<HTMLElement>) => void
  onResizeDown: (event: ReactPointerEvent<HTMLElement>) => void
  onClick: () => void
}

/** One session: its times, client, kind and clinician; the bottom edge changes its length. */
function Block({ row, clinician, style, dragging, onPointerDown, onResizeDown, onClick }: BlockProps) {
  const off = isOff(row)
  const dosing = isDosingKind(row.kind)
  const fixed = immovableReason(row) !== null
  const minutes = row.durationMinutes
  return (
    <div
      className={cn('pointer-events-auto absolute overflow-hidden rounded-md border border-l-4 text-left shadow-xs transition-opacity', dragging && 'opacity-40',
        off ? 'border-line border-l-line-strong bg-sunken text-ink-faint' : dosing ? 'border-accent-200 border-l-accent-600 bg-accent-100 text-ink' : 'border-line-strong border-l-accent-500 bg-surface text-ink')}
      style={style}
      data-session-id={row.id}
    >
      <button
        type="button"
        className={cn('absolute inset-0 flex flex-col items-start overflow-hidden px-1.5 py-0.5 text-left', fixed ? 'cursor-pointer' : 'cursor-grab')}
        onPointerDown={onPointerDown}
        onClick={onClick}
        title={`${row.clientName}, ${formatTimeRange(row.startTime, minutes)}, ${SESSION_KIND_LABELS[row.kind]}${clinician ? `, ${clinician}` : ''}\n${fixed ? immovableReason(row)! : 'Drag to move; drag the bottom edge to change the length'}`}
      >
        <span className="flex w-full min-w-0 items-center gap-1">
          <span className={cn('truncate text-[13px] leading-4 font-medium', off && 'line-through')}>{row.clientName}</span>
          {row.noteStatus !== 'none' && (
            <span aria-hidden="true" className="ml-auto flex shrink-0 items-center gap-0.5">
              {row.noteStatus === 'signed' ? <FileCheck2 className="size-3 text-emerald-600" /> : <FilePen className="size-3 text-amber-600" />}
              {fixed && <Lock className="size-3 text-ink-faint" />}
            </span>
          )}
        </span>
        {/* Short blocks: time and kind on one line; from an hour and a half, a line each. */}
        <span className={cn('num w-full truncate text-2xs leading-4 text-ink-soft', off && 'line-through')}>
          {formatTimeRange(row.startTime, minutes)}
          {minutes < 90 ? ` · ${SESSION_KIND_LABELS[row.kind]}${clinician ? ` · ${clinician}` : ''}` : ''}
        </span>
        {minutes >= 90 && (
          <span className="w-full truncate text-2xs leading-4 text-ink-soft">
            {SESSION_KIND_LABELS[row.kind]}
            {clinician ? ` · ${clinician}` : ''}
          </span>
        )}
        <span className="sr-only">
          , {SESSION_STATUS_LABELS[row.status]}
          {row.noteStatus === 'signed' ? ', note signed' : row.noteStatus === 'draft' ? ', note unsigned' : ''}
        </span>
      </button>
      {!fixed && (
        <div
          aria-hidden="true"
          data-testid="resize-handle"
          className="absolute inset-x-0 bottom-0 h-1.5 cursor-ns-resize hover:bg-accent-600/30"
          onPointerDown={onResizeDown}
        />
      )}
    </div>
  )
}

/** The current time, refreshed every half minute (for the now-line). */
function useNow(): Date {
  const [now, setNow] = useState(() => new Date())
  useEffect(() => {
    const id = window.setInterval(() => setNow(new Date()), 30_000)
    return () => window.clearInterval(id)
  }, [])
  return now
}
