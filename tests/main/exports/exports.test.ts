import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openArchive, sealArchive } from '../../../src/main/features/exports/archive-format'
import { csvField, toCsv } from '../../../src/main/features/exports/csv'
import { createClient } from '../../factories/clients'
import { openTestApp, sequentialIds, type TestApp } from '../../factories/app'
import { seedDemoPractice } from '../../factories/demo'
import { createMeasure, createNote, createSession, phq9, signableDosingBody } from '../../factories/clinical'
import type { Note } from '@shared/contracts/notes'

/** Cheap scrypt for tests; the format and code path are the same as the app's. */
const FAST_KDF = { log2N: 12, r: 8, p: 1 }
const PASSPHRASE = 'correct horse battery staple'
const TRICKY_LAST = 'Núñez, "Zoë"\nÅngström'
const TRICKY_FIRST = 'Renée, "the=sum"'

/** A tiny RFC 4180 reader, independent of the writer: quoted fields, doubled quotes, CRLF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (ch === '"') quoted = false
      else field += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') {
      row.push(field)
      field = ''
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field)
      rows.push(row)
      row = []
      field = ''
      i++
    } else field += ch
  }
  if (field || row.length) rows.push([...row, field])
  return rows
}
const readCsv = (path: string) => {
  const bytes = readFileSync(path)
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  const [header, ...rows] = parseCsv(bytes.toString('utf8').slice(1))
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]])))
}

const apps: TestApp[] = []
afterEach(() => {
  for (const app of apps.splice(0)) app.close()
})
/** `firstId` keeps two practices' deterministic IDs apart, as real UUIDs would be. */
async function practice(firstId = 1): Promise<TestApp & { dataDir: string }> {
  const app = await openTestApp({ file: true, archiveKdf: FAST_KDF, context: { newId: sequentialIds(firstId) } })
  apps.push(app)
  return Object.assign(app, { dataDir: join(app.databasePath, '..') })
}
const exportsDir = (app: { dataDir: string }) => join(app.dataDir, 'exports')
const clientNames = (app: TestApp) =>
  (app.connection.sqlite.prepare('SELECT legal_last_name AS n FROM clients ORDER BY legal_last_name').all() as Array<{ n: string }>).map((r) => r.n)

describe('csv', () => {
  it('quotes commas, quotes and line breaks, and defuses formulas', () => {
    expect(csvField('plain')).toBe('plain')
    expect(csvField('a,b')).toBe('"a,b"')
    expect(csvField('say "hi"')).toBe('"say ""hi"""')
    expect(csvField('two\nlines')).toBe('"two\nlines"')
    expect(csvField('=1+1')).toBe("'=1+1")
    expect(csvField(null)).toBe('')
    expect(csvField(-3)).toBe('-3')
    const text = toCsv(['a', 'b'], [{ a: 'x,y', b: 'Zoë' }])
    expect(text.startsWith('\uFEFFa,b\r\n')).toBe(true)
    expect(parseCsv(text.slice(1))).toEqual([
      ['a', 'b'],
      ['x,y', 'Zoë']
    ])
  })
})

