import { useMemo, useRef, useState } from 'react'
import { useNavigate } from 'react-router'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import * as RadixDialog from '@radix-ui/react-dialog'
import { Command } from 'cmdk'
import { Archive, Search, UserRound } from 'lucide-react'
import { Badge, Spinner, StatusBadge } from '@renderer/components'
import { useCurrentUser } from '@renderer/features/auth/access'
import { clientQueries } from '@renderer/features/clients/queries'
import { describeError } from '@renderer/lib/errors'
import { clientSortName, formatDateOfBirth } from '@renderer/lib/format'
import { useFocusReturn } from '@renderer/lib/focus-return'
import { useDebouncedValue } from '@renderer/lib/hooks'
import { matchCommands, paletteCommands, type PaletteCommand } from './palette-commands'

const GROUPS: PaletteCommand['group'][] = ['Actions', 'Pages', 'Settings']
const itemClass = 'flex cursor-pointer items-center gap-3 rounded-md px-2.5 py-2 text-sm text-ink data-[selected=true]:bg-accent-50'
const headingClass = '[&_[cmdk-group-heading]]:px-2.5 [&_[cmdk-group-heading]]:pt-2 [&_[cmdk-group-heading]]:pb-1 [&_[cmdk-group-heading]]:text-2xs [&_[cmdk-group-heading]]:font-semibold [&_[cmdk-group-heading]]:tracking-wide [&_[cmdk-group-heading]]:text-ink-soft [&_[cmdk-group-heading]]:uppercase'

/**
 * Ctrl/Cmd+K: clients (part of a name, a date of birth or a phone number), then actions (Schedule
 * session, New client, Search notes), pages and every Settings section the user may open.
 * Enter goes there; Esc puts focus back where it was.
 */
export function CommandPalette({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const [query, setQuery] = useState('')
  const debounced = useDebouncedValue(query.trim(), 120)
  const navigate = useNavigate()
  const role = useCurrentUser()?.role
  const search = useQuery({ ...clientQueries.search(debounced, 8), placeholderData: keepPreviousData, enabled: open && debounced.length > 0 })
  const hits = debounced.length > 0 ? (search.data ?? []) : []
  const commands = useMemo(() => matchCommands(paletteCommands(role), query), [role, query])
  const returnFocus = useFocusReturn(open)
  // After going somewhere, focus starts on the new page rather than on the old page's control.
  const went = useRef(false)

  const close = (next: boolean) => {
    onOpenChange(next)
    if (!next) setQuery('')
  }
  const go = (to: string) => {
    went.current = true
    close(false)
    void navigate(to)
  }
  const searching = debounced.length > 0
  const emptyText =
    hits.length > 0 || commands.length > 0
      ? null
      : search.isError
        ? 'No page or command matches.'
        : search.isPending
          ? 'Searching…'
          : `No client, page or command matches “${debounced}”.`

  return (
    <RadixDialog.Root open={open} onOpenChange={close}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-40 bg-ink/20 [animation:kap-fade-in_100ms_ease-out]" />
        <RadixDialog.Content
          aria-describedby={undefined}
          onCloseAutoFocus={(event) => {
            if (!went.current) return returnFocus(event)
            went.current = false
            event.preventDefault()
            requestAnimationFrame(() => document.getElementById('main')?.focus())
          }}
          className="fixed top-[12vh] left-1/2 z-50 w-[calc(100vw-2rem)] max-w-xl -translate-x-1/2 overflow-hidden rounded-lg border border-line bg-surface shadow-2xl focus:outline-none"
        >
          <RadixDialog.Title className="sr-only">Search clients, pages and commands</RadixDialog.Title>
          <Command shouldFilter={false} loop vimBindings={false} label="Search clients, pages and commands">
            <div className="flex items-center gap-2 border-b border-line px-3">
              <Search aria-hidden="true" className="size-4 text-ink-faint" />
              <Command.Input
                value={query}
                onValueChange={setQuery}
                placeholder="A client’s name, date of birth or phone — or a page or command…"
                className="h-12 flex-1 bg-transparent text-[15px] text-ink outline-none placeholder:text-ink-faint"
              />
              {search.isFetching && <Spinner className="size-3.5 text-ink-faint" />}
            </div>
            {searching && search.isError && (
              <p role="alert" className="border-b border-line px-3 py-2 text-sm text-red-700">
                Clients could not be searched. {describeError(search.error)}
              </p>
            )}
            {/* The list always holds options (commands when nothing is typed, or a "no match" row), so it is never an empty listbox. */}
            <Command.List label="Results" className={`max-h-[min(60vh,26rem)] overflow-y-auto p-1.5 ${headingClass}`}>
              {hits.length > 0 && (
                <Command.Group heading="Clients">
                  {hits.map((hit) => (
                    <Command.Item key={hit.id} value={`client:${hit.id}`} onSelect={() => go(`/clients/${hit.id}`)} className={itemClass}>
                      <UserRound aria-hidden="true" className="size-4 shrink-0 text-ink-faint" />
                      <div className="min-w-0 flex-1">
                        <div className="truncate font-medium">
                          {clientSortName(hit)}
                          {hit.preferredName && hit.preferredName !== hit.legalFirstName && (
                            <span className="font-normal text-ink-soft"> “{hit.preferredName}”</span>
                          )}
                        </div>
                        <div className="num text-xs text-ink-faint">Born {formatDateOfBirth(hit.dateOfBirth)}</div>
                      </div>
                      {hit.archivedAt && (
                        <Badge tone="neutral">
                          <Archive aria-hidden="true" />
                          Archived
                        </Badge>
                      )}
                      <StatusBadge status={hit.status} />
                    </Command.Item>
                  ))}
                </Command.Group>
              )}
              {GROUPS.map((group) => {
                const items = commands.filter((c) => c.group === group)
                if (items.length === 0) return null
                return (
                  <Command.Group key={group} heading={group}>
                    {items.map(({ id, label, to, icon: Icon }) => (
                      <Command.Item key={id} value={`command:${id}`} onSelect={() => go(to)} className={itemClass}>
                        <Icon aria-hidden="true" className="size-4 shrink-0 text-ink-faint" />
                        <span className="flex-1 truncate">{label}</span>
                      </Command.Item>
                    ))}
                  </Command.Group>
                )
              })}
              {emptyText && (
                <Command.Item value="nothing" disabled className="px-3 py-6 text-center text-sm text-ink-faint">
                  {emptyText}
                </Command.Item>
              )}
            </Command.List>
            {!searching && (
              <p className="border-t border-line px-3 py-2 text-xs text-ink-faint">Type to find a client. ↑↓ to move, Enter to open, Esc to close.</p>
            )}
          </Command>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  )
}
