/** The note editor's controls: each registered by its body path, with its error and warnings beside it. */
import { useId, type ReactNode } from 'react'
import { useFormContext } from 'react-hook-form'
import { CircleAlert, TriangleAlert } from 'lucide-react'
import type { DosingWarning } from '@shared/domain/note-templates'
import { FieldHint, FieldLabel, FieldMessage, SelectField, TextField, TextareaField, type SelectOption } from '@renderer/components'
import { cn } from '@renderer/lib/cn'
import { toNumberOrNull } from './body'
import { useNoteEditor } from './editor-context'

/** Number inputs without the browser's stepper arrows (they sat on top of the unit). */
export const NO_SPINNER = '[appearance:textfield] [&::-webkit-inner-spin-button]:appearance-none [&::-webkit-outer-spin-button]:appearance-none'

/** Amber (caution) or red (alert) lines under a field: things to look at again, never blockers. */
export function FieldWarnings({ warnings, id, className }: { warnings: readonly DosingWarning[]; id?: string; className?: string }) {
  if (warnings.length === 0) return null
  return (
    <ul id={id} className={cn('mt-1 space-y-0.5', className)}>
      {warnings.map((w) => (
        <li
          key={w.message}
          className={cn('flex items-start gap-1 text-[13px] leading-snug', w.level === 'alert' ? 'text-red-700' : 'text-amber-800')}
        >
          {w.level === 'alert' ? (
            <CircleAlert aria-hidden="true" className="mt-px size-3.5 shrink-0" />
          ) : (
            <TriangleAlert aria-hidden="true" className="mt-px size-3.5 shrink-0" />
          )}
          <span>
            <span className="sr-only">{w.level === 'alert' ? 'Alert: ' : 'Caution: '}</span>
            {w.message}
          </span>
        </li>
      ))}
    </ul>
  )
}

export function NoteText({ path, label, rows = 4, hint, className }: { path: string; label: string; rows?: number; hint?: ReactNode; className?: string }) {
  const { register } = useFormContext()
  const { errorAt } = useNoteEditor()
  return <TextareaField label={label} rows={rows} hint={hint} className={className} error={errorAt(path)} {...register(path)} />
}

export function NoteLine({ path, label, hint, className, maxLength }: { path: string; label: string; hint?: ReactNode; className?: string; maxLength?: number }) {
  const { register } = useFormContext()
  const { errorAt } = useNoteEditor()
  return <TextField label={label} hint={hint} className={className} maxLength={maxLength} error={errorAt(path)} {...register(path)} />
}

export function NoteSelect({
  path,
  label,
  options,
  placeholder = 'Choose…',
  numeric = false,
  className,
  required
}: {
  path: string
  label: string
  options: readonly SelectOption[]
  placeholder?: string
  /** Store the choice as a number (severity 0–3), '' as null. */
  numeric?: boolean
  className?: string
  required?: boolean
}) {
  const { register } = useFormContext()
  const { errorAt, warningsAt } = useNoteEditor()
  const warnings = warningsAt(path)
  const warnId = useId()
  return (
    <div className={className}>
      <SelectField
        label={label}
        options={options}
        placeholder={placeholder}
        required={required}
        error={errorAt(path)}
        aria-describedby={warnings.length ? warnId : undefined}
        {...register(path, numeric ? { setValueAs: toNumberOrNull } : {})}
      />
      <FieldWarnings id={warnId} warnings={warnings} />
    </div>
  )
}

/** A yes/no item of a checklist: checked is yes, unchecked is no (or not yet answered). */
export function NoteCheck({ path, label, hint, className }: { path: string; label: string; hint?: ReactNode; className?: string }) {
  const { register } = useFormContext()
  const { errorAt, warningsAt } = useNoteEditor()
  const id = useId()
  const error = errorAt(path)
  const warnings = warningsAt(path)
  return (
    <div className={cn('min-w-0', className)}>
      <label htmlFor={id} className="flex items-start gap-2 text-sm text-ink select-none">
        <input
          id={id}
          type="checkbox"
          aria-invalid={error ? true : undefined}
          aria-describedby={hint ? `${id}-hint` : undefined}
          className="mt-0.5 size-4 shrink-0 accent-accent-600"
          {...register(path)}
        />
        <span>{label}</span>
      </label>
      <div className="pl-6">
        <FieldHint id={`${id}-hint`} hint={hint} />
        <FieldMessage error={error} />
        <FieldWarnings warnings={warnings} />
      </div>
    </div>
  )
}