describe('exports:custodian', { timeout: 30_000 }, () => {
  it('writes a README, practice.json, clients.csv and a folder for every client, archived ones included', async () => {
    const app = await practice()
    const demo = await seedDemoPractice(app, { today: '2026-03-08' })
    const tricky = await createClient(app, { legalLastName: TRICKY_LAST, legalFirstName: TRICKY_FIRST })

    const result = await app.ok<{ folder: string; clients: number; files: number }>('exports:custodian', {})

    expect(result.folder.startsWith(exportsDir(app))).toBe(true)
    expect(result.folder).toMatch(/custodian-\d{8}T\d{6}Z$/)
    expect(result.clients).toBe(demo.counts.clients + 1)
    const ids = [...demo.clientIds, tricky.id]
    const entries = readdirSync(result.folder).sort()
    expect(entries).toEqual(['README.txt', 'clients.csv', 'practice.json', ...ids].sort())
    // Seven files a client, and notes.txt for those with notes.
    const withNotes = ids.filter((id) => readdirSync(join(result.folder, id)).includes('notes.txt'))
    expect(withNotes.length).toBeGreaterThan(0)
    expect(result.files).toBe(3 + 7 * ids.length + withNotes.length)
    for (const id of ids) {
      const expected = ['client.json', 'consents.csv', 'diagnoses.csv', 'insurance.csv', 'measures.csv', 'screening.csv', 'sessions.csv']
      expect(readdirSync(join(result.folder, id)).sort()).toEqual((withNotes.includes(id) ? [...expected, 'notes.txt'] : expected).sort())
    }

    const practiceJson = JSON.parse(readFileSync(join(result.folder, 'practice.json'), 'utf8'))
    expect(practiceJson).toMatchObject({ formatVersion: 1, practice: { practiceName: 'Redwood Integrative Psychotherapy' } })

    // The index round-trips the hardest name there is.
    const index = readCsv(join(result.folder, 'clients.csv'))
    expect(index).toHaveLength(ids.length)
    const row = index.find((r) => r.id === tricky.id)!
    expect(row.legalLastName).toBe(TRICKY_LAST)
    expect(row.legalFirstName).toBe(TRICKY_FIRST)
    expect(index.filter((r) => r.archived === 'yes')).toHaveLength(demo.counts.archived)

    // Every client.json matches the chart, with lettered diagnoses, screening history and revoked consents.
    let revoked = 0
    let diagnoses = 0
    for (const id of ids) {
      const record = JSON.parse(readFileSync(join(result.folder, id, 'client.json'), 'utf8'))
      expect(record).toMatchObject({ formatVersion: 1, kind: 'kap-practice/client', id })
      expect(record.screening.current).toHaveLength(11)
      revoked += record.consents.filter((c: { revoked: boolean }) => c.revoked).length
      diagnoses += record.diagnoses.length
      for (const d of record.diagnoses.filter((x: { removedAt: string | null }) => x.removedAt === null)) expect(d.letter).toMatch(/^[A-L]$/)
      expect(readCsv(join(result.folder, id, 'consents.csv'))).toHaveLength(record.consents.length)
    }
    expect(revoked).toBe(demo.counts.revokedConsents)
    expect(diagnoses).toBe(demo.counts.diagnoses)
    const trickyJson = JSON.parse(readFileSync(join(result.folder, tricky.id, 'client.json'), 'utf8'))
    expect(trickyJson.demographics.legalLastName).toBe(TRICKY_LAST)

    // Audited once, as an export of the practice, naming no client.
    const audit = app.connection.sqlite.prepare("SELECT action, entity, client_id AS clientId FROM audit_log WHERE channel = 'exports:custodian'").all()
    expect(audit).toEqual([{ action: 'export', entity: 'practice', clientId: null }])
  })

  it('keeps screening history: an answer changed later appears as current and as history', async () => {
    const app = await practice()
    const client = await createClient(app)
    const item = { answer: 'no', note: null, reviewedBy: 'J. Ellis', reviewedOn: '2026-01-02' }
    await app.ok('screening:record', { clientId: client.id, itemKey: 'glaucoma', item })
    await app.ok('screening:record', { clientId: client.id, itemKey: 'glaucoma', item: { ...item, answer: 'yes', note: 'Seen by optometrist, "narrow angle"' } })
    const { folder } = await app.ok<{ folder: string }>('exports:custodian', {})
    const rows = readCsv(join(folder, client.id, 'screening.csv')).filter((r) => r.item === 'glaucoma')
    expect(rows.map((r) => [r.current, r.answer])).toEqual([
      ['yes', 'yes'],
      ['no', 'no']
    ])
    expect(rows[0]!.note).toBe('Seen by optometrist, "narrow angle"')
  })

  it('two exports in the same second get separate folders', async () => {
    const app = await openTestApp({ file: true, context: { now: () => new Date('2026-03-08T15:00:00Z') } })
    apps.push(app)
    const a = await app.ok<{ folder: string }>('exports:custodian', {})
    const b = await app.ok<{ folder: string }>('exports:custodian', {})
    expect(a.folder).not.toBe(b.folder)
    expect(b.folder.endsWith('-1')).toBe(true)
  })

  it('is refused for an in-memory database, writing nothing', async () => {
    const app = await openTestApp()
    apps.push(app)
    expect(await app.fail('exports:custodian', {})).toMatchObject({ code: 'conflict' })
    expect(app.count('audit_log')).toBe(0)
  })
})

