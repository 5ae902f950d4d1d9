import { asc, eq, sql } from 'drizzle-orm'
import type Database from 'better-sqlite3-multiple-ciphers'
import type { Db, Sqlite } from '../../db/connection'
import { clients, notes, sessions } from '../../db/schema'
import type { AgendaRow } from '@shared/contracts/sessions'
import type { Booking } from './clashes'

type Statement = Database.Statement<unknown[]>

export type SessionRow = typeof sessions.$inferSelect
export type NewSessionRow = typeof sessions.$inferInsert

/** A note's status only: timeline and agenda rows never carry note content. */
export interface NoteStatusOf {
  id: string
  sessionId: string
  template: (typeof notes.$inferSelect)['template']
  signedAt: string | null
}

/** "Preferred-or-first Last", the name the agenda and dashboard show. */
// trim(): a client with one legal name has no first name ("Madonna", not " Madonna").
export const clientNameSql = sql<string>`trim(coalesce(nullif(${clients.preferredName}, ''), ${clients.legalFirstName}) || ' ' || ${clients.legalLastName})`

const noteStatusColumns = { id: notes.id, sessionId: notes.sessionId, template: notes.template, signedAt: notes.signedAt }

/** An agenda row as SQLite gives it: the contract's shape but for archived (0 or 1). */
export type AgendaSqlRow = Omit<AgendaRow, 'clientArchived'> & { clientArchived: 0 | 1 }

const AGENDA_SQL = `SELECT s.id, s.client_id AS clientId, s.course_id AS courseId, s.date, s.start_time AS startTime, s.duration_minutes AS durationMinutes,
  s.kind, s.place_of_service AS placeOfService, s.status, s.rendering_user_id AS renderingUserId, s.series_id AS seriesId, s.created_at AS createdAt, s.updated_at AS updatedAt,
  -- trim(): a client with one legal name has no first name (as clientNameSql).
  trim(coalesce(nullif(c.preferred_name, ''), c.legal_first_name) || ' ' || c.legal_last_name) AS clientName,
  c.archived_at IS NOT NULL AS clientArchived,
  CASE WHEN NOT EXISTS (SELECT 1 FROM notes n WHERE n.session_id = s.id) THEN 'none'
       WHEN EXISTS (SELECT 1 FROM notes n WHERE n.session_id = s.id AND n.signed_at IS NULL) THEN 'draft'
       ELSE 'signed' END AS noteStatus
  FROM sessions s JOIN clients c ON c.id = s.client_id
  WHERE s.date BETWEEN ? AND ?
  ORDER BY s.date, s.start_time, clientName, s.id`

const SESSION_COLUMNS = `id, client_id AS clientId, course_id AS courseId, date, start_time AS startTime, duration_minutes AS durationMinutes,
  kind, place_of_service AS placeOfService, status, rendering_user_id AS renderingUserId, series_id AS seriesId, created_at AS createdAt, updated_at AS updatedAt`

/**
 * Scheduling reads and writes. The chart's timeline runs on every open of the Sessions tab, so its
 * three queries are raw statements prepared once (rows come back in the contract's shape, with no
 * per-row mapping); everything else goes through drizzle.
 */
