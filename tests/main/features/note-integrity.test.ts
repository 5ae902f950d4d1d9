/**
 * A signed note's content hash is checked on every read: someone with the database key who drops
 * the immutability trigger and edits the text is shown, and logged — the untouched notes read clean.
 */
import { randomBytes } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import type { AuditVerifyResult } from '@shared/contracts/audit'
import type { Note } from '@shared/contracts/notes'
import { verifyFindings } from '@shared/domain/verify-findings'
import { noteAsText } from '../../../src/main/features/exports/note-text'
import { openTestApp, type TestApp } from '../../factories/app'
import { createClient } from '../../factories/clients'
import { createNote, createSession, signableDosingBody } from '../../factories/clinical'
import { storedEntries } from '../audit/helpers'

const SECRET_WORDS = 'Tampered words nobody signed'

let app: TestApp
afterEach(() => app.close())

async function signedNoteWithAddendum(startTime: string): Promise<Note> {
  const clientId = (await createClient(app, { status: 'active' })).id
  const sessionId = (await createSession(app, clientId, { startTime })).session.id
  const note = await createNote(app, sessionId)
  const saved = await app.ok<Note>('notes:save', { id: note.id, revision: note.revision, body: signableDosingBody() })
  await app.ok<Note>('notes:sign', { id: note.id, revision: saved.revision })
  return app.ok<Note>('notes:addAddendum', { noteId: note.id, text: 'Client called the next day; doing well.' })
}

const get = (id: string) => app.ok<Note>('notes:get', { id })
const mismatches = () => storedEntries(app.connection.sqlite).filter((e) => e.action === 'signature_mismatch')

describe.each([
  ['a plain database', undefined],
  ['an encrypted database', randomBytes(32)]
])('signed note integrity on %s', (_label, key) => {
  it('reads an untouched signed note and its addenda as matching, and logs nothing extra', async () => {
    app = await openTestApp({ file: true, key })
    const note = await signedNoteWithAddendum('10:00')
    expect(note.integrity).toBe('matches')
    expect(note.addenda.map((a) => a.integrity)).toEqual(['matches'])
    expect((await get(note.id)).integrity).toBe('matches')
    expect(mismatches()).toEqual([])
  })

  it('a note body changed in the file after signing reads as a mismatch, and the read is logged without its content', async () => {
    app = await openTestApp({ file: true, key })
    const clean = await signedNoteWithAddendum('09:00')
    const note = await signedNoteWithAddendum('11:00')
    const body = JSON.stringify({ ...note.body, notes: SECRET_WORDS })
    app.connection.sqlite.exec('DROP TRIGGER notes_signed_no_update')
    app.connection.sqlite.prepare('UPDATE notes SET body = ? WHERE id = ?').run(body, note.id)

    const read = await get(note.id)
    expect(read.body).toMatchObject({ notes: SECRET_WORDS })
    expect(read.integrity).toBe('mismatch')
    expect(read.contentHash).toBe(note.contentHash)
    expect(noteAsText(read)).toContain('WARNING: This note’s content does not match its signature (changed after signing).')
    expect(noteAsText(note)).not.toContain('WARNING')
    const entries = mismatches()
    expect(entries).toMatchObject([{ entity: 'note', entityId: note.id, clientId: note.clientId, channel: 'notes:integrity' }])
    expect(JSON.stringify(entries)).not.toContain('Tampered')
    // Every read says so again; the untouched note still reads clean.
    await get(note.id)
    expect(mismatches()).toHaveLength(2)
    expect((await get(clean.id)).integrity).toBe('matches')
    expect(mismatches()).toHaveLength(2)
  })

  it('an addendum changed in the file reads as a mismatch, and so does one whose note’s hash was replaced', async () => {
    app = await openTestApp({ file: true, key })
    const note = await signedNoteWithAddendum('13:00')
    app.connection.sqlite.exec('DROP TRIGGER note_addenda_no_update')
    app.connection.sqlite.prepare('UPDATE note_addenda SET text = ? WHERE note_id = ?').run(SECRET_WORDS, note.id)
    const read = await get(note.id)
    expect(read.integrity).toBe('matches')
    expect(read.addenda.map((a) => a.integrity)).toEqual(['mismatch'])
    expect(mismatches()).toMatchObject([{ entity: 'addendum', entityId: note.addenda[0]!.id, clientId: note.clientId }])

    // Recomputing the note's hash over a new body does not hide it: the addendum is bound to the old one.
    const other = await signedNoteWithAddendum('15:00')
    app.connection.sqlite.exec('DROP TRIGGER notes_signed_no_update')
    app.connection.sqlite.prepare("UPDATE notes SET content_hash = '" + 'f'.repeat(64) + "' WHERE id = ?").run(other.id)
    const reread = await get(other.id)
    expect([reread.integrity, reread.addenda[0]!.integrity]).toEqual(['mismatch', 'mismatch'])
  })
})

