/**
 * Synthetic clinical data for the notes.search and chart.load benchmarks: sessions and SOAP /
 * integration / preparation notes with varied, realistic wording, written with raw prepared
 * statements in one transaction (the FTS5 index is built in one pass at the end).
 * Deterministic for a seed. Nothing here is a real person or a real note.
 */
import { createHash } from 'node:crypto'
import { noteSearchText } from '@shared/domain/note-templates'
import type { NoteTemplate, SessionKind } from '@shared/domain/session-kinds'
import type { AppCore } from '../src/main/app'
import { clientKey, foldedWordsOf } from '../src/main/features/notes/search-query'

/** A small, fast PRNG (mulberry32): the same seed, the same practice. */
export function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

// Words a KAP therapist writes, roughly from common to rare (picked with a Zipf-like skew).
const WORDS = `client reported session feeling felt today week sleep mood anxiety family work partner mother father
  grief loss relationship support breathing music eyeshade intention integration dosing preparation ketamine lozenge
  dissociation spacious calm tearful anger shame guilt fear hope relief gratitude insight memory childhood trauma body
  tension chest throat stomach nausea dizziness sedation vitals stable escort ride discharge homework journaling walk
  nature meditation mindfulness yoga therapy medication sertraline bupropion lamotrigine lithium benzodiazepine taper
  appetite energy concentration motivation isolation withdrawal connection belonging purpose meaning spiritual
  ceremony ocean forest light darkness colors geometry floating dissolving merging boundaries ego identity self
  compassion forgiveness acceptance resistance surrender control letting release crying laughing shaking warmth
  cold heavy light tingling visual auditory voices images scenes flashback nightmare insomnia rumination worry
  panic avoidance hypervigilance startle numbness detachment derealization depersonalization suicidal ideation
  passive denied safety plan crisis line follow-up booster maintenance course induction progress baseline phq
  gad pcl scores improved worsened unchanged remission response relapse drinking cannabis sobriety meeting sponsor
  divorce separation custody daughter son brother sister grandmother grandfather friend colleague boss job layoff
  retirement move house garden dog cat pet death funeral anniversary birthday holiday travel hospital diagnosis
  pain migraine fibromyalgia fatigue chronic illness cancer remission surgery recovery rehabilitation physical
  creativity painting writing poetry guitar piano singing dancing running swimming hiking climbing cycling
  veteran deployment combat moral injury first responder nurse teacher engineer artist student parent caregiver
  café José Zoë Renée François Ñandú Björn Søren Małgorzata Nguyễn Chloé Inès Raphaël Andrés Mónica Ángel`
  .split(/\s+/)
  .filter(Boolean)

/** Zipf-ish: index = floor(n * r^2.2) — the first words are far commoner than the last. */
const pickWord = (r: () => number) => WORDS[Math.floor(WORDS.length * r() ** 2.2)]!

const sentence = (r: () => number, min: number, max: number) => {
  const n = min + Math.floor(r() * (max - min + 1))
  const words = Array.from({ length: n }, () => pickWord(r))
  return `${words[0]!.charAt(0).toUpperCase()}${words[0]!.slice(1)} ${words.slice(1).join(' ')}.`
}
const paragraph = (r: () => number, sentences: number) => Array.from({ length: sentences }, () => sentence(r, 5, 14)).join(' ')

const KINDS: readonly [SessionKind, NoteTemplate][] = [
  ['psychotherapy', 'soap'],
  ['integration', 'integration'],
  ['dosing', 'soap'],
  ['preparation', 'preparation'],
  ['integration', 'integration'],
  ['psychotherapy', 'dap']
]

function bodyFor(template: NoteTemplate, r: () => number): Record<string, unknown> {
  switch (template) {
    case 'soap':
      return { subjective: paragraph(r, 3), objective: paragraph(r, 1), assessment: paragraph(r, 2), plan: paragraph(r, 1) }
    case 'dap':
      return { data: paragraph(r, 3), assessment: paragraph(r, 2), plan: paragraph(r, 1) }
    case 'integration':
      return { experience: paragraph(r, 3), themes: sentence(r, 3, 6), emotions: sentence(r, 3, 6), meaning: paragraph(r, 1), homework: sentence(r, 4, 8), riskAssessment: { suicidalIdeation: 'none', note: '' }, plan: sentence(r, 4, 10) }
    default:
      return { intentions: paragraph(r, 2), plan: paragraph(r, 2) }
  }
}

const pad = (n: number) => n.toString(16).padStart(12, '0')
/** Deterministic v4-shaped IDs in their own ranges, apart from the app's random ones. */
const sessionId = (n: number) => `5e55100a-0000-4000-8000-${pad(n)}`
const noteId = (n: number) => `a07e0000-0000-4000-8000-${pad(n)}`

const DAY_MS = 86_400_000
const START = Date.UTC(2021, 0, 4)

