import { describe, expect, it } from 'vitest'
import * as fc from 'fast-check'
import type { z } from 'zod'
import {
  FIELD_LABELS,
  NOTE_TEXT_MAX,
  TEXT_FIELDS,
  canonicalBody,
  dosingBody,
  dosingWarnings,
  emptyBody,
  integrationBody,
  monitoringMinutes,
  noteBodySchemas,
  noteSearchText,
  preparationBody,
  signingProblems,
  soapBody,
  type NoteBody
} from '@shared/domain/note-templates'
import { NOTE_TEMPLATES } from '@shared/domain/session-kinds'
import { DEFAULT_VITAL_THRESHOLDS } from '@shared/domain/vitals'

/** Field path → first message. */
const problems = (result: z.ZodSafeParseResult<unknown>): Record<string, string> => {
  const out: Record<string, string> = {}
  for (const issue of result.error?.issues ?? []) out[issue.path.join('.') || '(input)'] ??= issue.message
  return out
}

/** A dosing note as it looks when the session is over: racemic IV, 0.5 mg/kg, ordinary vitals. */
function completedDosing(): NoteBody<'dosing'> {
  const body = emptyBody('dosing')
  return {
    ...body,
    preDose: { ...body.preDose, fasting: true, bpInRange: true, escortConfirmed: true, escortName: 'Sam (partner)' },
    medication: { drug: 'racemic_ketamine', route: 'iv', doseMg: 35, weightKg: 70, lotNumber: 'K-2291', administeredBy: 'R. Patel, RN', prescriber: 'Dr. Lee' },
    times: { doseStart: '10:00', onset: '10:05', peak: '10:30', acuteEnd: '11:00', discharge: '12:00' },
    vitals: [
      { id: 'v1', time: '09:50', systolic: 128, diastolic: 82, heartRate: 72, spo2: 98, note: 'Baseline' },
      { id: 'v2', time: '10:40', systolic: 138, diastolic: 88, heartRate: 80, spo2: 97, note: 'Calm, eyes closed' },
      { id: 'v3', time: '11:50', systolic: 126, diastolic: 80, heartRate: 70, spo2: 98, note: null }
    ],
    interventions: 'Offered water and a blanket',
    notes: 'Client described a sense of spaciousness'
  }
}

/** An esketamine session that meets the REMS: 84 mg, BP before, at 40 min and before discharge, 2 h observed. */
function completedEsketamine(): NoteBody<'dosing'> {
  const body = completedDosing()
  return {
    ...body,
    medication: { ...body.medication, drug: 'esketamine', route: 'intranasal', doseMg: 84 },
    times: { doseStart: '10:00', onset: '10:10', peak: '10:40', acuteEnd: '11:30', discharge: '12:00' },
    rems: { applicable: true, monitoringMinutes: 120, concomitantBenzodiazepines: false, concomitantStimulants: false, concomitantMaois: false }
  }
}

