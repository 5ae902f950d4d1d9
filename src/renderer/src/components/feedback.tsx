import type { ReactNode } from 'react'
import { CircleAlert, RotateCw } from 'lucide-react'
import { ApiError } from '@renderer/lib/api'
import { cn } from '@renderer/lib/cn'
import { describeError } from '@renderer/lib/errors'
import { Button } from './Button'

/**
 * A banner for errors that belong to no single field (or to fields the form does not show).
 * Renders nothing when `error` is null/undefined.
 */
export function FormError({ error, className }: { error: unknown; className?: string }) {
  if (error === null || error === undefined || error === false) return null
  const message = typeof error === 'string' ? error : describeError(error)
  const details =
    error instanceof ApiError && error.code === 'invalid_input' ? Object.values(error.fields).slice(0, 6) : []
  return (
    <div role="alert" className={cn('flex gap-2.5 rounded-md border border-red-200 bg-red-50 px-3 py-2.5 text-sm text-red-800', className)}>
      <CircleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
      <div className="min-w-0">
        <p className="font-medium">{message}</p>
        {details.length > 0 && (
          <ul className="mt-1 list-disc space-y-0.5 pl-4 text-[13px]">
            {details.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        )}
      </div>
    </div>
  )
}

/** What to show when a list or page could not load: plain words and a way to try again. */
export function ErrorState({
  error,
  onRetry,
  title = 'This could not be loaded',
  className
}: {
  error: unknown
  onRetry?: () => void
  title?: string
  className?: string
}) {
  return (
    <div role="alert" className={cn('flex flex-col items-center px-6 py-12 text-center', className)}>
      <div className="mb-3 flex size-10 items-center justify-center rounded-full bg-red-50 text-red-600">
        <CircleAlert aria-hidden="true" className="size-5" />
      </div>
      <h2 className="text-[15px] font-semibold text-ink">{title}</h2>
      <p className="mt-1 max-w-md text-sm text-ink-soft">{describeError(error)}</p>
      {onRetry && (
        <Button className="mt-4" onClick={onRetry}>
          <RotateCw aria-hidden="true" />
          Try again
        </Button>
      )}
    </div>
  )
}

/** An empty list: says what this place is for and what to do next. */
export function EmptyState({
  title,
  body,
  action,
  icon,
  className
}: {
  title: string
  body: ReactNode
  action?: ReactNode
  icon?: ReactNode
  className?: string
}) {
  return (
    <div className={cn('flex flex-col items-center px-6 py-14 text-center', className)}>
      {icon && (
        <div aria-hidden="true" className="mb-3 flex size-10 items-center justify-center rounded-full bg-accent-50 text-accent-700 [&_svg]:size-5">
          {icon}
        </div>
      )}
      <h2 className="text-[15px] font-semibold text-ink">{title}</h2>
      <div className="mt-1 max-w-md text-sm text-ink-soft">{body}</div>
      {action && <div className="mt-4 flex gap-2">{action}</div>}
    </div>
  )
}

/** A grey placeholder block that pulses while content loads. */
export function Skeleton({ className }: { className?: string }) {
  return <span aria-hidden="true" className={cn('block h-3.5 rounded bg-line [animation:kap-pulse_1.6s_ease-in-out_infinite]', className)} />
}

/**
 * Placeholder rows that keep a list's layout still while it loads. Use inside a <tbody>
 * (`as="tr"`, the default) or as stacked blocks (`as="div"`).
 */
export function LoadingRows({ rows = 8, columns = 4, as = 'tr' }: { rows?: number; columns?: number; as?: 'tr' | 'div' }) {
  const widths = ['w-3/5', 'w-2/5', 'w-1/3', 'w-1/2', 'w-2/3', 'w-1/4']
  if (as === 'div') {
    return (
      <div aria-hidden="true" className="space-y-3">
        {Array.from({ length: rows }, (_row, r) => (
          <Skeleton key={r} className={cn('h-4', widths[r % widths.length])} />
        ))}
      </div>
    )
  }
  return (
    <>
      {Array.from({ length: rows }, (_row, r) => (
        <tr key={r} aria-hidden="true" className="h-10 border-b border-line last:border-0">
          {Array.from({ length: columns }, (_col, c) => (
            <td key={c} className="px-3">
              <Skeleton className={widths[(r + c) % widths.length]} />
            </td>
          ))}
        </tr>
      ))}
    </>
  )
}

/** Announces "Loading…" to assistive tech while skeletons show. */
export function LoadingAnnouncement({ label = 'Loading…' }: { label?: string }) {
  return (
    <output className="sr-only">{label}</output>
  )
}
