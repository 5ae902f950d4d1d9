/**
 * Outcome trend: one line per measure over the course, dosing sessions as dashed vertical lines.
 * Hand-drawn SVG (no chart library, nothing the CSP would refuse); every colour is a presentation
 * attribute or a class, never a style attribute. The figure has a text description, and the
 * measures table under it holds the same numbers.
 */
import { useEffect, useId, useRef, useState } from 'react'
import type { MeasureTrend } from '@shared/contracts/measures'
import { MEASURES, type MeasureKind } from '@shared/domain/measures'
import { formatDate } from '@renderer/lib/format'
import { describeTrend, linePath, trendLayout } from './chart-scale'

/** Line colour (a Tailwind stroke/fill pair) and point shape per instrument: told apart without colour too. */
export const SERIES_STYLE: Record<MeasureKind, { stroke: string; fill: string; dash?: string; shape: 'circle' | 'square' | 'diamond' }> = {
  phq9: { stroke: 'stroke-accent-600', fill: 'fill-accent-600', shape: 'circle' },
  gad7: { stroke: 'stroke-violet-600', fill: 'fill-violet-600', dash: '6 3', shape: 'square' },
  pcl5: { stroke: 'stroke-slate-600', fill: 'fill-slate-600', dash: '2 3', shape: 'diamond' }
}

// Made once: building a formatter costs far more than formatting each point's date.
const shortDateFormat = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' })
const shortDate = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number]
  return shortDateFormat.format(new Date(Date.UTC(y, m - 1, d)))
}

function Marker({ shape, x, y, className }: { shape: 'circle' | 'square' | 'diamond'; x: number; y: number; className: string }) {
  if (shape === 'square') return <rect x={x - 4} y={y - 4} width={8} height={8} className={className} />
  if (shape === 'diamond') return <path d={`M${x} ${y - 5} L${x + 5} ${y} L${x} ${y + 5} L${x - 5} ${y} Z`} className={className} />
  return <circle cx={x} cy={y} r={4.5} className={className} />
}

export function TrendChart({ trend, height = 260 }: { trend: MeasureTrend; height?: number }) {
  const box = useRef<HTMLDivElement>(null)
  const [width, setWidth] = useState(720)
  const titleId = useId()
  const descId = useId()

  useEffect(() => {
    const el = box.current
    if (!el) return
    const measure = () => setWidth(Math.max(320, Math.floor(el.clientWidth)))
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(el)
    return () => observer.disconnect()
  }, [])

  const series = trend.series.filter((s) => s.points.length > 0)
  const yMax = Math.max(1, ...series.map((s) => s.totalMax))
  const layout = trendLayout({
    width,
    height,
    yMax,
    dates: [...series.flatMap((s) => s.points.map((p) => p.date)), ...trend.dosingDates]
  })
  const { plot } = layout

  return (
    <figure className="m-0">
      <div ref={box} className="w-full">
        <svg role="img" aria-labelledby={`${titleId} ${descId}`} width={width} height={height} viewBox={`0 0 ${width} ${height}`} className="block overflow-visible">
          <title id={titleId}>Measure scores over time</title>
          <desc id={descId}>{describeTrend(trend)}</desc>

          {/* Score grid and axis */}
          {layout.yTicks.map((t) => (
            <g key={t.value}>
              <line x1={plot.left} x2={plot.right} y1={t.y} y2={t.y} className={t.value === 0 ? 'stroke-line-strong' : 'stroke-line'} strokeWidth={1} />
              <text x={plot.left - 8} y={t.y} dy="0.32em" textAnchor="end" className="num fill-ink-faint text-[11px]">
                {t.value}
              </text>
            </g>
          ))}
          <text x={12} y={(plot.top + plot.bottom) / 2} transform={`rotate(-90 12 ${(plot.top + plot.bottom) / 2})`} textAnchor="middle" className="fill-ink-faint text-[11px]">
            Score
          </text>

          {/* Dates */}
          {layout.xTicks.map((t) => (
            <g key={t.day}>
              <line x1={t.x} x2={t.x} y1={plot.bottom} y2={plot.bottom + 4} className="stroke-line-strong" />
              <text x={t.x} y={plot.bottom + 17} textAnchor="middle" className="num fill-ink-faint text-[11px]">
                {shortDate(t.iso)}
              </text>
            </g>
          ))}

          {/* Dosing sessions */}
          {trend.dosingDates.map((date, i) => {
            const x = layout.x(date)
            return (
              <g key={`${date}-${i}`} data-dosing={date}>
                <title>{`Dosing session, ${formatDate(date)}`}</title>
                <line x1={x} x2={x} y1={plot.top} y2={plot.bottom} className="stroke-accent-200" strokeWidth={1.5} strokeDasharray="3 3" />
                <path d={`M${x - 4} ${plot.top - 6} L${x + 4} ${plot.top - 6} L${x} ${plot.top} Z`} className="fill-accent-500" />
              </g>
            )
          })}

          {/* One line per measure */}
          {series.map((s) => {
            const style = SERIES_STYLE[s.kind]
            const pts = s.points.map((p) => ({ ...p, x: layout.x(p.date), y: layout.y(p.total) }))
            return (
              <g key={s.kind} data-series={s.kind}>
                <path d={linePath(pts)} fill="none" className={style.stroke} strokeWidth={2} strokeDasharray={style.dash} strokeLinejoin="round" />
                {pts.map((p) => (
                  <g key={p.measureId}>
                    <title>{`${MEASURES[s.kind].label} ${p.total} on ${formatDate(p.date)}${p.safetyFlag ? ' — safety flag' : ''}`}</title>
                    {p.safetyFlag && <circle cx={p.x} cy={p.y} r={8} fill="none" className="stroke-red-600" strokeWidth={2} />}
                    <Marker shape={style.shape} x={p.x} y={p.y} className={`${style.fill} stroke-white`} />
                  </g>
                ))}
              </g>
            )
          })}
        </svg>
      </div>
      <figcaption className="mt-2 flex flex-wrap items-center gap-x-5 gap-y-1 text-[13px] text-ink-soft">
        <span className="sr-only">Legend:</span>
        {series.map((s) => {
          const style = SERIES_STYLE[s.kind]
          return (
            <span key={s.kind} className="inline-flex items-center gap-1.5">
              <svg aria-hidden="true" width="26" height="12" viewBox="0 0 26 12">
                <line x1="1" x2="25" y1="6" y2="6" className={style.stroke} strokeWidth={2} strokeDasharray={style.dash} />
                <Marker shape={style.shape} x={13} y={6} className={`${style.fill} stroke-white`} />
              </svg>
              {MEASURES[s.kind].label} <span className="num text-ink-faint">(0–{s.totalMax})</span>
            </span>
          )
        })}
        {trend.dosingDates.length > 0 && (
          <span className="inline-flex items-center gap-1.5">
            <svg aria-hidden="true" width="14" height="14" viewBox="0 0 14 14">
              <line x1="7" x2="7" y1="4" y2="14" className="stroke-accent-200" strokeWidth={1.5} strokeDasharray="3 3" />
              <path d="M3 0 L11 0 L7 5 Z" className="fill-accent-500" />
            </svg>
            Dosing session
          </span>
        )}
        {series.some((s) => s.points.some((p) => p.safetyFlag)) && (
          <span className="inline-flex items-center gap-1.5">
            <svg aria-hidden="true" width="14" height="14" viewBox="0 0 14 14">
              <circle cx="7" cy="7" r="5.5" fill="none" className="stroke-red-600" strokeWidth={2} />
            </svg>
            Safety flag
          </span>
        )}
      </figcaption>
    </figure>
  )
}
