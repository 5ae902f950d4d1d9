import type { ReactNode } from 'react'
import * as RadixDialog from '@radix-ui/react-dialog'
import * as RadixAlert from '@radix-ui/react-alert-dialog'
import { X } from 'lucide-react'
import { cn } from '@renderer/lib/cn'
import { useFocusReturn } from '@renderer/lib/focus-return'
import { Button } from './Button'

const overlay = 'fixed inset-0 z-40 bg-ink/25 [animation:kap-fade-in_120ms_ease-out]'
const panel =
  'fixed top-1/2 left-1/2 z-50 flex max-h-[85vh] w-[calc(100vw-2rem)] -translate-x-1/2 -translate-y-1/2 flex-col rounded-lg border border-line bg-surface shadow-xl focus:outline-none [animation:kap-pop-in_140ms_ease-out]'

const widths = { sm: 'max-w-sm', md: 'max-w-lg', lg: 'max-w-2xl', xl: 'max-w-4xl' }

export interface DialogProps {
  open: boolean
  onOpenChange: (open: boolean) => void
  title: ReactNode
  description?: ReactNode
  children?: ReactNode
  /** Buttons at the bottom right (put the primary action last). */
  footer?: ReactNode
  size?: keyof typeof widths
  className?: string
}

/** A modal dialog: focus is trapped inside, Esc or the close button dismisses it, and focus goes back where it was. */
export function Dialog({ open, onOpenChange, title, description, children, footer, size = 'md', className }: DialogProps) {
  const returnFocus = useFocusReturn(open)
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className={overlay} />
        <RadixDialog.Content
          className={cn(panel, widths[size], className)}
          onCloseAutoFocus={returnFocus}
          {...(description ? {} : { 'aria-describedby': undefined })}
        >
          <div className="flex items-start justify-between gap-4 border-b border-line px-5 py-3.5">
            <div className="min-w-0">
              <RadixDialog.Title className="text-[15px] font-semibold text-ink">{title}</RadixDialog.Title>
              {description && <RadixDialog.Description className="mt-0.5 text-sm text-ink-soft">{description}</RadixDialog.Description>}
            </div>
            <RadixDialog.Close asChild>
              <Button variant="ghost" size="sm" aria-label="Close" className="-mr-2 px-1.5">
                <X aria-hidden="true" />
              </Button>
            </RadixDialog.Close>
          </div>
          <div className="min-h-0 flex-1 overflow-y-auto px-5 py-4">{children}</div>
          {footer && <div className="flex justify-end gap-2 border-t border-line px-5 py-3">{footer}</div>}
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  )
}

export interface ConfirmDialogProps {
  open: boolean
  onOpenChange: (open: boolean) => void
  title: ReactNode
  body: ReactNode
  confirmLabel: string
  cancelLabel?: string
  /** 'danger' for destructive or hard-to-undo actions. */
  tone?: 'primary' | 'danger'
  onConfirm: () => void
  busy?: boolean
  /** Extra content under the body (e.g. a reason field). */
  children?: ReactNode
}

/**
 * Asks before a consequential action. The confirm button stays open-while-busy: call
 * onOpenChange(false) yourself when the work has finished.
 */
export function ConfirmDialog({
  open,
  onOpenChange,
  title,
  body,
  confirmLabel,
  cancelLabel = 'Cancel',
  tone = 'primary',
  onConfirm,
  busy = false,
  children
}: ConfirmDialogProps) {
  const returnFocus = useFocusReturn(open)
  return (
    <RadixAlert.Root open={open} onOpenChange={(next) => (busy && !next ? undefined : onOpenChange(next))}>
      <RadixAlert.Portal>
        <RadixAlert.Overlay className={overlay} />
        <RadixAlert.Content className={cn(panel, widths.sm, 'px-5 pt-4 pb-4')} onCloseAutoFocus={returnFocus}>
          <RadixAlert.Title className="text-[15px] font-semibold text-ink">{title}</RadixAlert.Title>
          <RadixAlert.Description asChild>
            <div className="mt-1.5 text-sm text-ink-soft">{body}</div>
          </RadixAlert.Description>
          {children && <div className="mt-3">{children}</div>}
          <div className="mt-5 flex justify-end gap-2">
            <RadixAlert.Cancel asChild>
              <Button disabled={busy}>{cancelLabel}</Button>
            </RadixAlert.Cancel>
            {/* Not RadixAlert.Action: that closes immediately; we close when the work is done. */}
            <Button variant={tone === 'danger' ? 'danger' : 'primary'} busy={busy} onClick={onConfirm}>
              {confirmLabel}
            </Button>
          </div>
        </RadixAlert.Content>
      </RadixAlert.Portal>
    </RadixAlert.Root>
  )
}
