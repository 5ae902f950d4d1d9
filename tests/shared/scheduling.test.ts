import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import {
  PROTOCOL_TEMPLATES,
  addDays,
  courseProgress,
  courseWarnings,
  daysBetween,
  protocolTemplateSchema,
  type CourseSession,
  type ProtocolRules,
  type ProtocolTemplate
} from '@shared/domain/scheduling'
import {
  NOTE_TEMPLATES,
  NOTE_TEMPLATE_LABELS,
  PLACES_OF_SERVICE,
  SESSION_KINDS,
  SESSION_KIND_LABELS,
  SESSION_STATUSES,
  SESSION_STATUS_LABELS,
  defaultTemplateFor,
  isDosingKind
} from '@shared/domain/session-kinds'
import { PLACE_OF_SERVICE_CODES } from '@shared/domain/codes'

const induction = PROTOCOL_TEMPLATES.find((t) => t.key === 'induction') as ProtocolTemplate
const booster = PROTOCOL_TEMPLATES.find((t) => t.key === 'booster') as ProtocolTemplate
const rules: ProtocolRules = induction.rules

let seq = 0
const s = (kind: CourseSession['kind'], date: string, status: CourseSession['status'] = 'scheduled', id = `s${++seq}`): CourseSession => ({
  id,
  kind,
  date,
  status
})
const codes = (warnings: { code: string }[]) => warnings.map((w) => w.code)

describe('session vocabulary', () => {
  it('labels every kind, status and template', () => {
    expect(SESSION_KINDS.map((k) => SESSION_KIND_LABELS[k])).toEqual(['Intake', 'Preparation', 'Dosing', 'Integration', 'Psychotherapy', 'Booster dosing'])
    expect(SESSION_STATUSES.every((st) => SESSION_STATUS_LABELS[st].length > 0)).toBe(true)
    expect(NOTE_TEMPLATES.map((t) => NOTE_TEMPLATE_LABELS[t])).toEqual(['Preparation', 'Dosing', 'Integration', 'SOAP', 'DAP'])
  })

  it('picks the template a therapist expects for each kind of session', () => {
    expect(SESSION_KINDS.map(defaultTemplateFor)).toEqual(['soap', 'preparation', 'dosing', 'integration', 'soap', 'dosing'])
  })

  it('treats dosing and booster sessions as dosing', () => {
    expect(SESSION_KINDS.filter(isDosingKind)).toEqual(['dosing', 'booster'])
  })

  it('offers office, telehealth at home and elsewhere, and home, with the practice’s codes', () => {
    expect(PLACES_OF_SERVICE.map((p) => p.code)).toEqual(['11', '10', '02', '12'])
    expect(PLACES_OF_SERVICE[0]).toEqual({ code: '11', label: 'Office' })
    expect([...PLACE_OF_SERVICE_CODES].sort()).toEqual(PLACES_OF_SERVICE.map((p) => p.code).sort())
  })
})

describe('plain-date arithmetic', () => {
  it('counts calendar days across month, year, leap day and DST changes', () => {
    expect(daysBetween('2026-03-01', '2026-03-04')).toBe(3)
    expect(daysBetween('2026-03-07', '2026-03-09')).toBe(2) // US DST starts Mar 8
    expect(daysBetween('2025-12-30', '2026-01-02')).toBe(3)
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2)
    expect(daysBetween('2026-03-04', '2026-03-01')).toBe(-3)
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29')
    expect(addDays('2026-10-31', 3)).toBe('2026-11-03')
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31')
  })
})

/** Field path → message for an edited copy of the induction template. */
const templateProblems = (over: Record<string, unknown>) => {
  const result: z.ZodSafeParseResult<unknown> = protocolTemplateSchema.safeParse({ ...induction, ...over })
  return Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]))
}

