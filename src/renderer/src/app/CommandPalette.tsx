import { useState } from 'react'
import { useNavigate } from 'react-router'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import * as RadixDialog from '@radix-ui/react-dialog'
import { Command } from 'cmdk'
import { Archive, Search, UserRound } from 'lucide-react'
import { Badge, Spinner, StatusBadge } from '@renderer/components'
import { clientQueries } from '@renderer/features/clients/queries'
import { describeError } from '@renderer/lib/errors'
import { clientSortName, formatDateOfBirth } from '@renderer/lib/format'
import { useDebouncedValue } from '@renderer/lib/hooks'

/** Ctrl/Cmd+K: type part of a name, a date of birth or a phone number; Enter opens the chart. */
export function CommandPalette({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const [query, setQuery] = useState('')
  const debounced = useDebouncedValue(query.trim(), 120)
  const navigate = useNavigate()
  const search = useQuery({ ...clientQueries.search(debounced, 8), placeholderData: keepPreviousData, enabled: open && debounced.length > 0 })
  const hits = debounced.length > 0 ? (search.data ?? []) : []

  const close = (next: boolean) => {
    onOpenChange(next)
    if (!next) setQuery('')
  }

  return (
    <RadixDialog.Root open={open} onOpenChange={close}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-40 bg-ink/20 [animation:kap-fade-in_100ms_ease-out]" />
        <RadixDialog.Content
          aria-describedby={undefined}
          className="fixed top-[12vh] left-1/2 z-50 w-[calc(100vw-2rem)] max-w-xl -translate-x-1/2 overflow-hidden rounded-lg border border-line bg-surface shadow-2xl focus:outline-none"
        >
          <RadixDialog.Title className="sr-only">Find a client</RadixDialog.Title>
          <Command shouldFilter={false} loop vimBindings={false} label="Find a client">
            <div className="flex items-center gap-2 border-b border-line px-3">
              <Search aria-hidden="true" className="size-4 text-ink-faint" />
              <Command.Input
                value={query}
                onValueChange={setQuery}
                placeholder="Name, preferred name, date of birth or phone…"
                className="h-12 flex-1 bg-transparent text-[15px] text-ink outline-none placeholder:text-ink-faint"
              />
              {search.isFetching && <Spinner className="size-3.5 text-ink-faint" />}
            </div>
            <Command.List className="max-h-[min(60vh,26rem)] overflow-y-auto p-1.5">
              {debounced.length === 0 ? (
                <p className="px-3 py-6 text-center text-sm text-ink-faint">Start typing to find a client. Enter opens the chart.</p>
              ) : search.isError ? (
                <p role="alert" className="px-3 py-6 text-center text-sm text-red-700">
                  {describeError(search.error)}
                </p>
              ) : (
                <>
                  {!search.isPending && (
                    <Command.Empty className="px-3 py-6 text-center text-sm text-ink-faint">No client matches “{debounced}”.</Command.Empty>
                  )}
                  {hits.map((hit) => (
                    <Command.Item
                      key={hit.id}
                      value={hit.id}
                      onSelect={() => {
                        close(false)
                        void navigate(`/clients/${hit.id}`)
                      }}
                      className="flex cursor-pointer items-center gap-3 rounded-md px-2.5 py-2 data-[selected=true]:bg-accent-50"
                    >
                      <UserRound aria-hidden="true" className="size-4 shrink-0 text-ink-faint" />
                      <div className="min-w-0 flex-1">
                        <div className="truncate text-sm font-medium text-ink">
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
                </>
              )}
            </Command.List>
          </Command>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  )
}