// scrypt at full cost, and whole-database copies: slow on a busy 2-core machine, not a hang.
describe('archive format', { timeout: 30_000 }, () => {
  it('refuses a scrypt cost it did not write before deriving anything, and an inflate bomb', async () => {
    const data = Buffer.from('SQLite format 3\0 and some pages')
    // The reviewer's N=2^20, r=16 header: refused at once (deriving it took 9 s and 2.2 GiB).
    const costly = sealArchive(data, PASSPHRASE, FAST_KDF)
    costly[10] = 20
    costly[11] = 16
    // 'damaged', not 'wrong passphrase': the cost was refused before any key was derived from it.
    await expect(openArchive(costly, PASSPHRASE, { accept: [FAST_KDF] })).rejects.toThrow('The archive is damaged and cannot be opened.')
    // A cheap cost is refused too unless it is one we accept (tests accept theirs).
    await expect(openArchive(sealArchive(data, PASSPHRASE, FAST_KDF), PASSPHRASE)).rejects.toThrow('damaged')
    // 10 MB of zeros deflates to ~10 kB; with a 1 MB limit it is refused without inflating it all.
    const bomb = sealArchive(Buffer.alloc(10_000_000), PASSPHRASE, FAST_KDF)
    expect(bomb.length).toBeLessThan(50_000)
    await expect(openArchive(bomb, PASSPHRASE, { accept: [FAST_KDF], maxDatabaseBytes: 1_000_000 })).rejects.toThrow('larger than KAP Practice can import')
    expect((await openArchive(bomb, PASSPHRASE, { accept: [FAST_KDF] })).length).toBe(10_000_000)
  })

  it('derives the key off the event loop: timers keep firing while scrypt runs at the shipped cost', async () => {
    const sealed = sealArchive(Buffer.from('SQLite format 3\0 pages'), PASSPHRASE)
    let ticks = 0
    const timer = setInterval(() => ticks++, 1)
    try {
      let ticksWhileDeriving = -1
      // With scryptSync the promise is settled before any timer can fire (0 ticks); on the thread pool they keep firing.
      await openArchive(sealed, PASSPHRASE).then(() => (ticksWhileDeriving = ticks))
      expect(ticksWhileDeriving).toBeGreaterThan(0)
    } finally {
      clearInterval(timer)
    }
  })

  it('round-trips with the default scrypt cost and refuses a wrong passphrase', async () => {
    const data = Buffer.from('SQLite format 3\0 and some pages')
    const sealed = sealArchive(data, PASSPHRASE)
    expect(await openArchive(sealed, PASSPHRASE)).toEqual(data)
    await expect(openArchive(sealed, 'not the passphrase')).rejects.toThrow('The passphrase does not open this archive.')
    await expect(openArchive(Buffer.from('hello world, this is not an archive at all, not at all, no'), PASSPHRASE)).rejects.toThrow('not a KAP Practice archive')
  })
})

