/** Small layout pieces shared by the chart's tabs (not general enough for the design system). */
import type { ReactNode } from 'react'
import { Lock } from 'lucide-react'
import { Button } from '@renderer/components'
import { cn } from '@renderer/lib/cn'

/** A white card with a quiet title, for a group of facts or a list. */
export function ChartCard({
  title,
  action,
  children,
  className,
  id
}: {
  title?: ReactNode
  action?: ReactNode
  children: ReactNode
  className?: string
  id?: string
}) {
  return (
    <section aria-labelledby={title && id ? id : undefined} className={cn('rounded-lg border border-line bg-surface', className)}>
      {(title || action) && (
        <div className="flex min-h-10 items-center justify-between gap-3 border-b border-line px-4 py-2">
          {title && (
            <h3 id={id} className="text-[13px] font-semibold text-ink">
              {title}
            </h3>
          )}
          {action}
        </div>
      )}
      <div className="px-4 py-3">{children}</div>
    </section>
  )
}

/** A list of label → value facts. Empty values read "Not recorded" in a quiet tone. */
export function Facts({ items, className }: { items: Array<{ label: string; value: ReactNode; wide?: boolean }>; className?: string }) {
  return (
    <dl className={cn('grid grid-cols-1 gap-x-6 gap-y-2.5 sm:grid-cols-[minmax(8rem,auto)_1fr]', className)}>
      {items.map(({ label, value }) => (
        <div key={label} className="contents">
          <dt className="text-[13px] text-ink-faint">{label}</dt>
          <dd className="min-w-0 text-sm break-words text-ink">{isEmpty(value) ? <NotRecorded /> : value}</dd>
        </div>
      ))}
    </dl>
  )
}

const isEmpty = (value: ReactNode) => value === null || value === undefined || value === '' || value === false

export function NotRecorded({ children = 'Not recorded' }: { children?: ReactNode }) {
  return <span className="text-ink-faint">{children}</span>
}

/** The bar above a tab's list: its title and count on the left, controls and the primary action on the right. */
export function TabToolbar({ title, count, children }: { title: string; count?: ReactNode; children?: ReactNode }) {
  return (
    <div className="mb-3 flex flex-wrap items-center justify-between gap-x-4 gap-y-2">
      <div className="flex items-baseline gap-2">
        <h2 className="text-[15px] font-semibold text-ink">{title}</h2>
        {count !== undefined && <span className="num text-[13px] text-ink-soft">{count}</span>}
      </div>
      {children && <div className="flex flex-wrap items-center gap-3">{children}</div>}
    </div>
  )
}

/** Shown where an action would be when the client is archived. */
export function ReadOnlyNote({ children = 'Archived — restore the client to make changes.' }: { children?: ReactNode }) {
  return (
    <span className="inline-flex items-center gap-1.5 text-[13px] text-ink-soft">
      <Lock aria-hidden="true" className="size-3.5" />
      {children}
    </span>
  )
}

/** A labelled checkbox for list filters ("Show removed"). */
export function ToggleFilter({ label, checked, onChange }: { label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <label className="inline-flex items-center gap-1.5 text-[13px] text-ink-soft select-none">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} className="size-3.5 accent-accent-600" />
      {label}
    </label>
  )
}

/** Cancel and Save at the foot of a form inside a Dialog; stays in view while the form scrolls. */
export function DialogFormActions({ onCancel, busy, submitLabel = 'Save' }: { onCancel: () => void; busy: boolean; submitLabel?: string }) {
  return (
    <div className="sticky -bottom-4 -mx-5 -mb-4 flex justify-end gap-2 border-t border-line bg-surface px-5 py-3">
      <Button onClick={onCancel} disabled={busy}>
        Cancel
      </Button>
      <Button type="submit" variant="primary" busy={busy}>
        {submitLabel}
      </Button>
    </div>
  )
}

let dayFormat: Intl.DateTimeFormat | undefined

/** "Mar 8, 2026" for an ISO-8601 timestamp, on the user's own calendar. */
export function formatDay(iso: string | null | undefined): string {
  if (!iso) return ''
  const d = new Date(iso)
  // Made once, on first use (building a formatter costs far more than formatting).
  return Number.isNaN(d.getTime()) ? '' : (dayFormat ??= new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' })).format(d)
}
