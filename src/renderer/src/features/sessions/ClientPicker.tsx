import { forwardRef, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { Archive, Search, UserRound } from 'lucide-react'
import type { ClientSearchHit } from '@shared/contracts/clients'
import { Badge, Button, FieldHint, FieldLabel, FieldMessage, Spinner } from '@renderer/components'
import { clientQueries } from '@renderer/features/clients/queries'
import { cn } from '@renderer/lib/cn'
import { describeError } from '@renderer/lib/errors'
import { clientSortName, formatDateOfBirth } from '@renderer/lib/format'
import { useDebouncedValue } from '@renderer/lib/hooks'

export interface PickedClient {
  id: string
  name: string
  /** Shown under the name so two clients of the same name can be told apart. */
  detail?: string
  archived?: boolean
}

const nameOf = (hit: ClientSearchHit) =>
  `${hit.preferredName && hit.preferredName !== hit.legalFirstName ? hit.preferredName : hit.legalFirstName} ${hit.legalLastName}`

export interface ClientPickerProps {
  label: string
  value: PickedClient | null
  onChange: (client: PickedClient | null) => void
  error?: string
  hint?: string
  required?: boolean
  /** The client is fixed (editing a session, or scheduling from a chart): no search, no "Change". */
  locked?: boolean
}

/**
 * Chooses a client with the same search as Ctrl/Cmd+K (clients:search): name, preferred name,
 * date of birth or phone. An ARIA 1.2 combobox: ↓/↑ move through the matches, Enter chooses.
 * Archived clients are listed, marked,
 * so the reason a session cannot be booked for them comes back beside this field.
 */
export const ClientPicker = forwardRef<HTMLInputElement, ClientPickerProps>(function ClientPicker(
  { label, value, onChange, error, hint, required, locked = false },
  ref
) {
  const id = `client${useId().replace(/:/g, '')}`
  const listId = `${id}-list`
  const errorId = error ? `${id}-error` : undefined
  const hintId = hint ? `${id}-hint` : undefined
  const detailId = value?.detail ? `${id}-detail` : undefined
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(0)
  const debounced = useDebouncedValue(query.trim(), 120)
  const search = useQuery({ ...clientQueries.search(debounced, 8), placeholderData: keepPreviousData, enabled: !value && debounced.length > 0 })
  const hits = debounced.length > 0 ? (search.data ?? []) : []
  const changeRef = useRef<HTMLButtonElement>(null)

  useEffect(() => setActive(0), [debounced])

  const pick = (hit: ClientSearchHit) => {
    onChange({ id: hit.id, name: nameOf(hit), detail: `Born ${formatDateOfBirth(hit.dateOfBirth)}`, archived: hit.archivedAt !== null })
    setQuery('')
    setTimeout(() => changeRef.current?.focus(), 0)
  }

  if (value) {
    return (
      <div className="min-w-0">
        <FieldLabel htmlFor={id} label={label} required={required && !locked} />
        <div
          className={cn(
            'flex min-h-8 items-center gap-2.5 rounded-md border bg-sunken/60 px-2.5 py-1 focus-within:border-accent-600',
            error ? 'border-red-500' : 'border-line-strong'
          )}
        >
          <UserRound aria-hidden="true" className="size-4 shrink-0 text-ink-faint" />
          <input
            id={id}
            readOnly
            value={value.name}
            aria-invalid={error ? true : undefined}
            aria-describedby={[detailId, errorId, hintId].filter(Boolean).join(' ') || undefined}
            className="min-w-0 flex-1 truncate bg-transparent text-sm font-medium text-ink focus:outline-none"
          />
          {value.detail && (
            <span id={detailId} className="num shrink-0 text-xs text-ink-faint">
              {value.detail}
            </span>
          )}
          {value.archived && (
            <Badge>
              <Archive aria-hidden="true" />
              Archived
            </Badge>
          )}
          {!locked && (
            <Button
              ref={changeRef}
              size="sm"
              variant="ghost"
              className="-mr-1.5"
              aria-label={`Change client (now ${value.name})`}
              onClick={() => {
                onChange(null)
                // The search box takes the place of the name; give it focus once it is there.
                setTimeout(() => document.getElementById(id)?.focus(), 0)
              }}
            >
              Change
            </Button>
          )}
        </div>
        <FieldMessage id={errorId} error={error} />
        <FieldHint id={hintId} hint={hint} />
      </div>
    )
  }

  const expanded = debounced.length > 0
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault()
        setActive((i) => Math.min(hits.length - 1, i + 1))
        break
      case 'ArrowUp':
        event.preventDefault()
        setActive((i) => Math.max(0, i - 1))
        break
      case 'Enter': {
        // Enter chooses the highlighted client; it never submits a form without one.
        event.preventDefault()
        const hit = hits[active]
        if (hit) pick(hit)
        break
      }
    }
  }

  return (
    <div className="min-w-0">
      <FieldLabel htmlFor={id} label={label} required={required} />
      <div className="relative">
        <Search aria-hidden="true" className="pointer-events-none absolute top-2 left-2.5 size-4 text-ink-faint" />
        <input
          ref={ref}
          id={id}
          type="text"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && hits[active] ? `${id}-opt-${active}` : undefined}
          aria-invalid={error ? true : undefined}
          aria-required={required || undefined}
          aria-describedby={[errorId, hintId].filter(Boolean).join(' ') || undefined}
          placeholder="Name, date of birth or phone…"
          className="control h-8 pl-8"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={onKeyDown}
        />
        {search.isFetching && <Spinner className="absolute top-2 right-2.5 size-3.5 text-ink-faint" />}
      </div>
      <FieldMessage id={errorId} error={error} />
      {expanded && (
        <div className="mt-1.5 overflow-hidden rounded-md border border-line">
          {search.isError ? (
            <p role="alert" className="px-3 py-2 text-[13px] text-red-700">
              {describeError(search.error)}
            </p>
          ) : !search.isPending && hits.length === 0 ? (
            <p className="px-3 py-2 text-[13px] text-ink-faint">No client matches “{debounced}”. Try part of the last name or the date of birth.</p>
          ) : null}
          {/* The ARIA combobox pattern: focus stays in the input; options take no focus of their own. */}
          {/* oxlint-disable-next-line jsx-a11y/prefer-tag-over-role, jsx-a11y/no-noninteractive-element-to-interactive-role */}
          <ul id={listId} role="listbox" aria-label="Matching clients" className={cn('max-h-52 overflow-y-auto', hits.length > 0 && 'py-1')}>
            {hits.map((hit, i) => (
              // oxlint-disable-next-line jsx-a11y/click-events-have-key-events
              <li
                key={hit.id}
                id={`${id}-opt-${i}`}
                // oxlint-disable-next-line jsx-a11y/prefer-tag-over-role, jsx-a11y/no-noninteractive-element-to-interactive-role
                role="option"
                aria-selected={i === active}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => pick(hit)}
                className={cn('flex cursor-pointer items-center gap-3 px-3 py-1.5', i === active ? 'bg-accent-100' : 'hover:bg-sunken')}
              >
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
                  <Badge>
                    <Archive aria-hidden="true" />
                    Archived
                  </Badge>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      <FieldHint id={hintId} hint={hint} />
    </div>
  )
})