describe('protocol templates', () => {
  it('induction: 2 preparations, 6 dosings, 6 integrations; at most 2 a week, 3 days apart', () => {
    expect(induction.steps.map((st) => [st.kind, st.planned])).toEqual([
      ['preparation', 2],
      ['dosing', 6],
      ['integration', 6]
    ])
    expect(induction.rules).toEqual({ minDaysBetweenDosing: 3, maxDosingPer7Days: 2, integrationWithinDays: [1, 3], requirePreparation: true })
  })

  it('booster: one preparation, one booster dosing, one integration', () => {
    expect(booster.steps.map((st) => [st.kind, st.planned])).toEqual([
      ['preparation', 1],
      ['booster', 1],
      ['integration', 1]
    ])
  })

  it('the shipped templates pass the schema used for edited copies', () => {
    for (const t of PROTOCOL_TEMPLATES) {
      const parsed: ProtocolTemplate = protocolTemplateSchema.parse(t)
      expect(parsed).toEqual(t)
    }
  })

  it('refuses nonsense in an edited copy, field by field', () => {
    expect(templateProblems({ name: '  ' })).toEqual({ name: 'Name is required' })
    expect(templateProblems({ steps: [{ kind: 'dosing', planned: 51, note: '' }] })).toEqual({ 'steps.0.planned': 'Planned sessions must be a whole number from 0 to 50' })
    expect(templateProblems({ steps: [{ kind: 'dosing', planned: -1, note: '' }] })).toEqual({ 'steps.0.planned': 'Planned sessions must be a whole number from 0 to 50' })
    expect(templateProblems({ steps: [] })).toEqual({ steps: 'Add at least one step' })
    expect(
      templateProblems({
        steps: [
          { kind: 'dosing', planned: 3, note: '' },
          { kind: 'dosing', planned: 3, note: '' }
        ]
      })
    ).toEqual({ steps: 'One step per kind of session' })
    expect(templateProblems({ rules: { ...rules, minDaysBetweenDosing: 61 } })).toEqual({
      'rules.minDaysBetweenDosing': 'Days between dosings must be a whole number of days from 0 to 60'
    })
    expect(templateProblems({ rules: { ...rules, integrationWithinDays: [4, 2] } })).toEqual({
      'rules.integrationWithinDays': 'The integration window must start on or before its last day'
    })
    expect(templateProblems({ rules: { ...rules, maxDosingPer7Days: 0 } })).toEqual({ 'rules.maxDosingPer7Days': 'Dosings per 7 days must be a whole number from 1 to 7' })
    expect(templateProblems({ owner: 'x' })).toEqual({ '': 'This field is not accepted here' })
  })
})

