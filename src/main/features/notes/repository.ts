import type Database from 'better-sqlite3-multiple-ciphers'
import { and, asc, count, desc, eq, isNull, or, sql } from 'drizzle-orm'
import type { Db, Sqlite } from '../../db/connection'
import { clients, measures, noteAddenda, notes, noteSearch, sessions } from '../../db/schema'
import { clientNameSql } from '../sessions/repository'

export type NoteRow = typeof notes.$inferSelect
export type NewNoteRow = typeof notes.$inferInsert
export type AddendumRow = typeof noteAddenda.$inferSelect

export interface SearchRow {
  noteId: string
  sessionId: string
  clientId: string
  clientName: string
  date: string
  kind: string
  template: string
  signedAt: string | null
  snippet: string
}

/** Marks snippet() puts around each match: control characters no stored text can hold (fields.ts refuses them). */
export const MATCH_START = '\u0001'
export const MATCH_END = '\u0002'

const SEARCH_SQL = (byClient: boolean) => `
  SELECT ns.note_id AS noteId, n.session_id AS sessionId, n.client_id AS clientId,
    trim(coalesce(nullif(c.preferred_name, ''), c.legal_first_name) || ' ' || c.legal_last_name) AS clientName,
    s.date AS date, s.kind AS kind, n.template AS template, n.signed_at AS signedAt,
    snippet(note_fts, 0, char(1), char(2), '…', 14) AS snippet
  FROM note_fts
  JOIN note_search ns ON ns.id = note_fts.rowid
  JOIN notes n ON n.id = ns.note_id
  JOIN sessions s ON s.id = n.session_id
  JOIN clients c ON c.id = n.client_id
  WHERE note_fts MATCH @match ${byClient ? 'AND n.client_id = @clientId' : ''}
  ORDER BY note_fts.rowid DESC
  LIMIT @limit`

/** At most this many words stand in for a prefix; beyond that the prefix query itself is used. */
export const MAX_PREFIX_EXPANSION = 48

/**
 * A scratch FTS5 table in this connection's temp schema (in memory: temp_store=MEMORY) with the
 * index's tokenizer, and its vocabulary: writing a text there and reading the vocabulary back gives
 * exactly the words note_fts holds for it.
 */
const SCRATCH = [
  "CREATE VIRTUAL TABLE IF NOT EXISTS temp.note_tokens USING fts5(content, tokenize = 'unicode61 remove_diacritics 2', detail = none)",
  "CREATE VIRTUAL TABLE IF NOT EXISTS temp.note_tokens_v USING fts5vocab('temp', 'note_tokens', 'row')"
]

