import type { ReactNode } from 'react'
import type { ClientStatus } from '@shared/domain/client-status'
import { CLIENT_STATUS_LABELS } from '@shared/domain/client-status'
import { cn } from '@renderer/lib/cn'

export type BadgeTone = 'neutral' | 'accent' | 'success' | 'warning' | 'danger'

const tones: Record<BadgeTone, string> = {
  neutral: 'bg-sunken text-ink-soft ring-line-strong',
  accent: 'bg-accent-50 text-accent-800 ring-accent-200',
  success: 'bg-emerald-50 text-emerald-800 ring-emerald-200',
  warning: 'bg-amber-50 text-amber-800 ring-amber-300',
  danger: 'bg-red-50 text-red-700 ring-red-200'
}

/** A small label. Keep `warning` (amber) and `danger` (red) for things that need attention. */
export function Badge({ tone = 'neutral', children, className, title }: { tone?: BadgeTone; children: ReactNode; className?: string; title?: string }) {
  return (
    <span
      title={title}
      className={cn(
        'inline-flex h-5 items-center gap-1 rounded-full px-2 text-xs font-medium whitespace-nowrap ring-1 ring-inset [&_svg]:size-3',
        tones[tone],
        className
      )}
    >
      {children}
    </span>
  )
}

/** Status colours stay calm: red and amber are kept for flags. */
const statusTone: Record<ClientStatus, BadgeTone> = {
  inquiry: 'neutral',
  screening: 'accent',
  active: 'success',
  maintenance: 'accent',
  discharged: 'neutral',
  declined: 'neutral',
  ineligible: 'neutral'
}

const statusDot: Record<ClientStatus, string> = {
  inquiry: 'bg-ink-faint',
  screening: 'bg-accent-500',
  active: 'bg-emerald-500',
  maintenance: 'bg-accent-700',
  discharged: 'bg-line-strong',
  declined: 'bg-line-strong',
  ineligible: 'bg-line-strong'
}

export function StatusBadge({ status, className }: { status: ClientStatus; className?: string }) {
  return (
    <Badge tone={statusTone[status]} className={className}>
      <span aria-hidden="true" className={cn('size-1.5 rounded-full', statusDot[status])} />
      {CLIENT_STATUS_LABELS[status]}
    </Badge>
  )
}