export interface ClinicalSeed {
  notes: number
  /** The client whose chart carries `chartSessions` sessions, each with a note. */
  chartClientId: string
  chartSessions: number
}

/**
 * `options.notes` notes (one per session) spread over `clientIds`, plus the chart client's sessions.
 * One transaction of raw prepared statements; triggers keep the FTS index in step as they would in the app.
 */
export function seedClinical(app: AppCore, clientIds: readonly string[], options: ClinicalSeed & { seed: number }): { notes: number } {
  const sqlite = app.connection.sqlite
  const r = rng(options.seed)
  const insertSession = sqlite.prepare(
    `INSERT INTO sessions (id, client_id, course_id, date, start_time, duration_minutes, kind, place_of_service, status, created_at, updated_at)
     VALUES (?, ?, NULL, ?, ?, ?, ?, '11', ?, ?, ?)`
  )
  const insertNote = sqlite.prepare(
    `INSERT INTO notes (id, session_id, client_id, template, body, revision, signed_at, signed_by_user_id, signer_name, signer_credentials, content_hash, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 3, ?, NULL, ?, ?, ?, ?, ?)`
  )
  const insertSearch = sqlite.prepare('INSERT INTO note_search (note_id, content, client_key, folded) VALUES (?, ?, ?, ?)')
  let n = 0
  const add = (clientId: string, day: number, signed: boolean) => {
    n++
    const [kind, template] = KINDS[Math.floor(r() * KINDS.length)]!
    const date = new Date(START + day * DAY_MS).toISOString().slice(0, 10)
    const at = `${date}T18:${String(n % 60).padStart(2, '0')}:00.000Z`
    const body = bodyFor(template, r)
    const json = JSON.stringify(body)
    insertSession.run(sessionId(n), clientId, date, `${String(8 + (n % 10)).padStart(2, '0')}:00`, kind === 'dosing' ? 120 : 50, kind, signed ? 'completed' : 'scheduled', at, at)
    insertNote.run(
      noteId(n), sessionId(n), clientId, template, json,
      signed ? at : null, signed ? 'Jordan Ellis' : null, signed ? 'LMFT' : null,
      signed ? createHash('sha256').update(json).digest('hex') : null, at, at
    )
    const text = noteSearchText(template, body)
    insertSearch.run(noteId(n), text, clientKey(clientId), foldedWordsOf(text))
  }
  // A bulk load builds the FTS index once at the end ('rebuild', about a third faster than the
  // triggers' row-by-row inserts); the same triggers are put back before the transaction commits.
  const triggers = sqlite
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'note_search' AND name IN ('note_search_ai', 'note_search_au', 'note_search_ad')")
    .all() as { name: string; sql: string }[]
  if (triggers.length !== 3) throw new Error('note_search triggers not found: has the migration changed?')
  sqlite.transaction(() => {
    for (const t of triggers) sqlite.exec(`DROP TRIGGER "${t.name}"`)
    for (let i = 0; i < options.notes; i++) add(clientIds[Math.floor(r() * clientIds.length)]!, Math.floor(r() * 1900), r() < 0.93)
    for (let i = 0; i < options.chartSessions; i++) add(options.chartClientId, 1000 + i * 4, i < options.chartSessions - 3)
    sqlite.exec("INSERT INTO note_fts (note_fts) VALUES ('rebuild')")
    for (const t of triggers) sqlite.exec(t.sql)
    // The words prefix search expands into, read back from the index (the app records them per note).
    app.services.notes.rebuildTerms()
  })()
  sqlite.pragma('optimize')
  return { notes: n }
}

/** What a clinician types into note search, keystroke by keystroke, with accents, typos of case, and hostile input. */
export function searchQueries(seed: number): string[] {
  const r = rng(seed)
  const fixed = [
    'g', 'gr', 'gri', 'grie', 'grief', 'ketam', 'ketamine', 'dissoc', 'dissociation', 'spacious', 'jose', 'josé', 'JOSÉ', 'cafe',
    'nguyen', 'mother', 'mother grief', 'grief mother childhood', 'sleep insomnia', 'suicidal ideation', 'ocean', 'ocean light',
    'sertraline taper', 'flashback nightmare', 'booster', 'client', 'client reported', 'xyzzy', 'zzzz', '"', '*', 'NEAR(', "') OR 1",
    'AND(', 'guitar', 'veteran moral', 'moral injury', 'Małgorzata', 'søren', 'fibro', 'fibromyalgia pain'
  ]
  const typed: string[] = [...fixed]
  for (let i = 0; i < 12; i++) {
    const word = pickWord(r)
    for (let k = 2; k <= Math.min(word.length, 7); k++) typed.push(word.slice(0, k))
    typed.push(`${word} ${pickWord(r).slice(0, 4)}`)
  }
  return typed
}
