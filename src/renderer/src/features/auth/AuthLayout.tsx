import type { ReactNode } from 'react'
import { cn } from '@renderer/lib/cn'

/**
 * The frame of every screen before the app: a calm canvas, the mark, a title and one card.
 * Scrolls when the window is short; nothing here shows records.
 */
export function AuthLayout({
  title,
  intro,
  icon,
  children,
  footer,
  width = 'md'
}: {
  title: string
  intro?: ReactNode
  icon?: ReactNode
  children: ReactNode
  footer?: ReactNode
  width?: 'sm' | 'md' | 'lg'
}) {
  return (
    <main className="h-full overflow-y-auto bg-canvas">
      <div className={cn('mx-auto flex min-h-full flex-col justify-center px-6 py-12', { sm: 'max-w-sm', md: 'max-w-lg', lg: 'max-w-2xl' }[width])}>
        <div className="mb-6">
          <div className="mb-5 flex items-center gap-2">
            <span aria-hidden="true" className="flex size-7 items-center justify-center rounded-md bg-accent-600 text-xs font-bold text-white">
              K
            </span>
            <span className="text-sm font-semibold text-ink">KAP Practice</span>
          </div>
          {icon && (
            <div aria-hidden="true" className="mb-4 flex size-10 items-center justify-center rounded-full bg-accent-50 text-accent-700 [&_svg]:size-5">
              {icon}
            </div>
          )}
          <h1 className="text-2xl font-semibold tracking-tight text-ink">{title}</h1>
          {intro && <div className="mt-2 space-y-2 text-[15px] leading-relaxed text-ink-soft">{intro}</div>}
        </div>
        <div className="rounded-lg border border-line bg-surface px-6 py-6 shadow-xs">{children}</div>
        {footer && <div className="mt-4 text-center text-sm text-ink-soft">{footer}</div>}
      </div>
    </main>
  )
}

/** A text-styled button for "Forgot passphrase?" and "Back to sign in". */
export function LinkButton({ children, onClick, className }: { children: ReactNode; onClick: () => void; className?: string }) {
  return (
    <button type="button" onClick={onClick} className={cn('rounded text-sm font-medium text-accent-700 underline-offset-2 hover:underline', className)}>
      {children}
    </button>
  )
}