export function createSessionsRepository(db: Db, sqlite: Sqlite) {
  let timeline: { sessions: Statement; notes: Statement; client: Statement } | null = null
  const prepared = () =>
    (timeline ??= {
      sessions: sqlite.prepare(`SELECT ${SESSION_COLUMNS} FROM sessions WHERE client_id = ? ORDER BY date DESC, start_time DESC, created_at DESC`),
      notes: sqlite.prepare('SELECT id, session_id AS sessionId, template, signed_at AS signedAt FROM notes WHERE client_id = ? ORDER BY created_at, id'),
      client: sqlite.prepare('SELECT archived_at AS archivedAt FROM clients WHERE id = ?')
    })

  let clashes: Statement | null = null
  let agenda: Statement | null = null

  return {
    findById: (id: string): SessionRow | undefined => db.select().from(sessions).where(eq(sessions.id, id)).get(),

    /** A client's sessions, newest first (same day: latest start first). */
    listByClient: (clientId: string): SessionRow[] => prepared().sessions.all(clientId) as SessionRow[],

    listByCourse: (courseId: string): SessionRow[] =>
      db.select().from(sessions).where(eq(sessions.courseId, courseId)).orderBy(asc(sessions.date), asc(sessions.startTime)).all(),

    /**
     * Every client's sessions in a date range, in date and time order, with the client's name and
     * the note status (none / draft while any note is unsigned / signed) worked out in SQL: the
     * time grid asks for a week or a month on every step, so this is one statement prepared once.
     */
    agenda: (from: string, to: string): AgendaSqlRow[] => (agenda ??= sqlite.prepare(AGENDA_SQL)).all(from, to) as AgendaSqlRow[],

    /**
     * The sessions a booking could clash with (clashes.ts): dated from `from` to `to`, of the
     * client or the clinician, holding their time. Cancelled ones are left to findClashes too,
     * so the rule lives in one place.
     */
    clashCandidates: (from: string, to: string, clientId: string, renderingUserId: string | null): Booking[] =>
      (clashes ??= sqlite.prepare(
        `SELECT id, client_id AS clientId, rendering_user_id AS renderingUserId, date, start_time AS startTime, duration_minutes AS durationMinutes, kind, status
         FROM sessions WHERE date BETWEEN @from AND @to AND (client_id = @clientId OR rendering_user_id = @renderingUserId)`
      )).all({ from, to, clientId, renderingUserId }) as Booking[],

    /** The status of every note of a client, oldest first within each session. */
    noteStatusesByClient: (clientId: string): NoteStatusOf[] => prepared().notes.all(clientId) as NoteStatusOf[],

    noteStatusesBySession: (sessionId: string): NoteStatusOf[] =>
      db.select(noteStatusColumns).from(notes).where(eq(notes.sessionId, sessionId)).orderBy(asc(notes.createdAt), asc(notes.id)).all(),

    /** Whether the client exists and is archived; undefined when there is no such client. */
    clientState: (clientId: string): { archivedAt: string | null } | undefined =>
      prepared().client.get(clientId) as { archivedAt: string | null } | undefined,

    /** An active owner or clinician: who a session can be billed under. */
    isRenderingUser: (userId: string): boolean =>
      sqlite.prepare("SELECT 1 FROM users WHERE id = ? AND role IN ('owner', 'clinician') AND deactivated_at IS NULL").get(userId) !== undefined,

    ownerUserId: (): string | undefined =>
      sqlite.prepare("SELECT id FROM users WHERE role = 'owner' AND deactivated_at IS NULL ORDER BY created_at, id LIMIT 1").pluck().get() as string | undefined,

    /**
     * Time taken from `from` to `to`: the scheduled and completed sessions billed under the clinician
     * (or with no clinician, in a solo practice) and every one of the client's own.
     */
    busyBetween: (from: string, to: string, renderingUserId: string | null, clientId: string): Pick<SessionRow, 'id' | 'date' | 'startTime' | 'durationMinutes'>[] =>
      sqlite
        .prepare(
          `SELECT id, date, start_time AS startTime, duration_minutes AS durationMinutes FROM sessions
           WHERE date BETWEEN ? AND ? AND status IN ('scheduled', 'completed')
             AND (client_id = ? OR rendering_user_id IS ? OR rendering_user_id IS NULL)
           ORDER BY date, start_time`
        )
        .all(from, to, clientId, renderingUserId) as Pick<SessionRow, 'id' | 'date' | 'startTime' | 'durationMinutes'>[],

    insert: (row: NewSessionRow): void => {
      db.insert(sessions).values(row).run()
    },

    update: (id: string, row: Partial<NewSessionRow>): void => {
      db.update(sessions).set(row).where(eq(sessions.id, id)).run()
    }
  }
}
export type SessionsRepository = ReturnType<typeof createSessionsRepository>