describe('note body schemas', () => {
  it.each(NOTE_TEMPLATES)('%s: an empty draft and a bare {} are both valid, and parsing changes nothing', (template) => {
    const schema = noteBodySchemas[template]
    expect(schema.parse(emptyBody(template))).toEqual(emptyBody(template))
    expect(schema.safeParse({}).success).toBe(true)
  })

  it.each(NOTE_TEMPLATES)('%s: refuses unknown fields in plain words', (template) => {
    expect(problems(noteBodySchemas[template].safeParse({ mystery: 'x' }))).toEqual({ '(input)': 'This field is not accepted here' })
  })

  it('emptyBody gives a fresh object each time', () => {
    const a = emptyBody('dosing')
    a.vitals?.push({ id: 'x', time: '10:00' })
    expect(emptyBody('dosing').vitals).toEqual([])
  })

  it('keeps text exactly as typed, whitespace included, up to 20,000 characters', () => {
    const intentions = '  To meet the grief.\n\n'
    expect(preparationBody.parse({ intentions }).intentions).toBe(intentions)
    expect(preparationBody.safeParse({ intentions: 'x'.repeat(NOTE_TEXT_MAX) }).success).toBe(true)
    expect(problems(preparationBody.safeParse({ intentions: 'x'.repeat(NOTE_TEXT_MAX + 1) }))).toEqual({
      intentions: 'Intentions must be 20,000 characters or fewer'
    })
    expect(problems(soapBody.safeParse({ plan: 'ok\u0007' }))).toEqual({ plan: 'Plan contains characters that cannot be stored' })
    expect(problems(soapBody.safeParse({ plan: 'half \uD83D pair' }))).toEqual({ plan: 'Plan contains characters that cannot be stored' })
    expect(soapBody.safeParse({ plan: 'Breath work 🌬️, tabs\tand\nnewlines' }).success).toBe(true)
  })

  it('refuses checklist answers that are not yes/no', () => {
    expect(problems(preparationBody.safeParse({ consentReviewed: 'yes' }))).toEqual({ consentReviewed: 'Consent reviewed: answer yes or no' })
    expect(problems(preparationBody.safeParse({ psychoeducation: { effects: 1 } }))).toEqual({ 'psychoeducation.effects': 'Effects explained: answer yes or no' })
    expect(problems(preparationBody.safeParse({ psychoeducation: 'done' }))).toEqual({ psychoeducation: 'This section is not in the right form' })
  })

  describe('dosing', () => {
    it('accepts a completed session', () => {
      expect(dosingBody.parse(completedDosing())).toEqual(completedDosing())
      expect(dosingBody.safeParse(completedEsketamine()).success).toBe(true)
    })

    it.each([
      [-35, 'Dose must be more than 0 mg'],
      [0, 'Dose must be more than 0 mg'],
      [2000.5, 'Dose must be at most 2,000 mg'],
      ['35', 'Dose must be a number of mg']
    ])('refuses a dose of %j', (doseMg, message) => {
      expect(problems(dosingBody.safeParse({ medication: { doseMg } }))).toEqual({ 'medication.doseMg': message })
    })

    it('accepts fractional doses and the limits', () => {
      expect(dosingBody.safeParse({ medication: { doseMg: 0.5, weightKg: 2 } }).success).toBe(true)
      expect(dosingBody.safeParse({ medication: { doseMg: 2000, weightKg: 400 } }).success).toBe(true)
    })

    it.each([1.9, 400.1, -70])('refuses a weight of %j kg', (weightKg) => {
      expect(problems(dosingBody.safeParse({ medication: { weightKg } }))).toEqual({ 'medication.weightKg': 'Weight must be between 2 and 400 kg' })
    })

    it('accepts an unchosen drug or route as empty, refuses unknown ones', () => {
      expect(dosingBody.safeParse({ medication: { drug: '', route: '' } }).success).toBe(true)
      expect(problems(dosingBody.safeParse({ medication: { drug: 'ketamine', route: 'rectal' } }))).toEqual({
        'medication.drug': 'Choose racemic ketamine or esketamine',
        'medication.route': 'Choose one of the listed routes'
      })
    })

    it('refuses discharge before dose start, on the discharge field', () => {
      expect(problems(dosingBody.safeParse({ times: { doseStart: '10:00', discharge: '09:30' } }))).toEqual({
        'times.discharge': 'Discharge must be after dose start'
      })
    })

    it('checks every filled time against every earlier one, naming the earliest it precedes', () => {
      expect(problems(dosingBody.safeParse({ times: { doseStart: '10:00', onset: '09:55' } }))).toEqual({ 'times.onset': 'Onset must be after dose start' })
      expect(problems(dosingBody.safeParse({ times: { doseStart: '10:00', onset: '10:20', peak: '10:10' } }))).toEqual({ 'times.peak': 'Peak must be after onset' })
      expect(problems(dosingBody.safeParse({ times: { doseStart: '10:00', peak: '11:00', acuteEnd: '09:00', discharge: '10:30' } }))).toEqual({
        'times.acuteEnd': 'End of acute effects must be after dose start',
        'times.discharge': 'Discharge must be after peak'
      })
      // Gaps are fine while the draft is being written, and so are equal minutes.
      expect(dosingBody.safeParse({ times: { doseStart: '10:00', onset: '', peak: null, discharge: '12:00' } }).success).toBe(true)
      expect(dosingBody.safeParse({ times: { doseStart: '10:00', onset: '10:00' } }).success).toBe(true)
    })

    it('refuses a time that is not HH:MM', () => {
      expect(problems(dosingBody.safeParse({ times: { doseStart: '10am' } }))).toEqual({
        'times.doseStart': 'Dose start should be HH:MM on a 24-hour clock, like 09:05 or 14:30'
      })
    })

    it('checks each vitals row, and the number and identity of rows', () => {
      const vitals = completedDosing().vitals ?? []
      expect(problems(dosingBody.safeParse({ vitals: [{ ...vitals[0], systolic: 900 }] }))).toEqual({
        'vitals.0.systolic': 'Systolic must be between 40 and 300 mmHg'
      })
      expect(problems(dosingBody.safeParse({ vitals: [vitals[0], { ...vitals[1], spo2: 120 }] }))).toEqual({
        'vitals.1.spo2': 'SpO2 must be between 50 and 100 %'
      })
      expect(problems(dosingBody.safeParse({ vitals: [vitals[0], { ...vitals[1], id: 'v1' }] }))).toEqual({ vitals: 'Each vitals row needs its own ID' })
      const many = Array.from({ length: 201 }, (_, i) => ({ id: `v${i}`, time: '10:00', spo2: 98 }))
      expect(problems(dosingBody.safeParse({ vitals: many }))).toEqual({ vitals: 'A note holds at most 200 vitals rows' })
      expect(dosingBody.safeParse({ vitals: many.slice(0, 200) }).success).toBe(true)
    })

    it('rates sedation and dissociation 0–3', () => {
      expect(dosingBody.safeParse({ adverseEvents: { sedation: 0, dissociation: 3 } }).success).toBe(true)
      expect(problems(dosingBody.safeParse({ adverseEvents: { sedation: 4, dissociation: 1.5 } }))).toEqual({
        'adverseEvents.sedation': 'Sedation is rated from 0 (none) to 3 (severe)',
        'adverseEvents.dissociation': 'Dissociation is rated from 0 (none) to 3 (severe)'
      })
    })

    it('bounds REMS monitoring minutes to a day', () => {
      expect(problems(dosingBody.safeParse({ rems: { monitoringMinutes: 1441 } }))).toEqual({
        'rems.monitoringMinutes': 'Monitoring minutes must be a whole number from 0 to 1,440'
      })
    })
  })

  it('integration: suicidal ideation is none, passive, active or not yet answered', () => {
    for (const suicidalIdeation of ['none', 'passive', 'active', '', null]) {
      expect(integrationBody.safeParse({ riskAssessment: { suicidalIdeation } }).success).toBe(true)
    }
    expect(problems(integrationBody.safeParse({ riskAssessment: { suicidalIdeation: 'some' } }))).toEqual({
      'riskAssessment.suicidalIdeation': 'Choose none, passive or active'
    })
  })
})

