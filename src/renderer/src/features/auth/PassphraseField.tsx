import { forwardRef, useId, useState, type InputHTMLAttributes, type ReactNode } from 'react'
import { Eye, EyeOff } from 'lucide-react'
import { FieldHint, FieldLabel, FieldMessage } from '@renderer/components'
import { cn } from '@renderer/lib/cn'
import { passphraseStrength } from './passphrase-strength'

export interface PassphraseFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'className' | 'required'> {
  label: string
  error?: string
  hint?: ReactNode
  required?: boolean
  className?: string
  /** Content between the field and its hint (the strength meter). */
  below?: ReactNode
  /** Offer Show/Hide (default). Off for a "type it again" box: its twin already has one. */
  revealable?: boolean
}

/**
 * A passphrase box with a Show/Hide toggle. Never spell-checked or auto-filled by the system
 * (autoComplete says what it is: current-password or new-password).
 */
export const PassphraseField = forwardRef<HTMLInputElement, PassphraseFieldProps>(function PassphraseField(
  { label, error, hint, required, className, below, revealable = true, id, autoComplete = 'current-password', ...props },
  ref
) {
  const auto = useId()
  const fieldId = id ?? `p${auto}`
  const hintId = hint ? `${fieldId}-hint` : undefined
  const errorId = error ? `${fieldId}-error` : undefined
  const [shown, setShown] = useState(false)
  return (
    <div className={cn('min-w-0', className)}>
      <FieldLabel htmlFor={fieldId} label={label} required={required} />
      <div className="relative">
        <input
          ref={ref}
          id={fieldId}
          type={shown ? 'text' : 'password'}
          autoComplete={autoComplete}
          spellCheck={false}
          autoCapitalize="off"
          autoCorrect="off"
          aria-invalid={error ? true : undefined}
          aria-required={required || undefined}
          aria-describedby={[errorId, hintId].filter(Boolean).join(' ') || undefined}
          className={cn('control h-8', revealable && 'pr-16')}
          {...props}
        />
        {revealable && (
          <button
            type="button"
            onClick={() => setShown((s) => !s)}
            aria-label={`${shown ? 'Hide' : 'Show'} ${label.toLowerCase()}`}
            className="absolute inset-y-1 right-1 inline-flex items-center gap-1 rounded px-1.5 text-xs font-medium text-ink-soft hover:bg-sunken hover:text-ink [&_svg]:size-3.5"
          >
            {shown ? <EyeOff aria-hidden="true" /> : <Eye aria-hidden="true" />}
            {shown ? 'Hide' : 'Show'}
          </button>
        )}
      </div>
      <FieldMessage id={errorId} error={error} />
      {below}
      <FieldHint id={hintId} hint={hint} />
    </div>
  )
})

const BAR_TONES = ['bg-line', 'bg-ink-faint', 'bg-accent-500', 'bg-accent-600', 'bg-accent-700'] as const

/** Four quiet bars and a word ("Good") with advice: coaching, not a gate (main checks the length). */
export function StrengthMeter({ passphrase, personal }: { passphrase: string; personal?: readonly string[] }) {
  const strength = passphraseStrength(passphrase, personal)
  return (
    <div className="mt-1.5" data-testid="passphrase-strength">
      <div aria-hidden="true" className="flex gap-1">
        {[1, 2, 3, 4].map((bar) => (
          <span key={bar} className={cn('h-1 flex-1 rounded-full transition-colors', bar <= strength.score ? BAR_TONES[strength.score] : 'bg-line')} />
        ))}
      </div>
      <p className="mt-1 text-xs leading-snug text-ink-soft">
        {strength.label && <span className="font-medium text-ink">{strength.label}. </span>}
        {strength.hint}
      </p>
    </div>
  )
}

type Registered = Omit<PassphraseFieldProps, 'label'> & { error?: string }

/**
 * A new passphrase typed twice, with the strength meter under the first box. Spread
 * react-hook-form's register(...) (plus `error`) into `passphrase` and `confirm`.
 */
export function NewPassphraseFields({
  passphrase,
  confirm,
  value,
  personal,
  label = 'Passphrase',
  confirmLabel = 'Type the passphrase again',
  hint
}: {
  passphrase: Registered
  confirm: Registered
  /** The first box's current value (watch it) for the meter. */
  value: string
  personal?: readonly string[]
  label?: string
  confirmLabel?: string
  hint?: ReactNode
}) {
  return (
    <>
      <PassphraseField label={label} required autoComplete="new-password" below={<StrengthMeter passphrase={value} personal={personal} />} hint={hint} {...passphrase} />
      <PassphraseField label={confirmLabel} required autoComplete="new-password" revealable={false} {...confirm} />
    </>
  )
}
