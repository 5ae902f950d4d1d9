/**
 * The outcome measures of DOMAIN.md. Item wording is the instruments' own: PHQ-9 and GAD-7 were
 * released by Pfizer for use without permission; the PCL-5 is public domain (National Center for PTSD).
 */
import { z } from 'zod'

export const MEASURE_KINDS = ['phq9', 'gad7', 'pcl5'] as const
export type MeasureKind = (typeof MEASURE_KINDS)[number]

export interface MeasureBand {
  min: number
  max: number
  key: string
  label: string
}

export interface MeasureDefinition {
  kind: MeasureKind
  label: string
  title: string
  stem: string
  items: readonly string[]
  options: readonly { value: number; label: string }[]
  /** The highest answer to one item (3 or 4). */
  itemMax: number
  totalMax: number
  /** Cover 0…totalMax with no gaps, in ascending order. */
  bands: readonly MeasureBand[]
  /** Index of the item whose any non-zero answer is a safety flag, if the measure has one. */
  safetyItem: number | null
}

const FREQUENCY = [
  { value: 0, label: 'Not at all' },
  { value: 1, label: 'Several days' },
  { value: 2, label: 'More than half the days' },
  { value: 3, label: 'Nearly every day' }
] as const

const TWO_WEEKS = 'Over the last 2 weeks, how often have you been bothered by any of the following problems?'

export const MEASURES: Record<MeasureKind, MeasureDefinition> = {
  phq9: {
    kind: 'phq9',
    label: 'PHQ-9',
    title: 'Patient Health Questionnaire-9 (PHQ-9)',
    stem: TWO_WEEKS,
    items: [
      'Little interest or pleasure in doing things',
      'Feeling down, depressed, or hopeless',
      'Trouble falling or staying asleep, or sleeping too much',
      'Feeling tired or having little energy',
      'Poor appetite or overeating',
      'Feeling bad about yourself — or that you are a failure or have let yourself or your family down',
      'Trouble concentrating on things, such as reading the newspaper or watching television',
      'Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety or restless that you have been moving around a lot more than usual',
      'Thoughts that you would be better off dead or of hurting yourself in some way'
    ],
    options: FREQUENCY,
    itemMax: 3,
    totalMax: 27,
    bands: [
      { min: 0, max: 4, key: 'minimal', label: 'Minimal' },
      { min: 5, max: 9, key: 'mild', label: 'Mild' },
      { min: 10, max: 14, key: 'moderate', label: 'Moderate' },
      { min: 15, max: 19, key: 'moderately_severe', label: 'Moderately severe' },
      { min: 20, max: 27, key: 'severe', label: 'Severe' }
    ],
    // Item 9 (thoughts of death or self-harm): any answer above "Not at all" needs follow-up, whatever the total.
    safetyItem: 8
  },
  gad7: {
    kind: 'gad7',
    label: 'GAD-7',
    title: 'Generalized Anxiety Disorder 7-item scale (GAD-7)',
    stem: TWO_WEEKS,
    items: [
      'Feeling nervous, anxious or on edge',
      'Not being able to stop or control worrying',
      'Worrying too much about different things',
      'Trouble relaxing',
      'Being so restless that it is hard to sit still',
      'Becoming easily annoyed or irritable',
      'Feeling afraid as if something awful might happen'
    ],
    options: FREQUENCY,
    itemMax: 3,
    totalMax: 21,
    bands: [
      { min: 0, max: 4, key: 'minimal', label: 'Minimal' },
      { min: 5, max: 9, key: 'mild', label: 'Mild' },
      { min: 10, max: 14, key: 'moderate', label: 'Moderate' },
      { min: 15, max: 21, key: 'severe', label: 'Severe' }
    ],
    safetyItem: null
  },
  pcl5: {
    kind: 'pcl5',
    label: 'PCL-5',
    title: 'PTSD Checklist for DSM-5 (PCL-5)',
    stem: 'In the past month, how much were you bothered by:',
    items: [
      'Repeated, disturbing, and unwanted memories of the stressful experience?',
      'Repeated, disturbing dreams of the stressful experience?',
      'Suddenly feeling or acting as if the stressful experience were actually happening again (as if you were actually back there reliving it)?',
      'Feeling very upset when something reminded you of the stressful experience?',
      'Having strong physical reactions when something reminded you of the stressful experience (for example, heart pounding, trouble breathing, sweating)?',
      'Avoiding memories, thoughts, or feelings related to the stressful experience?',
      'Avoiding external reminders of the stressful experience (for example, people, places, conversations, activities, objects, or situations)?',
      'Trouble remembering important parts of the stressful experience?',
      'Having strong negative beliefs about yourself, other people, or the world (for example, having thoughts such as: I am bad, there is something seriously wrong with me, no one can be trusted, the world is completely dangerous)?',
      'Blaming yourself or someone else for the stressful experience or what happened after it?',
      'Having strong negative feelings such as fear, horror, anger, guilt, or shame?',
      'Loss of interest in activities that you used to enjoy?',
      'Feeling distant or cut off from other people?',
      'Trouble experiencing positive feelings (for example, being unable to feel happiness or have loving feelings for people close to you)?',
      'Irritable behavior, angry outbursts, or acting aggressively?',
      'Taking too many risks or doing things that could cause you harm?',
      'Being “superalert” or watchful or on guard?',
      'Feeling jumpy or easily startled?',
      'Having difficulty concentrating?',
      'Trouble falling or staying asleep?'
    ],
    options: [
      { value: 0, label: 'Not at all' },
      { value: 1, label: 'A little bit' },
      { value: 2, label: 'Moderately' },
      { value: 3, label: 'Quite a bit' },
      { value: 4, label: 'Extremely' }
    ],
    itemMax: 4,
    totalMax: 80,
    // The National Center for PTSD gives 31–33 as the cut-off range for probable PTSD. We take the
    // low end: in a treatment setting a missed PTSD costs more than a second look at a 31.
    bands: [
      { min: 0, max: 30, key: 'below', label: 'Below the PTSD cut-off (under 31)' },
      { min: 31, max: 80, key: 'probable', label: 'Probable PTSD (31 or more)' }
    ],
    safetyItem: null
  }
}

