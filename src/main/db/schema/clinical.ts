import { sql } from 'drizzle-orm'
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { MEASURE_KINDS } from '../../../shared/domain/measures'
import { NOTE_TEMPLATES, SESSION_KINDS, SESSION_STATUSES } from '../../../shared/domain/session-kinds'
import { clients } from './clients'
import { users } from './users'

/**
 * A treatment course: the protocol it was started from (or an edited copy) is stored with it as
 * JSON, so a course keeps its plan even if the built-in templates change.
 */
export const courses = sqliteTable(
  'courses',
  {
    id: text('id').primaryKey(),
    clientId: text('client_id').notNull().references(() => clients.id, { onDelete: 'restrict' }),
    templateKey: text('template_key').notNull(),
    name: text('name').notNull(),
    /** JSON of the protocol (key, name, description, steps, rules) as it was saved. */
    protocol: text('protocol').notNull(),
    startedOn: text('started_on').notNull(),
    status: text('status', { enum: ['active', 'completed', 'stopped'] }).notNull(),
    endedOn: text('ended_on'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull()
  },
  (t) => [index('courses_client_idx').on(t.clientId, t.startedOn)]
)

/**
 * A recurring series (integration or psychotherapy, every 1 or 2 weeks, until a date or N times).
 * Its sessions are ordinary rows pointing back here; the series keeps how it was made, and the
 * time and length its following sessions were last given.
 */
export const sessionSeries = sqliteTable(
  'session_series',
  {
    id: text('id').primaryKey(),
    clientId: text('client_id').notNull().references(() => clients.id, { onDelete: 'restrict' }),
    kind: text('kind', { enum: SESSION_KINDS }).notNull(),
    intervalWeeks: integer('interval_weeks').notNull(),
    firstDate: text('first_date').notNull(),
    /** One of the two ends is set: the last date, or how many sessions. */
    untilDate: text('until_date'),
    occurrences: integer('occurrences'),
    startTime: text('start_time').notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull()
  },
  (t) => [index('session_series_client_idx').on(t.clientId)]
)

/** A scheduled session. Several per client per date are allowed (dosing and integration the same day). */
export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    clientId: text('client_id').notNull().references(() => clients.id, { onDelete: 'restrict' }),
    courseId: text('course_id').references(() => courses.id, { onDelete: 'restrict' }),
    /** YYYY-MM-DD, the date of service. */
    date: text('date').notNull(),
    /** HH:MM, local time. */
    startTime: text('start_time').notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    kind: text('kind', { enum: SESSION_KINDS }).notNull(),
    placeOfService: text('place_of_service').notNull(),
    status: text('status', { enum: SESSION_STATUSES }).notNull(),
    /** The clinician (or owner) the session is billed under; editable until the session is charged. */
    renderingUserId: text('rendering_user_id').references(() => users.id, { onDelete: 'restrict' }),
    /** The recurring series the session was booked from, if any. */
    seriesId: text('series_id').references(() => sessionSeries.id, { onDelete: 'restrict' }),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull()
  },
  (t) => [
    // The agenda walks a date range in time order; the timeline walks one client's sessions.
    index('sessions_date_idx').on(t.date, t.startTime),
    index('sessions_client_date_idx').on(t.clientId, t.date, t.startTime, t.createdAt),
    index('sessions_course_idx').on(t.courseId).where(sql`course_id IS NOT NULL`),
    index('sessions_series_idx').on(t.seriesId, t.date).where(sql`series_id IS NOT NULL`)
  ]
)

/**
 * Session notes. A draft changes by autosave (`revision` counts the saves); once signed, triggers
 * in the `clinical_append_only` migration refuse any UPDATE of the row, and every DELETE:
 * corrections are addenda. `client_id` is the session's, kept here for the audit log and lists.
 */
