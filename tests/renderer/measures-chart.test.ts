import { describe, expect, it } from 'vitest'
import { dateTicks, dayNumber, describeTrend, isoFromDay, linePath, scoreTicks, trendLayout } from '@renderer/features/measures/chart-scale'
import { bandTone, formatChange, liveScore } from '@renderer/features/measures/score'

describe('chart scales', () => {
  it('day numbers round-trip and ignore time zones', () => {
    expect(dayNumber('1970-01-02')).toBe(1)
    expect(isoFromDay(dayNumber('2026-03-08'))).toBe('2026-03-08')
    expect(dayNumber('2026-03-09') - dayNumber('2026-03-08')).toBe(1)
    // Across the US spring-forward weekend, still one day per day.
    expect(dayNumber('2026-03-09') - dayNumber('2026-03-07')).toBe(2)
  })

  it('score ticks are round and stop at the top', () => {
    expect(scoreTicks(27)).toEqual([0, 10, 20])
    expect(scoreTicks(27, 6)).toEqual([0, 5, 10, 15, 20, 25])
    expect(scoreTicks(80, 5)).toEqual([0, 20, 40, 60, 80])
    expect(scoreTicks(0)).toEqual([0])
  })

  it('date ticks step by days, weeks or months to fit', () => {
    const from = dayNumber('2026-03-01')
    expect(dateTicks(from, from + 6, 10)).toHaveLength(7)
    const weekly = dateTicks(from, from + 42, 8)
    expect(weekly[1]! - weekly[0]!).toBe(7)
    expect(dateTicks(from, from + 365, 6).length).toBeLessThanOrEqual(6)
  })

  it('lays dates left to right and scores bottom to top inside the margins', () => {
    const layout = trendLayout({ width: 600, height: 260, dates: ['2026-03-01', '2026-03-29'], yMax: 27 })
    const a = layout.x('2026-03-01')
    const b = layout.x('2026-03-29')
    expect(a).toBeGreaterThan(layout.plot.left)
    expect(b).toBeLessThan(layout.plot.right)
    expect(b).toBeGreaterThan(a)
    expect(layout.y(0)).toBe(layout.plot.bottom)
    expect(layout.y(27)).toBe(layout.plot.top)
    expect(layout.y(40)).toBe(layout.plot.top) // clamped
    expect(layout.yTicks.every((t) => t.y >= layout.plot.top && t.y <= layout.plot.bottom)).toBe(true)
    expect(layout.xTicks.every((t) => t.x >= layout.plot.left && t.x <= layout.plot.right)).toBe(true)
  })

  it('a single date sits in the middle of a week', () => {
    const layout = trendLayout({ width: 600, height: 260, dates: ['2026-03-08'], yMax: 21 })
    const mid = (layout.plot.left + layout.plot.right) / 2
    expect(Math.abs(layout.x('2026-03-08') - mid)).toBeLessThan(40)
  })

  it('linePath draws through the points in order', () => {
    expect(linePath([])).toBe('')
    expect(linePath([{ x: 1, y: 2 }, { x: 3.04, y: 4.06 }])).toBe('M1 2 L3 4.1')
  })
})

describe('live measure scoring', () => {
  it('totals so far while items are missing, and lists them', () => {
    const s = liveScore('phq9', [1, 2, null, 1])
    expect(s).toMatchObject({ answered: 3, itemCount: 9, complete: false, total: 4, totalMax: 27 })
    expect(s.missing).toEqual([3, 5, 6, 7, 8, 9])
  })
  it('scores a complete PHQ-9 with its band', () => {
    const s = liveScore('phq9', [2, 2, 2, 2, 2, 2, 1, 1, 0])
    expect(s).toMatchObject({ complete: true, total: 14, safetyFlag: false })
    expect(s.band.key).toBe('moderate')
  })
  it('raises the safety flag as soon as item 9 is above 0', () => {
    const answers: (number | null)[] = Array(9).fill(null)
    answers[8] = 1
    expect(liveScore('phq9', answers).safetyFlag).toBe(true)
    expect(liveScore('gad7', [3, 3, 3, 3, 3, 3, 3]).safetyFlag).toBe(false)
  })
  it('ignores out-of-scale answers', () => {
    expect(liveScore('gad7', [4, 0, 0, 0, 0, 0, 0]).missing).toEqual([1])
  })
  it('band tones keep amber for the top bands only', () => {
    expect(bandTone('phq9', 'minimal')).toBe('neutral')
    expect(bandTone('phq9', 'severe')).toBe('warning')
    expect(bandTone('pcl5', 'probable')).toBe('warning')
  })
})

describe('trend description and change', () => {
  it('describes each series and the dosing sessions in words', () => {
    const text = describeTrend({
      series: [
        {
          kind: 'phq9',
          totalMax: 27,
          points: [
            { measureId: 'a', date: '2026-03-01', total: 18, band: 'moderately_severe', safetyFlag: false },
            { measureId: 'b', date: '2026-03-20', total: 9, band: 'mild', safetyFlag: false }
          ]
        },
        { kind: 'gad7', totalMax: 21, points: [{ measureId: 'c', date: '2026-03-20', total: 7, band: 'mild', safetyFlag: false }] }
      ],
      dosingDates: ['2026-03-05', '2026-03-09']
    })
    expect(text).toBe('PHQ-9: 2 scores, from 18 on Mar 1, 2026 to 9 on Mar 20, 2026. GAD-7: one score, 7 on Mar 20, 2026. 2 dosing sessions marked.')
  })
  it('formats change with a real minus sign', () => {
    expect(formatChange(-45.5)).toBe('−46 %')
    expect(formatChange(12)).toBe('+12 %')
    expect(formatChange(null)).toBe('')
  })
})
