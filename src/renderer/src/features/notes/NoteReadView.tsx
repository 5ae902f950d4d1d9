/**
 * A signed note as it reads: every section of its template with the answers given, checklists as
 * yes / no, the vitals as a table with their flags. Nothing here can be edited.
 */
import type { ReactNode } from 'react'
import { Check, CircleAlert, Minus, TriangleAlert } from 'lucide-react'
import { DRUG_LABELS, ROUTE_LABELS, mgPerKg, type Drug, type Route } from '@shared/domain/dosing'
import { FIELD_LABELS, NOTE_SECTION_TITLES, SUICIDAL_IDEATION_LABELS, dosingWarnings, monitoringMinutes, type NoteBody, type SuicidalIdeation } from '@shared/domain/note-templates'
import type { NoteTemplate } from '@shared/domain/session-kinds'
import type { VitalThresholds } from '@shared/domain/vitals'
import { Badge } from '@renderer/components'
import { cn } from '@renderer/lib/cn'
import { preDoseRows, warningsByPath, worstLevel } from './body'


const SEVERITY = ['None', 'Mild', 'Moderate', 'Severe']

function valueAt(body: unknown, path: string): unknown {
  let v = body
  for (const key of path.split('.')) {
    if (v === null || typeof v !== 'object') return undefined
    v = (v as Record<string, unknown>)[key]
  }
  return v
}

type Group = { title: string | null; paths: string[] }

/** The template's fields in order, consecutive fields of one section grouped under its title. */
function groupsOf(template: NoteTemplate): Group[] {
  const groups: Group[] = []
  for (const path of Object.keys(FIELD_LABELS[template])) {
    const dot = path.indexOf('.')
    const section = dot > 0 ? path.slice(0, dot) : null
    const title = section ? (NOTE_SECTION_TITLES[section] ?? section) : null
    const last = groups.at(-1)
    if (section && last && last.title === title) last.paths.push(path)
    else groups.push({ title, paths: [path] })
  }
  return groups
}

function YesNo({ value }: { value: unknown }) {
  if (value === true)
    return (
      <span className="inline-flex items-center gap-1 text-ink">
        <Check aria-hidden="true" className="size-3.5 text-emerald-700" />
        Yes
      </span>
    )
  // A checkbox left clear (or cleared) reads the same: not checked.
  return (
    <span className="inline-flex items-center gap-1 text-ink-faint">
      <Minus aria-hidden="true" className="size-3.5" />
      Not checked
    </span>
  )
}

const isBlank = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '')

function display(template: NoteTemplate, path: string, value: unknown, body: unknown): ReactNode {
  if (typeof value === 'boolean' || (value == null && isCheck(template, path))) return <YesNo value={value} />
  if (isBlank(value)) return null
  switch (path) {
    case 'medication.drug':
      return DRUG_LABELS[value as Drug] ?? String(value)
    case 'medication.route':
      return ROUTE_LABELS[value as Route] ?? String(value)
    case 'medication.doseMg': {
      const perKg = mgPerKg(value as number, valueAt(body, 'medication.weightKg') as number | null)
      return (
        <span className="num">
          {String(value)} mg{perKg !== null && <span className="text-ink-soft"> · {perKg} mg/kg</span>}
        </span>
      )
    }
    case 'medication.weightKg':
      return <span className="num">{String(value)} kg</span>
    case 'adverseEvents.sedation':
    case 'adverseEvents.dissociation':
      return <span className="num">{`${String(value)} — ${SEVERITY[value as number] ?? ''}`}</span>
    case 'rems.monitoringMinutes':
      return <span className="num">{String(value)} minutes</span>
    case 'riskAssessment.suicidalIdeation':
      return SUICIDAL_IDEATION_LABELS[value as SuicidalIdeation] ?? String(value)
  }
  if (path.startsWith('times.')) return <span className="num">{String(value)}</span>
  return <span className="whitespace-pre-wrap">{String(value)}</span>
}

/** Checklist fields: yes/no questions (their empty value reads "Not answered", not nothing). */
function isCheck(template: NoteTemplate, path: string): boolean {
  if (template === 'preparation') return /^(psychoeducation\.(effects|timeline|dissociation)|setAndSetting\.eyeshade|consentReviewed|screeningReviewed|medicationsReviewed)$/.test(path)
  if (template === 'dosing')
    return (
      /^(preDose|discharge|rems)\./.test(path) &&
      !/(escortName|monitoringMinutes)$/.test(path)
    ) || /^adverseEvents\.(nausea|vomiting|dizziness|anxiety|hypertension|respiratoryDepression)$/.test(path)
  return false
}

