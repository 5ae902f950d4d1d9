/**
 * The client list's filter buttons: current / archived / all, and one per status. Memoised, so a
 * key typed into the search box does not render them again (pass stable callbacks).
 */
import { memo } from 'react'
import { CLIENT_STATUSES, CLIENT_STATUS_LABELS, type ClientStatus } from '@shared/domain/client-status'
import { cn } from '@renderer/lib/cn'
import type { ArchiveFilter } from './list-params'

const ARCHIVE_OPTIONS: { value: ArchiveFilter; label: string }[] = [
  { value: 'current', label: 'Current' },
  { value: 'archived', label: 'Archived' },
  { value: 'all', label: 'All' }
]

export const ArchiveFilterButtons = memo(function ArchiveFilterButtons({ archived, onChange }: { archived: ArchiveFilter; onChange: (archived: ArchiveFilter) => void }) {
  return (
    <fieldset className="inline-flex rounded-md border border-line-strong bg-surface p-0.5 shadow-xs">
      <legend className="sr-only">Show</legend>
      {ARCHIVE_OPTIONS.map((o) => (
        <button
          key={o.value}
          type="button"
          aria-pressed={archived === o.value}
          onClick={() => onChange(o.value)}
          className={cn(
            'h-6.5 rounded px-2.5 text-[13px] transition-colors',
            archived === o.value ? 'bg-accent-600 font-medium text-white' : 'text-ink-soft hover:bg-sunken hover:text-ink'
          )}
        >
          {o.label}
        </button>
      ))}
    </fieldset>
  )
})

export const StatusFilterButtons = memo(function StatusFilterButtons({
  statuses,
  onToggle,
  onClearAll
}: {
  statuses: ClientStatus[]
  onToggle: (status: ClientStatus) => void
  /** Shown as "Clear all" when any filter (search included) is on. */
  onClearAll?: () => void
}) {
  return (
    <fieldset className="mb-3 flex flex-wrap items-center gap-1.5">
      <legend className="sr-only">Filter by status</legend>
      {CLIENT_STATUSES.map((s) => {
        const on = statuses.includes(s)
        return (
          <button
            key={s}
            type="button"
            aria-pressed={on}
            onClick={() => onToggle(s)}
            className={cn(
              'h-6.5 rounded-full border px-2.5 text-[13px] transition-colors',
              on ? 'border-accent-600 bg-accent-50 font-medium text-accent-800' : 'border-line-strong bg-surface text-ink-soft hover:border-ink-faint hover:text-ink'
            )}
          >
            {CLIENT_STATUS_LABELS[s]}
          </button>
        )
      })}
      {onClearAll && (
        <button type="button" onClick={onClearAll} className="ml-1 h-6.5 rounded px-2 text-[13px] text-accent-700 hover:bg-accent-50">
          Clear all
        </button>
      )}
    </fieldset>
  )
})
