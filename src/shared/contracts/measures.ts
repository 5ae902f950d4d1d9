import { z } from 'zod'
import { localToday } from '../domain/dates'
import { MEASURE_KINDS, measureAnswers, type MeasureKind } from '../domain/measures'
import { CLINICAL_ROLES } from '../domain/roles'
import { defineContract } from './contract'
import { isoDate, optionalText, timestamp, uuid } from './fields'

export const measureKind = z.enum(MEASURE_KINDS, { error: 'Choose PHQ-9, GAD-7 or PCL-5' })

const optionalId = (label: string) =>
  z
    .union([z.literal(''), z.null(), uuid(label)], { error: `${label} is not a valid record ID` })
    .optional()
    .transform((s) => (s ? s : null))

const administeredOn = isoDate('Date given').refine((s) => s <= localToday(), { error: 'Date given cannot be in the future' })

const measureInputFor = <K extends MeasureKind>(kind: K) =>
  z.strictObject({
    kind: z.literal(kind),
    /** One whole number per item, in the instrument's order (MEASURES[kind].items). */
    answers: measureAnswers(kind),
    administeredOn,
    /** The session it was given in, and/or the note it belongs to (the note's session is then implied). */
    sessionId: optionalId('Session'),
    noteId: optionalId('Note')
  })

/** A measure entered item by item; the answers are checked against the chosen instrument. */
export const measureInput = z.discriminatedUnion('kind', [measureInputFor('phq9'), measureInputFor('gad7'), measureInputFor('pcl5')], {
  error: 'Choose PHQ-9, GAD-7 or PCL-5'
})
export type MeasureInput = z.input<typeof measureInput>

export const measure = z.strictObject({
  id: z.string(),
  clientId: z.string(),
  kind: measureKind,
  answers: z.array(z.int()),
  total: z.int(),
  /** The band's key (MEASURES[kind].bands) and its label. */
  band: z.string(),
  bandLabel: z.string(),
  /** PHQ-9 item 9 above 0: thoughts of death or self-harm, whatever the total. */
  safetyFlag: z.boolean(),
  administeredOn: z.string(),
  sessionId: z.string().nullable(),
  noteId: z.string().nullable(),
  /** When a clinician marked the safety flag as followed up; it then leaves the dashboard. */
  acknowledgedAt: timestamp.nullable(),
  acknowledgedBy: z.string().nullable(),
  voidedAt: timestamp.nullable(),
  voidReason: z.string().nullable(),
  createdAt: timestamp
})
export type Measure = z.infer<typeof measure>

/** A measure beside the client's baseline: their first (non-voided) measure of the same kind. */
export const measureRow = measure.extend({
  isBaseline: z.boolean(),
  baseline: z.strictObject({ id: z.string(), total: z.int(), administeredOn: z.string() }),
  /** Change from baseline in percent (negative is better; null when the baseline total is 0). */
  changePercent: z.number().nullable(),
  /** At least a 50 % drop from baseline. */
  response: z.boolean(),
  /** PHQ-9 only: under 5, having started at 5 or more. */
  remission: z.boolean()
})
export type MeasureRow = z.infer<typeof measureRow>

export const trendPoint = z.strictObject({
  measureId: z.string(),
  date: z.string(),
  total: z.int(),
  band: z.string(),
  safetyFlag: z.boolean()
})
export const measureTrend = z.strictObject({
  /** One series per kind the client has, oldest point first. */
  series: z.array(z.strictObject({ kind: measureKind, totalMax: z.int(), points: z.array(trendPoint) })),
  /** Dates of completed dosing and booster sessions, for markers on the chart. */
  dosingDates: z.array(z.string())
})
export type MeasureTrend = z.infer<typeof measureTrend>

const byClient = z.strictObject({ clientId: uuid('Client ID') })
/** Reading a client's scores is a read of clinical content: it is logged like opening a note. */
const viewMeasures = { action: 'view', entity: 'measure', target: (input: { clientId: string }) => ({ entityId: null, clientId: input.clientId }) } as const
const measureId = uuid('Measure ID')

/** Outcome measures: answers and scores are clinical, so owner and clinician only. */
export const measuresContracts = {
  /** A client's measures, newest first, each compared with that kind's baseline. Voided ones are left out. */
  list: defineContract('measures:list', byClient, z.array(measureRow), { roles: CLINICAL_ROLES, audit: viewMeasures }),
  /** Points by date per kind, plus dosing dates for markers. */
  trend: defineContract('measures:trend', byClient, measureTrend, { roles: CLINICAL_ROLES, audit: viewMeasures }),
  /** Scores the answers (total, band, safety flag) and stores them with the answers. */
  create: defineContract('measures:create', z.strictObject({ clientId: uuid('Client ID'), measure: measureInput }), measure, {
    roles: CLINICAL_ROLES,
    audit: { action: 'create', entity: 'measure' }
  }),
  /** Marks a safety flag as followed up: it leaves the dashboard (it stays on the measure and the note). */
  acknowledge: defineContract('measures:acknowledge', z.strictObject({ id: measureId }), measure, {
    roles: CLINICAL_ROLES,
    audit: { action: 'update', entity: 'measure' }
  }),
  /** A measure entered in error is voided with a reason, never deleted; it leaves lists, trends and baselines. */
  void: defineContract('measures:void', z.strictObject({ id: measureId, reason: optionalText('Reason', 500) }), measure, {
    roles: CLINICAL_ROLES,
    audit: { action: 'archive', entity: 'measure' }
  })
}