export function NoteReadView({ template, body, thresholds }: { template: NoteTemplate; body: Record<string, unknown>; thresholds: VitalThresholds }) {
  const labels: Record<string, string> = FIELD_LABELS[template]
  const isDosing = template === 'dosing'
  const showRems = isDosing && (valueAt(body, 'medication.drug') === 'esketamine' || valueAt(body, 'rems.applicable') === true)

  return (
    <div className="divide-y divide-line rounded-lg border border-line bg-surface">
      {groupsOf(template).map((group) => {
        if (group.title === 'Spravato REMS' && !showRems) return null
        if (group.paths[0] === 'vitals') {
          return (
            <ReadSection key="vitals" title="Vitals">
              <VitalsReadTable body={body as NoteBody<'dosing'>} thresholds={thresholds} />
            </ReadSection>
          )
        }
        const items = group.paths.map((path) => ({ path, label: labels[path] ?? path, node: display(template, path, valueAt(body, path), body) }))
        const filled = items.filter((i) => i.node !== null)
        const title = group.title ?? labels[group.paths[0]!] ?? ''
        if (group.title === null) {
          // A field of its own: the label is the heading.
          const item = items[0]!
          return (
            <ReadSection key={item.path} title={title}>
              {item.node ?? <p className="text-sm text-ink-faint">Not recorded</p>}
            </ReadSection>
          )
        }
        return (
          <ReadSection key={group.title} title={title}>
            {filled.length === 0 ? (
              <p className="text-sm text-ink-faint">Not recorded</p>
            ) : (
              <dl className="grid gap-x-6 gap-y-1.5 sm:grid-cols-[minmax(12rem,auto)_1fr]">
                {filled.map((i) => (
                  <div key={i.path} className="contents">
                    <dt className="text-[13px] text-ink-faint">{i.label}</dt>
                    <dd className="min-w-0 text-sm leading-relaxed break-words text-ink">{i.node}</dd>
                  </div>
                ))}
                {group.title === 'Times' && monitoringMinutes(body.times as never) !== null && (
                  <div className="contents">
                    <dt className="text-[13px] text-ink-faint">Total monitoring</dt>
                    <dd className="num text-sm text-ink">{monitoringMinutes(body.times as never)} minutes</dd>
                  </div>
                )}
              </dl>
            )}
          </ReadSection>
        )
      })}
    </div>
  )
}

function ReadSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="grid gap-x-8 gap-y-2 px-5 py-4 lg:grid-cols-[13rem_1fr]">
      <h2 className="text-[13px] font-semibold text-ink">{title}</h2>
      <div className="min-w-0 text-sm leading-relaxed text-ink">{children}</div>
    </section>
  )
}

function VitalsReadTable({ body, thresholds }: { body: NoteBody<'dosing'>; thresholds: VitalThresholds }) {
  const rows = body.vitals ?? []
  if (rows.length === 0) return <p className="text-sm text-ink-faint">No readings recorded</p>
  const warnings = warningsByPath(dosingWarnings(body, thresholds))
  const preDose = preDoseRows(rows, body.times?.doseStart)
  return (
    <table aria-label="Vitals readings" className="w-full max-w-3xl scroll-mt-52 border-separate border-spacing-0 text-sm">
      <thead>
        <tr className="text-left text-xs text-ink-soft">
          {['Time', 'BP (mmHg)', 'Heart rate', 'SpO2', 'Note', 'Flags'].map((h) => (
            <th key={h} scope="col" className="border-b border-line px-2 py-1.5 font-medium whitespace-nowrap first:pl-0">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => {
          const list = [...(warnings[`vitals.${i}.systolic`] ?? []), ...(warnings[`vitals.${i}.heartRate`] ?? []), ...(warnings[`vitals.${i}.spo2`] ?? [])]
          const level = worstLevel(list)
          return (
            <tr key={r.id} data-flag={level ?? undefined} className={cn(level === 'alert' ? 'bg-red-50/70' : level === 'caution' ? 'bg-amber-50/70' : undefined)}>
              <td className="num border-b border-line px-2 py-1.5 pl-0 whitespace-nowrap">
                {r.time}
                {preDose[i] && <span className="ml-1.5 text-2xs text-ink-faint">pre-dose</span>}
              </td>
              <td className="num border-b border-line px-2 py-1.5 whitespace-nowrap">{r.systolic != null ? `${r.systolic}/${r.diastolic ?? '–'}` : '—'}</td>
              <td className="num border-b border-line px-2 py-1.5">{r.heartRate ?? '—'}</td>
              <td className="num border-b border-line px-2 py-1.5 whitespace-nowrap">{r.spo2 != null ? `${r.spo2} %` : '—'}</td>
              <td className="border-b border-line px-2 py-1.5 text-ink-soft">{r.note}</td>
              <td className="border-b border-line px-2 py-1.5">
                {level ? (
                  <div className="flex flex-col items-start gap-0.5">
                    <Badge tone={level === 'alert' ? 'danger' : 'warning'}>
                      {level === 'alert' ? <CircleAlert aria-hidden="true" /> : <TriangleAlert aria-hidden="true" />}
                      {level === 'alert' ? 'Alert' : 'Caution'}
                    </Badge>
                    {list.map((w) => (
                      <span key={w.message} className={cn('text-xs leading-snug', w.level === 'alert' ? 'text-red-800' : 'text-amber-900')}>
                        {w.message}
                      </span>
                    ))}
                  </div>
                ) : (
                  <span className="text-ink-faint">—</span>
                )}
              </td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
