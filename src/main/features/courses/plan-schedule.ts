/**
 * "Schedule the course": a pure planner that proposes every session a course still needs, and the
 * check that re-validates the therapist's adjusted rows. Dates are plain calendar dates and times
 * wall-clock HH:MM, so a DST change never moves a proposal (arithmetic goes through UTC days).
 *
 * Rules applied (DOMAIN.md and the course's protocol): preparation before the first dosing;
 * dosings at least `minDaysBetweenDosing` apart and at most `maxDosingPer7Days` in any 7 days
 * (which also caps every calendar week); an integration `integrationWithinDays` after each dosing;
 * each session inside working hours on a working day and clear of the clinician's other sessions
 * (and of the client's, and of the other proposed rows).
 */
import { DEFAULT_DURATION, isActiveStatus, isDosingKind, type SessionKind, type SessionStatus } from '@shared/domain/session-kinds'
import { isCalendarDate } from '@shared/domain/dates'
import { addDays, courseWarnings, daysBetween, type ProtocolRules, type ProtocolStep } from '@shared/domain/scheduling'
import { CLOCK_TIME_PATTERN } from '@shared/domain/vitals'

export interface PlannedRow {
  kind: SessionKind
  date: string
  startTime: string
  durationMinutes: number
}

/** Time already taken: another session of the clinician or of the client. */
export interface BusySlot {
  date: string
  startTime: string
  durationMinutes: number
}

export interface WorkingHours {
  /** HH:MM, inclusive. */
  start: string
  /** HH:MM; a session must end by then. */
  end: string
  /** ISO weekdays worked: 1 Monday … 7 Sunday. */
  days: readonly number[]
}

/** No working-hours setting exists yet: 9–17, Monday to Friday. */
export const DEFAULT_WORKING_HOURS: WorkingHours = { start: '09:00', end: '17:00', days: [1, 2, 3, 4, 5] }

export interface ExistingCourseSession {
  kind: SessionKind
  date: string
  status: SessionStatus
}

export interface PlanContext {
  steps: readonly ProtocolStep[]
  rules: ProtocolRules
  /** The course's sessions already booked or done: they count against the plan and the spacing. */
  existing: readonly ExistingCourseSession[]
  busy: readonly BusySlot[]
  /** The first date a proposal may use (today or the course's start, whichever is later). */
  from: string
  hours?: WorkingHours
  durations?: Partial<Record<SessionKind, number>>
}

export interface Plan {
  rows: PlannedRow[]
  /** Sessions of the plan no date could be found for within the horizon: the therapist books them by hand. */
  unplaced: SessionKind[]
}

/** DOMAIN.md: at most two dosings a week, also when a protocol allows more in a rolling 7 days. */
export const MAX_DOSINGS_PER_CALENDAR_WEEK = 2

/** The Monday of the ISO week holding `date`. */
const mondayOf = (date: string) => addDays(date, 1 - isoWeekday(date))

/** How far ahead the planner looks for a free slot. */
export const PLAN_HORIZON_DAYS = 180
const SLOT_STEP_MINUTES = 15

const minutes = (time: string): number => {
  const [h, m] = time.split(':').map(Number) as [number, number]
  return h * 60 + m
}
const clock = (total: number): string => `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`