/** A number with its unit after it ("mg", "kg", "min"); empty is null. */
export function NoteNumber({
  path,
  label,
  unit,
  min,
  max,
  step,
  hint,
  className,
  required,
  after
}: {
  path: string
  label: string
  unit: string
  min?: number
  max?: number
  step?: number | 'any'
  hint?: ReactNode
  className?: string
  required?: boolean
  /** Shown right of the input (a computed value such as mg/kg). */
  after?: ReactNode
}) {
  const { register } = useFormContext()
  const { errorAt, warningsAt } = useNoteEditor()
  const id = `f${useId()}`
  const error = errorAt(path)
  const warnings = warningsAt(path)
  const describedBy = [error && `${id}-error`, warnings.length && `${id}-warn`, hint && `${id}-hint`].filter(Boolean).join(' ') || undefined
  return (
    <div className={cn('min-w-0', className)}>
      <FieldLabel htmlFor={id} label={label} required={required} />
      <div className="flex items-center gap-3">
        <div className="relative w-32 shrink-0">
          <input
            id={id}
            type="number"
            inputMode="decimal"
            min={min}
            max={max}
            step={step}
            aria-invalid={error ? true : undefined}
            aria-required={required || undefined}
            aria-describedby={describedBy}
            className={cn('control num h-8 pr-10', NO_SPINNER, warnings.length > 0 && !error && 'border-amber-400')}
            {...register(path, { setValueAs: toNumberOrNull })}
          />
          <span aria-hidden="true" className="pointer-events-none absolute inset-y-0 right-2.5 flex items-center text-[13px] text-ink-faint">
            {unit}
          </span>
        </div>
        {after}
      </div>
      <FieldMessage id={`${id}-error`} error={error} />
      <FieldWarnings id={`${id}-warn`} warnings={warnings} />
      <FieldHint id={`${id}-hint`} hint={hint} />
    </div>
  )
}

/** 24-hour HH:MM typed as text, whatever the system's clock format (a time input would show AM/PM in en-US). */
export const CLOCK_INPUT = { type: 'text', inputMode: 'numeric', placeholder: 'HH:MM', maxLength: 5, autoComplete: 'off', spellCheck: false } as const

export function NoteTime({ path, label, className, required }: { path: string; label: string; className?: string; required?: boolean }) {
  const { register } = useFormContext()
  const { errorAt, warningsAt } = useNoteEditor()
  const warnings = warningsAt(path)
  return (
    <div className={className}>
      <TextField {...CLOCK_INPUT} label={label} required={required} inputClassName="num w-full" error={errorAt(path)} {...register(path)} />
      <FieldWarnings warnings={warnings} />
    </div>
  )
}

/**
 * A titled part of a note, laid out like the app's forms: the title on the left, the fields on the
 * right. Headings give the structure; the section is not a named region (a one-field section would
 * otherwise share its field's name).
 */
export function NoteSection({
  title,
  description,
  children,
  className,
  wide = false
}: {
  title: string
  description?: ReactNode
  children: ReactNode
  className?: string
  /** Title above the content, which takes the whole width (the vitals table). */
  wide?: boolean
}) {
  return (
    <section
      className={cn('grid gap-x-8 gap-y-3 border-t border-line py-6 first:border-t-0 first:pt-0', !wide && 'lg:grid-cols-[13rem_1fr]', className)}
    >
      <div>
        <h2 className="text-sm font-semibold text-ink">
          {title}
        </h2>
        {description && <p className="mt-1 text-[13px] leading-snug text-ink-faint">{description}</p>}
      </div>
      <div className="min-w-0 space-y-4">{children}</div>
    </section>
  )
}

/** A group of checkboxes under a small legend. */
export function CheckGroup({ legend, children, className }: { legend: string; children: ReactNode; className?: string }) {
  return (
    <fieldset className={cn('min-w-0', className)}>
      <legend className="mb-1.5 text-[13px] font-medium text-ink-soft">{legend}</legend>
      <div className="grid gap-x-6 gap-y-2 sm:grid-cols-2">{children}</div>
    </fieldset>
  )
}
