/** Live scoring while a measure is being answered (pure; the dialog shows it item by item). */
import { MEASURES, bandFor, scoreMeasure, type MeasureBand, type MeasureKind } from '@shared/domain/measures'

export interface LiveScore {
  answered: number
  itemCount: number
  complete: boolean
  /** Sum of the answers given so far. */
  total: number
  totalMax: number
  /** The band of the final total when complete, else of the total so far. */
  band: MeasureBand
  /** The instrument's safety item answered above 0 (PHQ-9 item 9), even before the rest is answered. */
  safetyFlag: boolean
  /** Item numbers (1-based) still unanswered. */
  missing: number[]
}

/** `answers[i]` is the chosen value of item i, or null/undefined while unanswered. */
export function liveScore(kind: MeasureKind, answers: readonly (number | null | undefined)[]): LiveScore {
  const def = MEASURES[kind]
  const values = def.items.map((_item, i) => {
    const a = answers[i]
    return typeof a === 'number' && Number.isInteger(a) && a >= 0 && a <= def.itemMax ? a : null
  })
  const missing = values.flatMap((v, i) => (v === null ? [i + 1] : []))
  const complete = missing.length === 0
  if (complete) {
    const score = scoreMeasure(kind, values as number[])
    return { answered: values.length, itemCount: values.length, complete, total: score.total, totalMax: def.totalMax, band: score.band, safetyFlag: score.safetyFlag, missing }
  }
  const total = values.reduce<number>((sum, v) => sum + (v ?? 0), 0)
  const safetyFlag = def.safetyItem !== null && (values[def.safetyItem] ?? 0) > 0
  return {
    answered: values.length - missing.length,
    itemCount: values.length,
    complete,
    total,
    totalMax: def.totalMax,
    band: bandFor(kind, total),
    safetyFlag,
    missing
  }
}

/** Tone of a band for a badge: the top bands amber, the rest calm (red stays for the safety flag). */
export function bandTone(kind: MeasureKind, bandKey: string): 'neutral' | 'warning' {
  const bands = MEASURES[kind].bands
  const index = bands.findIndex((b) => b.key === bandKey)
  if (kind === 'pcl5') return bandKey === 'probable' ? 'warning' : 'neutral'
  return index >= bands.length - 2 ? 'warning' : 'neutral'
}

/** "−45 %" with a real minus sign; '' when there is nothing to compare. */
export function formatChange(percent: number | null): string {
  if (percent === null) return ''
  const n = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }).format(Math.abs(percent))
  return `${percent < 0 ? '−' : percent > 0 ? '+' : ''}${n} %`
}
