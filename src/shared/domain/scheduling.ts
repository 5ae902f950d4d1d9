/**
 * Treatment courses: protocol templates (the plan) and the warnings a schedule raises against
 * it. Warnings advise, they never block — the clinician may have a reason.
 */
import { z } from 'zod'
import { isCalendarDate } from './dates'
import {
  SESSION_KINDS,
  isActiveStatus,
  isDosingKind,
  isStorableText,
  storableText,
  strictObjectErrors,
  type SessionKind,
  type SessionStatus
} from './session-kinds'

export interface ProtocolRules {
  /** Calendar days from one dosing to the next, at least. */
  minDaysBetweenDosing: number
  /** At most this many dosings in any 7 consecutive days. */
  maxDosingPer7Days: number
  /** An integration session is due this many days after each dosing, [from, to] inclusive. */
  integrationWithinDays: readonly [number, number]
  /** A preparation session must come before the first dosing. */
  requirePreparation: boolean
}

export interface ProtocolStep {
  kind: SessionKind
  planned: number
  note: string
}

export interface ProtocolTemplate {
  key: string
  name: string
  description: string
  steps: readonly ProtocolStep[]
  rules: ProtocolRules
}

const days = (label: string) => {
  const message = `${label} must be a whole number of days from 0 to 60`
  return z.number({ error: message }).int({ error: message }).min(0, { error: message }).max(60, { error: message })
}

const requiredLine = (label: string, max: number) =>
  z
    .string({ error: `${label} is required` })
    .trim()
    .min(1, { error: `${label} is required` })
    .max(max, { error: `${label} must be ${max} characters or fewer` })
    .refine(isStorableText, { error: `${label} contains characters that cannot be stored` })

/** An edited copy of a template, as the course screen sends it over IPC. */
export const protocolTemplateSchema = z.strictObject(
  {
    key: z
      .string({ error: 'Template key is required' })
      .regex(/^[a-z0-9_-]{1,40}$/, { error: 'Template key must be 1–40 lower-case letters, digits, - or _' }),
    name: requiredLine('Name', 100),
    description: storableText('Description', 2000).transform((s) => s ?? ''),
    steps: z
      .array(
        z.strictObject(
          {
            kind: z.enum(SESSION_KINDS, { error: 'Choose a kind of session' }),
            planned: z
              .number({ error: 'Planned sessions must be a whole number from 0 to 50' })
              .int({ error: 'Planned sessions must be a whole number from 0 to 50' })
              .min(0, { error: 'Planned sessions must be a whole number from 0 to 50' })
              .max(50, { error: 'Planned sessions must be a whole number from 0 to 50' }),
            note: storableText('Step note', 500).transform((s) => s ?? '')
          },
          strictObjectErrors
        ),
        { error: 'Steps must be a list' }
      )
      .min(1, { error: 'Add at least one step' })
      .max(SESSION_KINDS.length, { error: 'One step per kind of session' })
      .refine((steps) => new Set(steps.map((s) => s.kind)).size === steps.length, { error: 'One step per kind of session' }),
    rules: z
      .strictObject(
        {
          minDaysBetweenDosing: days('Days between dosings'),
          maxDosingPer7Days: z
            .number({ error: 'Dosings per 7 days must be a whole number from 1 to 7' })
            .int({ error: 'Dosings per 7 days must be a whole number from 1 to 7' })
            .min(1, { error: 'Dosings per 7 days must be a whole number from 1 to 7' })
            .max(7, { error: 'Dosings per 7 days must be a whole number from 1 to 7' }),
          integrationWithinDays: z.tuple([days('Integration from'), days('Integration by')], { error: 'Give the integration window as two numbers of days' }),
          requirePreparation: z.boolean({ error: 'Say whether preparation is required' })
        },
        strictObjectErrors
      )
      .refine((r) => r.integrationWithinDays[0] <= r.integrationWithinDays[1], {
        error: 'The integration window must start on or before its last day',
        path: ['integrationWithinDays']
      })
  },
  strictObjectErrors
)

/** DOMAIN.md's spacing: at most two dosings a week, integration 1–3 days after each, preparation first. */
const standardRules = (): ProtocolRules => ({
  minDaysBetweenDosing: 3,
  maxDosingPer7Days: 2,
  integrationWithinDays: [1, 3],
  requirePreparation: true
})

export const PROTOCOL_TEMPLATES: readonly ProtocolTemplate[] = [
  {
    key: 'induction',
    name: 'Induction',
    description: 'Six dosing sessions over 2–3 weeks, each followed by integration, after one to three preparation sessions.',
    steps: [
      { kind: 'preparation', planned: 2, note: 'One to three before the first dosing' },
      { kind: 'dosing', planned: 6, note: 'At most two a week, at least 3 days apart' },
      { kind: 'integration', planned: 6, note: '1–3 days after each dosing' }
    ],
    rules: standardRules()
  },
  {
    key: 'booster',
    name: 'Booster',
    description: 'A single booster dosing (often at 1, 3 or 6 months after induction), with preparation before and integration after.',
    steps: [
      { kind: 'preparation', planned: 1, note: 'Before the booster' },
      { kind: 'booster', planned: 1, note: '' },
      { kind: 'integration', planned: 1, note: '1–3 days after the booster' }
    ],
    rules: standardRules()
  }
]

export interface CourseSession {
  id: string
  kind: SessionKind
  /** YYYY-MM-DD */
  date: string
  status: SessionStatus
}

