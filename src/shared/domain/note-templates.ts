/**
 * The structured body of each note template. Schemas are lenient for drafts — every field may be
 * missing, null or empty — but refuse what cannot be true (a negative dose, discharge before the
 * dose started). Completeness is asked only at signing, by `signingProblems`.
 */
import { z } from 'zod'
import { DRUGS, DRUG_LABELS, ROUTES, ROUTE_LABELS, doseChecks, doseLimits, type Drug, type Route } from './dosing'
import { storableText, strictObjectErrors, type NoteTemplate } from './session-kinds'
import { CLOCK_TIME_PATTERN, DEFAULT_VITAL_THRESHOLDS, minutesOfDay, vitalFlags, vitalsRow, type VitalThresholds } from './vitals'

/** Long text fields hold at most this many characters each (about 8 pages). */
export const NOTE_TEXT_MAX = 20_000

export const SUICIDAL_IDEATION = ['none', 'passive', 'active'] as const
export type SuicidalIdeation = (typeof SUICIDAL_IDEATION)[number]
export const SUICIDAL_IDEATION_LABELS: Record<SuicidalIdeation, string> = { none: 'None', passive: 'Passive', active: 'Active' }

const RISK_LABELS = { 'riskAssessment.suicidalIdeation': 'Suicidal ideation', 'riskAssessment.note': 'Risk assessment notes' } as const

/** Every field of every template by path, with the label a form and a printed note show. */
/** The title of each section of a note body, as the read view and the printed note head them. */
export const NOTE_SECTION_TITLES: Record<string, string> = {
  psychoeducation: 'Psychoeducation',
  setAndSetting: 'Set and setting',
  preDose: 'Pre-dose checklist',
  medication: 'Medication',
  times: 'Times',
  adverseEvents: 'Adverse events',
  discharge: 'Discharge',
  rems: 'Spravato REMS',
  riskAssessment: 'Risk assessment'
}

export const FIELD_LABELS = {
  preparation: {
    intentions: 'Intentions',
    'psychoeducation.effects': 'Effects explained',
    'psychoeducation.timeline': 'Timeline explained',
    'psychoeducation.dissociation': 'What dissociation feels like explained',
    'psychoeducation.notes': 'Psychoeducation notes',
    'setAndSetting.music': 'Music',
    'setAndSetting.eyeshade': 'Eyeshade',
    'setAndSetting.supportPerson': 'Support person',
    'setAndSetting.notes': 'Set and setting notes',
    consentReviewed: 'Consent reviewed',
    screeningReviewed: 'Screening reviewed',
    medicationsReviewed: 'Medications reviewed',
    plan: 'Plan for the dosing session',
    ...RISK_LABELS
  },
  dosing: {
    'preDose.fasting': 'Fasting as instructed',
    'preDose.bpInRange': 'Blood pressure in range',
    'preDose.escortConfirmed': 'Ride home confirmed',
    'preDose.escortName': 'Escort',
    'preDose.noDecongestant': 'No nasal decongestant today',
    'preDose.interactingMedsReviewed': 'Interacting medications reviewed',
    'medication.drug': 'Drug',
    'medication.route': 'Route',
    'medication.doseMg': 'Dose (mg)',
    'medication.weightKg': 'Weight (kg)',
    'medication.lotNumber': 'Lot number',
    'medication.administeredBy': 'Administered by',
    'medication.prescriber': 'Prescriber',
    'times.doseStart': 'Dose start',
    'times.onset': 'Onset',
    'times.peak': 'Peak',
    'times.acuteEnd': 'End of acute effects',
    'times.discharge': 'Discharge',
    vitals: 'Vitals',
    'adverseEvents.nausea': 'Nausea',
    'adverseEvents.vomiting': 'Vomiting',
    'adverseEvents.dizziness': 'Dizziness',
    'adverseEvents.anxiety': 'Anxiety or agitation',
    'adverseEvents.hypertension': 'Hypertension',
    'adverseEvents.sedation': 'Sedation (0–3)',
    'adverseEvents.dissociation': 'Dissociation (0–3)',
    'adverseEvents.respiratoryDepression': 'Respiratory depression',
    interventions: 'Interventions given',
    'discharge.alertOriented': 'Alert and oriented',
    'discharge.vitalsAtBaseline': 'Vitals at baseline',
    'discharge.walkingSteadily': 'Walking steadily',
    'discharge.dischargedToEscort': 'Discharged to escort',
    'discharge.escortName': 'Escort at discharge',
    'discharge.noDrivingAdvised': 'Advised not to drive until the next day, after sleep',
    'discharge.followUpBooked': 'Follow-up booked',
    'rems.applicable': 'Spravato REMS applies',
    'rems.monitoringMinutes': 'Monitoring (minutes)',
    'rems.concomitantBenzodiazepines': 'Concomitant benzodiazepines',
    'rems.concomitantStimulants': 'Concomitant stimulants',
    'rems.concomitantMaois': 'Concomitant MAOIs',
    notes: 'Session notes',
    ...RISK_LABELS
  },
  integration: {
    experience: 'Experience recounted',
    themes: 'Themes and insights',
    emotions: 'Emotions',
    meaning: 'Meaning made',
    homework: 'Homework and practices',
    'riskAssessment.suicidalIdeation': 'Suicidal ideation',
    'riskAssessment.note': 'Risk assessment notes',
    plan: 'Plan'
  },
  soap: { subjective: 'Subjective', objective: 'Objective', assessment: 'Assessment', plan: 'Plan', ...RISK_LABELS },
  dap: { data: 'Data', assessment: 'Assessment', plan: 'Plan', ...RISK_LABELS }
} as const satisfies Record<NoteTemplate, Record<string, string>>

