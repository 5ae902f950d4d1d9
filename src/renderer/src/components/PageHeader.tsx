import type { ReactNode } from 'react'
import { cn } from '@renderer/lib/cn'

/** A page's title, a quiet subtitle, and its one primary action on the right. */
export function PageHeader({
  title,
  subtitle,
  actions,
  eyebrow,
  className
}: {
  title: ReactNode
  subtitle?: ReactNode
  actions?: ReactNode
  /** A small line above the title, e.g. a back link. */
  eyebrow?: ReactNode
  className?: string
}) {
  return (
    <header className={cn('flex flex-wrap items-end justify-between gap-x-6 gap-y-3 pb-5', className)}>
      <div className="min-w-0">
        {eyebrow && <div className="mb-1 text-[13px] text-ink-faint">{eyebrow}</div>}
        <h1 className="truncate text-xl font-semibold tracking-tight text-ink">{title}</h1>
        {subtitle && <div className="mt-0.5 text-sm text-ink-soft">{subtitle}</div>}
      </div>
      {actions && <div className="flex shrink-0 items-center gap-2">{actions}</div>}
    </header>
  )
}