describe('field metadata', () => {
  it.each(NOTE_TEMPLATES)('%s: every text field has a label and sits in the empty body as ""', (template) => {
    const labels: Record<string, string> = FIELD_LABELS[template]
    const empty = emptyBody(template) as Record<string, unknown>
    expect(TEXT_FIELDS[template].length).toBeGreaterThan(0)
    for (const path of TEXT_FIELDS[template]) {
      expect(labels[path]).toBeTruthy()
      const value = path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], empty)
      expect(value).toBe('')
    }
  })
})

describe('monitoringMinutes', () => {
  it('is discharge minus dose start, or null', () => {
    expect(monitoringMinutes({ doseStart: '10:00', discharge: '12:05' })).toBe(125)
    expect(monitoringMinutes({ doseStart: '10:00', discharge: '' })).toBeNull()
    expect(monitoringMinutes({ doseStart: '10:00', discharge: '09:00' })).toBeNull()
    expect(monitoringMinutes(null)).toBeNull()
  })
})

describe('noteSearchText', () => {
  it('joins the free text in form order, one value per line, skipping blanks and checkboxes', () => {
    const body = { ...emptyBody('preparation'), intentions: 'Meet the grief', consentReviewed: true, setAndSetting: { music: 'Ambient', supportPerson: '  ', eyeshade: true }, plan: 'IM 0.5 mg/kg' }
    expect(noteSearchText('preparation', body)).toBe('Meet the grief\nAmbient\nIM 0.5 mg/kg')
  })

  it('names the drug and route of a dosing note and includes vitals notes, not ids or times', () => {
    const text = noteSearchText('dosing', completedDosing())
    expect(text.split('\n')).toEqual([
      'Sam (partner)',
      'K-2291',
      'R. Patel, RN',
      'Dr. Lee',
      'Offered water and a blanket',
      'Client described a sense of spaciousness',
      'Ketamine (racemic)',
      'IV infusion',
      'Baseline',
      'Calm, eyes closed'
    ])
    expect(text).not.toContain('10:00')
    expect(text).not.toContain('v1')
  })

  it('is empty for an empty note, and copes with a partial body', () => {
    for (const template of NOTE_TEMPLATES) expect(noteSearchText(template, emptyBody(template))).toBe('')
    expect(noteSearchText('dosing', {})).toBe('')
    expect(noteSearchText('soap', { subjective: 'Slept well' })).toBe('Slept well')
  })
})

