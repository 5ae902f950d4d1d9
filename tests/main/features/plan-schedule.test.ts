import { describe, expect, it } from 'vitest'
import { PROTOCOL_TEMPLATES, daysBetween } from '@shared/domain/scheduling'
import { checkSchedule, isoWeekday, planSchedule, type PlanContext, type PlannedRow } from '../../../src/main/features/courses/plan-schedule'

const induction = PROTOCOL_TEMPLATES.find((t) => t.key === 'induction')!
const booster = PROTOCOL_TEMPLATES.find((t) => t.key === 'booster')!

const ctx = (over: Partial<PlanContext> = {}): PlanContext => ({
  steps: induction.steps,
  rules: induction.rules,
  existing: [],
  busy: [],
  from: '2026-03-09',
  ...over
})

const of = (rows: PlannedRow[], kind: string) => rows.filter((r) => r.kind === kind)
const end = (r: PlannedRow) => {
  const [h, m] = r.startTime.split(':').map(Number) as [number, number]
  return h * 60 + m + r.durationMinutes
}

/** Every rule the brief names, asserted on a plan. */
function expectValid(rows: PlannedRow[], c: PlanContext) {
  expect(checkSchedule(rows, c)).toEqual([])
  const dosings = of(rows, 'dosing').map((r) => r.date)
  const preps = of(rows, 'preparation').map((r) => r.date)
  expect(preps.every((p) => dosings.length === 0 || p < dosings[0]!)).toBe(true)
  for (let i = 1; i < dosings.length; i++) expect(daysBetween(dosings[i - 1]!, dosings[i]!)).toBeGreaterThanOrEqual(c.rules.minDaysBetweenDosing)
  // ≤ 2 dosings in every Monday–Sunday week.
  const weeks = new Map<string, number>()
  for (const d of dosings) {
    const monday = new Date(Date.parse(d) - (isoWeekday(d) - 1) * 86_400_000).toISOString().slice(0, 10)
    weeks.set(monday, (weeks.get(monday) ?? 0) + 1)
  }
  expect(Math.max(0, ...weeks.values())).toBeLessThanOrEqual(2)
  for (const d of dosings) {
    expect(of(rows, 'integration').some((r) => daysBetween(d, r.date) >= 1 && daysBetween(d, r.date) <= 3)).toBe(true)
  }
  for (const r of rows) {
    expect(isoWeekday(r.date)).toBeLessThanOrEqual(5)
    expect(r.startTime >= '09:00').toBe(true)
    expect(end(r)).toBeLessThanOrEqual(17 * 60)
    expect(r.date >= c.from).toBe(true)
  }
}