/** ISO weekday (1 Monday … 7 Sunday) of a plain date. */
export function isoWeekday(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return ((new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7) + 1
}

/** Whether two slots on the same date share any minute (back-to-back is fine). */
export function overlaps(a: BusySlot, b: BusySlot): boolean {
  if (a.date !== b.date) return false
  const a0 = minutes(a.startTime)
  const b0 = minutes(b.startTime)
  return a0 < b0 + b.durationMinutes && b0 < a0 + a.durationMinutes
}

/**
 * The local free-time check (a clash is any overlap with a busy slot). The grid's
 * sessions/clashes.ts `findClashes` does the same for the calendar; the two can be unified.
 */
const isFree = (slot: BusySlot, busy: readonly BusySlot[]) => !busy.some((b) => overlaps(slot, b))

const durationOf = (ctx: PlanContext, kind: SessionKind) => ctx.durations?.[kind] ?? DEFAULT_DURATION[kind]

/** The earliest free start on `date` inside working hours, or null. */
function freeStart(date: string, durationMinutes: number, busy: readonly BusySlot[], hours: WorkingHours): string | null {
  if (!hours.days.includes(isoWeekday(date))) return null
  const last = minutes(hours.end) - durationMinutes
  for (let t = minutes(hours.start); t <= last; t += SLOT_STEP_MINUTES) {
    const slot = { date, startTime: clock(t), durationMinutes }
    if (isFree(slot, busy)) return slot.startTime
  }
  return null
}

const plannedCount = (steps: readonly ProtocolStep[], kind: SessionKind) => steps.filter((s) => s.kind === kind).reduce((n, s) => n + s.planned, 0)

/** Whether one more dosing on `date` keeps every 7-day window and the minimum gap. */
function dosingFits(date: string, dosingDates: readonly string[], rules: ProtocolRules): boolean {
  if (dosingDates.some((d) => Math.abs(daysBetween(d, date)) < rules.minDaysBetweenDosing)) return false
  for (let start = -6; start <= 0; start++) {
    const windowStart = addDays(date, start)
    const inWindow = dosingDates.filter((d) => {
      const k = daysBetween(windowStart, d)
      return k >= 0 && k < 7
    }).length
    if (inWindow + 1 > rules.maxDosingPer7Days) return false
  }
  const week = mondayOf(date)
  return dosingDates.filter((d) => mondayOf(d) === week).length + 1 <= MAX_DOSINGS_PER_CALENDAR_WEEK
}

/** Proposes every session the course still needs (planned minus booked or done), in order. */
export function planSchedule(ctx: PlanContext): Plan {
  const hours = ctx.hours ?? DEFAULT_WORKING_HOURS
  const active = ctx.existing.filter((s) => isActiveStatus(s.status) && isCalendarDate(s.date))
  const remaining = (kind: SessionKind) => Math.max(0, plannedCount(ctx.steps, kind) - active.filter((s) => s.kind === kind).length)
  const busy: BusySlot[] = [...ctx.busy]
  const rows: PlannedRow[] = []
  const unplaced: SessionKind[] = []
  const horizon = addDays(ctx.from, PLAN_HORIZON_DAYS)

  /** Books the first free slot from `earliest` to `latest` (inclusive); returns its row or null. */
  const place = (kind: SessionKind, earliest: string, latest: string = horizon, accept: (date: string) => boolean = () => true): PlannedRow | null => {
    const durationMinutes = durationOf(ctx, kind)
    for (let date = earliest < ctx.from ? ctx.from : earliest; date <= latest && date <= horizon; date = addDays(date, 1)) {
      if (!accept(date)) continue
      const startTime = freeStart(date, durationMinutes, busy, hours)
      if (startTime) return { kind, date, startTime, durationMinutes }
    }
    return null
  }
  const commit = (row: PlannedRow) => {
    rows.push(row)
    busy.push(row)
  }

  // Intake, then preparation: one a working day, before any dosing.
  let next = ctx.from
  for (const kind of ['intake', 'preparation'] as const) {
    for (let i = remaining(kind); i > 0; i--) {
      const row = place(kind, next)
      if (!row) {
        unplaced.push(kind)
        continue
      }
      commit(row)
      next = addDays(row.date, 1)
    }
  }

  // Dosings (and boosters), each with its integration inside the window when the plan has one.
  const dosingDates = active.filter((s) => isDosingKind(s.kind)).map((s) => s.date)
  let integrations = remaining('integration')
  const [integrationFrom, integrationTo] = ctx.rules.integrationWithinDays
  for (const kind of ['dosing', 'booster'] as const) {
    for (let i = remaining(kind); i > 0; i--) {
      let placed = false
      for (let date = next; date <= horizon && !placed; date = addDays(date, 1)) {
        if (!dosingFits(date, dosingDates, ctx.rules)) continue
        const dosing = place(kind, date, date)
        if (!dosing) continue
        commit(dosing)
        if (integrations > 0) {
          const integration = place('integration', addDays(date, integrationFrom), addDays(date, integrationTo))
          if (!integration) {
            // No integration fits this dosing's window: try the dosing on a later day.
            rows.pop()
            busy.pop()
            continue
          }
          commit(integration)
          integrations--
        }
        dosingDates.push(date)
        next = addDays(date, 1)
        placed = true
      }
      if (!placed) unplaced.push(kind)
    }
  }

  // Integrations left over (more planned than dosings) and psychotherapy follow, one a week.
  const last = rows.reduce((max, r) => (r.date > max ? r.date : max), next)
  let weekly = addDays(last, 1)
  const tail: SessionKind[] = [...Array<SessionKind>(integrations).fill('integration'), ...Array<SessionKind>(remaining('psychotherapy')).fill('psychotherapy')]
  for (const kind of tail) {
    const row = place(kind, weekly)
    if (!row) {
      unplaced.push(kind)
      continue
    }
    commit(row)
    weekly = addDays(row.date, 7)
  }

  rows.sort((a, b) => (a.date === b.date ? (a.startTime < b.startTime ? -1 : 1) : a.date < b.date ? -1 : 1))
  return { rows, unplaced }
}

export type RowField = 'date' | 'startTime' | 'durationMinutes'
export interface RowProblem {
  row: number
  field: RowField
  message: string
}

/**
 * What is wrong with each adjusted row: a date before `from`, outside working hours, a clash with
 * the clinician's (or client's) time or another row, or the protocol's spacing broken. Messages name
 * no client and no other session's details.
 */
export function checkSchedule(rows: readonly PlannedRow[], ctx: Omit<PlanContext, 'steps'>): RowProblem[] {
  const hours = ctx.hours ?? DEFAULT_WORKING_HOURS
  const problems: RowProblem[] = []
  const seen = new Set<string>()
  const add = (row: number, field: RowField, message: string) => {
    const key = `${row}.${field}`
    if (seen.has(key)) return
    seen.add(key)
    problems.push({ row, field, message })
  }

  const usable = rows.map((r) => isCalendarDate(r.date) && CLOCK_TIME_PATTERN.test(r.startTime))
  rows.forEach((row, i) => {
    if (!usable[i]) return
    if (row.date < ctx.from) add(i, 'date', 'Pick a date from the course’s first open day on')
    else if (!hours.days.includes(isoWeekday(row.date))) add(i, 'date', 'This day is outside working days')
    const start = minutes(row.startTime)
    if (start < minutes(hours.start) || start + row.durationMinutes > minutes(hours.end)) {
      add(i, 'startTime', `Outside working hours (${hours.start}–${hours.end})`)
    }
    if (ctx.busy.some((b) => overlaps(row, b))) add(i, 'startTime', 'Overlaps another session at this time')
    else if (rows.some((o, j) => j !== i && usable[j] && overlaps(row, o))) add(i, 'startTime', 'Overlaps another row of this schedule')
  })

  // Spacing against the protocol, over what is booked plus the rows (their ids are their indexes).
  const existing = ctx.existing.map((s, i) => ({ ...s, id: `existing:${i}` }))
  const candidates = rows.flatMap((r, i) => (usable[i] ? [{ id: `row:${i}`, kind: r.kind, date: r.date, status: 'scheduled' as const }] : []))
  for (const w of courseWarnings(ctx.rules, [...existing, ...candidates])) {
    if (w.sessionId?.startsWith('row:')) add(Number(w.sessionId.slice(4)), 'date', w.message)
  }
  const dosingDates = [...existing, ...candidates].filter((s) => isDosingKind(s.kind) && isActiveStatus(s.status)).map((s) => s.date)
  // The calendar-week cap, counted in date order so the row that tips a week over carries it.
  const perWeek = new Map<string, number>()
  for (const c of [...existing, ...candidates].filter((s) => isDosingKind(s.kind) && isActiveStatus(s.status)).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))) {
    const week = mondayOf(c.date)
    const n = (perWeek.get(week) ?? 0) + 1
    perWeek.set(week, n)
    if (n > MAX_DOSINGS_PER_CALENDAR_WEEK && c.id.startsWith('row:')) add(Number(c.id.slice(4)), 'date', `This makes ${n} dosings in one Monday–Sunday week (at most ${MAX_DOSINGS_PER_CALENDAR_WEEK})`)
  }
  const [from, to] = ctx.rules.integrationWithinDays
  rows.forEach((row, i) => {
    if (!usable[i] || row.kind !== 'integration') return
    const follows = dosingDates.some((d) => {
      const gap = daysBetween(d, row.date)
      return gap >= from && gap <= to
    })
    if (dosingDates.length > 0 && !follows) add(i, 'date', `Integration should be ${from}–${to} days after a dosing`)
  })
  return problems.sort((a, b) => a.row - b.row)
}