describe('signingProblems', () => {
  it('a completed dosing note can be signed', () => {
    expect(signingProblems('dosing', completedDosing())).toEqual([])
  })

  it('a dosing note needs drug, route, dose and start time', () => {
    const body = completedDosing()
    const incomplete = { ...body, medication: { ...body.medication, drug: '' as const, route: null, doseMg: undefined }, times: { ...body.times, doseStart: '' } }
    expect(signingProblems('dosing', incomplete)).toEqual([
      { path: 'medication.drug', message: 'Choose the drug given' },
      { path: 'medication.route', message: 'Choose the route' },
      { path: 'medication.doseMg', message: 'Enter the dose in mg' },
      { path: 'times.doseStart', message: 'Enter the time the dose started' }
    ])
  })

  it.each(['preparation', 'dosing', 'integration'] as const)('an empty %s note cannot be signed', (template) => {
    expect(signingProblems(template, emptyBody(template))).toEqual([{ path: '', message: 'This note is empty. Write something before signing.' }])
    expect(signingProblems(template, {})).toEqual([{ path: '', message: 'This note is empty. Write something before signing.' }])
  })

  it('whitespace is not content', () => {
    expect(signingProblems('preparation', { intentions: '   \n' })).toHaveLength(1)
    expect(signingProblems('preparation', { intentions: 'Rest' })).toEqual([])
    expect(signingProblems('preparation', { consentReviewed: true })).toEqual([])
  })

  it('SOAP and DAP need at least one section', () => {
    expect(signingProblems('soap', emptyBody('soap'))).toEqual([
      { path: 'subjective', message: 'Write at least one of Subjective, Objective, Assessment or Plan' }
    ])
    expect(signingProblems('soap', { plan: 'Continue weekly' })).toEqual([])
    expect(signingProblems('dap', { assessment: ' ' })).toEqual([{ path: 'data', message: 'Write at least one of Data, Assessment or Plan' }])
    expect(signingProblems('dap', { data: 'Reviewed journal' })).toEqual([])
  })

  it('an integration note records the suicidal-ideation screen, with a note when it is active', () => {
    expect(signingProblems('integration', { experience: 'Felt held' })).toEqual([
      { path: 'riskAssessment.suicidalIdeation', message: 'Record the suicidal ideation screen: none, passive or active' }
    ])
    expect(signingProblems('integration', { experience: 'Felt held', riskAssessment: { suicidalIdeation: 'none' } })).toEqual([])
    expect(signingProblems('integration', { experience: 'Felt held', riskAssessment: { suicidalIdeation: 'active', note: '' } })).toEqual([
      { path: 'riskAssessment.note', message: 'Add a risk assessment note for active suicidal ideation' }
    ])
  })

  it('reports what the schema refuses, with its path', () => {
    expect(signingProblems('dosing', { ...completedDosing(), times: { doseStart: '10:00', discharge: '09:00' } })).toEqual([
      { path: 'times.discharge', message: 'Discharge must be after dose start' }
    ])
    expect(signingProblems('dosing', { medication: { doseMg: -1 } })).toEqual([{ path: 'medication.doseMg', message: 'Dose must be more than 0 mg' }])
  })
})

describe('canonicalBody', () => {
  it('sorts keys at every level, drops undefined members and keeps array order', () => {
    expect(canonicalBody({ b: 1, a: { d: [3, 1, { z: true, y: null }], c: undefined } })).toBe('{"a":{"d":[3,1,{"y":null,"z":true}]},"b":1}')
    expect(canonicalBody([undefined, 'x'])).toBe('[null,"x"]')
    expect(canonicalBody('é\n"')).toBe(JSON.stringify('é\n"'))
  })

  it('is the same for the same content whatever the key order, and reads back to the same value (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const reordered = JSON.parse(JSON.stringify(value, (_k, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).toReversed()) : v)))
        expect(canonicalBody(reordered)).toBe(canonicalBody(value))
        expect(JSON.parse(canonicalBody(value))).toEqual(JSON.parse(JSON.stringify(value)))
      })
    )
  })

  it('differs when the content differs', () => {
    const body = completedDosing()
    expect(canonicalBody(body)).not.toBe(canonicalBody({ ...body, notes: `${body.notes}.` }))
  })
})