describe('exports:custodian: the clinical record', () => {
  it('carries sessions, every note in full with its signature and addenda, and measures — readable on paper', async () => {
    const app = await practice()
    const client = await createClient(app, { legalLastName: 'Okafor' })
    const { session } = await createSession(app, client.id, { kind: 'dosing', date: '2026-03-02', startTime: '10:00', durationMinutes: 180 })
    const note = await createNote(app, session.id)
    await app.ok('notes:save', { id: note.id, revision: note.revision, body: signableDosingBody() })
    const signed = await app.ok<Note>('notes:sign', { id: note.id, revision: note.revision + 1 })
    await app.ok('notes:addAddendum', { noteId: note.id, text: 'Escort arrived at 12:05, not 12:10.' })
    await createMeasure(app, client.id, phq9([2, 2, 1, 1, 1, 1, 1, 1, 1]))

    const { folder } = await app.ok<{ folder: string }>('exports:custodian', {})
    const record = JSON.parse(readFileSync(join(folder, client.id, 'client.json'), 'utf8'))
    expect(record.sessions).toHaveLength(1)
    expect(record.sessions[0].notes[0]).toMatchObject({ id: note.id, status: 'signed', contentHash: signed.contentHash, addenda: [{ position: 1 }] })
    expect(record.sessions[0].notes[0].body.medication).toMatchObject({ drug: 'racemic_ketamine', doseMg: 50 })
    expect(record.measures).toEqual([expect.objectContaining({ kind: 'phq9', total: 11, safetyFlag: true })])
    expect(readCsv(join(folder, client.id, 'sessions.csv'))).toEqual([expect.objectContaining({ date: '2026-03-02', kind: 'dosing', noteStatus: 'signed' })])
    expect(readCsv(join(folder, client.id, 'measures.csv'))).toEqual([expect.objectContaining({ kind: 'phq9', total: '11', answers: '2 2 1 1 1 1 1 1 1' })])

    const text = readFileSync(join(folder, client.id, 'notes.txt'), 'utf8')
    expect(text).toContain('Dosing note — 2026-03-02 10:00 (Dosing, 180 min)')
    expect(text).toContain(`signed by ${signed.signer!.name}`)
    expect(text).toContain('processed grief about her father')
    expect(text).toContain('10:00 · 128/82 mmHg · 74 bpm · 98 % · Baseline before dosing')
    expect(text).toContain(`Content hash (SHA-256): ${signed.contentHash}`)
    expect(text).toContain('Addendum 1 — signed by')
    expect(text).toContain('Escort arrived at 12:05, not 12:10.')
    // Structured content is labelled, not dumped as JSON.
    expect(text).not.toContain('{')
  })
})