const verify = () => app.ok<AuditVerifyResult>('audit:verify', {})

describe('audit:verify re-hashes every signed note and checks the triggers', () => {
  it('reports every signed note and addendum intact, and every trigger in place', async () => {
    app = await openTestApp({ file: true })
    await signedNoteWithAddendum('09:00')
    await signedNoteWithAddendum('11:00')
    const result = await verify()
    expect(result).toMatchObject({ ok: true, guarded: true, signedNotes: { notes: 2, addenda: 2, mismatched: [] }, triggers: { missing: [], changed: [], unexpected: [] } })
    expect(result.triggers.expected).toBeGreaterThanOrEqual(25)
    expect(verifyFindings(result).ok).toBe(true)
  })

  it('names the note and addendum changed, and the triggers dropped, rewritten or planted — by ID and name only', async () => {
    app = await openTestApp({ file: true })
    await signedNoteWithAddendum('09:00')
    const note = await signedNoteWithAddendum('11:00')
    const other = await signedNoteWithAddendum('13:00')
    const sqlite = app.connection.sqlite
    sqlite.exec('DROP TRIGGER notes_signed_no_update; DROP TRIGGER note_addenda_no_update; DROP TRIGGER payments_no_delete')
    sqlite.prepare('UPDATE notes SET body = ? WHERE id = ?').run(JSON.stringify({ ...note.body, notes: SECRET_WORDS }), note.id)
    sqlite.prepare('UPDATE note_addenda SET text = ? WHERE id = ?').run(SECRET_WORDS, other.addenda[0]!.id)
    sqlite.exec("DROP TRIGGER charges_no_delete; CREATE TRIGGER charges_no_delete BEFORE DELETE ON charges BEGIN SELECT 1; END")
    sqlite.exec('CREATE TRIGGER planted AFTER INSERT ON clients BEGIN SELECT 1; END')

    const result = await verify()
    expect(result).toMatchObject({ ok: true, guarded: true })
    expect(result.signedNotes).toEqual({
      notes: 3,
      addenda: 3,
      mismatched: expect.arrayContaining([{ entity: 'note', id: note.id, noteId: note.id }, { entity: 'addendum', id: other.addenda[0]!.id, noteId: other.id }])
    })
    expect(result.signedNotes.mismatched).toHaveLength(2)
    expect(result.triggers).toMatchObject({
      missing: ['note_addenda_no_update', 'notes_signed_no_update', 'payments_no_delete'].sort(),
      changed: ['charges_no_delete'],
      unexpected: ['planted']
    })
    const findings = verifyFindings(result)
    expect(findings.ok).toBe(false)
    expect(findings.lines.map((l) => l.text)).toEqual([
      `1 signed note does not match its signature (changed after signing): note ${note.id}.`,
      `1 addendum does not match its signature: addendum ${other.addenda[0]!.id} (note ${other.id}).`,
      'Safeguards removed: 3 triggers are missing — note_addenda_no_update, notes_signed_no_update, payments_no_delete.',
      'Safeguards changed: 1 trigger differs from what the app made — charges_no_delete.',
      'Unknown trigger added outside the app: planted.'
    ])
    expect(JSON.stringify(result)).not.toContain('Tampered')
    // Verifying reads only: no entry is written for what it finds.
    expect(mismatches()).toEqual([])
  })
})