describe('dosingWarnings', () => {
  it('a routine racemic session raises nothing', () => {
    expect(dosingWarnings(completedDosing())).toEqual([])
  })

  it('passes on dose warnings with the field they concern', () => {
    const body = completedDosing()
    expect(dosingWarnings({ ...body, medication: { ...body.medication, doseMg: 66.5 } })).toEqual([
      { level: 'caution', path: 'medication.doseMg', message: '0.95 mg/kg is above the usual IV range (0.1–0.75 mg/kg). Check the dose.' }
    ])
  })

  it('flags a high BP before the dose start as a caution, and the same BP after it not at all', () => {
    const high = { systolic: 150, diastolic: 95 }
    const times = { doseStart: '10:00' }
    expect(dosingWarnings({ times, vitals: [{ id: 'a', time: '09:50', ...high }] })).toEqual([
      { level: 'caution', path: 'vitals.0.systolic', message: 'BP 150/95 is above 140/90 before dosing: consider delaying' }
    ])
    expect(dosingWarnings({ times, vitals: [{ id: 'a', time: '10:00', ...high }] })).toHaveLength(1)
    expect(dosingWarnings({ times, vitals: [{ id: 'a', time: '10:01', ...high }] })).toEqual([])
  })

  it('without a dose start time, takes the earliest reading as pre-dose', () => {
    const vitals = [
      { id: 'b', time: '10:30', systolic: 150, diastolic: 95 },
      { id: 'a', time: '09:45', systolic: 150, diastolic: 95 }
    ]
    expect(dosingWarnings({ vitals }).map((w) => w.path)).toEqual(['vitals.1.systolic'])
  })

  it('raises alerts at any time, against the practice’s thresholds', () => {
    const vitals = [{ id: 'a', time: '10:30', systolic: 185, diastolic: 100, heartRate: 125, spo2: 91 }]
    expect(dosingWarnings({ times: { doseStart: '10:00' }, vitals })).toEqual([
      { level: 'alert', path: 'vitals.0.systolic', message: 'BP 185/100 is at or above the alert level of 180/110' },
      { level: 'alert', path: 'vitals.0.heartRate', message: 'Heart rate 125 is above 120 bpm' },
      { level: 'alert', path: 'vitals.0.spo2', message: 'SpO2 91 % is below 92 %' }
    ])
    const lenient = { ...DEFAULT_VITAL_THRESHOLDS, alertSystolic: 190, heartRateHigh: 130, spo2Low: 90 }
    expect(dosingWarnings({ times: { doseStart: '10:00' }, vitals }, lenient)).toEqual([])
  })

  describe('esketamine REMS', () => {
    it('a session that meets the REMS raises nothing', () => {
      expect(dosingWarnings(completedEsketamine())).toEqual([])
    })

    it('warns when monitoring is under 120 minutes, recorded or computed from the times', () => {
      const body = completedEsketamine()
      expect(dosingWarnings({ ...body, rems: { ...body.rems, monitoringMinutes: 90 } })).toEqual([
        { level: 'caution', path: 'rems.monitoringMinutes', message: 'Monitoring was 90 minutes; the esketamine REMS requires at least 120 before discharge' }
      ])
      const computed = dosingWarnings({ ...body, times: { ...body.times, discharge: '11:55' }, rems: { ...body.rems, monitoringMinutes: null } })
      expect(computed).toEqual([
        { level: 'caution', path: 'times.discharge', message: 'Monitoring was 115 minutes; the esketamine REMS requires at least 120 before discharge' }
      ])
    })

    it('asks for BP before dosing, at about 40 minutes and before discharge', () => {
      const body = completedEsketamine()
      expect(dosingWarnings({ ...body, vitals: [] }).map((w) => w.message)).toEqual([
        'The REMS asks for a blood pressure reading before dosing',
        'The REMS asks for a blood pressure reading about 40 minutes after dosing',
        'The REMS asks for a blood pressure reading before discharge'
      ])
      // Pulse oximetry alone is not a blood pressure reading.
      const spo2Only = (body.vitals ?? []).map((r) => ({ ...r, systolic: null, diastolic: null }))
      expect(dosingWarnings({ ...body, vitals: spo2Only })).toHaveLength(3)
    })

    it('reminds that esketamine is given under the REMS when the section says it does not apply', () => {
      const body = completedEsketamine()
      expect(dosingWarnings({ ...body, rems: { ...body.rems, applicable: false } })).toEqual([
        { level: 'caution', path: 'rems.applicable', message: 'Esketamine is given under the Spravato REMS: mark the REMS section as applicable' }
      ])
    })

    it('combines with dose warnings', () => {
      const body = completedEsketamine()
      expect(dosingWarnings({ ...body, medication: { ...body.medication, route: 'iv', doseMg: 70 } }).map((w) => w.path)).toEqual([
        'medication.route',
        'medication.doseMg'
      ])
    })

    it('does not judge REMS monitoring for racemic ketamine', () => {
      const body = completedDosing()
      expect(dosingWarnings({ ...body, times: { ...body.times, acuteEnd: '10:40', discharge: '10:45' } })).toEqual([])
    })
  })
})