/**
 * Field builders for one template, labelled from FIELD_LABELS by path (a path without a label does
 * not compile). Text fields register their path, in order, for search and the empty-note check.
 */
function fieldsOf<L extends Record<string, string>>(labels: L) {
  type Path = keyof L & string
  const textPaths: Path[] = []
  const label = (path: Path): string => labels[path] ?? path
  return {
    textPaths: textPaths as readonly Path[],
    text: (path: Path, max = NOTE_TEXT_MAX) => {
      textPaths.push(path)
      return storableText(label(path), max)
    },
    check: (path: Path) => z.boolean({ error: `${label(path)}: answer yes or no` }).nullish(),
    time: (path: Path) =>
      z
        .string({ error: `${label(path)} should be a time` })
        .refine((s) => s === '' || CLOCK_TIME_PATTERN.test(s), { error: `${label(path)} should be HH:MM on a 24-hour clock, like 09:05 or 14:30` })
        .nullish()
  }
}

const section = <S extends z.ZodRawShape>(shape: S) => z.strictObject(shape, strictObjectErrors).nullish()
// '' is "not chosen yet", as an empty select gives it.
const choice = <const T extends readonly [string, ...string[]]>(values: T, message: string) => z.enum(['', ...values], { error: message }).nullish()

/**
 * The risk assessment a note of any template carries when a PHQ-9 of its session flags self-harm
 * (integration notes always have one, in their own fields). Not in TEXT_FIELDS: search adds it.
 */
const riskAssessment = section({
  suicidalIdeation: choice(SUICIDAL_IDEATION, 'Choose none, passive or active'),
  note: storableText(RISK_LABELS['riskAssessment.note'], NOTE_TEXT_MAX)
})

