import { describe, expect, it } from 'vitest'
import * as fc from 'fast-check'
import { MEASURES, MEASURE_KINDS, bandFor, compareToBaseline, measureAnswers, scoreMeasure, type MeasureKind } from '@shared/domain/measures'

/** Answers summing to `total`, filled from the first item. */
function answersFor(kind: MeasureKind, total: number): number[] {
  const { items, itemMax } = MEASURES[kind]
  let left = total
  return items.map(() => {
    const a = Math.min(itemMax, left)
    left -= a
    return a
  })
}

describe('measure definitions', () => {
  it.each([
    ['phq9', 9, 3, 27],
    ['gad7', 7, 3, 21],
    ['pcl5', 20, 4, 80]
  ] as const)('%s has %i items scored 0–%i, total up to %i', (kind, items, itemMax, totalMax) => {
    const def = MEASURES[kind]
    expect(def.kind).toBe(kind)
    expect(def.items).toHaveLength(items)
    expect(def.options.map((o) => o.value)).toEqual(Array.from({ length: itemMax + 1 }, (_, i) => i))
    expect(def.itemMax).toBe(itemMax)
    expect(def.totalMax).toBe(totalMax)
  })

  it.each(MEASURE_KINDS)('%s bands cover 0…totalMax with no gap or overlap', (kind) => {
    const { bands, totalMax } = MEASURES[kind]
    expect(bands[0]?.min).toBe(0)
    expect(bands.at(-1)?.max).toBe(totalMax)
    for (let i = 1; i < bands.length; i++) expect(bands[i]?.min).toBe((bands[i - 1]?.max ?? NaN) + 1)
  })

  it('uses the instruments’ own stems and option labels', () => {
    expect(MEASURES.phq9.stem).toMatch(/^Over the last 2 weeks, how often have you been bothered by/)
    expect(MEASURES.phq9.options.map((o) => o.label)).toEqual(['Not at all', 'Several days', 'More than half the days', 'Nearly every day'])
    expect(MEASURES.pcl5.options.map((o) => o.label)).toEqual(['Not at all', 'A little bit', 'Moderately', 'Quite a bit', 'Extremely'])
    expect(MEASURES.phq9.items[8]).toBe('Thoughts that you would be better off dead or of hurting yourself in some way')
    expect(MEASURES.pcl5.items[0]).toBe('Repeated, disturbing, and unwanted memories of the stressful experience?')
  })
})

const messages = (kind: MeasureKind, value: unknown) => measureAnswers(kind).safeParse(value).error?.issues.map((i) => i.message) ?? []

describe('measureAnswers', () => {
  it('accepts a complete set of whole numbers in range', () => {
    expect(measureAnswers('phq9').safeParse([0, 1, 2, 3, 0, 1, 2, 3, 0]).success).toBe(true)
    expect(measureAnswers('pcl5').safeParse(Array(20).fill(4)).success).toBe(true)
  })

  it('asks for every item', () => {
    expect(messages('phq9', [0, 1, 2])).toEqual(['Answer every item (9 needed)'])
    expect(messages('gad7', Array(8).fill(0))).toEqual(['Answer every item (7 needed)'])
    expect(messages('pcl5', { answers: [] })).toEqual(['Answers must be a list, one per item'])
  })

  it.each([[4], [-1], [1.5], [Number.NaN], ['2'], [null]])('refuses %j as an answer', (bad) => {
    const answers: unknown[] = Array(9).fill(0)
    answers[3] = bad
    expect(messages('phq9', answers)).toEqual(['Each answer is a number from 0 to 3'])
  })

  it('allows 4 on the PCL-5 but not 5', () => {
    expect(measureAnswers('pcl5').safeParse([4, ...Array(19).fill(0)]).success).toBe(true)
    expect(messages('pcl5', [5, ...Array(19).fill(0)])).toEqual(['Each answer is a number from 0 to 4'])
  })
})