export type CourseWarningCode = 'dosing_too_soon' | 'dosing_too_frequent' | 'no_preparation' | 'integration_missing'

export interface CourseWarning {
  code: CourseWarningCode
  /** The session the warning is about; null for an unsaved candidate. */
  sessionId: string | null
  message: string
}

const DAY_MS = 86_400_000
const utcDay = (date: string) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return Date.UTC(y, m - 1, d) / DAY_MS
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). Plain dates, so no DST or time-zone drift. */
export function daysBetween(from: string, to: string): number {
  return utcDay(to) - utcDay(from)
}

/** The plain date `n` days after `date`. */
export function addDays(date: string, n: number): string {
  return new Date((utcDay(date) + n) * DAY_MS).toISOString().slice(0, 10)
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

/**
 * What a schedule does against the rules. Only scheduled and completed sessions count. `candidate`
 * is a session being booked or moved (matched by id, else added as new) and is judged as scheduled.
 * `integration_missing` needs `today`: it is raised only once a completed dosing's window has passed.
 * Messages carry no dates or names; `sessionId` says which session they are about.
 */
export function courseWarnings(
  rules: ProtocolRules,
  sessions: readonly CourseSession[],
  candidate?: { kind: SessionKind; date: string; id?: string | null },
  options: { today?: string } = {}
): CourseWarning[] {
  type Entry = { id: string | null; kind: SessionKind; date: string; status: SessionStatus }
  let entries: Entry[] = sessions.map((s) => ({ ...s }))
  if (candidate) {
    const id = candidate.id ?? null
    entries = entries.filter((s) => id === null || s.id !== id)
    entries.push({ id, kind: candidate.kind, date: candidate.date, status: 'scheduled' })
  }
  entries = entries.filter((s) => isActiveStatus(s.status) && isCalendarDate(s.date))
  // Stable by date; same-day sessions keep the caller's order.
  entries.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))

  const warnings: CourseWarning[] = []
  const dosings = entries.filter((s) => isDosingKind(s.kind))

  dosings.forEach((s, i) => {
    const prev = dosings[i - 1]
    if (!prev) return
    const gap = daysBetween(prev.date, s.date)
    if (gap < rules.minDaysBetweenDosing) {
      warnings.push({
        code: 'dosing_too_soon',
        sessionId: s.id,
        message:
          gap === 0
            ? `This dosing is on the same day as another dosing (plan: at least ${plural(rules.minDaysBetweenDosing, 'day')} apart)`
            : `This dosing is ${plural(gap, 'day')} after the previous one (plan: at least ${plural(rules.minDaysBetweenDosing, 'day')} apart)`
      })
    }
  })

  // Rolling window: the 7 days ending on each dosing's date. Flag the dosing that tips it over.
  for (const s of dosings) {
    const inWindow = dosings.filter((o) => {
      const d = daysBetween(o.date, s.date)
      return d >= 0 && d < 7
    }).length
    if (inWindow > rules.maxDosingPer7Days) {
      warnings.push({
        code: 'dosing_too_frequent',
        sessionId: s.id,
        message: `This makes ${inWindow} dosings within 7 days (plan: at most ${rules.maxDosingPer7Days} in any 7 days)`
      })
    }
  }

  // A preparation on the same date as the first dosing counts: sessions carry no time, and a
  // same-day preparation before dosing is a pattern some clinics use.
  const first = dosings[0]
  if (rules.requirePreparation && first && !entries.some((s) => s.kind === 'preparation' && s.date <= first.date)) {
    warnings.push({ code: 'no_preparation', sessionId: first.id, message: 'No preparation session before the first dosing' })
  }

  const today = options.today
  if (today && isCalendarDate(today)) {
    const [from, to] = rules.integrationWithinDays
    for (const s of dosings) {
      if (s.status !== 'completed' || addDays(s.date, to) >= today) continue
      const integrated = entries.some((o) => {
        if (o.kind !== 'integration') return false
        const d = daysBetween(s.date, o.date)
        return d >= from && d <= to
      })
      if (!integrated) {
        const window = from !== to ? `${from}–${to} days after` : from === 0 ? 'on the same day as' : `${plural(from, 'day')} after`
        warnings.push({ code: 'integration_missing', sessionId: s.id, message: `No integration session ${window} this dosing` })
      }
    }
  }
  return warnings
}

export interface CourseProgressRow {
  kind: SessionKind
  planned: number
  scheduled: number
  completed: number
}

/**
 * Planned against booked and done, one row per template step in its order; kinds booked but not in
 * the plan (an extra psychotherapy session) follow with planned 0, so nothing is hidden.
 */
export function courseProgress(template: Pick<ProtocolTemplate, 'steps'>, sessions: readonly CourseSession[]): CourseProgressRow[] {
  const planned = new Map<SessionKind, number>()
  for (const step of template.steps) planned.set(step.kind, (planned.get(step.kind) ?? 0) + step.planned)
  const extra = SESSION_KINDS.filter((k) => !planned.has(k) && sessions.some((s) => s.kind === k && isActiveStatus(s.status)))
  return [...planned.keys(), ...extra].map((kind) => ({
    kind,
    planned: planned.get(kind) ?? 0,
    scheduled: sessions.filter((s) => s.kind === kind && s.status === 'scheduled').length,
    completed: sessions.filter((s) => s.kind === kind && s.status === 'completed').length
  }))
}