describe('courseWarnings', () => {
  const prep = s('preparation', '2026-03-01', 'completed')

  it('a course that follows the plan raises nothing', () => {
    const sessions = [
      prep,
      s('dosing', '2026-03-02', 'completed'),
      s('integration', '2026-03-03', 'completed'),
      s('dosing', '2026-03-05', 'completed'),
      s('integration', '2026-03-06', 'completed'),
      s('dosing', '2026-03-09'),
      s('dosing', '2026-03-12')
    ]
    expect(courseWarnings(rules, sessions, undefined, { today: '2026-03-09' })).toEqual([])
  })

  it('warns when a dosing comes 2 days after the previous one', () => {
    const second = s('dosing', '2026-03-04')
    expect(courseWarnings(rules, [prep, s('dosing', '2026-03-02'), second])).toEqual([
      { code: 'dosing_too_soon', sessionId: second.id, message: 'This dosing is 2 days after the previous one (plan: at least 3 days apart)' }
    ])
  })

  it('warns about two dosings on the same day', () => {
    const warnings = courseWarnings(rules, [prep, s('dosing', '2026-03-02'), s('booster', '2026-03-02')])
    expect(warnings[0]?.message).toBe('This dosing is on the same day as another dosing (plan: at least 3 days apart)')
  })

  it('warns at the third dosing within any 7 days, even when each gap is long enough', () => {
    const third = s('dosing', '2026-03-08')
    const warnings = courseWarnings(rules, [prep, s('dosing', '2026-03-02'), s('dosing', '2026-03-05'), third])
    expect(warnings).toEqual([
      { code: 'dosing_too_frequent', sessionId: third.id, message: 'This makes 3 dosings within 7 days (plan: at most 2 in any 7 days)' }
    ])
    // Day 0, 3 and 7: the window of 7 days ending on day 7 starts on day 1, so only 2 in it.
    expect(courseWarnings(rules, [prep, s('dosing', '2026-03-02'), s('dosing', '2026-03-05'), s('dosing', '2026-03-09')])).toEqual([])
  })

  it('warns when no preparation comes before the first dosing', () => {
    const first = s('dosing', '2026-03-02')
    expect(courseWarnings(rules, [first, s('preparation', '2026-03-03')])).toEqual([
      { code: 'no_preparation', sessionId: first.id, message: 'No preparation session before the first dosing' }
    ])
    // Same date counts (sessions have no time of day).
    expect(courseWarnings(rules, [s('preparation', '2026-03-02'), s('dosing', '2026-03-02')])).toEqual([])
    expect(courseWarnings({ ...rules, requirePreparation: false }, [s('dosing', '2026-03-02')])).toEqual([])
  })

  it('ignores cancelled, late-cancelled and no-show sessions', () => {
    const sessions = [
      s('preparation', '2026-03-01', 'cancelled'),
      s('dosing', '2026-03-02', 'completed'),
      s('dosing', '2026-03-03', 'no_show'),
      s('dosing', '2026-03-04', 'late_cancelled'),
      s('dosing', '2026-03-05', 'cancelled')
    ]
    expect(codes(courseWarnings(rules, sessions))).toEqual(['no_preparation'])
    expect(codes(courseWarnings(rules, [prep, ...sessions]))).toEqual([])
  })

  it('judges a candidate being booked (no id yet) against the course', () => {
    const sessions = [prep, s('dosing', '2026-03-02', 'completed')]
    expect(courseWarnings(rules, sessions, { kind: 'dosing', date: '2026-03-03' })).toEqual([
      { code: 'dosing_too_soon', sessionId: null, message: 'This dosing is 1 day after the previous one (plan: at least 3 days apart)' }
    ])
    expect(courseWarnings(rules, sessions, { kind: 'dosing', date: '2026-03-05' })).toEqual([])
    expect(courseWarnings(rules, sessions, { kind: 'integration', date: '2026-03-03' })).toEqual([])
  })

  it('judges a session being moved in its new place, not its old one', () => {
    const moving = s('dosing', '2026-03-03')
    const sessions = [prep, s('dosing', '2026-03-02', 'completed'), moving]
    expect(codes(courseWarnings(rules, sessions))).toEqual(['dosing_too_soon'])
    expect(courseWarnings(rules, sessions, { id: moving.id, kind: 'dosing', date: '2026-03-06' })).toEqual([])
  })

  describe('integration_missing', () => {
    const dosing = s('dosing', '2026-03-02', 'completed')

    it('is raised once the window after a completed dosing has passed with no integration', () => {
      expect(courseWarnings(rules, [prep, dosing], undefined, { today: '2026-03-06' })).toEqual([
        { code: 'integration_missing', sessionId: dosing.id, message: 'No integration session 1–3 days after this dosing' }
      ])
    })

    it('waits while the window is still open, and needs today to judge at all', () => {
      expect(courseWarnings(rules, [prep, dosing], undefined, { today: '2026-03-05' })).toEqual([])
      expect(courseWarnings(rules, [prep, dosing])).toEqual([])
    })

    it('is satisfied by an integration inside the window, not outside it', () => {
      expect(courseWarnings(rules, [prep, dosing, s('integration', '2026-03-05', 'completed')], undefined, { today: '2026-03-20' })).toEqual([])
      expect(codes(courseWarnings(rules, [prep, dosing, s('integration', '2026-03-02', 'completed')], undefined, { today: '2026-03-20' }))).toEqual([
        'integration_missing'
      ])
      expect(codes(courseWarnings(rules, [prep, dosing, s('integration', '2026-03-06', 'cancelled')], undefined, { today: '2026-03-20' }))).toEqual([
        'integration_missing'
      ])
    })

    it('only concerns completed dosings', () => {
      expect(courseWarnings(rules, [prep, s('dosing', '2026-03-02', 'scheduled')], undefined, { today: '2026-03-20' })).toEqual([])
    })

    it('a same-day window reads naturally', () => {
      const sameDay = { ...rules, integrationWithinDays: [0, 0] as const }
      expect(courseWarnings(sameDay, [prep, dosing], undefined, { today: '2026-03-03' })[0]?.message).toBe(
        'No integration session on the same day as this dosing'
      )
    })
  })
})

describe('courseProgress', () => {
  it('counts scheduled and completed against the plan, ignoring cancellations', () => {
    const sessions = [
      s('preparation', '2026-03-01', 'completed'),
      s('preparation', '2026-03-02', 'cancelled'),
      s('dosing', '2026-03-03', 'completed'),
      s('dosing', '2026-03-06', 'completed'),
      s('dosing', '2026-03-10'),
      s('dosing', '2026-03-13', 'no_show'),
      s('integration', '2026-03-04', 'completed')
    ]
    expect(courseProgress(induction, sessions)).toEqual([
      { kind: 'preparation', planned: 2, scheduled: 0, completed: 1 },
      { kind: 'dosing', planned: 6, scheduled: 1, completed: 2 },
      { kind: 'integration', planned: 6, scheduled: 0, completed: 1 }
    ])
  })

  it('shows kinds outside the plan with planned 0, so nothing is hidden', () => {
    const rows = courseProgress(booster, [s('intake', '2026-02-20', 'completed'), s('booster', '2026-06-01')])
    expect(rows).toEqual([
      { kind: 'preparation', planned: 1, scheduled: 0, completed: 0 },
      { kind: 'booster', planned: 1, scheduled: 1, completed: 0 },
      { kind: 'integration', planned: 1, scheduled: 0, completed: 0 },
      { kind: 'intake', planned: 0, scheduled: 0, completed: 1 }
    ])
  })
})
