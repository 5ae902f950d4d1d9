import {
  forwardRef,
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes
} from 'react'
import { CircleAlert } from 'lucide-react'
import { cn } from '@renderer/lib/cn'

interface FieldOwnProps {
  /** The visible label; also the field's accessible name. */
  label: string
  /** A message shown beside the field; marks it invalid. */
  error?: string
  /** Quiet help text under the field. */
  hint?: ReactNode
  /** Shows a "required" marker (validation itself comes from the zod schema). */
  required?: boolean
  /** Classes for the wrapper (grid placement, width). */
  className?: string
  /** Hide the label visually (it stays the accessible name). */
  hideLabel?: boolean
}

/** ids wired so screen readers hear the hint and the error with the field. */
function useFieldIds(id: string | undefined, error?: string, hint?: ReactNode) {
  const auto = useId()
  const fieldId = id ?? `f${auto}`
  const hintId = hint ? `${fieldId}-hint` : undefined
  const errorId = error ? `${fieldId}-error` : undefined
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined
  return { fieldId, hintId, errorId, describedBy }
}

export function RequiredMark() {
  return (
    <span aria-hidden="true" className="ml-0.5 text-accent-700">
      *
    </span>
  )
}

export function FieldLabel({ htmlFor, label, required, hidden }: { htmlFor: string; label: string; required?: boolean; hidden?: boolean }) {
  // The marker sits outside the <label> so the field's name is exactly `label` (aria-required says the rest).
  return (
    <div className={cn('mb-1 flex items-baseline text-[13px] font-medium text-ink-soft', hidden && 'sr-only')}>
      <label htmlFor={htmlFor}>{label}</label>
      {required && <RequiredMark />}
    </div>
  )
}

export function FieldMessage({ id, error }: { id?: string; error?: string }) {
  if (!error) return null
  return (
    <p id={id} className="mt-1 flex items-start gap-1 text-[13px] leading-snug text-red-700">
      <CircleAlert aria-hidden="true" className="mt-px size-3.5 shrink-0" />
      <span>{error}</span>
    </p>
  )
}

export function FieldHint({ id, hint }: { id?: string; hint?: ReactNode }) {
  if (!hint) return null
  return (
    <p id={id} className="mt-1 text-xs leading-snug text-ink-faint">
      {hint}
    </p>
  )
}

function FieldShell({
  fieldId,
  label,
  required,
  hideLabel,
  error,
  errorId,
  hint,
  hintId,
  className,
  children
}: FieldOwnProps & { fieldId: string; errorId?: string; hintId?: string; children: ReactNode }) {
  return (
    <div className={cn('min-w-0', className)}>
      <FieldLabel htmlFor={fieldId} label={label} required={required} hidden={hideLabel} />
      {children}
      <FieldMessage id={errorId} error={error} />
      <FieldHint id={hintId} hint={hint} />
    </div>
  )
}

export type TextFieldProps = FieldOwnProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'className' | 'required'> & { inputClassName?: string }

/** A labelled text input; spread react-hook-form's `register(...)` into it. */
export const TextField = forwardRef<HTMLInputElement, TextFieldProps>(function TextField(
  { label, error, hint, required, className, hideLabel, inputClassName, id, type = 'text', ...props },
  ref
) {
  const ids = useFieldIds(id, error, hint)
  return (
    <FieldShell {...ids} label={label} error={error} hint={hint} required={required} hideLabel={hideLabel} className={className}>
      <input
        ref={ref}
        id={ids.fieldId}
        type={type}
        aria-invalid={error ? true : undefined}
        aria-required={required || undefined}
        aria-describedby={ids.describedBy}
        className={cn('control h-8', inputClassName)}
        {...props}
      />
    </FieldShell>
  )
})

/** A labelled calendar date (YYYY-MM-DD). */
export const DateField = forwardRef<HTMLInputElement, Omit<TextFieldProps, 'type'>>(function DateField(
  { inputClassName, ...props },
  ref
) {
  return <TextField ref={ref} type="date" inputClassName={cn('num w-full max-w-44', inputClassName)} {...props} />
})

