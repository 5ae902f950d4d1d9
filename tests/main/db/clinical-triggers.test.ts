/**
 * The SQL guards of the `clinical_append_only_and_search` migration, exercised straight through
 * SQLite — the path a script, a SQL shell or a bug in the app would take, with no service in the way.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Note } from '@shared/contracts/notes'
import { openTestApp, type TestApp } from '../../factories/app'
import { createClient } from '../../factories/clients'
import { createNote, createSession, signableDosingBody } from '../../factories/clinical'

let app: TestApp
let sessionId: string
beforeEach(async () => {
  app = await openTestApp()
  const client = await createClient(app, { status: 'active' })
  sessionId = (await createSession(app, client.id)).session.id
})
afterEach(() => app.close())

const run = (sql: string, ...params: unknown[]) => app.connection.sqlite.prepare(sql).run(...params)
const catchMessage = (fn: () => unknown): string | null => {
  try {
    fn()
    return null
  } catch (err) {
    return (err as Error).message
  }
}
const row = (id: string) => app.connection.sqlite.prepare('SELECT * FROM notes WHERE id = ?').get(id) as Record<string, unknown>

async function signed(): Promise<Note> {
  const note = await createNote(app, sessionId)
  const saved = await app.ok<Note>('notes:save', { id: note.id, revision: note.revision, body: signableDosingBody() })
  const s = await app.ok<Note>('notes:sign', { id: note.id, revision: saved.revision })
  await app.ok('notes:addAddendum', { noteId: note.id, text: 'First correction.' })
  return s
}

describe('SQL guards on notes and addenda', () => {
  it('refuse any UPDATE of a signed note: content, signature or hash', async () => {
    const note = await signed()
    const before = row(note.id)
    for (const [sql, ...params] of [
      ['UPDATE notes SET body = ? WHERE id = ?', '{"notes":"rewritten"}', note.id],
      ['UPDATE notes SET template = ? WHERE id = ?', 'soap', note.id],
      ['UPDATE notes SET signed_at = NULL WHERE id = ?', note.id],
      ['UPDATE notes SET signer_name = ? WHERE id = ?', 'Someone else', note.id],
      ['UPDATE notes SET content_hash = ? WHERE id = ?', '0'.repeat(64), note.id],
      ['UPDATE notes SET revision = revision + 1 WHERE id = ?', note.id]
    ] as [string, ...unknown[]][]) {
      expect({ sql, error: catchMessage(() => run(sql, ...params)) }).toEqual({ sql, error: 'a signed note cannot be changed' })
    }
    expect(row(note.id)).toEqual(before)
  })

  it('let a draft change, but not be signed without a signer and hash', async () => {
    const note = await createNote(app, sessionId)
    run('UPDATE notes SET body = ?, revision = 2 WHERE id = ?', '{"notes":"draft"}', note.id)
    expect(row(note.id).revision).toBe(2)
    expect(() => run('UPDATE notes SET signed_at = ? WHERE id = ?', '2026-03-08T15:00:00.000Z', note.id)).toThrow('a signature needs its signer and content hash')
  })

  it('refuse deleting any note, draft or signed, and replacing one', async () => {
    const note = await signed()
    const draft = await createNote(app, sessionId, 'soap')
    expect(() => run('DELETE FROM notes WHERE id = ?', note.id)).toThrow('notes are never deleted')
    expect(() => run('DELETE FROM notes WHERE id = ?', draft.id)).toThrow('notes are never deleted')
    expect(() => run('DELETE FROM notes')).toThrow('notes are never deleted')
    const r = row(draft.id)
    expect(() =>
      run(
        'INSERT OR REPLACE INTO notes (id, session_id, client_id, template, body, revision, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        draft.id, r.session_id, r.client_id, 'soap', '{}', 1, r.created_at, r.updated_at
      )
    ).toThrow('notes are never replaced')
    expect(app.count('notes')).toBe(2)
  })

  it('keep addenda append-only: no UPDATE, DELETE or REPLACE', async () => {
    const note = await signed()
    const addendum = app.connection.sqlite.prepare('SELECT * FROM note_addenda WHERE note_id = ?').get(note.id) as Record<string, unknown>
    expect(() => run('UPDATE note_addenda SET text = ? WHERE id = ?', 'rewritten', addendum.id)).toThrow('addenda are append-only')
    expect(() => run('DELETE FROM note_addenda WHERE id = ?', addendum.id)).toThrow('addenda are append-only')
    expect(() =>
      run(
        `INSERT OR REPLACE INTO note_addenda (id, note_id, client_id, position, text, signed_at, signer_name, content_hash)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        addendum.id, note.id, addendum.client_id, 1, 'replaced', addendum.signed_at, 'x', 'y'
      )
    ).toThrow('addenda are append-only')
    expect(app.connection.sqlite.prepare('SELECT text FROM note_addenda').pluck().all()).toEqual(['First correction.'])
  })

  it('keep the FTS index in step with note_search, whatever writes it', async () => {
    const note = await createNote(app, sessionId, 'soap')
    const match = (q: string) => app.connection.sqlite.prepare('SELECT count(*) FROM note_fts WHERE note_fts MATCH ?').pluck().get(q)
    run('UPDATE note_search SET content = ? WHERE note_id = ?', 'buprenorphine taper discussed', note.id)
    expect(match('buprenorphine')).toBe(1)
    run('UPDATE note_search SET content = ? WHERE note_id = ?', 'nothing of the kind', note.id)
    expect(match('buprenorphine')).toBe(0)
    expect(() => run("INSERT OR REPLACE INTO note_search (note_id, content) VALUES (?, 'x')", note.id)).toThrow('note_search rows are updated, never replaced')
    // FTS5's own check that the index matches its content table.
    expect(() => run("INSERT INTO note_fts (note_fts, rank) VALUES ('integrity-check', 1)")).not.toThrow()
  })
})