export function createNotesRepository(db: Db, sqlite: Sqlite) {
  const prepared = new Map<string, Database.Statement<unknown[]>>()
  const stmt = (source: string) => {
    let s = prepared.get(source)
    if (!s) {
      s = sqlite.prepare<unknown[]>(source)
      prepared.set(source, s)
    }
    return s
  }
  let scratchReady = false
  const scratch = () => {
    if (!scratchReady) for (const ddl of SCRATCH) sqlite.exec(ddl)
    scratchReady = true
  }

  return {
    findById: (id: string): NoteRow | undefined => db.select().from(notes).where(eq(notes.id, id)).get(),

    /** A session's notes, oldest first, with how many addenda each has. */
    listBySession: (sessionId: string) =>
      db
        .select({ note: notes, addendaCount: sql<number>`(SELECT count(*) FROM "note_addenda" AS a WHERE a."note_id" = "notes"."id")` })
        .from(notes)
        .where(eq(notes.sessionId, sessionId))
        .orderBy(asc(notes.createdAt), asc(notes.id))
        .all(),

    insert: (row: NewNoteRow): void => {
      db.insert(notes).values(row).run()
    },

    /** Writes a draft only if it is still at `revision` and unsigned; false when another save got there first. */
    updateDraft: (id: string, revision: number, row: Partial<NewNoteRow>): boolean =>
      db
        .update(notes)
        .set(row)
        .where(and(eq(notes.id, id), eq(notes.revision, revision), isNull(notes.signedAt)))
        .run().changes === 1,

    addenda: (noteId: string): AddendumRow[] =>
      db.select().from(noteAddenda).where(eq(noteAddenda.noteId, noteId)).orderBy(asc(noteAddenda.position)).all(),

    addendaCount: (noteId: string): number => db.select({ n: count() }).from(noteAddenda).where(eq(noteAddenda.noteId, noteId)).get()?.n ?? 0,

    insertAddendum: (row: AddendumRow): void => {
      db.insert(noteAddenda).values(row).run()
    },

    /** The text search reads for a note: inserted once, then updated (the FTS triggers follow). */
    writeSearchText(noteId: string, content: string, clientKey: string, folded: string): void {
      const changed = db.update(noteSearch).set({ content, clientKey, folded }).where(eq(noteSearch.noteId, noteId)).run().changes
      if (changed === 0) db.insert(noteSearch).values({ noteId, content, clientKey, folded }).run()
    },

    /** Adds the words of a note's search text to note_terms, tokenized exactly as note_fts does. */
    recordTerms(text: string): void {
      scratch()
      stmt('DELETE FROM temp.note_tokens').run()
      stmt('INSERT INTO temp.note_tokens (content) VALUES (?)').run(text)
      stmt('INSERT OR IGNORE INTO note_terms (term) SELECT term FROM temp.note_tokens_v').run()
      stmt('DELETE FROM temp.note_tokens').run()
    },

    /** The indexed words starting with `prefix` (already folded), or null when there are too many. */
    expandPrefix(prefix: string): string[] | null {
      const terms = (stmt('SELECT term FROM note_terms WHERE term >= ? ORDER BY term LIMIT ?').pluck().all(prefix, MAX_PREFIX_EXPANSION + 1) as string[]).filter(
        (t) => t.startsWith(prefix)
      )
      return terms.length > MAX_PREFIX_EXPANSION ? null : terms
    },

    /** Rebuilds note_terms from the whole index (after a bulk load, or to drop words no note holds). */
    rebuildTerms(): void {
      scratch()
      sqlite.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.note_fts_cols USING fts5vocab('main', 'note_fts', 'col')")
      stmt('DELETE FROM note_terms').run()
      stmt("INSERT OR IGNORE INTO note_terms (term) SELECT term FROM temp.note_fts_cols WHERE col IN ('content', 'folded')").run()
    },

    search: (match: string, limit: number, clientId?: string): SearchRow[] =>
      stmt(SEARCH_SQL(clientId !== undefined)).all(clientId !== undefined ? { match, limit, clientId } : { match, limit }) as SearchRow[],

    /** Measures with a safety flag linked to this note or its session (not voided). */
    safetyFlags: (noteId: string, sessionId: string) =>
      db
        .select({ measureId: measures.id, kind: measures.kind, administeredOn: measures.administeredOn, acknowledgedAt: measures.acknowledgedAt })
        .from(measures)
        .where(and(eq(measures.safetyFlag, true), isNull(measures.voidedAt), or(eq(measures.noteId, noteId), eq(measures.sessionId, sessionId))))
        .orderBy(desc(measures.administeredOn))
        .all(),

    /** Every draft note, oldest session first, for the dashboard. */
    unsigned: () =>
      db
        .select({
          noteId: notes.id,
          sessionId: notes.sessionId,
          clientId: notes.clientId,
          clientName: clientNameSql,
          date: sessions.date,
          kind: sessions.kind,
          template: notes.template,
          createdAt: notes.createdAt
        })
        .from(notes)
        .innerJoin(sessions, eq(sessions.id, notes.sessionId))
        .innerJoin(clients, eq(clients.id, notes.clientId))
        .where(isNull(notes.signedAt))
        .orderBy(asc(sessions.date), asc(sessions.startTime), asc(notes.createdAt), asc(notes.id))
        .all()
  }
}
export type NotesRepository = ReturnType<typeof createNotesRepository>
