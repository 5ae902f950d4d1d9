/**
 * A note (or a client's notes over a date range) as printed: the practice's letterhead, the
 * client, each note's sections as label–value lines in its template's order (FIELD_LABELS), the
 * vitals as rows, the signature block and every addendum. Plain data: pdf/note-pdf.ts draws it.
 */
import type { Client } from '@shared/contracts/clients'
import type { Note } from '@shared/contracts/notes'
import type { Practice } from '@shared/contracts/practice'
import { DRUG_LABELS, ROUTE_LABELS, mgPerKg, type Drug, type Route } from '@shared/domain/dosing'
import { FIELD_LABELS, NOTE_SECTION_TITLES, SUICIDAL_IDEATION_LABELS, monitoringMinutes, type SuicidalIdeation } from '@shared/domain/note-templates'
import { NOTE_TEMPLATE_LABELS, SESSION_KIND_LABELS, SESSION_STATUS_LABELS } from '@shared/domain/session-kinds'

export interface PrintedField {
  label: string
  value: string
}
export interface PrintedSection {
  title: string
  fields: PrintedField[]
}
export interface PrintedVitals {
  time: string
  bp: string
  heartRate: string
  spo2: string
  note: string
}
export interface PrintedSignature {
  signer: string
  signedAt: string
  contentHash: string
}
export interface PrintedNote {
  title: string
  /** "Mar 10, 2026 at 10:00 · Dosing session · 120 min · Completed" */
  sessionLine: string
  signed: boolean
  /** In template order; the one titled VITALS has no fields and stands for the vitals table. */
  sections: PrintedSection[]
  vitals: PrintedVitals[]
  signature: PrintedSignature | null
  addenda: (PrintedSignature & { position: number; text: string })[]
}
export interface PrintedNotes {
  practice: { name: string; lines: string[] }
  client: { name: string; dateOfBirth: string }
  /** What the document covers: one note, or a date range. */
  scope: string
  generatedAt: string
  notes: PrintedNote[]
}

const nfc = (s: string) => s.normalize('NFC').trim()
const blank = (s: string | null | undefined): boolean => !s || s.trim() === ''

export const VITALS = 'Vitals'
const SEVERITY = ['None', 'Mild', 'Moderate', 'Severe']

function valueAt(body: unknown, path: string): unknown {
  let v = body
  for (const key of path.split('.')) {
    if (v === null || typeof v !== 'object') return undefined
    v = (v as Record<string, unknown>)[key]
  }
  return v
}

/** A field's printed value, or null when nothing was recorded. */
function printedValue(path: string, value: unknown, body: unknown): string | null {
  if (value === true) return 'Yes'
  if (value === false) return 'No'
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) return null
  switch (path) {
    case 'medication.drug':
      return DRUG_LABELS[value as Drug] ?? String(value)
    case 'medication.route':
      return ROUTE_LABELS[value as Route] ?? String(value)
    case 'medication.doseMg': {
      const perKg = mgPerKg(value as number, valueAt(body, 'medication.weightKg') as number | null)
      return `${String(value)} mg${perKg !== null ? ` (${perKg} mg/kg)` : ''}`
    }
    case 'medication.weightKg':
      return `${String(value)} kg`
    case 'adverseEvents.sedation':
    case 'adverseEvents.dissociation':
      return `${String(value)} — ${SEVERITY[value as number] ?? ''}`
    case 'rems.monitoringMinutes':
      return `${String(value)} minutes`
    case 'riskAssessment.suicidalIdeation':
      return SUICIDAL_IDEATION_LABELS[value as SuicidalIdeation] ?? String(value)
  }
  return nfc(String(value))
}

const signerLine = (s: { name: string; credentials: string | null } | null) => (s ? nfc(s.credentials ? `${s.name}, ${s.credentials}` : s.name) : 'Unknown')

/** "Mar 10, 2026" without a time zone shift. */
const longDate = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number]
  return new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)))
}
/** A signing time as the practice's clock shows it, with the zone offset, so the paper is unambiguous. */
const stampText = (iso: string) =>
  new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }).format(new Date(iso))