// ── Preparation ─────────────────────────────────────────────────────────────
const prep = fieldsOf(FIELD_LABELS.preparation)
export const preparationBody = z.strictObject(
  {
    intentions: prep.text('intentions'),
    psychoeducation: section({
      effects: prep.check('psychoeducation.effects'),
      timeline: prep.check('psychoeducation.timeline'),
      dissociation: prep.check('psychoeducation.dissociation'),
      notes: prep.text('psychoeducation.notes')
    }),
    setAndSetting: section({
      music: prep.text('setAndSetting.music', 2000),
      eyeshade: prep.check('setAndSetting.eyeshade'),
      supportPerson: prep.text('setAndSetting.supportPerson', 200),
      notes: prep.text('setAndSetting.notes')
    }),
    consentReviewed: prep.check('consentReviewed'),
    screeningReviewed: prep.check('screeningReviewed'),
    medicationsReviewed: prep.check('medicationsReviewed'),
    plan: prep.text('plan'),
    riskAssessment
  },
  strictObjectErrors
)

// ── Dosing ──────────────────────────────────────────────────────────────────
const TIME_ORDER = ['doseStart', 'onset', 'peak', 'acuteEnd', 'discharge'] as const
type TimeKey = (typeof TIME_ORDER)[number]
const TIME_NAMES: Record<TimeKey, string> = {
  doseStart: 'Dose start',
  onset: 'Onset',
  peak: 'Peak',
  acuteEnd: 'End of acute effects',
  discharge: 'Discharge'
}

const dose = fieldsOf(FIELD_LABELS.dosing)
const whole = (message: string, min: number, max: number) =>
  z.number({ error: message }).int({ error: message }).min(min, { error: message }).max(max, { error: message }).nullish()

const dosingTimes = z
  .strictObject(
    {
      doseStart: dose.time('times.doseStart'),
      onset: dose.time('times.onset'),
      peak: dose.time('times.peak'),
      acuteEnd: dose.time('times.acuteEnd'),
      discharge: dose.time('times.discharge')
    },
    strictObjectErrors
  )
  .superRefine((times, ctx) => {
    // Each time that is filled in must not come before any earlier step that is; the message names
    // the earliest step it precedes ("Discharge must be after dose start"). Equal minutes are allowed.
    TIME_ORDER.forEach((key, i) => {
      const when = minutesOfDay(times[key])
      if (when === null) return
      const before = TIME_ORDER.slice(0, i).find((earlier) => {
        const t = minutesOfDay(times[earlier])
        return t !== null && t > when
      })
      if (before) ctx.addIssue({ code: 'custom', path: [key], message: `${TIME_NAMES[key]} must be after ${TIME_NAMES[before].toLowerCase()}` })
    })
  })

