/**
 * A note as a person reads it on paper, for the custodian export: heading, session, every field
 * that holds something (labelled from the template's own field labels), the vitals as a table,
 * the signature, then the addenda in order.
 */
import { ADDENDUM_MISMATCH_MESSAGE, SIGNATURE_MISMATCH_MESSAGE, type Note } from '@shared/contracts/notes'
import { DRUG_LABELS, ROUTE_LABELS } from '@shared/domain/dosing'
import { FIELD_LABELS, SUICIDAL_IDEATION_LABELS } from '@shared/domain/note-templates'
import { NOTE_TEMPLATE_LABELS, SESSION_KIND_LABELS } from '@shared/domain/session-kinds'

type Flat = [path: string, value: unknown][]

/** Dotted paths to leaf values, arrays kept whole (the vitals table). */
function flatten(value: unknown, prefix = ''): Flat {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [[prefix, value]]
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k))
}

/** Stored codes read as their words on paper. */
const VALUE_LABELS: Record<string, Record<string, string>> = {
  'medication.drug': DRUG_LABELS,
  'medication.route': ROUTE_LABELS,
  'riskAssessment.suicidalIdeation': SUICIDAL_IDEATION_LABELS
}

const shown = (path: string, value: unknown): string | null => {
  if (value === null || value === undefined || value === '' || value === false) return null
  if (value === true) return 'yes'
  return VALUE_LABELS[path]?.[String(value)] ?? String(value)
}

const indent = (text: string) => text.replace(/\n/g, '\n    ')

const cell = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : String(v))

function vitalsTable(rows: readonly Record<string, unknown>[]): string[] {
  if (rows.length === 0) return []
  return [
    'Vitals (time · BP · heart rate · SpO2 · note):',
    ...rows.map((r) => `    ${cell(r.time)} · ${cell(r.systolic)}/${cell(r.diastolic)} mmHg · ${cell(r.heartRate)} bpm · ${cell(r.spo2)} % · ${cell(r.note)}`)
  ]
}

const signature = (at: string | null, signer: Note['signer']) =>
  signer && at ? `${signer.name}${signer.credentials ? `, ${signer.credentials}` : ''} on ${at}` : null

/** What printing a note needs: its content and signature, and when its session was. */
export type PrintableNote = Pick<Note, 'id' | 'template' | 'status' | 'body' | 'signedAt' | 'signer' | 'contentHash' | 'integrity' | 'addenda'> & {
  session: Pick<Note['session'], 'date' | 'startTime' | 'kind' | 'durationMinutes'>
}

export function noteAsText(note: PrintableNote): string {
  const labels = FIELD_LABELS[note.template] as Record<string, string>
  const s = note.session
  const lines = [
    `${NOTE_TEMPLATE_LABELS[note.template]} note — ${s.date} ${s.startTime} (${SESSION_KIND_LABELS[s.kind]}, ${s.durationMinutes} min)`,
    `Note ${note.id} · ${note.status === 'signed' ? `signed by ${signature(note.signedAt, note.signer)}` : 'DRAFT — never signed'}`,
    ''
  ]
  for (const [path, value] of flatten(note.body)) {
    if (Array.isArray(value)) {
      lines.push(...vitalsTable(value as Record<string, unknown>[]))
      continue
    }
    const text = shown(path, value)
    if (text !== null) lines.push(`${labels[path] ?? path}: ${indent(text)}`)
  }
  if (note.contentHash) lines.push('', `Content hash (SHA-256): ${note.contentHash}`)
  // Changed in the file after signing: the paper copy says so as plainly as the screen does.
  if (note.integrity === 'mismatch') lines.push(`WARNING: ${SIGNATURE_MISMATCH_MESSAGE} (changed after signing).`)
  for (const a of note.addenda) {
    lines.push('', `Addendum ${a.position} — signed by ${signature(a.signedAt, a.signer)}`, `    ${indent(a.text)}`, `    Hash: ${a.contentHash}`)
    if (a.integrity === 'mismatch') lines.push(`    WARNING: ${ADDENDUM_MISMATCH_MESSAGE} (changed after signing).`)
  }
  return lines.join('\n')
}
