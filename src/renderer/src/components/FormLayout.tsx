import type { ReactNode } from 'react'
import { cn } from '@renderer/lib/cn'
import { RequiredMark } from './fields'

/** A titled group of fields on a form, laid out on a responsive grid. */
export function FormSection({
  title,
  description,
  children,
  className,
  columns = 6
}: {
  title: string
  description?: ReactNode
  children: ReactNode
  className?: string
  /** Grid columns at full width; children place themselves with col-span-*. */
  columns?: 2 | 3 | 4 | 6
}) {
  const grid = { 2: 'sm:grid-cols-2', 3: 'sm:grid-cols-3', 4: 'sm:grid-cols-4', 6: 'sm:grid-cols-6' }[columns]
  return (
    <section className={cn('grid gap-x-8 gap-y-4 border-t border-line py-6 first:border-t-0 first:pt-0 lg:grid-cols-[14rem_1fr]', className)}>
      <div>
        <h2 className="text-sm font-semibold text-ink">{title}</h2>
        {description && <p className="mt-1 text-[13px] leading-snug text-ink-faint">{description}</p>}
      </div>
      <div className={cn('grid grid-cols-1 gap-x-4 gap-y-4', grid)}>{children}</div>
    </section>
  )
}

/** The bar of buttons at the end of a form (primary action last, on the right). */
export function FormActions({
  children,
  className,
  sticky = false,
  surface = 'canvas'
}: {
  children: ReactNode
  className?: string
  /** Keep the buttons in view at the bottom of the scrolling page. */
  sticky?: boolean
  /** The background behind the form, so the sticky bar blends in. */
  surface?: 'canvas' | 'surface'
}) {
  return (
    <div
      className={cn(
        'flex items-center justify-end gap-2 border-t border-line pt-4',
        sticky && 'sticky bottom-0 z-10 pb-4 backdrop-blur-sm',
        sticky && (surface === 'canvas' ? 'bg-canvas/95' : 'bg-surface/95'),
        className
      )}
    >
      {children}
    </div>
  )
}

/** "* Required" — shown once at the top of a form that marks required fields. */
export function RequiredLegend() {
  return (
    <p className="text-xs text-ink-faint">
      <RequiredMark /> Required
    </p>
  )
}