export const dosingBody = z.strictObject(
  {
    preDose: section({
      fasting: dose.check('preDose.fasting'),
      bpInRange: dose.check('preDose.bpInRange'),
      escortConfirmed: dose.check('preDose.escortConfirmed'),
      escortName: dose.text('preDose.escortName', 200),
      noDecongestant: dose.check('preDose.noDecongestant'),
      interactingMedsReviewed: dose.check('preDose.interactingMedsReviewed')
    }),
    medication: section({
      drug: choice(DRUGS, 'Choose racemic ketamine or esketamine'),
      route: choice(ROUTES, 'Choose one of the listed routes'),
      doseMg: z
        .number({ error: 'Dose must be a number of mg' })
        .gt(doseLimits.doseMg.min, { error: 'Dose must be more than 0 mg' })
        .max(doseLimits.doseMg.max, { error: `Dose must be at most ${doseLimits.doseMg.max.toLocaleString('en-US')} mg` })
        .nullish(),
      weightKg: z
        .number({ error: 'Weight must be a number of kg' })
        .min(doseLimits.weightKg.min, { error: `Weight must be between ${doseLimits.weightKg.min} and ${doseLimits.weightKg.max} kg` })
        .max(doseLimits.weightKg.max, { error: `Weight must be between ${doseLimits.weightKg.min} and ${doseLimits.weightKg.max} kg` })
        .nullish(),
      lotNumber: dose.text('medication.lotNumber', 100),
      administeredBy: dose.text('medication.administeredBy', 200),
      prescriber: dose.text('medication.prescriber', 200)
    }),
    times: dosingTimes.nullish(),
    vitals: z
      .array(vitalsRow, { error: 'Vitals must be a list of readings' })
      .max(200, { error: 'A note holds at most 200 vitals rows' })
      .refine((rows) => new Set(rows.map((r) => r.id)).size === rows.length, { error: 'Each vitals row needs its own ID' })
      .nullish(),
    adverseEvents: section({
      nausea: dose.check('adverseEvents.nausea'),
      vomiting: dose.check('adverseEvents.vomiting'),
      dizziness: dose.check('adverseEvents.dizziness'),
      anxiety: dose.check('adverseEvents.anxiety'),
      hypertension: dose.check('adverseEvents.hypertension'),
      sedation: whole('Sedation is rated from 0 (none) to 3 (severe)', 0, 3),
      dissociation: whole('Dissociation is rated from 0 (none) to 3 (severe)', 0, 3),
      respiratoryDepression: dose.check('adverseEvents.respiratoryDepression')
    }),
    interventions: dose.text('interventions'),
    discharge: section({
      alertOriented: dose.check('discharge.alertOriented'),
      vitalsAtBaseline: dose.check('discharge.vitalsAtBaseline'),
      walkingSteadily: dose.check('discharge.walkingSteadily'),
      dischargedToEscort: dose.check('discharge.dischargedToEscort'),
      escortName: dose.text('discharge.escortName', 200),
      noDrivingAdvised: dose.check('discharge.noDrivingAdvised'),
      followUpBooked: dose.check('discharge.followUpBooked')
    }),
    rems: section({
      applicable: dose.check('rems.applicable'),
      monitoringMinutes: whole('Monitoring minutes must be a whole number from 0 to 1,440', 0, 1440),
      concomitantBenzodiazepines: dose.check('rems.concomitantBenzodiazepines'),
      concomitantStimulants: dose.check('rems.concomitantStimulants'),
      concomitantMaois: dose.check('rems.concomitantMaois')
    }),
    notes: dose.text('notes'),
    riskAssessment
  },
  strictObjectErrors
)

// ── Integration, SOAP, DAP ──────────────────────────────────────────────────
const integ = fieldsOf(FIELD_LABELS.integration)
export const integrationBody = z.strictObject(
  {
    experience: integ.text('experience'),
    themes: integ.text('themes'),
    emotions: integ.text('emotions'),
    meaning: integ.text('meaning'),
    homework: integ.text('homework'),
    riskAssessment: section({
      suicidalIdeation: choice(SUICIDAL_IDEATION, 'Choose none, passive or active'),
      note: integ.text('riskAssessment.note')
    }),
    plan: integ.text('plan')
  },
  strictObjectErrors
)

const soap = fieldsOf(FIELD_LABELS.soap)
export const soapBody = z.strictObject(
  { subjective: soap.text('subjective'), objective: soap.text('objective'), assessment: soap.text('assessment'), plan: soap.text('plan'), riskAssessment },
  strictObjectErrors
)

const dap = fieldsOf(FIELD_LABELS.dap)
export const dapBody = z.strictObject({ data: dap.text('data'), assessment: dap.text('assessment'), plan: dap.text('plan'), riskAssessment }, strictObjectErrors)

export const noteBodySchemas = {
  preparation: preparationBody,
  dosing: dosingBody,
  integration: integrationBody,
  soap: soapBody,
  dap: dapBody
} as const satisfies Record<NoteTemplate, z.ZodType>

export type NoteBody<T extends NoteTemplate = NoteTemplate> = z.infer<(typeof noteBodySchemas)[T]>