export type TextareaFieldProps = FieldOwnProps &
  Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'className' | 'required'> & { inputClassName?: string }

/** A labelled multi-line text box with a generous line height for notes. */
export const TextareaField = forwardRef<HTMLTextAreaElement, TextareaFieldProps>(function TextareaField(
  { label, error, hint, required, className, hideLabel, inputClassName, id, rows = 4, ...props },
  ref
) {
  const ids = useFieldIds(id, error, hint)
  return (
    <FieldShell {...ids} label={label} error={error} hint={hint} required={required} hideLabel={hideLabel} className={className}>
      <textarea
        ref={ref}
        id={ids.fieldId}
        rows={rows}
        aria-invalid={error ? true : undefined}
        aria-required={required || undefined}
        aria-describedby={ids.describedBy}
        className={cn('control resize-y leading-relaxed', inputClassName)}
        {...props}
      />
    </FieldShell>
  )
})

export interface SelectOption {
  value: string
  label: string
}

export type SelectFieldProps = FieldOwnProps &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, 'className' | 'required'> & {
    options: readonly SelectOption[]
    /** Adds a first, empty choice ("Choose…"), value ''. */
    placeholder?: string
    inputClassName?: string
  }

/** A labelled native select: fast, keyboard friendly (type to jump) and accessible. */
export const SelectField = forwardRef<HTMLSelectElement, SelectFieldProps>(function SelectField(
  { label, error, hint, required, className, hideLabel, inputClassName, id, options, placeholder, ...props },
  ref
) {
  const ids = useFieldIds(id, error, hint)
  return (
    <FieldShell {...ids} label={label} error={error} hint={hint} required={required} hideLabel={hideLabel} className={className}>
      <select
        ref={ref}
        id={ids.fieldId}
        aria-invalid={error ? true : undefined}
        aria-required={required || undefined}
        aria-describedby={ids.describedBy}
        className={cn('control h-8 pr-8', inputClassName)}
        {...props}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  )
})

export type RadioGroupFieldProps = Omit<FieldOwnProps, 'hideLabel'> &
  Omit<InputHTMLAttributes<HTMLInputElement>, 'className' | 'required' | 'type' | 'value' | 'checked' | 'defaultValue'> & {
    options: readonly SelectOption[]
    /** For controlled use (without register): the checked option's value. */
    value?: string | null
    /** Lay the choices out in a row (default) or a column. */
    orientation?: 'horizontal' | 'vertical'
  }

/**
 * A labelled set of radio buttons (yes / no / unknown and the like). Spread react-hook-form's
 * `register(name)` into it: name, onChange, onBlur and ref reach every radio.
 */
export const RadioGroupField = forwardRef<HTMLInputElement, RadioGroupFieldProps>(function RadioGroupField(
  { label, error, hint, required, className, options, orientation = 'horizontal', id, value, ...props },
  ref
) {
  const ids = useFieldIds(id, error, hint)
  const controlled = value !== undefined
  return (
    <fieldset
      className={cn('min-w-0', className)}
      aria-invalid={error ? true : undefined}
      aria-required={required || undefined}
      aria-describedby={ids.describedBy}
    >
      {/* A fieldset is named by its first-child legend; the aria-hidden marker stays out of that name. */}
      <legend className="mb-1 text-[13px] font-medium text-ink-soft">
        {label}
        {required && <RequiredMark />}
      </legend>
      <div className={cn('flex gap-x-4 gap-y-1.5', orientation === 'vertical' ? 'flex-col' : 'flex-wrap')}>
        {options.map((o) => (
          <label key={o.value} className="inline-flex items-center gap-1.5 text-sm text-ink">
            <input
              ref={ref}
              type="radio"
              value={o.value}
              checked={controlled ? value === o.value : undefined}
              id={`${ids.fieldId}-${o.value}`}
              className={cn('size-4 accent-accent-600', error && 'outline-1 outline-red-500')}
              {...props}
            />
            {o.label}
          </label>
        ))}
      </div>
      <FieldMessage id={ids.errorId} error={error} />
      <FieldHint id={ids.hintId} hint={hint} />
    </fieldset>
  )
})