export const notes = sqliteTable(
  'notes',
  {
    id: text('id').primaryKey(),
    sessionId: text('session_id').notNull().references(() => sessions.id, { onDelete: 'restrict' }),
    clientId: text('client_id').notNull().references(() => clients.id, { onDelete: 'restrict' }),
    template: text('template', { enum: NOTE_TEMPLATES }).notNull(),
    /** JSON of the template's body. */
    body: text('body').notNull(),
    revision: integer('revision').notNull(),
    signedAt: text('signed_at'),
    signedByUserId: text('signed_by_user_id'),
    signerName: text('signer_name'),
    signerCredentials: text('signer_credentials'),
    /** SHA-256 hex over the canonical body, template and session ID, taken at signing. */
    contentHash: text('content_hash'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull()
  },
  (t) => [
    index('notes_session_idx').on(t.sessionId, t.createdAt),
    index('notes_client_idx').on(t.clientId, t.createdAt, t.id),
    // The dashboard's unsigned notes.
    index('notes_unsigned_idx').on(t.createdAt).where(sql`signed_at IS NULL`)
  ]
)

/** Corrections to a signed note: each signed when written, append-only (triggers refuse UPDATE and DELETE). */
export const noteAddenda = sqliteTable(
  'note_addenda',
  {
    id: text('id').primaryKey(),
    noteId: text('note_id').notNull().references(() => notes.id, { onDelete: 'restrict' }),
    clientId: text('client_id').notNull().references(() => clients.id, { onDelete: 'restrict' }),
    /** 1, 2, 3… within the note. */
    position: integer('position').notNull(),
    text: text('text').notNull(),
    signedAt: text('signed_at').notNull(),
    signedByUserId: text('signed_by_user_id'),
    signerName: text('signer_name').notNull(),
    signerCredentials: text('signer_credentials'),
    contentHash: text('content_hash').notNull()
  },
  (t) => [uniqueIndex('note_addenda_position_uq').on(t.noteId, t.position)]
)

/**
 * What full-text search reads for each note: its body's text (noteSearchText) and its addenda, and
 * the client as one token (`client_key`, "c" + the client ID's hex) so a chart's search is an FTS
 * AND rather than a filter over every match. The `id` INTEGER PRIMARY KEY is the rowid of the
 * external-content FTS5 table `note_fts`, which triggers keep in step; being an alias of rowid,
 * VACUUM never renumbers it.
 */
export const noteSearch = sqliteTable('note_search', {
  id: integer('id').primaryKey({ autoIncrement: false }),
  noteId: text('note_id')
    .notNull()
    .unique('note_search_note_uq')
    .references(() => notes.id, { onDelete: 'restrict' }),
  content: text('content').notNull(),
  clientKey: text('client_key').notNull(),
  /**
   * The content's words as typed on a US keyboard where unicode61 would not match them: letters
   * it does not fold (Małgorzata → malgorzata) and punctuated words joined (O'Brien → obrien).
   * Indexed as note_fts's `folded` column; search looks in content and folded.
   */
  folded: text('folded').notNull().default('')
})

/** Outcome measures, entered item by item; the score is stored beside the answers. */
export const measures = sqliteTable(
  'measures',
  {
    id: text('id').primaryKey(),
    clientId: text('client_id').notNull().references(() => clients.id, { onDelete: 'restrict' }),
    kind: text('kind', { enum: MEASURE_KINDS }).notNull(),
    /** JSON array of item answers, in the instrument's order. */
    answers: text('answers').notNull(),
    total: integer('total').notNull(),
    band: text('band').notNull(),
    safetyFlag: integer('safety_flag', { mode: 'boolean' }).notNull(),
    administeredOn: text('administered_on').notNull(),
    sessionId: text('session_id').references(() => sessions.id, { onDelete: 'restrict' }),
    noteId: text('note_id').references(() => notes.id, { onDelete: 'restrict' }),
    acknowledgedAt: text('acknowledged_at'),
    acknowledgedBy: text('acknowledged_by'),
    voidedAt: text('voided_at'),
    voidReason: text('void_reason'),
    createdAt: text('created_at').notNull()
  },
  (t) => [
    index('measures_client_idx').on(t.clientId, t.kind, t.administeredOn),
    index('measures_session_idx').on(t.sessionId).where(sql`session_id IS NOT NULL`),
    index('measures_note_idx').on(t.noteId).where(sql`note_id IS NOT NULL`),
    // The dashboard's safety flags.
    index('measures_flag_idx').on(t.administeredOn).where(sql`safety_flag = 1 AND voided_at IS NULL AND acknowledged_at IS NULL`)
  ]
)

/**
 * Every word the FTS index holds for note content, as the index's own tokenizer wrote it (folded
 * case and accents): search expands a typed prefix of four or more characters into these whole
 * words, which FTS5 streams newest-first, instead of a prefix query that must merge every matching
 * word's full list of notes. Words are never removed (a word no note holds any more only matches nothing).
 */
export const noteTerms = sqliteTable('note_terms', {
  term: text('term').primaryKey()
})