/** Free-text fields of each template, in form order. */
export const TEXT_FIELDS: Record<NoteTemplate, readonly string[]> = {
  preparation: prep.textPaths,
  dosing: dose.textPaths,
  integration: integ.textPaths,
  soap: soap.textPaths,
  dap: dap.textPaths
}

// ── Empty bodies ────────────────────────────────────────────────────────────
const EMPTY: { [T in NoteTemplate]: () => NoteBody<T> } = {
  preparation: () => ({
    intentions: '',
    psychoeducation: { effects: null, timeline: null, dissociation: null, notes: '' },
    setAndSetting: { music: '', eyeshade: null, supportPerson: '', notes: '' },
    consentReviewed: null,
    screeningReviewed: null,
    medicationsReviewed: null,
    plan: ''
  }),
  dosing: () => ({
    preDose: { fasting: null, bpInRange: null, escortConfirmed: null, escortName: '', noDecongestant: null, interactingMedsReviewed: null },
    medication: { drug: '', route: '', doseMg: null, weightKg: null, lotNumber: '', administeredBy: '', prescriber: '' },
    times: { doseStart: '', onset: '', peak: '', acuteEnd: '', discharge: '' },
    vitals: [],
    adverseEvents: {
      nausea: null,
      vomiting: null,
      dizziness: null,
      anxiety: null,
      hypertension: null,
      sedation: null,
      dissociation: null,
      respiratoryDepression: null
    },
    interventions: '',
    discharge: {
      alertOriented: null,
      vitalsAtBaseline: null,
      walkingSteadily: null,
      dischargedToEscort: null,
      escortName: '',
      noDrivingAdvised: null,
      followUpBooked: null
    },
    rems: { applicable: null, monitoringMinutes: null, concomitantBenzodiazepines: null, concomitantStimulants: null, concomitantMaois: null },
    notes: ''
  }),
  integration: () => ({
    experience: '',
    themes: '',
    emotions: '',
    meaning: '',
    homework: '',
    riskAssessment: { suicidalIdeation: '', note: '' },
    plan: ''
  }),
  soap: () => ({ subjective: '', objective: '', assessment: '', plan: '' }),
  dap: () => ({ data: '', assessment: '', plan: '' })
}

/** A fresh body with every field present and blank, ready to be a form's default values. */
export function emptyBody<T extends NoteTemplate>(template: T): NoteBody<T> {
  return (EMPTY[template] as () => NoteBody<T>)()
}

// ── Reading bodies ──────────────────────────────────────────────────────────
function valueAt(body: unknown, path: string): unknown {
  let value = body
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined
    value = (value as Record<string, unknown>)[key]
  }
  return value
}

const filled = (value: unknown): value is string => typeof value === 'string' && value.trim() !== ''

/** Total minutes from dose start to discharge, or null until both are recorded (and in order). */
export function monitoringMinutes(times: { doseStart?: string | null; discharge?: string | null } | null | undefined): number | null {
  const start = minutesOfDay(times?.doseStart)
  const end = minutesOfDay(times?.discharge)
  return start === null || end === null || end < start ? null : end - start
}

/**
 * The plain text of a body for full-text search: every free-text value, plus the drug and route by
 * name and the vitals notes of a dosing note, one per line. No labels, no checkboxes.
 */
export function noteSearchText(template: NoteTemplate, body: unknown): string {
  const parts = TEXT_FIELDS[template].map((path) => valueAt(body, path)).filter(filled)
  if (template === 'dosing') {
    const drug = valueAt(body, 'medication.drug')
    const route = valueAt(body, 'medication.route')
    if (typeof drug === 'string' && Object.hasOwn(DRUG_LABELS, drug)) parts.push(DRUG_LABELS[drug as Drug])
    if (typeof route === 'string' && Object.hasOwn(ROUTE_LABELS, route)) parts.push(ROUTE_LABELS[route as Route])
    const vitals = valueAt(body, 'vitals')
    if (Array.isArray(vitals)) parts.push(...vitals.map((row) => valueAt(row, 'note')).filter(filled))
  }
  const risk = valueAt(body, 'riskAssessment.note')
  if (template !== 'integration' && filled(risk)) parts.push(risk)
  return parts.join('\n')
}

