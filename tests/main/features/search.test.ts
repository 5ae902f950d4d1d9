import * as fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Note, NoteSearchHit } from '@shared/contracts/notes'
import { ftsQuery } from '../../../src/main/features/notes/search-query'
import { openTestApp, type TestApp } from '../../factories/app'
import { createClient } from '../../factories/clients'
import { createNote, createSession, openAs, signableDosingBody } from '../../factories/clinical'

let app: TestApp
let maria: string
let ben: string
let soapId: string
let dosingId: string
let benNoteId: string

const EXPANSIONS: Record<string, string[] | null> = { ketam: ['ketamine'], spaci: ['spacious', 'spaciousness'], clie: null }
const expand = (prefix: string) => (prefix in EXPANSIONS ? EXPANSIONS[prefix]! : [])
const search = (query: string, extra: Record<string, unknown> = {}) => app.ok<NoteSearchHit[]>('notes:search', { query, ...extra })
const ids = async (query: string, extra: Record<string, unknown> = {}) => (await search(query, extra)).map((h) => h.noteId).sort()

beforeEach(async () => {
  app = await openTestApp({ file: true })
  maria = (await createClient(app, { status: 'active' })).id
  ben = (await createClient(app, { legalFirstName: 'Benjamin', preferredName: 'Ben', legalLastName: 'Okafor', email: 'ben@example.com', status: 'active' })).id
  const s1 = (await createSession(app, maria, { kind: 'psychotherapy', date: '2026-03-02' })).session.id
  const soap = await createNote(app, s1)
  await app.ok('notes:save', {
    id: soap.id,
    revision: soap.revision,
    body: { subjective: 'Talked about her café job and the Ñandú painting by José.', objective: 'Calm, well groomed.', assessment: 'Depressive symptoms easing.', plan: 'Continue weekly.' }
  })
  soapId = soap.id
  const s2 = (await createSession(app, maria, { date: '2026-03-04' })).session.id
  const dosing = await createNote(app, s2)
  const saved = await app.ok<Note>('notes:save', { id: dosing.id, revision: dosing.revision, body: signableDosingBody() })
  await app.ok('notes:sign', { id: dosing.id, revision: saved.revision })
  dosingId = dosing.id
  const s3 = (await createSession(app, ben, { kind: 'integration', date: '2026-03-05' })).session.id
  const benNote = await createNote(app, s3)
  await app.ok('notes:save', { id: benNote.id, revision: benNote.revision, body: { experience: 'Described the dissociation as spacious; grief about a brother.', themes: 'Grief, belonging' } })
  benNoteId = benNote.id
})
afterEach(() => app.close())