describe('planSchedule', () => {
  it('proposes the whole induction course: 2 preparations, 6 dosings each with an integration', () => {
    const c = ctx()
    const { rows, unplaced } = planSchedule(c)
    expect(unplaced).toEqual([])
    expect(of(rows, 'preparation')).toHaveLength(2)
    expect(of(rows, 'dosing')).toHaveLength(6)
    expect(of(rows, 'integration')).toHaveLength(6)
    expect(rows.slice(0, 4)).toEqual([
      { kind: 'preparation', date: '2026-03-09', startTime: '09:00', durationMinutes: 50 },
      { kind: 'preparation', date: '2026-03-10', startTime: '09:00', durationMinutes: 50 },
      { kind: 'dosing', date: '2026-03-11', startTime: '09:00', durationMinutes: 180 },
      { kind: 'integration', date: '2026-03-12', startTime: '09:00', durationMinutes: 50 }
    ])
    expectValid(rows, c)
  })

  it('fits around the clinician’s busy time and never overlaps it', () => {
    const busy = [
      { date: '2026-03-09', startTime: '09:00', durationMinutes: 120 },
      { date: '2026-03-11', startTime: '08:00', durationMinutes: 300 },
      { date: '2026-03-12', startTime: '09:00', durationMinutes: 8 * 60 }
    ]
    const c = ctx({ busy })
    const { rows } = planSchedule(c)
    expect(rows[0]).toMatchObject({ date: '2026-03-09', startTime: '11:00' })
    // 03-11 has 13:00–16:00 free after the busy morning; 03-12 is full, so the integration is on 03-13.
    expect(of(rows, 'dosing')[0]).toMatchObject({ date: '2026-03-11', startTime: '13:00' })
    expect(of(rows, 'integration')[0]).toMatchObject({ date: '2026-03-13' })
    expectValid(rows, c)
  })

  it('skips a day where a 3-hour dosing no longer fits before 17:00', () => {
    const c = ctx({ busy: [{ date: '2026-03-11', startTime: '09:00', durationMinutes: 330 }] })
    const { rows } = planSchedule(c)
    // 14:30 + 180 min = 17:30: too late, so the first dosing moves to the next day.
    expect(of(rows, 'dosing')[0]!.date).toBe('2026-03-12')
    expectValid(rows, c)
  })

  it('counts what is already booked: only the rest is proposed, spaced from the existing dosing', () => {
    const existing = [
      { kind: 'preparation' as const, date: '2026-03-02', status: 'completed' as const },
      { kind: 'preparation' as const, date: '2026-03-03', status: 'completed' as const },
      { kind: 'dosing' as const, date: '2026-03-06', status: 'completed' as const },
      { kind: 'integration' as const, date: '2026-03-07', status: 'completed' as const },
      { kind: 'dosing' as const, date: '2026-03-08', status: 'cancelled' as const }
    ]
    const c = ctx({ existing })
    const { rows } = planSchedule(c)
    expect(of(rows, 'preparation')).toHaveLength(0)
    expect(of(rows, 'dosing')).toHaveLength(5)
    expect(of(rows, 'integration')).toHaveLength(5)
    // 2026-03-06 + 3 days = 03-09 is the first allowed dosing date.
    expect(of(rows, 'dosing')[0]!.date).toBe('2026-03-09')
    expectValid(rows, c)
  })

  it('honours the protocol’s own spacing (5 days apart, 1 a week)', () => {
    const c = ctx({ rules: { ...induction.rules, minDaysBetweenDosing: 5, maxDosingPer7Days: 1 } })
    const { rows } = planSchedule(c)
    const dosings = of(rows, 'dosing').map((r) => r.date)
    for (let i = 1; i < dosings.length; i++) expect(daysBetween(dosings[i - 1]!, dosings[i]!)).toBeGreaterThanOrEqual(7)
    expect(checkSchedule(rows, c)).toEqual([])
  })

  it('keeps at most 2 dosings in a calendar week even when the protocol allows 3 in 7 days', () => {
    const c = ctx({ rules: { ...induction.rules, minDaysBetweenDosing: 1, maxDosingPer7Days: 3 } })
    const { rows } = planSchedule(c)
    expectValid(rows, c)
    // Two a Monday–Sunday week (expectValid checks the cap), filled from the first open day: 6 dosings in 3 weeks.
    const dosings = of(rows, 'dosing').map((r) => r.date)
    expect(dosings.slice(0, 2)).toEqual(['2026-03-11', '2026-03-12'])
    expect(dosings.every((d) => d <= '2026-03-29')).toBe(true)
    const three: PlannedRow[] = ['2026-03-16', '2026-03-18', '2026-03-20'].map((date) => ({ kind: 'dosing', date, startTime: '09:00', durationMinutes: 180 }))
    expect(checkSchedule(three, { ...c, existing: [{ kind: 'preparation', date: '2026-03-09', status: 'completed' }] })).toEqual([
      { row: 2, field: 'date', message: 'This makes 3 dosings in one Monday–Sunday week (at most 2)' }
    ])
  })

  it('plans a booster course: preparation, booster, integration', () => {
    const c = ctx({ steps: booster.steps, rules: booster.rules })
    const { rows } = planSchedule(c)
    expect(rows.map((r) => [r.kind, r.date])).toEqual([
      ['preparation', '2026-03-09'],
      ['booster', '2026-03-10'],
      ['integration', '2026-03-11']
    ])
  })

  it('keeps wall-clock times and plain dates through the US spring-forward week (2026-03-08)', () => {
    const c = ctx({ from: '2026-03-05' })
    const { rows } = planSchedule(c)
    expect(rows.every((r) => r.startTime === '09:00')).toBe(true)
    // Thu 03-05, Fri 03-06, then the weekend (which holds the DST change) is skipped.
    expect(rows.slice(0, 4).map((r) => `${r.kind} ${r.date}`)).toEqual([
      'preparation 2026-03-05',
      'preparation 2026-03-06',
      'dosing 2026-03-09',
      'integration 2026-03-10'
    ])
    expectValid(rows, c)
  })

  it('keeps wall-clock times and plain dates through the fall-back week (2026-11-01) and the EU change (2026-10-25)', () => {
    for (const from of ['2026-10-29', '2026-10-22']) {
      const c = ctx({ from })
      const { rows } = planSchedule(c)
      expect(rows.every((r) => r.startTime === '09:00')).toBe(true)
      expectValid(rows, c)
    }
  })

  it('uses other working hours and days when given', () => {
    const c = ctx({ hours: { start: '12:00', end: '20:00', days: [2, 4, 6] } })
    const { rows } = planSchedule(c)
    expect(rows.every((r) => [2, 4, 6].includes(isoWeekday(r.date)) && r.startTime >= '12:00')).toBe(true)
    expect(checkSchedule(rows, c)).toEqual([])
  })

  it('reports what cannot be placed instead of breaking a rule', () => {
    // Every weekday fully booked for the whole horizon.
    const busy = Array.from({ length: 200 }, (_, i) => ({
      date: new Date(Date.parse('2026-03-09') + i * 86_400_000).toISOString().slice(0, 10),
      startTime: '09:00',
      durationMinutes: 480
    }))
    const { rows, unplaced } = planSchedule(ctx({ busy }))
    expect(rows).toEqual([])
    // An integration waits for its dosing, so it is unplaced with it.
    expect(unplaced).toEqual(['preparation', 'preparation', ...Array(6).fill('dosing'), ...Array(6).fill('integration')])
  })

  it('adds psychotherapy sessions weekly after the rest', () => {
    const steps = [...induction.steps.slice(0, 1), { kind: 'psychotherapy' as const, planned: 3, note: '' }]
    const { rows } = planSchedule(ctx({ steps }))
    const therapy = of(rows, 'psychotherapy').map((r) => r.date)
    expect(therapy).toHaveLength(3)
    expect(daysBetween(therapy[0]!, therapy[1]!)).toBeGreaterThanOrEqual(7)
  })
})

