/**
 * Start a treatment course from a protocol template (Induction by default, or Booster) — an
 * editable copy: planned sessions per kind, the spacing rules and the start date. The protocol
 * sent is stored with the course, so later changes to the templates never rewrite it.
 */
import { useEffect, useId, useState, type InputHTMLAttributes, type ReactNode, type Ref } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import { z } from 'zod'
import { toast } from 'sonner'
import { isCalendarDate, localToday } from '@shared/domain/dates'
import { PROTOCOL_TEMPLATES, type ProtocolTemplate } from '@shared/domain/scheduling'
import { SESSION_KINDS, SESSION_KIND_LABELS, type SessionKind } from '@shared/domain/session-kinds'
import { DateField, Dialog, FieldMessage, FormError, RequiredLegend, TextField, TextareaField } from '@renderer/components'
import { ApiError } from '@renderer/lib/api'
import { cn } from '@renderer/lib/cn'
import { useUnsavedChangesGuard } from '@renderer/lib/forms'
import { DialogFormActions } from '../clients/chart/parts'
import { PendingFlags, usePendingFlags } from '../screening/ContraindicationFlags'
import { useCreateCourse } from './queries'

const wholeNumber = (message: string, min: number, max: number) =>
  z.number({ error: message }).int({ error: message }).min(min, { error: message }).max(max, { error: message })
const days = (label: string) => wholeNumber(`${label} must be a whole number of days from 0 to 60`, 0, 60)

const formSchema = z
  .object({
    templateKey: z.string(),
    name: z.string().trim().min(1, { error: 'Name is required' }).max(100, { error: 'Name must be 100 characters or fewer' }),
    description: z.string().max(2000, { error: 'Description must be 2,000 characters or fewer' }),
    startedOn: z
      .string()
      .trim()
      .min(1, { error: 'Start date is required' })
      .refine(isCalendarDate, { error: 'Start date should be a real date (YYYY-MM-DD)' }),
    steps: z.array(
      z.object({
        kind: z.enum(SESSION_KINDS),
        planned: wholeNumber('Planned sessions must be a whole number from 0 to 50', 0, 50),
        note: z.string().max(500, { error: 'Step note must be 500 characters or fewer' })
      })
    ),
    rules: z.object({
      minDaysBetweenDosing: days('Days between dosings'),
      maxDosingPer7Days: wholeNumber('Dosings per 7 days must be a whole number from 1 to 7', 1, 7),
      integrationFrom: days('Integration from'),
      integrationTo: days('Integration by'),
      requirePreparation: z.boolean()
    })
  })
  .refine((v) => v.rules.integrationFrom <= v.rules.integrationTo, {
    path: ['rules', 'integrationTo'],
    error: 'The integration window must start on or before its last day'
  })
  .refine((v) => v.steps.some((s) => s.planned > 0), { path: ['steps'], error: 'Plan at least one session' })
type FormValues = z.infer<typeof formSchema>

/** Every kind of session, the template's first (in its order), so any kind can be planned. */
function valuesFrom(template: ProtocolTemplate, startedOn: string): FormValues {
  const inTemplate = template.steps.map((s) => s.kind)
  const others = SESSION_KINDS.filter((k) => !inTemplate.includes(k))
  return {
    templateKey: template.key,
    name: template.name,
    description: template.description,
    startedOn,
    steps: [...template.steps.map((s) => ({ kind: s.kind, planned: s.planned, note: s.note })), ...others.map((kind) => ({ kind, planned: 0, note: '' }))],
    rules: {
      minDaysBetweenDosing: template.rules.minDaysBetweenDosing,
      maxDosingPer7Days: template.rules.maxDosingPer7Days,
      integrationFrom: template.rules.integrationWithinDays[0],
      integrationTo: template.rules.integrationWithinDays[1],
      requirePreparation: template.rules.requirePreparation
    }
  }
}

const templateOf = (key: string) => PROTOCOL_TEMPLATES.find((t) => t.key === key) ?? PROTOCOL_TEMPLATES[0]!

export function StartCourseDialog({ clientId, open, onOpenChange }: { clientId: string; open: boolean; onOpenChange: (open: boolean) => void }) {
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title="Start treatment course"
      description="Begin from a protocol, then adjust it for this client. Spacing rules advise when sessions are booked; they never block."
      size="lg"
    >
      {open && <StartCourseForm clientId={clientId} onDone={() => onOpenChange(false)} />}
    </Dialog>
  )
}

