import { forwardRef, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import { Check } from 'lucide-react'
import { findIcd10, type Icd10Entry } from '@shared/domain/icd10-catalog'
import { isWellFormedIcd10, normalizeIcd10 } from '@shared/domain/icd10'
import { FieldHint, FieldLabel, FieldMessage } from '@renderer/components'
import { cn } from '@renderer/lib/cn'

export interface Icd10ComboboxProps {
  label: string
  value: string
  onChange: (value: string) => void
  /** A suggestion was chosen (click, or Enter on the highlighted one). */
  onPick: (entry: Icd10Entry) => void
  onBlur?: () => void
  name?: string
  error?: string
  hint?: string
  required?: boolean
}

/** The synonym that found an entry, shown after its description so the match makes sense. */
function matchedSynonym(entry: Icd10Entry, query: string): string | undefined {
  const q = query.trim().toLowerCase()
  if (q.length < 2) return undefined
  return entry.synonyms.find((s) => s.toLowerCase().startsWith(q) && !entry.description.toLowerCase().includes(q))
}

/**
 * An ICD-10 picker: a text box (ARIA 1.2 combobox) over an always-visible list of the shipped
 * ICD-10-CM codes that match what is typed, by code or by words. Whatever is typed stays as typed, so any
 * well-formed code can be entered. ↓/↑ highlight a suggestion, Enter picks it (or, with none
 * highlighted, submits the form). The list sits in the page flow rather than floating, so it
 * never covers the form's buttons and the dialog keeps its size while typing.
 */
export const Icd10Combobox = forwardRef<HTMLInputElement, Icd10ComboboxProps>(function Icd10Combobox(
  { label, value, onChange, onPick, onBlur, name, error, hint, required },
  ref
) {
  const id = `icd${useId().replace(/:/g, '')}`
  const listId = `${id}-list`
  const countId = `${id}-count`
  const errorId = error ? `${id}-error` : undefined
  const hintId = hint ? `${id}-hint` : undefined
  const [active, setActive] = useState(-1)
  const options = useMemo(() => findIcd10(value, 40), [value])
  const listRef = useRef<HTMLUListElement>(null)
  const chosen = isWellFormedIcd10(value) ? normalizeIcd10(value) : null
  const typedFreeCode = chosen !== null && !options.some((o) => o.code === chosen)

  useEffect(() => setActive(-1), [value])
  useEffect(() => {
    if (active >= 0) listRef.current?.querySelector(`#${id}-opt-${active}`)?.scrollIntoView({ block: 'nearest' })
  }, [active, id])

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault()
        setActive((i) => Math.min(options.length - 1, i + 1))
        break
      case 'ArrowUp':
        event.preventDefault()
        setActive((i) => Math.max(-1, i - 1))
        break
      case 'Enter': {
        const entry = active >= 0 ? options[active] : undefined
        if (entry) {
          event.preventDefault()
          onPick(entry)
          setActive(-1)
        }
        // With nothing highlighted, Enter submits the form with the code as typed.
        break
      }
    }
  }

  return (
    <div className="min-w-0">
      <FieldLabel htmlFor={id} label={label} required={required} />
      <input
        ref={ref}
        id={id}
        name={name}
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        aria-autocomplete="list"
        aria-expanded="true"
        aria-controls={listId}
        aria-activedescendant={active >= 0 ? `${id}-opt-${active}` : undefined}
        aria-invalid={error ? true : undefined}
        aria-required={required || undefined}
        aria-describedby={[errorId, countId, hintId].filter(Boolean).join(' ') || undefined}
        placeholder="Code or words, e.g. F33.2 or depression"
        className="control num h-8"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={onBlur}
      />
      <FieldMessage id={errorId} error={error} />
      <div className="mt-2 overflow-hidden rounded-md border border-line">
        <p id={countId} aria-live="polite" className="border-b border-line bg-sunken/70 px-3 py-1 text-xs text-ink-soft">
          {options.length > 0
            ? value.trim()
              ? `${options.length === 40 ? '40+' : options.length} code${options.length === 1 ? '' : 's'} match`
              : 'Common codes — type a code, words or a name like PTSD'
            : typedFreeCode
              ? `${chosen} is not on the ICD-10-CM list; it can only be saved as custom, unverified.`
              : 'No ICD-10-CM code matches. Try other words, or type the full code.'}
        </p>
        {/* The ARIA combobox pattern: focus stays in the input (aria-activedescendant), so the
            options take no focus or keys of their own; no native element offers this. */}
        {/* oxlint-disable-next-line jsx-a11y/prefer-tag-over-role, jsx-a11y/no-noninteractive-element-to-interactive-role */}
        <ul ref={listRef} id={listId} role="listbox" aria-label="ICD-10-CM codes" className="relative h-48 overflow-y-auto py-1">
          {options.map((o, i) => (
            // oxlint-disable-next-line jsx-a11y/click-events-have-key-events
            <li
              key={o.code}
              id={`${id}-opt-${i}`}
              // oxlint-disable-next-line jsx-a11y/prefer-tag-over-role, jsx-a11y/no-noninteractive-element-to-interactive-role
              role="option"
              aria-selected={i === active}
              // Keep focus in the text box; pick on click.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => {
                onPick(o)
                setActive(-1)
              }}
              className={cn(
                'flex cursor-pointer items-start gap-3 px-3 py-1 text-sm',
                i === active ? 'bg-accent-100 text-ink' : 'text-ink-soft hover:bg-sunken'
              )}
            >
              <span className="num w-16 shrink-0 font-medium text-ink">{o.code}</span>
              <span className="min-w-0 flex-1">
                {o.description}
                {matchedSynonym(o, value) && <span className="text-ink-faint"> · {matchedSynonym(o, value)}</span>}
              </span>
              {o.code === chosen && <Check aria-label="Chosen" className="mt-0.5 size-4 shrink-0 text-accent-700" />}
            </li>
          ))}
        </ul>
        {options.length === 0 && (
          <p aria-hidden="true" className="-mt-48 flex h-48 items-center justify-center px-6 text-center text-[13px] text-ink-faint">
            {typedFreeCode ? 'Tick “custom, unverified” below to keep this code.' : 'Keep typing a code, or try other words.'}
          </p>
        )}
      </div>
      <FieldHint id={hintId} hint={hint} />
    </div>
  )
})