/** Any answer at all: text that is not blank, a yes or a no, a number, a choice, a vitals row. */
function hasContent(value: unknown): boolean {
  if (typeof value === 'string') return value.trim() !== ''
  if (typeof value === 'boolean' || typeof value === 'number') return true
  if (Array.isArray(value)) return value.length > 0
  if (value && typeof value === 'object') return Object.values(value).some(hasContent)
  return false
}

/** What the note's context adds to its template's minimum. */
export interface SigningNeeds {
  /** A PHQ-9 of this note or its session answered the self-harm item above 0. */
  riskAssessment?: boolean
}

export const RISK_SCREEN_NEEDED = 'A PHQ-9 in this session flags thoughts of self-harm: record the suicidal ideation screen'
export const RISK_NOTE_NEEDED = 'A PHQ-9 in this session flags thoughts of self-harm: write the risk assessment'

export interface SigningProblem {
  /** Dotted field path ('medication.drug'); '' for the note as a whole. */
  path: string
  message: string
}

/**
 * What stands between a draft and a signature: anything the schema refuses, then the minimum a
 * signed note of this template must say. An empty list means the note can be signed.
 */
export function signingProblems(template: NoteTemplate, body: unknown, needs: SigningNeeds = {}): SigningProblem[] {
  const parsed = noteBodySchemas[template].safeParse(body)
  if (!parsed.success) return parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }))
  const problems: SigningProblem[] = []
  const need = (path: string, message: string) => {
    const value = valueAt(body, path)
    if (value == null || value === '' || (typeof value === 'string' && value.trim() === '')) problems.push({ path, message })
  }

  const risk = () => {
    need('riskAssessment.suicidalIdeation', RISK_SCREEN_NEEDED)
    need('riskAssessment.note', RISK_NOTE_NEEDED)
  }

  if (template === 'soap' || template === 'dap') {
    if (needs.riskAssessment) risk()
    const sections = TEXT_FIELDS[template]
    if (!sections.some((path) => filled(valueAt(body, path)))) {
      const labels: Record<string, string> = FIELD_LABELS[template]
      const names = sections.map((path) => labels[path] ?? path)
      problems.push({ path: sections[0] ?? '', message: `Write at least one of ${names.slice(0, -1).join(', ')} or ${names.at(-1)}` })
    }
    return problems
  }

  if (!hasContent(body)) return [{ path: '', message: 'This note is empty. Write something before signing.' }]
  if (template === 'dosing') {
    need('medication.drug', 'Choose the drug given')
    need('medication.route', 'Choose the route')
    need('medication.doseMg', 'Enter the dose in mg')
    need('times.doseStart', 'Enter the time the dose started')
  }
  if (needs.riskAssessment) risk()
  else if (template === 'integration') {
    // The suicidal-ideation screen is part of every integration session (DOMAIN.md); a signed note records its answer.
    need('riskAssessment.suicidalIdeation', 'Record the suicidal ideation screen: none, passive or active')
    if (valueAt(body, 'riskAssessment.suicidalIdeation') === 'active') need('riskAssessment.note', 'Add a risk assessment note for active suicidal ideation')
  }
  return problems
}

