/**
 * The vitals timeline of a dosing note: the therapist adds a reading as they take it (time
 * prefilled to now), and each row is flagged against the practice's thresholds as it is typed.
 */
import { useFieldArray, useFormContext, useWatch } from 'react-hook-form'
import { CircleAlert, Plus, Trash2, TriangleAlert } from 'lucide-react'
import type { DosingWarning } from '@shared/domain/note-templates'
import type { VitalThresholds } from '@shared/domain/vitals'
import { Badge, Button } from '@renderer/components'
import { cn } from '@renderer/lib/cn'
import { clockNow, preDoseRows, toNumberOrNull, worstLevel } from '../body'
import { useNoteEditor } from '../editor-context'
import { CLOCK_INPUT, FieldWarnings, NO_SPINNER } from '../fields'

interface Row {
  id: string
  time: string
  systolic: number | null
  diastolic: number | null
  heartRate: number | null
  spo2: number | null
  note: string
}

const newRow = (): Row => ({
  id: crypto.randomUUID(),
  time: clockNow(),
  systolic: null,
  diastolic: null,
  heartRate: null,
  spo2: null,
  note: ''
})

const READINGS = [
  { key: 'systolic', label: 'Systolic', unit: 'mmHg', min: 40, max: 300 },
  { key: 'diastolic', label: 'Diastolic', unit: 'mmHg', min: 20, max: 200 },
  { key: 'heartRate', label: 'Heart rate', unit: 'bpm', min: 20, max: 250 },
  { key: 'spo2', label: 'SpO2', unit: '%', min: 50, max: 100 }
] as const

/** A field's own message, right under it (the row's other fields keep theirs). */
function CellError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null
  return (
    <p id={id} className="mt-1 flex items-start gap-1 text-xs leading-snug text-red-700">
      <CircleAlert aria-hidden="true" className="mt-px size-3 shrink-0" />
      {message}
    </p>
  )
}

