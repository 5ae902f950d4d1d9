/**
 * The recurring-session parts of the session dialog: "Repeat" for a new integration or
 * psychotherapy session (every week or every 2 weeks, until a date or N times), and for a session
 * of a series, whether a change applies to it alone or to it and every following one.
 */
import { SERIES_INTERVAL_LABELS, SERIES_KINDS, SERIES_MAX_SESSIONS } from '@shared/contracts/series'
import type { SessionKind } from '@shared/domain/session-kinds'
import { DateField, RadioGroupField, SelectField, TextField } from '@renderer/components'

export interface RepeatValue {
  every: 'none' | '1' | '2'
  end: 'count' | 'until'
  occurrences: number
  untilDate: string
}
export const NO_REPEAT: RepeatValue = { every: 'none', end: 'count', occurrences: 6, untilDate: '' }

export const canRepeat = (kind: SessionKind | undefined): boolean => !!kind && (SERIES_KINDS as readonly string[]).includes(kind)

const everyOptions = [
  { value: 'none', label: 'Does not repeat' },
  { value: '1', label: SERIES_INTERVAL_LABELS[1] },
  { value: '2', label: SERIES_INTERVAL_LABELS[2] }
]

export function RepeatFields({ value, onChange, errors }: { value: RepeatValue; onChange: (next: RepeatValue) => void; errors: Record<string, string> }) {
  const set = (patch: Partial<RepeatValue>) => onChange({ ...value, ...patch })
  return (
    <div className="grid gap-4 rounded-md border border-line bg-sunken/40 px-3 py-3 sm:col-span-6 sm:grid-cols-6">
      <SelectField label="Repeat" options={everyOptions} className="sm:col-span-3" value={value.every} onChange={(e) => set({ every: e.target.value as RepeatValue['every'] })} />
      {value.every !== 'none' && (
        <>
          <RadioGroupField
            label="Ends"
            name="series-end"
            className="sm:col-span-3"
            value={value.end}
            onChange={(e) => set({ end: e.target.value as RepeatValue['end'] })}
            options={[
              { value: 'count', label: 'After a number of sessions' },
              { value: 'until', label: 'On a date' }
            ]}
            orientation="vertical"
          />
          {value.end === 'count' ? (
            <TextField
              label="Number of sessions"
              type="number"
              inputMode="numeric"
              min={2}
              max={SERIES_MAX_SESSIONS}
              className="sm:col-span-3"
              inputClassName="num max-w-24"
              value={Number.isNaN(value.occurrences) ? '' : value.occurrences}
              error={errors['series.occurrences']}
              onChange={(e) => set({ occurrences: e.target.valueAsNumber })}
            />
          ) : (
            <DateField label="Last date" className="sm:col-span-3" value={value.untilDate} error={errors['series.untilDate']} onChange={(e) => set({ untilDate: e.target.value })} />
          )}
        </>
      )}
    </div>
  )
}

export type ChangeScope = 'one' | 'following'

export function ScopeField({ value, onChange }: { value: ChangeScope; onChange: (next: ChangeScope) => void }) {
  return (
    <RadioGroupField
      label="This session is part of a recurring series. Apply the change to"
      name="series-scope"
      className="sm:col-span-6"
      value={value}
      onChange={(e) => onChange(e.target.value as ChangeScope)}
      hint={
        value === 'following'
          ? 'Following sessions take the new start time and duration, or are cancelled. Completed sessions and those with a signed note stay as they are.'
          : undefined
      }
      options={[
        { value: 'one', label: 'This session only' },
        { value: 'following', label: 'This and all following' }
      ]}
    />
  )
}
