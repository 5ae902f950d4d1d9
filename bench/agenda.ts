/**
 * The agenda.week benchmark's practice: 300 synthetic clients (tests/factories/synthetic) and a
 * year of sessions, 40 a week on weekdays 8 AM–6 PM (dosings 3 hours, some cancelled), under two
 * clinicians; every past session has a note (most signed), so the agenda's note statuses are real.
 * What the time grid asks for a week is one sessions:agenda call (the clinicians' names come from
 * billing:providers, cached once); the benchmark times that call for week after week.
 * Raw prepared statements in one transaction; deterministic for a seed. Nothing here is a real person.
 */
import type { AppCore } from '../src/main/app'
import { seedSyntheticPractice } from '../tests/factories/synthetic'
import { rng } from './clinical'

export const AGENDA_CLIENTS = 300
export const SESSIONS_PER_WEEK = 40
const WEEKS = 52
/** A Monday: the year of sessions runs from here, and "today" sits in its middle. */
const FIRST_MONDAY = Date.UTC(2025, 8, 1)
const TODAY_WEEK = 26
const DAY_MS = 86_400_000

const pad = (n: number) => n.toString(16).padStart(12, '0')
const sessionId = (n: number) => `a9e4da00-0000-4000-8000-${pad(n)}`
const noteId = (n: number) => `a9e4da01-0000-4000-8000-${pad(n)}`
const userId = (n: number) => `a9e4da02-0000-4000-8000-${pad(n)}`

const KINDS = [
  { kind: 'dosing', minutes: 180, template: 'dosing' },
  { kind: 'integration', minutes: 50, template: 'integration' },
  { kind: 'integration', minutes: 50, template: 'integration' },
  { kind: 'preparation', minutes: 50, template: 'preparation' },
  { kind: 'psychotherapy', minutes: 50, template: 'soap' }
] as const

const dateOf = (day: number) => new Date(FIRST_MONDAY + day * DAY_MS).toISOString().slice(0, 10)

/** Seeds the practice into `app` and returns the weeks to ask for ({ from: Monday, to: Sunday }). */
export function seedAgendaPractice(app: AppCore, seed: number): { inputs: { from: string; to: string }[]; sessions: number } {
  const { clientIds } = seedSyntheticPractice(app, { seed, clients: AGENDA_CLIENTS })
  const sqlite = app.connection.sqlite
  const r = rng(seed)
  const insertUser = sqlite.prepare(
    "INSERT INTO users (id, login, login_key, display_name, credentials, role, deactivated_at, created_at, updated_at) VALUES (?, ?, ?, ?, 'LMFT', 'clinician', NULL, '2025-01-01', '2025-01-01')"
  )
  const insertSession = sqlite.prepare(
    `INSERT INTO sessions (id, client_id, course_id, date, start_time, duration_minutes, kind, place_of_service, status, rendering_user_id, created_at, updated_at)
     VALUES (?, ?, NULL, ?, ?, ?, ?, '11', ?, ?, ?, ?)`
  )
  const insertNote = sqlite.prepare(
    `INSERT INTO notes (id, session_id, client_id, template, body, revision, signed_at, signed_by_user_id, signer_name, signer_credentials, content_hash, created_at, updated_at)
     VALUES (?, ?, ?, ?, '{}', 1, ?, NULL, ?, 'LMFT', ?, ?, ?)`
  )
  let n = 0
  sqlite.transaction(() => {
    insertUser.run(userId(1), 'jordan', 'jordan', 'Jordan Ellis')
    insertUser.run(userId(2), 'rosa', 'rosa', 'Rosa Delgado-Núñez')
    for (let week = 0; week < WEEKS; week++) {
      for (let i = 0; i < SESSIONS_PER_WEEK; i++) {
        n++
        const day = week * 7 + (i % 5)
        const { kind, minutes, template } = KINDS[Math.floor(r() * KINDS.length)]!
        const hour = 8 + Math.floor(r() * (kind === 'dosing' ? 7 : 10))
        const past = week < TODAY_WEEK
        const cancelled = r() < 0.06
        const status = cancelled ? 'cancelled' : past ? 'completed' : 'scheduled'
        const date = dateOf(day)
        const at = `${date}T07:00:00.000Z`
        const clientId = clientIds[Math.floor(r() * clientIds.length)]!
        insertSession.run(sessionId(n), clientId, date, `${String(hour).padStart(2, '0')}:${r() < 0.5 ? '00' : '30'}`, minutes, kind, status, userId(1 + (i % 2)), at, at)
        if (past && !cancelled) {
          const signed = r() < 0.9
          insertNote.run(noteId(n), sessionId(n), clientId, template, signed ? at : null, signed ? 'Jordan Ellis' : null, signed ? 'x'.repeat(64) : null, at, at)
        }
      }
    }
  })()
  sqlite.pragma('optimize')
  // The weeks a therapist pages through: around today, and a few further out.
  const weeks = [TODAY_WEEK - 2, TODAY_WEEK - 1, TODAY_WEEK, TODAY_WEEK + 1, TODAY_WEEK + 2, TODAY_WEEK + 3, 4, 12, 40, 50]
  return { inputs: weeks.map((w) => ({ from: dateOf(w * 7), to: dateOf(w * 7 + 6) })), sessions: n }
}