/** The answers to one measure: exactly one whole number per item, each within the instrument's scale. */
export function measureAnswers(kind: MeasureKind) {
  const { items, itemMax } = MEASURES[kind]
  const each = `Each answer is a number from 0 to ${itemMax}`
  const every = `Answer every item (${items.length} needed)`
  return z
    .array(z.number({ error: each }).int({ error: each }).min(0, { error: each }).max(itemMax, { error: each }), {
      error: 'Answers must be a list, one per item'
    })
    .length(items.length, { error: every })
}

export interface MeasureScore {
  total: number
  band: MeasureBand
  safetyFlag: boolean
}

/** Total, severity band and safety flag. The answers must already satisfy `measureAnswers(kind)`. */
export function scoreMeasure(kind: MeasureKind, answers: readonly number[]): MeasureScore {
  const def = MEASURES[kind]
  if (!measureAnswers(kind).safeParse(answers).success) {
    throw new RangeError(`${def.label} needs ${def.items.length} whole-number answers from 0 to ${def.itemMax}`)
  }
  const total = answers.reduce((sum, a) => sum + a, 0)
  const band = bandFor(kind, total)
  const safetyFlag = def.safetyItem !== null && (answers[def.safetyItem] ?? 0) > 0
  return { total, band, safetyFlag }
}

/** The severity band a total falls in. */
export function bandFor(kind: MeasureKind, total: number): MeasureBand {
  const band = MEASURES[kind].bands.find((b) => total >= b.min && total <= b.max)
  if (!band || !Number.isInteger(total)) throw new RangeError(`${MEASURES[kind].label} total must be a whole number from 0 to ${MEASURES[kind].totalMax}`)
  return band
}

export interface BaselineComparison {
  /** Change from baseline in percent, one decimal; negative is improvement. Null when the baseline is 0. */
  changePercent: number | null
  /** At least a 50 % drop from baseline. */
  response: boolean
  /** Total under the remission cut-off, having started at or above it. */
  remission: boolean
}

/**
 * Remission cut-offs. PHQ-9 below 5 is the standard definition (DOMAIN.md). GAD-7 and PCL-5 have
 * no single agreed remission score (services and trials use different cut-offs, e.g. GAD-7 below 5
 * or below 8), so the app does not call remission on them; the band still shows where a client is.
 */
const REMISSION_BELOW: Record<MeasureKind, number | null> = { phq9: 5, gad7: null, pcl5: null }

export function compareToBaseline(kind: MeasureKind, baselineTotal: number, total: number): BaselineComparison {
  const cutoff = REMISSION_BELOW[kind]
  // A client whose baseline was already under the cut-off did not "remit": there was nothing to remit from.
  const remission = cutoff !== null && baselineTotal >= cutoff && total < cutoff
  if (!(baselineTotal > 0)) return { changePercent: null, response: false, remission }
  const changePercent = Math.round(((total - baselineTotal) / baselineTotal) * 1000) / 10
  // Compared in whole numbers: 2 × total ≤ baseline is exactly "dropped by half or more".
  return { changePercent, response: 2 * total <= baselineTotal, remission }
}