describe('notes:search', () => {
  it('finds words in any note, with the client, date and a snippet marking the match', async () => {
    const hits = await search('grief')
    expect(hits.map((h) => h.noteId).sort()).toEqual([dosingId, benNoteId].sort())
    const hit = hits.find((h) => h.noteId === benNoteId)!
    expect(hit).toMatchObject({ clientName: 'Ben Okafor', date: '2026-03-05', kind: 'integration', template: 'integration', status: 'draft' })
    expect(hit.snippet.filter((p) => p.match).map((p) => p.text.toLowerCase())).toEqual(['grief', 'grief'])
    expect(hit.snippet.map((p) => p.text).join('')).toContain('grief about a brother')
  })

  it('ignores accents and case both ways', async () => {
    expect(await ids('jose')).toEqual([soapId])
    expect(await ids('JOSÉ')).toEqual([soapId])
    expect(await ids('cafe')).toEqual([soapId])
    expect(await ids('nandu')).toEqual([soapId])
    // The decomposed form (e + combining acute) too.
    expect(await ids('cafe\u0301')).toEqual([soapId])
  })

  it('finds the start of a word as it is typed, and needs every word', async () => {
    expect(await ids('spaci')).toEqual([dosingId, benNoteId].sort())
    expect(await ids('spaciousn')).toEqual([dosingId])
    // A prefix standing for several words, beside other words (an OR inside an AND).
    expect(await ids('spac grie brot')).toEqual([benNoteId])
    expect(await ids('desc spac')).toEqual([dosingId, benNoteId].sort())
    expect(await ids('ketami')).toEqual([dosingId])
    expect(await ids('dep')).toEqual([soapId])
    // A single character is a whole word, not a prefix of every word starting with it.
    expect(await ids('g')).toEqual([])
    expect(await ids('grief broth')).toEqual([benNoteId])
    expect(await ids('grief café')).toEqual([])
    // Drug and route names of a dosing note are searchable by their labels.
    expect(await ids('ketamine')).toEqual([dosingId])
  })

  it('searches addenda, and follows draft edits', async () => {
    await app.ok('notes:addAddendum', { noteId: dosingId, text: 'Late entry: mild tinnitus reported by phone.' })
    expect(await ids('tinnitus')).toEqual([dosingId])
    const note = await app.ok<Note>('notes:get', { id: benNoteId })
    await app.ok('notes:save', { id: benNoteId, revision: note.revision, body: { experience: 'Rewritten: talked about the ocean.' } })
    expect(await ids('brother')).toEqual([])
    expect(await ids('ocean')).toEqual([benNoteId])
  })

  it('narrows to one client and honours the limit', async () => {
    expect(await ids('grief', { clientId: ben })).toEqual([benNoteId])
    expect(await ids('grief', { clientId: maria })).toEqual([dosingId])
    expect(await search('grief', { limit: 1 })).toHaveLength(1)
  })

  it('never lets input become FTS syntax: hostile queries are words or nothing, never an error', async () => {
    for (const q of ['"', '""', '*', 'NEAR(', "') OR 1", 'AND(', 'grief AND', 'OR', 'NOT grief', '-grief', '^grief', 'content:grief', 'grief*', '(grief', 'gri"ef', '\\', ';', '', '   ', '\u0000', '🙂', 'NEAR(grief brother, 2)']) {
      const result = await app.call('notes:search', { query: q })
      expect({ q, ok: result.ok }).toEqual({ q, ok: true })
    }
    expect(await ids('"grief"')).toEqual([dosingId, benNoteId].sort())
    expect(await ids('(grief')).toEqual([dosingId, benNoteId].sort())
    expect(await search('*')).toEqual([])
    expect(await search("') OR 1")).toEqual([])
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 60 }), async (q) => {
        const result = await app.call('notes:search', { query: q })
        expect(result.ok || (!result.ok && result.error.code === 'invalid_input')).toBe(true)
      }),
      { numRuns: 300, seed: 20260308 }
    )
    // Real prefixes (which expand into ORs of indexed words) mixed with operators and punctuation.
    const piece = fc.constantFrom('spac', 'grie', 'desc', 'jose', 'café', 'ca', 'g', "o'b", 'AND', 'OR', 'NOT', 'NEAR(', '"x', '*', '(', ')', 'spaciousness', 'brot')
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { minLength: 1, maxLength: 8 }), async (words) => {
        const result = await app.call('notes:search', { query: words.join(' ') })
        expect({ words, ok: result.ok }).toEqual({ words, ok: true })
      }),
      { numRuns: 300, seed: 20260309 }
    )
  })

  it('builds quoted terms: whole words for one character, prefixes, and indexed words for longer prefixes', () => {
    expect(ftsQuery('ketam jo g')).toBe('{content folded} : ("ketam"* AND "jo"* AND "g")')
    expect(ftsQuery('say "hi" a')).toBe('{content folded} : ("say"* AND """hi"""* AND "a")')
    expect(ftsQuery('* ( ) "')).toBeNull()
    expect(ftsQuery('grief', '00000000-0000-4000-8000-00000000002A')).toBe('client_key : "c0000000000004000800000000000002a" AND {content folded} : ("grief"*)')
    expect(ftsQuery('KETAM Spaci clie zzzz jo', undefined, expand)).toBe('{content folded} : ("ketamine" AND ("spacious" OR "spaciousness") AND "clie"* AND "zzzz"* AND "jo"*)')
    // Name punctuation: the word as written (a phrase in content) or joined up (folded, or written so).
    expect(ftsQuery("O'Brien", undefined, expand)).toBe(`{content folded} : (("o'brien"* OR "obrien"*))`)
    // Typed as foldForSearch spells it, which is how the folded column holds it.
    expect(ftsQuery('Łukasz', undefined, expand)).toBe('{content folded} : ("lukasz"*)')
  })

  it('records each note’s words as the index holds them, folded', async () => {
    const terms = app.connection.sqlite.prepare('SELECT term FROM note_terms').pluck().all() as string[]
    expect(terms).toEqual(expect.arrayContaining(['cafe', 'jose', 'nandu', 'spaciousness', 'grief', 'ketamine']))
    expect(terms).not.toContain('José')
    // A rebuild from the index gives the same words (none were dropped since).
    app.services.notes.rebuildTerms()
    expect((app.connection.sqlite.prepare('SELECT term FROM note_terms').pluck().all() as string[]).sort()).toEqual([...terms].sort())
  })

  it('finds accented names from a typed prefix of any length', async () => {
    const note = await app.ok<Note>('notes:get', { id: benNoteId })
    await app.ok('notes:save', { id: benNoteId, revision: note.revision, body: { experience: 'Spoke of Søren, Małgorzata, Nguyễn and Björn; Zoë joined.' } })
    for (const q of ['sø', 'sør', 'søre', 'Søren', 'małgo', 'malgo', 'malgorzata', 'nguy', 'nguyê', 'nguyen', 'bjor', 'björn', 'zoe', 'ZOË']) {
      expect({ q, found: await ids(q) }).toEqual({ q, found: [benNoteId] })
    }
  })

  it('finds letters unicode61 does not fold, and names with or without their punctuation', async () => {
    const note = await app.ok<Note>('notes:get', { id: benNoteId })
    await app.ok('notes:save', {
      id: benNoteId,
      revision: note.revision,
      body: { experience: 'Spoke of Łukasz Wróbel, Søren Ødegård, Nguyễn Đức, Frau Weiß and Kate O’Brien-Smith; Smith Jones came too.' }
    })
    for (const q of ['lukasz', 'luk', 'ŁUKASZ', 'wrobel', 'soren', 'odegard', 'ødegård', 'duc', 'Đức', 'weiss', 'weiß',
      "O'Brien", 'OBrien', 'obriensmith', "O'Brien-Smith", 'Smith-Jones', 'smith jones']) {
      expect({ q, found: await ids(q) }).toEqual({ q, found: [benNoteId] })
    }
    // Free text has no name boundaries: two written words are not joined ("smithjones" finds only a
    // note that wrote it so, or with punctuation), unlike a client's name fields.
    // The snippet still shows the note's own spelling.
    const [hit] = await search('lukasz')
    expect(hit!.snippet.map((p) => p.text).join('')).toContain('Łukasz')
  })

  it('is for clinicians only', async () => {
    const admin = await openAs(app)
    try {
      expect((await admin.fail('notes:search', { query: 'grief' })).code).toBe('forbidden')
    } finally {
      admin.close()
    }
  })
})