const base = () => planSchedule(ctx()).rows

describe('checkSchedule', () => {

  it('flags a moved dosing that breaks the spacing, beside its date', () => {
    const rows = base()
    const second = rows.findIndex((r, i) => r.kind === 'dosing' && rows.slice(0, i).some((o) => o.kind === 'dosing'))
    const first = rows.find((r) => r.kind === 'dosing')!
    rows[second] = { ...rows[second]!, date: '2026-03-12', startTime: '13:00' }
    const problems = checkSchedule(rows, ctx())
    expect(problems).toContainEqual({ row: second, field: 'date', message: 'This dosing is 1 day after the previous one (plan: at least 3 days apart)' })
    expect(first.date).toBe('2026-03-11')
  })

  it('flags three dosings in one week', () => {
    const rows: PlannedRow[] = [
      { kind: 'preparation', date: '2026-03-09', startTime: '09:00', durationMinutes: 50 },
      { kind: 'dosing', date: '2026-03-10', startTime: '09:00', durationMinutes: 180 },
      { kind: 'dosing', date: '2026-03-13', startTime: '09:00', durationMinutes: 180 },
      { kind: 'dosing', date: '2026-03-16', startTime: '09:00', durationMinutes: 180 }
    ]
    const problems = checkSchedule(rows, ctx({ rules: { ...induction.rules, minDaysBetweenDosing: 3 } }))
    expect(problems).toEqual([{ row: 3, field: 'date', message: 'This makes 3 dosings within 7 days (plan: at most 2 in any 7 days)' }])
  })

  it('flags a clash with busy time, with another row, and hours outside 9–17', () => {
    const rows: PlannedRow[] = [
      { kind: 'preparation', date: '2026-03-09', startTime: '10:00', durationMinutes: 50 },
      { kind: 'preparation', date: '2026-03-10', startTime: '09:00', durationMinutes: 50 },
      { kind: 'preparation', date: '2026-03-10', startTime: '09:30', durationMinutes: 50 },
      { kind: 'preparation', date: '2026-03-11', startTime: '16:30', durationMinutes: 50 },
      { kind: 'preparation', date: '2026-03-14', startTime: '09:00', durationMinutes: 50 },
      { kind: 'preparation', date: '2026-03-02', startTime: '09:00', durationMinutes: 50 }
    ]
    const problems = checkSchedule(rows, ctx({ busy: [{ date: '2026-03-09', startTime: '10:45', durationMinutes: 30 }] }))
    expect(problems).toEqual([
      { row: 0, field: 'startTime', message: 'Overlaps another session at this time' },
      { row: 1, field: 'startTime', message: 'Overlaps another row of this schedule' },
      { row: 2, field: 'startTime', message: 'Overlaps another row of this schedule' },
      { row: 3, field: 'startTime', message: 'Outside working hours (09:00–17:00)' },
      { row: 4, field: 'date', message: 'This day is outside working days' },
      { row: 5, field: 'date', message: 'Pick a date from the course’s first open day on' }
    ])
  })

  it('back-to-back sessions do not clash', () => {
    const rows: PlannedRow[] = [{ kind: 'preparation', date: '2026-03-09', startTime: '10:00', durationMinutes: 50 }]
    expect(checkSchedule(rows, ctx({ busy: [{ date: '2026-03-09', startTime: '09:00', durationMinutes: 60 }, { date: '2026-03-09', startTime: '10:50', durationMinutes: 60 }] }))).toEqual([])
  })

  it('flags an integration moved outside its window and a first dosing without preparation', () => {
    const rows: PlannedRow[] = [
      { kind: 'dosing', date: '2026-03-09', startTime: '09:00', durationMinutes: 180 },
      { kind: 'integration', date: '2026-03-16', startTime: '09:00', durationMinutes: 50 }
    ]
    expect(checkSchedule(rows, ctx())).toEqual([
      { row: 0, field: 'date', message: 'No preparation session before the first dosing' },
      { row: 1, field: 'date', message: 'Integration should be 1–3 days after a dosing' }
    ])
  })
})