export function printedNote(note: Note): PrintedNote {
  const labels: Record<string, string> = FIELD_LABELS[note.template]
  const body = note.body
  const showRems = note.template === 'dosing' && (valueAt(body, 'medication.drug') === 'esketamine' || valueAt(body, 'rems.applicable') === true)
  const rows = Array.isArray(body.vitals) ? (body.vitals as Record<string, unknown>[]) : []
  const vitals = rows.map((r) => ({
    time: String(r.time ?? ''),
    bp: r.systolic != null ? `${String(r.systolic)}/${r.diastolic != null ? String(r.diastolic) : '–'}` : '—',
    heartRate: r.heartRate != null ? String(r.heartRate) : '—',
    spo2: r.spo2 != null ? `${String(r.spo2)} %` : '—',
    note: nfc(String(r.note ?? ''))
  }))
  const sections: PrintedSection[] = []
  for (const path of Object.keys(labels)) {
    // The vitals table is drawn where this empty section stands.
    if (path === 'vitals') {
      if (vitals.length > 0) sections.push({ title: VITALS, fields: [] })
      continue
    }
    const dot = path.indexOf('.')
    const group = dot > 0 ? path.slice(0, dot) : null
    if (group === 'rems' && !showRems) continue
    const value = printedValue(path, valueAt(body, path), body)
    if (value === null) continue
    const title = group ? (NOTE_SECTION_TITLES[group] ?? group) : labels[path]!
    const last = sections.at(-1)
    const field = { label: group ? labels[path]! : '', value }
    if (group && last?.title === title) last.fields.push(field)
    else sections.push({ title, fields: [field] })
  }
  const minutes = monitoringMinutes(body.times as never)
  if (minutes !== null) sections.find((x) => x.title === NOTE_SECTION_TITLES.times)?.fields.push({ label: 'Total monitoring', value: `${minutes} minutes` })
  const s = note.session
  return {
    title: `${NOTE_TEMPLATE_LABELS[note.template]} note`,
    sessionLine: `${longDate(s.date)} at ${s.startTime} · ${SESSION_KIND_LABELS[s.kind]} session · ${s.durationMinutes} min · ${SESSION_STATUS_LABELS[s.status]}`,
    signed: note.status === 'signed',
    sections,
    vitals,
    signature:
      note.status === 'signed' && note.signedAt && note.contentHash
        ? { signer: signerLine(note.signer), signedAt: stampText(note.signedAt), contentHash: note.contentHash }
        : null,
    addenda: note.addenda.map((a) => ({ position: a.position, text: nfc(a.text), signer: signerLine(a.signer), signedAt: stampText(a.signedAt), contentHash: a.contentHash }))
  }
}

export function printedNotes(src: { practice: Practice | null; client: Client; notes: Note[]; scope: string; generatedAt: string }): PrintedNotes {
  const p = src.practice
  const c = src.client
  const cityLine = p ? nfc(`${p.city}, ${p.state} ${p.postalCode}`) : ''
  return {
    practice: {
      name: nfc(p?.practiceName ?? 'Practice profile not set up'),
      lines: p ? [p.addressLine1, p.addressLine2, cityLine, `Phone ${p.phone}`].filter((s): s is string => !blank(s)).map(nfc) : []
    },
    client: { name: nfc([c.legalFirstName, c.legalMiddleName, c.legalLastName, c.suffix].filter((s) => !blank(s)).join(' ')), dateOfBirth: c.dateOfBirth },
    scope: src.scope,
    generatedAt: src.generatedAt,
    notes: src.notes.map(printedNote)
  }
}

/** `note-<record short ID>.pdf` / `notes-<client short ID>-<from>-to-<to>.pdf`: no names in file names. */
export const notePdfName = (noteId: string) => `note-${noteId.slice(-8)}.pdf`
export const notesPdfName = (clientId: string, from: string, to: string) => `notes-${clientId.slice(-8)}-${from}-to-${to}.pdf`