describe('scoreMeasure', () => {
  it.each([
    ['phq9', 0, 'minimal'],
    ['phq9', 4, 'minimal'],
    ['phq9', 5, 'mild'],
    ['phq9', 9, 'mild'],
    ['phq9', 10, 'moderate'],
    ['phq9', 14, 'moderate'],
    ['phq9', 15, 'moderately_severe'],
    ['phq9', 19, 'moderately_severe'],
    ['phq9', 20, 'severe'],
    ['phq9', 27, 'severe'],
    ['gad7', 0, 'minimal'],
    ['gad7', 4, 'minimal'],
    ['gad7', 5, 'mild'],
    ['gad7', 9, 'mild'],
    ['gad7', 10, 'moderate'],
    ['gad7', 14, 'moderate'],
    ['gad7', 15, 'severe'],
    ['gad7', 21, 'severe'],
    ['pcl5', 0, 'below'],
    ['pcl5', 30, 'below'],
    ['pcl5', 31, 'probable'],
    ['pcl5', 80, 'probable']
  ] as const)('%s total %i is %s', (kind, total, band) => {
    const score = scoreMeasure(kind, answersFor(kind, total))
    expect(score.total).toBe(total)
    expect(score.band.key).toBe(band)
  })

  it('labels the PCL-5 cut-off in words', () => {
    expect(scoreMeasure('pcl5', answersFor('pcl5', 31)).band.label).toBe('Probable PTSD (31 or more)')
  })

  it('flags PHQ-9 item 9 above 0 whatever the total', () => {
    const onlyItem9 = [0, 0, 0, 0, 0, 0, 0, 0, 1]
    expect(scoreMeasure('phq9', onlyItem9)).toMatchObject({ total: 1, safetyFlag: true })
    expect(scoreMeasure('phq9', onlyItem9).band.key).toBe('minimal')
    expect(scoreMeasure('phq9', [3, 3, 3, 3, 3, 3, 3, 3, 0])).toMatchObject({ total: 24, safetyFlag: false })
  })

  it('never raises a safety flag on GAD-7 or PCL-5', () => {
    expect(scoreMeasure('gad7', Array(7).fill(3)).safetyFlag).toBe(false)
    expect(scoreMeasure('pcl5', Array(20).fill(4)).safetyFlag).toBe(false)
  })

  it('refuses answers that were not validated', () => {
    expect(() => scoreMeasure('phq9', [1, 2])).toThrow(RangeError)
    expect(() => scoreMeasure('gad7', [0, 0, 0, 0, 0, 0, 9])).toThrow('GAD-7 needs 7 whole-number answers from 0 to 3')
  })

  it('total is the sum of the answers and always falls in exactly one band (property)', () => {
    const arb = fc.constantFrom(...MEASURE_KINDS).chain((kind) =>
      fc.tuple(fc.constant(kind), fc.array(fc.integer({ min: 0, max: MEASURES[kind].itemMax }), { minLength: MEASURES[kind].items.length, maxLength: MEASURES[kind].items.length }))
    )
    fc.assert(
      fc.property(arb, ([kind, answers]) => {
        const score = scoreMeasure(kind, answers)
        expect(score.total).toBe(answers.reduce((a, b) => a + b, 0))
        expect(MEASURES[kind].bands.filter((b) => score.total >= b.min && score.total <= b.max)).toEqual([score.band])
        expect(score.safetyFlag).toBe(kind === 'phq9' && (answers[8] ?? 0) > 0)
      })
    )
  })

  it('bandFor refuses totals outside the scale', () => {
    expect(() => bandFor('phq9', 28)).toThrow(RangeError)
    expect(() => bandFor('phq9', -1)).toThrow(RangeError)
    expect(() => bandFor('phq9', 4.5)).toThrow(RangeError)
  })
})

describe('compareToBaseline', () => {
  it('a 50 % drop is a response; 49 % is not', () => {
    expect(compareToBaseline('phq9', 20, 10)).toEqual({ changePercent: -50, response: true, remission: false })
    expect(compareToBaseline('phq9', 21, 11)).toEqual({ changePercent: -47.6, response: false, remission: false })
    expect(compareToBaseline('phq9', 21, 10)).toMatchObject({ response: true })
    expect(compareToBaseline('gad7', 15, 7)).toMatchObject({ changePercent: -53.3, response: true })
    expect(compareToBaseline('pcl5', 50, 25)).toMatchObject({ response: true })
  })

  it('reports a worsening as a positive change', () => {
    expect(compareToBaseline('phq9', 10, 15)).toEqual({ changePercent: 50, response: false, remission: false })
  })

  it('a baseline of 0 has no percent change and no response', () => {
    expect(compareToBaseline('phq9', 0, 0)).toEqual({ changePercent: null, response: false, remission: false })
    expect(compareToBaseline('gad7', 0, 3)).toEqual({ changePercent: null, response: false, remission: false })
  })

  it('PHQ-9 remission is a total under 5, from a baseline at or above 5', () => {
    expect(compareToBaseline('phq9', 18, 4)).toMatchObject({ response: true, remission: true })
    expect(compareToBaseline('phq9', 18, 5)).toMatchObject({ remission: false })
    expect(compareToBaseline('phq9', 5, 4)).toMatchObject({ response: false, remission: true })
    expect(compareToBaseline('phq9', 4, 1)).toMatchObject({ response: true, remission: false })
  })

  it('does not call remission on GAD-7 or PCL-5', () => {
    expect(compareToBaseline('gad7', 18, 0).remission).toBe(false)
    expect(compareToBaseline('pcl5', 60, 0).remission).toBe(false)
  })
})
