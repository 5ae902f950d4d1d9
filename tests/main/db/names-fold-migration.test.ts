/**
 * Migration 0010 (names_fold): rows written before it get the new fold — a client's sort key and
 * search text, a note's folded words — from its one-time JS backfill, in the same transaction.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase, type Connection } from '../../../src/main/db/connection'
import { applyMigrations } from '../../../src/main/db/migrate'
import { MIGRATIONS_FOLDER } from '../../factories/app'

const TAG = '0010_names_fold'
const AT = '2026-03-08T15:00:00.000Z'
const dirs: string[] = []
const open: Connection[] = []
afterEach(() => {
  for (const c of open.splice(0)) if (c.sqlite.open) c.close()
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

/** How many of the real migrations are `tag` and those after it. */
function migrationsFrom(tag: string): number {
  const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] }
  return journal.entries.length - journal.entries.findIndex((e) => e.tag === tag)
}

/** The real migrations as they were before 0010. */
function migrationsBefore(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kap-names-fold-'))
  dirs.push(dir)
  const folder = join(dir, 'drizzle')
  cpSync(MIGRATIONS_FOLDER, folder, { recursive: true })
  const journalPath = join(folder, 'meta', '_journal.json')
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] }
  const at = journal.entries.findIndex((e) => e.tag === TAG)
  for (const e of journal.entries.slice(at)) unlinkSync(join(folder, `${e.tag}.sql`))
  journal.entries = journal.entries.slice(0, at)
  writeFileSync(journalPath, JSON.stringify(journal, null, 2))
  return folder
}

describe('migration 0010 names_fold', () => {
  it('refolds existing clients and notes once, so old rows sort and search like new ones', async () => {
    const connection = openDatabase(':memory:')
    open.push(connection)
    const { sqlite } = connection
    await applyMigrations(sqlite, migrationsBefore())
    // As 0009's code wrote them: ł left as it is, punctuation kept.
    const client = sqlite.prepare(
      `INSERT INTO clients (id, legal_first_name, legal_last_name, date_of_birth, sex, status, sort_name, search_text, created_at, updated_at)
       VALUES (?, ?, ?, '1980-01-01', 'M', 'active', ?, ?, ?, ?)`
    )
    client.run('c1', 'Łukasz', 'Wróbel', 'wrobel łukasz', 'łukasz | wrobel', AT, AT)
    client.run('c2', 'Kate', 'O’Brien-Smith', 'o’brien-smith kate', 'kate | o’brien-smith', AT, AT)
    client.run('c3', 'Zed', 'Zimmer', 'zimmer zed', 'zed | zimmer', AT, AT)
    sqlite.prepare(`INSERT INTO sessions (id, client_id, date, start_time, duration_minutes, kind, place_of_service, status, created_at, updated_at)
      VALUES ('s1', 'c1', '2026-03-01', '09:00', 50, 'psychotherapy', '11', 'completed', ?, ?)`).run(AT, AT)
    sqlite.prepare(`INSERT INTO notes (id, session_id, client_id, template, body, revision, created_at, updated_at)
      VALUES ('n1', 's1', 'c1', 'soap', '{}', 1, ?, ?)`).run(AT, AT)
    sqlite.prepare(`INSERT INTO note_search (note_id, content, client_key) VALUES ('n1', 'Małgorzata and O''Brien joined', 'cx')`).run()

    const report = await applyMigrations(sqlite, MIGRATIONS_FOLDER)
    // 0010 and every migration after it.
    expect(report.applied).toBe(migrationsFrom(TAG))

    const clients = sqlite.prepare('SELECT id, sort_name AS sortName, search_text AS searchText FROM clients ORDER BY sort_name').all()
    expect(clients).toEqual([
      { id: 'c2', sortName: 'obriensmith kate', searchText: 'kate | obriensmith | 01/01/1980 | 19800101 | 01011980' },
      { id: 'c1', sortName: 'wrobel lukasz', searchText: 'lukasz | wrobel | 01/01/1980 | 19800101 | 01011980' },
      { id: 'c3', sortName: 'zimmer zed', searchText: 'zed | zimmer | 01/01/1980 | 19800101 | 01011980' }
    ])
    expect(sqlite.prepare("SELECT folded FROM note_search WHERE note_id = 'n1'").pluck().get()).toBe('malgorzata obrien')
    const match = (q: string) => sqlite.prepare('SELECT count(*) FROM note_fts WHERE note_fts MATCH ?').pluck().get(q)
    expect([match('malgorzata'), match('obrien'), match('joined'), match('"o\'brien"')]).toEqual([1, 1, 1, 1])
    expect(sqlite.prepare('SELECT term FROM note_terms').pluck().all()).toEqual(expect.arrayContaining(['malgorzata', 'obrien']))
    // The FTS index agrees with its content table after the rebuild and the backfill's updates.
    expect(() => sqlite.exec("INSERT INTO note_fts (note_fts, rank) VALUES ('integrity-check', 1)")).not.toThrow()
    // Once: applying again runs no backfill (nothing pending).
    expect((await applyMigrations(sqlite, MIGRATIONS_FOLDER)).applied).toBe(0)
  })
})