describe('exports:archive and exports:importArchive', { timeout: 30_000 }, () => {
  const SENTINEL = 'Quintessa-Sentinel-Marlowe'

  async function practiceA() {
    const a = await practice()
    await seedDemoPractice(a, { today: '2026-03-08' })
    await createClient(a, { legalLastName: SENTINEL })
    const made = await a.ok<{ path: string; fileName: string; bytes: number; clients: number }>('exports:archive', { passphrase: PASSPHRASE })
    return { a, made }
  }

  it('moves a practice: export from A, import into B, B has A’s clients and keeps its own as a backup', async () => {
    const { a, made } = await practiceA()
    expect(made.fileName).toMatch(/^kap-practice-\d{8}T\d{6}Z\.kaparchive$/)
    expect(statSync(made.path).size).toBe(made.bytes)
    expect(readFileSync(made.path).includes(Buffer.from(SENTINEL))).toBe(false)
    // Only the archive was written: no plaintext copy anywhere in the exports folder.
    expect(readdirSync(exportsDir(a))).toEqual([made.fileName])

    const b = await practice(1_000_000)
    await createClient(b, { legalLastName: 'Onlyinb' })
    const bytesOfArchive = readFileSync(made.path)
    mkdirSync(exportsDir(b), { recursive: true })
    writeFileSync(join(exportsDir(b), made.fileName), bytesOfArchive)
    expect(await b.ok('exports:list', {})).toEqual([expect.objectContaining({ fileName: made.fileName, bytes: made.bytes })])

    const result = await b.ok<{ clients: number; archivedClients: number; preImportBackup: string | null; restoredFrom: string }>('exports:importArchive', {
      fileName: made.fileName,
      passphrase: PASSPHRASE
    })

    expect(clientNames(b)).toEqual(clientNames(a))
    expect(result.clients).toBe(a.count('clients'))
    expect(result.preImportBackup).toMatch(/pre-restore/)
    expect(existsSync(join(b.dataDir, 'backups', result.preImportBackup!))).toBe(true)
    // B goes on working on the imported data, and the import is in its audit log.
    await createClient(b, { legalLastName: 'Afterimport' })
    expect(clientNames(b)).toContain('Afterimport')
    const lastAudit = b.connection.sqlite.prepare('SELECT action, channel FROM audit_log ORDER BY seq DESC LIMIT 2').all()
    expect(lastAudit).toContainEqual({ action: 'restore', channel: 'exports:importArchive' })
    expect(await b.ok('audit:verify', {})).toMatchObject({ ok: true })
    // No decrypted temp file is left behind.
    expect(readdirSync(exportsDir(b))).toEqual([made.fileName])
  })

  it('a wrong passphrase is refused beside the field, and nothing changes', async () => {
    const { a, made } = await practiceA()
    const before = clientNames(a)
    await createClient(a, { legalLastName: 'Addedafter' })
    const error = await a.fail('exports:importArchive', { fileName: made.fileName, passphrase: 'wrong passphrase, sorry' })
    expect(error).toMatchObject({ code: 'invalid_input', message: 'The passphrase does not open this archive.', fields: { passphrase: 'The passphrase does not open this archive.' } })
    expect(clientNames(a)).toEqual([...before, 'Addedafter'].sort())
    expect(readdirSync(exportsDir(a))).toEqual([made.fileName])
    expect(existsSync(join(a.dataDir, 'backups')) ? readdirSync(join(a.dataDir, 'backups')) : []).toEqual([])
  })

  it.each([
    ['in the encrypted body', (n: number) => Math.floor(n / 2)],
    ['in the GCM tag', (n: number) => n - 3]
  ])('a flipped byte %s is refused as damaged, and nothing changes', async (_where, at) => {
    const { a, made } = await practiceA()
    const bytes = readFileSync(made.path)
    bytes[at(bytes.length)]! ^= 0x01
    writeFileSync(made.path, bytes)
    await createClient(a, { legalLastName: 'Addedafter' })
    const names = clientNames(a)
    const error = await a.fail('exports:importArchive', { fileName: made.fileName, passphrase: PASSPHRASE })
    expect(error).toMatchObject({ code: 'invalid_input', message: 'The archive is damaged and cannot be opened.' })
    expect(clientNames(a)).toEqual(names)
    expect(readdirSync(exportsDir(a))).toEqual([made.fileName])
  })

  it('validates the passphrase rule and the file name', async () => {
    const app = await practice()
    expect(await app.fail('exports:archive', { passphrase: 'short' })).toMatchObject({
      code: 'invalid_input',
      fields: { passphrase: 'Passphrase must be at least 12 characters' }
    })
    // Windows reserved device names are refused even when such a file exists (it would open a device there).
    mkdirSync(exportsDir(app), { recursive: true })
    for (const name of ['NUL.kaparchive', 'con.kaparchive', 'COM1.old.kaparchive', 'lpt9.kaparchive']) writeFileSync(join(exportsDir(app), name), 'x')
    expect(await app.ok('exports:list', {})).toEqual([])
    for (const fileName of ['NUL.kaparchive', 'con.kaparchive', 'COM1.old.kaparchive', 'lpt9.kaparchive']) {
      expect(await app.fail('exports:importArchive', { fileName, passphrase: PASSPHRASE })).toMatchObject({ fields: { fileName: 'Choose an archive from the list' } })
    }
    for (const fileName of ['../practice.db', '/etc/passwd', 'x.kaparchive/../../a.kaparchive', 'archive.db']) {
      expect(await app.fail('exports:importArchive', { fileName, passphrase: PASSPHRASE })).toMatchObject({ code: 'invalid_input', fields: { fileName: expect.any(String) } })
    }
    expect(await app.fail('exports:importArchive', { fileName: 'missing.kaparchive', passphrase: PASSPHRASE })).toMatchObject({ fields: { fileName: 'That archive is no longer in the exports folder' } })
    expect(app.count('audit_log')).toBe(0)
  })
})
