import { useState, type ReactNode } from 'react'
import * as Popover from '@radix-ui/react-popover'
import { ChevronsUpDown, KeyRound, Lock, LogOut } from 'lucide-react'
import { ROLE_LABELS } from '@shared/domain/roles'
import { Button, ConfirmDialog } from '@renderer/components'
import { cn } from '@renderer/lib/cn'
import { unsavedChanges } from '@renderer/lib/forms'
import { useCurrentUser } from './access'
import { ChangePassphraseDialog } from './ChangePassphraseForm'
import { savePendingEdits, useLock, useSignOut } from './queries'
import { UserAvatar } from './UserAvatar'

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent)
export const LOCK_SHORTCUT = { label: isMac ? '⌘L' : 'Ctrl L', aria: isMac ? 'Meta+L' : 'Control+L' }

function MenuItem({ icon, children, onSelect, shortcut }: { icon: ReactNode; children: ReactNode; onSelect: () => void; shortcut?: string }) {
  return (
    <button
      type="button"
      onClick={onSelect}
      className="flex h-8 w-full items-center gap-2.5 rounded-md px-2.5 text-left text-sm text-ink hover:bg-sunken focus-visible:bg-sunken focus-visible:outline-offset-[-2px] [&_svg]:size-4 [&_svg]:text-ink-soft"
    >
      {icon}
      <span className="flex-1">{children}</span>
      {shortcut && <kbd className="font-sans text-2xs text-ink-faint">{shortcut}</kbd>}
    </button>
  )
}

/**
 * The sidebar's foot: who is signed in (name and role), and Lock, Change passphrase, Sign out.
 * Signing out with unsaved edits asks first.
 */
export function UserMenu() {
  const user = useCurrentUser()
  const [open, setOpen] = useState(false)
  const [changing, setChanging] = useState(false)
  const [confirmSignOut, setConfirmSignOut] = useState(false)
  const lock = useLock()
  const signOut = useSignOut()
  if (!user) return null

  return (
    <>
      <Popover.Root open={open} onOpenChange={setOpen}>
        <Popover.Trigger asChild>
          <button
            type="button"
            className={cn(
              'flex w-full items-center gap-2.5 rounded-md px-2 py-1.5 text-left transition-colors hover:bg-surface/70',
              open && 'bg-surface shadow-xs ring-1 ring-line'
            )}
          >
            <UserAvatar name={user.displayName} className="size-7 text-[11px]" />
            <span className="min-w-0 flex-1">
              <span className="block truncate text-[13px] leading-tight font-medium text-ink">{user.displayName}</span>
              <span className="sr-only">, </span>
              <span className="block truncate text-2xs text-ink-soft">{ROLE_LABELS[user.role]}</span>
              <span className="sr-only"> — account menu</span>
            </span>
            <ChevronsUpDown aria-hidden="true" className="size-3.5 shrink-0 text-ink-faint" />
          </button>
        </Popover.Trigger>
        <Popover.Portal>
          <Popover.Content
            side="top"
            align="start"
            sideOffset={6}
            aria-label="Account"
            className="z-50 w-60 rounded-lg border border-line bg-surface p-1.5 shadow-lg focus:outline-none [animation:kap-pop-in_100ms_ease-out]"
          >
            <div className="border-b border-line px-2.5 pt-1.5 pb-2.5">
              <div className="truncate text-sm font-medium text-ink">
                {user.displayName}
                {user.credentials && <span className="font-normal text-ink-soft">, {user.credentials}</span>}
              </div>
              <div className="truncate text-xs text-ink-soft">
                {ROLE_LABELS[user.role]} · <span className="font-mono text-[11.5px]">{user.login}</span>
              </div>
            </div>
            <div className="pt-1.5">
              <MenuItem
                icon={<Lock aria-hidden="true" />}
                shortcut={LOCK_SHORTCUT.label}
                onSelect={() => {
                  setOpen(false)
                  lock.mutate()
                }}
              >
                Lock
              </MenuItem>
              <MenuItem
                icon={<KeyRound aria-hidden="true" />}
                onSelect={() => {
                  setOpen(false)
                  setChanging(true)
                }}
              >
                Change passphrase…
              </MenuItem>
              <MenuItem
                icon={<LogOut aria-hidden="true" />}
                onSelect={() => {
                  setOpen(false)
                  // Saves waiting on a timer go first: only what still cannot be saved asks.
                  void savePendingEdits().then(() => (unsavedChanges.any() ? setConfirmSignOut(true) : signOut.mutate()))
                }}
              >
                Sign out
              </MenuItem>
            </div>
          </Popover.Content>
        </Popover.Portal>
      </Popover.Root>
      <ChangePassphraseDialog open={changing} onOpenChange={setChanging} />
      <ConfirmDialog
        open={confirmSignOut}
        onOpenChange={setConfirmSignOut}
        title="Sign out without saving?"
        body="A form on this page has changes that were not saved. Signing out discards them."
        confirmLabel="Sign out and discard"
        cancelLabel="Keep editing"
        tone="danger"
        busy={signOut.isPending}
        onConfirm={() => signOut.mutate(undefined, { onSettled: () => setConfirmSignOut(false) })}
      />
    </>
  )
}

/** The top bar's Lock button (Ctrl/Cmd+L does the same). */
export function LockButton() {
  const lock = useLock()
  return (
    <Button variant="ghost" size="sm" onClick={() => lock.mutate()} aria-keyshortcuts={LOCK_SHORTCUT.aria} title={`Lock (${LOCK_SHORTCUT.label})`}>
      <Lock aria-hidden="true" />
      Lock
    </Button>
  )
}
