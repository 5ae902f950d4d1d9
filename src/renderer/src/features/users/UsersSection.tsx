import { createContext, useContext, useMemo, useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import * as Popover from '@radix-ui/react-popover'
import { Ellipsis, UserPlus } from 'lucide-react'
import type { User } from '@shared/contracts/users'
import { ROLE_LABELS } from '@shared/domain/roles'
import { Badge, Button, DataTable, ErrorState, dataTableColumnHelper, type DataTableColumn } from '@renderer/components'
import { cn } from '@renderer/lib/cn'
import { formatTimestamp } from '@renderer/lib/format'
import { useCurrentUser } from '@renderer/features/auth/access'
import { usersQueries } from './queries'
import { AddUserDialog, DeactivateUserDialog, EditUserDialog, ResetPassphraseDialog } from './UserDialogs'

type Open = { kind: 'add' } | { kind: 'edit' | 'reset' | 'deactivate'; user: User } | null

/** What the cells need from the section: who "you" are, and how to open a dialog for a row. */
const UsersTable = createContext<{ meId: string | null; open: (next: Open) => void }>({ meId: null, open: () => {} })

function NameCell({ user }: { user: User }) {
  const { meId } = useContext(UsersTable)
  return (
    <span className="inline-flex flex-wrap items-center gap-x-2">
      <span className="font-medium text-ink">{user.displayName}</span>
      {user.id === meId && <Badge tone="accent">You</Badge>}
    </span>
  )
}

function StatusCell({ user }: { user: User }) {
  return user.deactivatedAt ? (
    <Badge tone="neutral" title={`Deactivated ${formatTimestamp(user.deactivatedAt)}`}>
      Deactivated
    </Badge>
  ) : (
    <Badge tone="success">
      <span aria-hidden="true" className="size-1.5 rounded-full bg-emerald-500" />
      Active
    </Badge>
  )
}

function MenuItem({ children, onSelect, tone }: { children: React.ReactNode; onSelect: () => void; tone?: 'danger' }) {
  return (
    <button
      type="button"
      onClick={onSelect}
      className={cn(
        'flex h-8 w-full items-center rounded-md px-2.5 text-left text-sm hover:bg-sunken focus-visible:bg-sunken focus-visible:outline-offset-[-2px]',
        tone === 'danger' ? 'text-red-700' : 'text-ink'
      )}
    >
      {children}
    </button>
  )
}

/**
 * A row's actions behind one small button: Edit, and for anyone but yourself Reset passphrase and
 * Deactivate. (Clicking the row, or Enter on it, edits too.) Nothing for a deactivated user.
 */
function ActionsCell({ user }: { user: User }) {
  const { meId, open } = useContext(UsersTable)
  const [menu, setMenu] = useState(false)
  if (user.deactivatedAt) return null
  const self = user.id === meId
  const choose = (kind: 'edit' | 'reset' | 'deactivate') => {
    setMenu(false)
    open({ kind, user })
  }
  return (
    <Popover.Root open={menu} onOpenChange={setMenu}>
      <Popover.Trigger asChild>
        <Button
          variant="ghost"
          size="sm"
          aria-label={`Actions for ${user.displayName}`}
          className="px-1.5"
          // The row opens on click and Enter: the menu button keeps its own.
          onClick={(e) => e.stopPropagation()}
          onKeyDown={(e) => e.stopPropagation()}
        >
          <Ellipsis aria-hidden="true" />
        </Button>
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          align="end"
          sideOffset={4}
          aria-label={`Actions for ${user.displayName}`}
          onClick={(e) => e.stopPropagation()}
          className="z-50 w-48 rounded-lg border border-line bg-surface p-1.5 shadow-lg focus:outline-none [animation:kap-pop-in_100ms_ease-out]"
        >
          <MenuItem onSelect={() => choose('edit')}>Edit…</MenuItem>
          {!self && (
            <>
              <MenuItem onSelect={() => choose('reset')}>Reset passphrase…</MenuItem>
              <MenuItem tone="danger" onSelect={() => choose('deactivate')}>
                Deactivate…
              </MenuItem>
            </>
          )}
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  )
}

const col = dataTableColumnHelper<User>()
const COLUMNS: DataTableColumn<User>[] = [
  col.accessor('displayName', { header: 'Name', cell: ({ row }) => <NameCell user={row.original} /> }),
  col.accessor('login', {
    header: 'User name',
    cell: ({ getValue }) => <span className="font-mono text-[13px] text-ink-soft">{getValue()}</span>,
    meta: { className: 'whitespace-nowrap' }
  }),
  col.accessor('role', { header: 'Role', cell: ({ row }) => ROLE_LABELS[row.original.role] }),
  col.accessor('credentials', {
    header: 'Credentials',
    cell: ({ getValue }) => getValue() ?? <span className="text-ink-faint">—</span>,
    meta: { className: 'whitespace-nowrap' }
  }),
  col.accessor('deactivatedAt', { header: 'Status', cell: ({ row }) => <StatusCell user={row.original} /> }),
  col.display({
    id: 'actions',
    header: () => <span className="sr-only">Actions</span>,
    cell: ({ row }) => <ActionsCell user={row.original} />,
    meta: { align: 'right', className: 'w-12' }
  })
]

/** Settings → Users (owner): who can sign in, with what role; add, edit, reset a passphrase, deactivate. */
export function UsersSection() {
  const me = useCurrentUser()
  const [showDeactivated, setShowDeactivated] = useState(false)
  const list = useQuery(usersQueries.list(showDeactivated))
  const [open, setOpen] = useState<Open>(null)
  const close = () => setOpen(null)

  const table = useMemo(() => ({ meId: me?.id ?? null, open: setOpen }), [me?.id])

  return (
    <section aria-labelledby="users-heading" className="mt-6 rounded-lg border border-line bg-surface px-6 py-5">
      <div className="mb-4 flex items-start justify-between gap-4 border-b border-line pb-4">
        <div>
          <h2 id="users-heading" className="text-base font-semibold text-ink">
            Users
          </h2>
          <p className="mt-0.5 text-sm text-ink-soft">Everyone who signs in on this computer, and what their role lets them see.</p>
        </div>
        <Button variant="primary" onClick={() => setOpen({ kind: 'add' })}>
          <UserPlus aria-hidden="true" />
          Add user
        </Button>
      </div>

      <UsersTable.Provider value={table}>
        {list.isError ? (
          <ErrorState error={list.error} title="The list of users could not be loaded" onRetry={() => void list.refetch()} />
        ) : (
          <DataTable
            label="Users"
            columns={COLUMNS}
            data={list.data ?? NO_USERS}
            getRowId={(u) => u.id}
            onRowOpen={(u) => {
              if (!u.deactivatedAt) setOpen({ kind: 'edit', user: u })
            }}
            loading={list.isPending}
            loadingRows={3}
            rowClassName={(u) => (u.deactivatedAt ? 'text-ink-faint' : undefined)}
          />
        )}
      </UsersTable.Provider>
      <label className="mt-3 inline-flex items-center gap-2 text-[13px] text-ink-soft">
        <input type="checkbox" checked={showDeactivated} onChange={(e) => setShowDeactivated(e.target.checked)} className="size-4 accent-accent-600" />
        Show deactivated users
      </label>

      {open?.kind === 'add' && <AddUserDialog onClose={close} />}
      {open?.kind === 'edit' && <EditUserDialog user={open.user} isSelf={open.user.id === me?.id} onClose={close} />}
      {open?.kind === 'reset' && <ResetPassphraseDialog user={open.user} onClose={close} />}
      {open?.kind === 'deactivate' && <DeactivateUserDialog user={open.user} onClose={close} />}
    </section>
  )
}

const NO_USERS: User[] = []