function StartCourseForm({ clientId, onDone }: { clientId: string; onDone: () => void }) {
  const create = useCreateCourse(clientId)
  const [formError, setFormError] = useState<unknown>(null)
  const flags = usePendingFlags(clientId, true)
  const [flagError, setFlagError] = useState<string | undefined>()
  const ids = useId()
  const {
    register,
    handleSubmit,
    reset,
    getValues,
    setError,
    setFocus,
    control,
    formState: { errors, isDirty }
  } = useForm<FormValues>({ resolver: zodResolver(formSchema), defaultValues: valuesFrom(PROTOCOL_TEMPLATES[0]!, localToday()) })
  const guard = useUnsavedChangesGuard(isDirty)
  const templateKey = useWatch({ control, name: 'templateKey' })
  const steps = useWatch({ control, name: 'steps' })
  useEffect(() => setFocus('templateKey'), [setFocus])

  const chooseTemplate = (key: string) => reset(valuesFrom(templateOf(key), getValues('startedOn')), { keepDefaultValues: true })

  const onSubmit = handleSubmit((v) => {
    setFormError(null)
    if (flags.blocking) return setFlagError('Review the flags and tick the box to start the course')
    setFlagError(undefined)
    const template = templateOf(v.templateKey)
    const kept = v.steps.filter((s) => s.planned > 0 || template.steps.some((t) => t.kind === s.kind))
    create.mutate(
      {
        startedOn: v.startedOn,
        protocol: {
          key: template.key,
          name: v.name,
          description: v.description,
          steps: kept,
          rules: {
            minDaysBetweenDosing: v.rules.minDaysBetweenDosing,
            maxDosingPer7Days: v.rules.maxDosingPer7Days,
            integrationWithinDays: [v.rules.integrationFrom, v.rules.integrationTo],
            requirePreparation: v.rules.requirePreparation
          }
        }
      },
      {
        onSuccess: (course) => {
          guard.release()
          toast.success(`${course.protocol.name} course started`)
          void flags.record({ kind: 'course', id: course.id }).catch(() => toast.error('The contraindication acknowledgement was not recorded. Open the course to try again.'))
          onDone()
        },
        onError: (error) => {
          if (!applyCourseErrors(error, kept.map((s) => s.kind), v.steps.map((s) => s.kind), setError)) setFormError(error)
        }
      }
    )
  })

  const plannedTotal = (steps ?? []).reduce((sum, s) => sum + (Number.isFinite(s.planned) ? s.planned : 0), 0)

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      <PendingFlags pending={flags} action="still mean to start this course" error={flagError} />
      <RequiredLegend />
      <FormError error={formError} />

      <fieldset>
        <legend className="mb-1.5 text-[13px] font-medium text-ink-soft">Protocol</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {PROTOCOL_TEMPLATES.map((t) => {
            const checked = templateKey === t.key
            return (
              <label
                key={t.key}
                className={cn(
                  'flex cursor-pointer gap-2.5 rounded-md border px-3 py-2.5 transition-colors',
                  checked ? 'border-accent-600 bg-accent-50/60 ring-1 ring-accent-600' : 'border-line-strong hover:bg-sunken/60'
                )}
              >
                <input
                  type="radio"
                  value={t.key}
                  className="mt-0.5 size-4 accent-accent-600"
                  {...register('templateKey', { onChange: (e: { target: { value: string } }) => chooseTemplate(e.target.value) })}
                />
                <span>
                  <span className="block text-sm font-medium text-ink">{t.name}</span>
                  <span className="mt-0.5 block text-xs leading-snug text-ink-soft">{t.description}</span>
                </span>
              </label>
            )
          })}
        </div>
      </fieldset>

      <div className="grid gap-4 sm:grid-cols-[1fr_auto]">
        <TextField label="Course name" required error={errors.name?.message} {...register('name')} />
        <DateField label="Start date" required error={errors.startedOn?.message} {...register('startedOn')} />
        <TextareaField label="Description" rows={2} className="sm:col-span-2" error={errors.description?.message} {...register('description')} />
      </div>

      <fieldset>
        <legend className="mb-1.5 flex w-full items-baseline justify-between text-[13px] font-medium text-ink-soft">
          Planned sessions
          <span className="num text-xs font-normal text-ink-faint">{plannedTotal} in all</span>
        </legend>
        <div className="overflow-hidden rounded-md border border-line">
          <table className="w-full text-sm">
            <thead>
              <tr className="bg-sunken/70 text-left text-xs text-ink-soft">
                <th scope="col" className="h-8 px-3 font-medium">
                  Kind
                </th>
                <th scope="col" className="w-24 px-3 font-medium">
                  Planned
                </th>
                <th scope="col" className="px-3 font-medium">
                  Note
                </th>
              </tr>
            </thead>
            <tbody>
              {SESSION_KINDS.map((_, i) => {
                const kind = steps?.[i]?.kind as SessionKind | undefined
                if (!kind) return null
                const label = SESSION_KIND_LABELS[kind]
                const stepErrors = errors.steps?.[i]
                return (
                  <tr key={`${templateKey}-${kind}`} className="border-t border-line align-middle">
                    <th scope="row" className={cn('px-3 py-2 text-left font-normal', (steps?.[i]?.planned ?? 0) > 0 ? 'text-ink' : 'text-ink-faint')}>
                      {label}
                    </th>
                    <td className="px-3 py-1.5">
                      <input
                        type="number"
                        inputMode="numeric"
                        min={0}
                        max={50}
                        aria-label={`${label}: planned sessions`}
                        aria-invalid={stepErrors?.planned ? true : undefined}
                        aria-describedby={stepErrors?.planned ? `${ids}-step-${i}` : undefined}
                        className="control num h-7 w-16 text-right"
                        {...register(`steps.${i}.planned`, { valueAsNumber: true })}
                      />
                    </td>
                    <td className="px-3 py-1.5">
                      <input
                        type="text"
                        aria-label={`${label}: note`}
                        aria-invalid={stepErrors?.note ? true : undefined}
                        className="control h-7 text-[13px]"
                        {...register(`steps.${i}.note`)}
                      />
                      <FieldMessage id={`${ids}-step-${i}`} error={stepErrors?.planned?.message ?? stepErrors?.note?.message} />
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
        <FieldMessage error={errors.steps?.root?.message ?? errors.steps?.message} />
      </fieldset>

      <fieldset>
        <legend className="mb-1.5 text-[13px] font-medium text-ink-soft">Spacing rules</legend>
        <div className="space-y-2.5 rounded-md border border-line px-3 py-3 text-sm text-ink">
          <RuleLine error={errors.rules?.minDaysBetweenDosing?.message}>
            At least
            <NumberBox label="Days between dosings" invalid={!!errors.rules?.minDaysBetweenDosing} {...register('rules.minDaysBetweenDosing', { valueAsNumber: true })} />
            days between dosings
          </RuleLine>
          <RuleLine error={errors.rules?.maxDosingPer7Days?.message}>
            At most
            <NumberBox label="Dosings per 7 days" invalid={!!errors.rules?.maxDosingPer7Days} {...register('rules.maxDosingPer7Days', { valueAsNumber: true })} />
            dosings in any 7 days
          </RuleLine>
          <RuleLine error={errors.rules?.integrationFrom?.message ?? errors.rules?.integrationTo?.message}>
            Integration
            <NumberBox label="Integration from (days after dosing)" invalid={!!errors.rules?.integrationFrom} {...register('rules.integrationFrom', { valueAsNumber: true })} />
            to
            <NumberBox label="Integration by (days after dosing)" invalid={!!errors.rules?.integrationTo} {...register('rules.integrationTo', { valueAsNumber: true })} />
            days after each dosing
          </RuleLine>
          <label className="flex items-center gap-2">
            <input type="checkbox" className="size-4 accent-accent-600" {...register('rules.requirePreparation')} />A preparation session comes before the
            first dosing
          </label>
        </div>
      </fieldset>

      <DialogFormActions onCancel={onDone} busy={create.isPending} submitLabel="Start course" />
    </form>
  )
}

function RuleLine({ children, error }: { children: ReactNode; error?: string }) {
  return (
    <div>
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1">{children}</div>
      <FieldMessage error={error} />
    </div>
  )
}

const NumberBox = ({ label, invalid, ...props }: { label: string; invalid: boolean } & InputHTMLAttributes<HTMLInputElement> & { ref?: Ref<HTMLInputElement> }) => (
  <input type="number" inputMode="numeric" min={0} aria-label={label} aria-invalid={invalid || undefined} className="control num h-7 w-14 text-right" {...props} />
)

/**
 * Main's field errors come back on the protocol as sent (course.protocol.steps.<i>…, where <i>
 * counts the steps kept); they are put back beside the fields they belong to. True when any was.
 */
function applyCourseErrors(
  error: unknown,
  sentKinds: readonly SessionKind[],
  formKinds: readonly SessionKind[],
  setError: (name: never, error: { type: string; message: string }) => void
): boolean {
  if (!(error instanceof ApiError)) return false
  let applied = false
  const put = (name: string, message: string) => {
    setError(name as never, { type: 'server', message })
    applied = true
  }
  for (const [key, message] of Object.entries(error.fields)) {
    const path = key.replace(/^course\./, '')
    if (path === 'startedOn') put('startedOn', message)
    else if (path === 'protocol.name' || path === 'protocol.description') put(path.slice('protocol.'.length), message)
    else if (path.startsWith('protocol.rules.integrationWithinDays')) put(path.endsWith('.0') ? 'rules.integrationFrom' : 'rules.integrationTo', message)
    else if (path.startsWith('protocol.rules.')) put(path.slice('protocol.'.length), message)
    else if (path.startsWith('protocol.steps')) {
      const match = /^protocol\.steps\.(\d+)\.(planned|note)$/.exec(path)
      const kind = match ? sentKinds[Number(match[1])] : undefined
      const index = kind ? formKinds.indexOf(kind) : -1
      if (match && index >= 0) put(`steps.${index}.${match[2]}`, message)
      else put('steps', message)
    }
  }
  return applied
}