/** Deterministic JSON for content hashing: object keys sorted, undefined members left out, arrays in order. */
export function canonicalBody(body: unknown): string {
  if (Array.isArray(body)) return `[${body.map((v) => (v === undefined ? 'null' : canonicalBody(v))).join(',')}]`
  if (body !== null && typeof body === 'object') {
    const record = body as Record<string, unknown>
    const members = Object.keys(record)
      .sort()
      .filter((key) => record[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${canonicalBody(record[key])}`)
    return `{${members.join(',')}}`
  }
  return JSON.stringify(body) ?? 'null'
}

// ── Warnings for a dosing note ──────────────────────────────────────────────
export interface DosingWarning {
  level: 'alert' | 'caution'
  /** Dotted path of the field it concerns ('vitals.2.systolic'). */
  path: string
  message: string
}

/** The REMS minimum observation after esketamine. */
export const REMS_MONITORING_MINUTES = 120

/**
 * Everything a dosing note should make the clinician look at again: dose sanity, vitals past the
 * practice's thresholds, and the esketamine REMS requirements. Warnings, never errors.
 */
export function dosingWarnings(body: NoteBody<'dosing'>, thresholds: VitalThresholds = DEFAULT_VITAL_THRESHOLDS): DosingWarning[] {
  const warnings: DosingWarning[] = []
  const med = body.medication
  const drug = med?.drug || null
  for (const c of doseChecks({ drug, route: med?.route || null, doseMg: med?.doseMg, weightKg: med?.weightKg })) {
    warnings.push({ level: 'caution', path: `medication.${c.field}`, message: c.message })
  }

  const rows = body.vitals ?? []
  const start = minutesOfDay(body.times?.doseStart)
  const minutes = rows.map((r) => minutesOfDay(r.time))
  // Without a dose start time, the earliest reading is taken as the pre-dose baseline.
  const earliest = Math.min(...minutes.map((m) => m ?? Infinity))
  const isPreDose = (i: number) => {
    const m = minutes[i] ?? null
    return m !== null && (start !== null ? m <= start : m === earliest)
  }
  rows.forEach((row, i) => {
    for (const flag of vitalFlags(row, thresholds, { preDose: isPreDose(i) })) {
      const field = flag.field === 'bp' ? 'systolic' : flag.field
      warnings.push({ level: flag.level, path: `vitals.${i}.${field}`, message: flag.message })
    }
  })

  if (drug === 'esketamine' || body.rems?.applicable) warnings.push(...remsWarnings(body, rows, minutes, start))
  return warnings
}

function remsWarnings(
  body: NoteBody<'dosing'>,
  rows: readonly { systolic?: number | null }[],
  minutes: readonly (number | null)[],
  start: number | null
): DosingWarning[] {
  const warnings: DosingWarning[] = []
  const caution = (path: string, message: string) => warnings.push({ level: 'caution', path, message })
  if (body.medication?.drug === 'esketamine' && body.rems?.applicable === false) {
    caution('rems.applicable', 'Esketamine is given under the Spravato REMS: mark the REMS section as applicable')
  }

  const recorded = body.rems?.monitoringMinutes
  const monitored = recorded ?? monitoringMinutes(body.times)
  if (monitored != null && monitored < REMS_MONITORING_MINUTES) {
    caution(
      recorded != null ? 'rems.monitoringMinutes' : 'times.discharge',
      `Monitoring was ${monitored} minutes; the esketamine REMS requires at least ${REMS_MONITORING_MINUTES} before discharge`
    )
  }

  // REMS blood pressure: before dosing, about 40 minutes after, and again before discharge.
  if (start === null) return warnings
  const bpAt = (from: number, to: number) => rows.some((r, i) => r.systolic != null && minutes[i] != null && minutes[i] >= from && minutes[i] <= to)
  if (!bpAt(0, start)) caution('vitals', 'The REMS asks for a blood pressure reading before dosing')
  const end = minutesOfDay(body.times?.discharge)
  if (end === null || end < start) return warnings
  if (!bpAt(start + 30, start + 60)) caution('vitals', 'The REMS asks for a blood pressure reading about 40 minutes after dosing')
  // A reading after the 40-minute one; a stay shorter than an hour is already flagged as too short.
  if (end > start + 60 && !bpAt(start + 61, end)) caution('vitals', 'The REMS asks for a blood pressure reading before discharge')
  return warnings
}