export function VitalsTable({ thresholds }: { thresholds: VitalThresholds }) {
  const { control, register } = useFormContext()
  const { fields, append, remove } = useFieldArray({ control, name: 'vitals', keyName: 'key' })
  const rows = (useWatch({ control, name: 'vitals' }) as Row[] | undefined) ?? []
  const doseStart = useWatch({ control, name: 'times.doseStart' }) as string | null
  const preDose = preDoseRows(rows, doseStart)
  const { errorAt, warningsAt } = useNoteEditor()
  const tableWarnings = warningsAt('vitals')

  const rowWarnings = (i: number): DosingWarning[] => [
    ...warningsAt(`vitals.${i}.systolic`),
    ...warningsAt(`vitals.${i}.heartRate`),
    ...warningsAt(`vitals.${i}.spo2`)
  ]
  const rowErrors = (i: number) => [errorAt(`vitals.${i}.note`), errorAt(`vitals.${i}`)].filter((m): m is string => Boolean(m))

  const add = () =>
    append(newRow(), {
      shouldFocus: true,
      focusName: `vitals.${fields.length}.systolic`
    })

  return (
    <div className="space-y-2">
      <p className="text-[13px] text-ink-faint">
        Flags: before dosing, BP above <span className="num">{thresholds.preDoseSystolic}/{thresholds.preDoseDiastolic}</span> — consider
        delaying. Any time: BP at or above <span className="num">{thresholds.alertSystolic}/{thresholds.alertDiastolic}</span>, heart rate
        above <span className="num">{thresholds.heartRateHigh}</span> or below <span className="num">{thresholds.heartRateLow}</span>, SpO2
        below <span className="num">{thresholds.spo2Low} %</span>.
      </p>
      <div className="overflow-x-auto rounded-lg border border-line bg-surface">
        <table aria-label="Vitals readings" className="w-full border-separate border-spacing-0 text-sm">
          <thead>
            <tr className="text-left text-xs font-medium text-ink-soft">
              <th scope="col" className="h-9 w-36 border-b border-line bg-sunken/80 px-2.5 font-medium">
                Time
              </th>
              {READINGS.map((r) => (
                <th key={r.key} scope="col" className="h-9 w-[5.5rem] border-b border-line bg-sunken/80 px-2 font-medium">
                  {r.label} <span className="font-normal text-ink-faint">({r.unit})</span>
                </th>
              ))}
              <th scope="col" className="h-9 border-b border-line bg-sunken/80 px-2 font-medium">
                Note
              </th>
              <th scope="col" className="h-9 w-60 border-b border-line bg-sunken/80 px-2 font-medium">
                Flags
              </th>
              <th scope="col" className="h-9 w-10 border-b border-line bg-sunken/80 px-2">
                <span className="sr-only">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {fields.length === 0 && (
              <tr>
                <td colSpan={8} className="px-3 py-5 text-center text-[13px] text-ink-faint">
                  No readings yet. Add the pre-dose reading before the dose, then one as you take each.
                </td>
              </tr>
            )}
            {fields.map((field, i) => {
              const warnings = rowWarnings(i)
              const level = worstLevel(warnings)
              const errors = rowErrors(i)
              const n = i + 1
              return (
                <tr
                  key={field.key}
                  data-flag={level ?? undefined}
                  aria-label={`Reading ${n}${preDose[i] ? ', pre-dose' : ''}${level ? `, ${level}` : ''}`}
                  className={cn('align-top', level === 'alert' ? 'bg-red-50/70' : level === 'caution' ? 'bg-amber-50/70' : undefined)}
                >
                  <td className={cn('border-b border-line py-1.5 pr-1 pl-2.5', level && 'border-l-2', level === 'alert' ? 'border-l-red-500' : 'border-l-amber-400')}>
                    <label className="sr-only" htmlFor={`vitals-${field.key}-time`}>
                      Time, reading {n}
                    </label>
                    <input
                      id={`vitals-${field.key}-time`}
                      {...CLOCK_INPUT}
                      aria-invalid={errorAt(`vitals.${i}.time`) ? true : undefined}
                      aria-describedby={errorAt(`vitals.${i}.time`) ? `vitals-${field.key}-time-error` : undefined}
                      className="control num h-8 w-20 px-1.5"
                      {...register(`vitals.${i}.time`)}
                    />
                    <CellError id={`vitals-${field.key}-time-error`} message={errorAt(`vitals.${i}.time`)} />
                    {preDose[i] && <span className="mt-0.5 block text-2xs font-medium text-ink-faint">Pre-dose</span>}
                  </td>
                  {READINGS.map((r) => {
                    const path = `vitals.${i}.${r.key}`
                    const flagged = warningsAt(r.key === 'diastolic' ? `vitals.${i}.systolic` : path).length > 0
                    return (
                      <td key={r.key} className="border-b border-line px-1 py-1.5">
                        <label className="sr-only" htmlFor={`vitals-${field.key}-${r.key}`}>
                          {r.label} ({r.unit}), reading {n}
                        </label>
                        <input
                          id={`vitals-${field.key}-${r.key}`}
                          type="number"
                          inputMode="numeric"
                          min={r.min}
                          max={r.max}
                          step={1}
                          aria-invalid={errorAt(path) ? true : undefined}
                          aria-describedby={errorAt(path) ? `vitals-${field.key}-${r.key}-error` : undefined}
                          className={cn(
                            'control num h-8 px-2 text-right',
                            NO_SPINNER,
                            flagged && !errorAt(path) && (level === 'alert' ? 'border-red-400 font-semibold text-red-800' : 'border-amber-400 font-semibold text-amber-900')
                          )}
                          {...register(path, { setValueAs: toNumberOrNull })}
                        />
                        <CellError id={`vitals-${field.key}-${r.key}-error`} message={errorAt(path)} />
                      </td>
                    )
                  })}
                  <td className="border-b border-line px-1 py-1.5">
                    <label className="sr-only" htmlFor={`vitals-${field.key}-note`}>
                      Note, reading {n}
                    </label>
                    <input
                      id={`vitals-${field.key}-note`}
                      maxLength={500}
                      aria-invalid={errorAt(`vitals.${i}.note`) ? true : undefined}
                      className="control h-8"
                      {...register(`vitals.${i}.note`)}
                    />
                    {errors.length > 0 && (
                      <ul className="mt-1 space-y-0.5">
                        {errors.map((message) => (
                          <li key={message} className="flex items-start gap-1 text-[13px] leading-snug text-red-700">
                            <CircleAlert aria-hidden="true" className="mt-px size-3.5 shrink-0" />
                            {message}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td className="border-b border-line px-2 py-1.5">
                    {warnings.length === 0 ? (
                      <span className="inline-block pt-1.5 text-[13px] text-ink-faint">—</span>
                    ) : (
                      <div className="space-y-1 pt-1">
                        <Badge tone={level === 'alert' ? 'danger' : 'warning'}>
                          {level === 'alert' ? <CircleAlert aria-hidden="true" /> : <TriangleAlert aria-hidden="true" />}
                          {level === 'alert' ? 'Alert' : 'Caution'}
                        </Badge>
                        <ul className="space-y-0.5">
                          {warnings.map((w) => (
                            <li key={w.message} className={cn('text-xs leading-snug', w.level === 'alert' ? 'text-red-800' : 'text-amber-900')}>
                              {w.message}
                            </li>
                          ))}
                        </ul>
                      </div>
                    )}
                  </td>
                  <td className="border-b border-line px-1 py-1.5 text-right">
                    <Button variant="ghost" size="sm" className="px-1.5" aria-label={`Remove reading ${n}`} onClick={() => remove(i)}>
                      <Trash2 aria-hidden="true" />
                    </Button>
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <Button onClick={add}>
          <Plus aria-hidden="true" />
          Add reading
        </Button>
        <FieldWarnings warnings={tableWarnings} className="max-w-xl" />
      </div>
      {errorAt('vitals') && <p className="text-[13px] text-red-700">{errorAt('vitals')}</p>}
    </div>
  )
}
