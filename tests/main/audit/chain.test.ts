import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AuditVerifyResult } from '@shared/contracts/audit'
import { GENESIS_HASH, hashEntry } from '../../../src/main/features/audit/chain'
import { openTestApp, sequentialIds, type TestApp } from '../../factories/app'
import { clientInput, createClient } from '../../factories/clients'
import { dropGuards, storedEntries } from './helpers'

let app: TestApp
beforeEach(async () => {
  app = await openTestApp()
})
afterEach(() => app.close())

const verify = (on: TestApp = app) => on.ok<AuditVerifyResult>('audit:verify', {})
const sql = (statement: string, ...params: unknown[]) => app.connection.sqlite.prepare(statement).run(...params)

/** n audited calls: a client, then views of the chart. */
async function logOf(n: number, on: TestApp = app): Promise<string> {
  const c = await createClient(on)
  for (let i = 1; i < n; i++) await on.ok('clients:get', { id: c.id })
  return c.id
}

describe('audit log: append-only', () => {
  it('refuses UPDATE, DELETE and INSERT OR REPLACE through SQL, leaving the rows as they were', async () => {
    await logOf(3)
    const before = storedEntries(app.connection.sqlite)
    expect(() => sql("UPDATE audit_log SET action = 'export' WHERE seq = 2")).toThrow('audit log is append-only')
    expect(() => sql('UPDATE audit_log SET client_id = NULL')).toThrow('audit log is append-only')
    expect(() => sql('DELETE FROM audit_log WHERE seq = 3')).toThrow('audit log is append-only')
    expect(() => sql('DELETE FROM audit_log')).toThrow('audit log is append-only')
    const { seq: _s, ...row } = before[0]!
    expect(() => sql('INSERT OR REPLACE INTO audit_log (seq, id, at, actor_label, action, entity, channel, prev_hash, hash) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)',
      'forged', row.at, row.actorLabel, 'view', row.entity, row.channel, row.prevHash, row.hash)).toThrow('audit log is append-only')
    expect(() => sql("REPLACE INTO audit_log (id, at, actor_label, action, entity, channel, prev_hash, hash) VALUES (?, 'x', 'x', 'view', 'client', 'x', 'x', 'x')", row.id)).toThrow('audit log is append-only')
    expect(() => sql("INSERT INTO audit_log (seq, id, at, actor_label, action, entity, channel, prev_hash, hash) VALUES (2, 'z', 'x', 'x', 'view', 'client', 'x', 'x', 'x') ON CONFLICT(seq) DO UPDATE SET action = 'export'")).toThrow('audit log is append-only')
    expect(storedEntries(app.connection.sqlite)).toEqual(before)
    expect(await verify()).toMatchObject({ ok: true, checked: 3, guarded: true })
  })
})

describe('audit log: verify', () => {
  it('passes an empty log and an untouched one', async () => {
    expect(await verify()).toMatchObject({ ok: true, checked: 0, guarded: true })
    await logOf(5)
    expect(await verify()).toMatchObject({ ok: true, checked: 5, guarded: true })
  })

  it('says when the guard is gone even though no row changed', async () => {
    await logOf(2)
    dropGuards(app)
    expect(await verify()).toMatchObject({ ok: true, checked: 2, guarded: false })
  })

  it.each([
    ['a field of a middle entry', "UPDATE audit_log SET action = 'export' WHERE seq = 3", 3],
    ['the record of the first entry', "UPDATE audit_log SET entity_id = '00000000-0000-4000-8000-0000000000ff' WHERE seq = 1", 1],
    ['the time of the last entry', "UPDATE audit_log SET at = '2020-01-01T00:00:00.000Z' WHERE seq = 6", 6],
    ['the actor', "UPDATE audit_log SET actor_label = 'someone else' WHERE seq = 4", 4],
    ['only the link to the entry before', "UPDATE audit_log SET prev_hash = '" + 'f'.repeat(64) + "' WHERE seq = 2", 2],
    ['only the stored hash', "UPDATE audit_log SET hash = '" + 'a'.repeat(64) + "' WHERE seq = 5", 5]
  ])('finds an edit of %s', async (_what, statement, seq) => {
    await logOf(6)
    dropGuards(app)
    sql(statement)
    expect(await verify()).toMatchObject({ ok: false, checked: seq - 1, firstBrokenSeq: seq, problem: 'edited', guarded: false })
  })

  it('finds an edit whose hash was recomputed to match', async () => {
    await logOf(6)
    dropGuards(app)
    const third = storedEntries(app.connection.sqlite)[2]!
    const forged = { ...third, action: 'update' }
    sql('UPDATE audit_log SET action = ?, hash = ? WHERE seq = 3', forged.action, hashEntry(forged))
    // The forged entry is sound on its own; the next one no longer follows it.
    expect(await verify()).toMatchObject({ ok: false, firstBrokenSeq: 3, problem: 'edited' })
  })

  it.each([
    ['a middle entry', [3], 3],
    ['the first entry', [1], 1],
    ['the last entry', [6], 6],
    ['the last three', [4, 5, 6], 4],
    ['two apart', [2, 5], 2],
    ['every entry', [1, 2, 3, 4, 5, 6], 1]
  ])('finds a deleted row: %s', async (_what, seqs, first) => {
    await logOf(6)
    dropGuards(app)
    for (const seq of seqs) sql('DELETE FROM audit_log WHERE seq = ?', seq)
    expect(await verify()).toMatchObject({ ok: false, checked: first - 1, firstBrokenSeq: first, problem: 'deleted', guarded: false })
  })

  it('finds a deleted row when the rest were renumbered to close the gap', async () => {
    await logOf(6)
    dropGuards(app)
    sql('DELETE FROM audit_log WHERE seq = 3')
    sql('UPDATE audit_log SET seq = seq - 1 WHERE seq > 3')
    sql("UPDATE sqlite_sequence SET seq = 5 WHERE name = 'audit_log'")
    expect(await verify()).toMatchObject({ ok: false, firstBrokenSeq: 3, problem: 'deleted' })
  })

  it.each([
    ['neighbours', 3, 4],
    ['two far apart', 2, 5],
    ['the first and the last', 1, 6]
  ])('finds swapped rows: %s', async (_what, a, b) => {
    await logOf(6)
    dropGuards(app)
    sql('UPDATE audit_log SET seq = -1 WHERE seq = ?', a)
    sql('UPDATE audit_log SET seq = ? WHERE seq = ?', a, b)
    sql('UPDATE audit_log SET seq = ? WHERE seq = -1', b)
    expect(await verify()).toMatchObject({ ok: false, checked: a - 1, firstBrokenSeq: a, problem: 'reordered', guarded: false })
  })

  it('finds an entry renumbered by hand', async () => {
    await logOf(6)
    dropGuards(app)
    sql('UPDATE audit_log SET seq = 9 WHERE seq = 6')
    expect(await verify()).toMatchObject({ ok: false, checked: 5, firstBrokenSeq: 9, problem: 'edited', guarded: false })
  })

  it('finds a row moved past the end', async () => {
    await logOf(6)
    dropGuards(app)
    sql('UPDATE audit_log SET seq = 100 WHERE seq = 2')
    expect(await verify()).toMatchObject({ ok: false, firstBrokenSeq: 2, problem: 'reordered' })
  })

  it('keeps finding the damage after the app has gone on appending', async () => {
    const id = await logOf(6)
    dropGuards(app)
    sql('DELETE FROM audit_log WHERE seq IN (5, 6)')
    await app.ok('clients:get', { id })
    await app.ok('clients:get', { id })
    expect(await verify()).toMatchObject({ ok: false, checked: 4, firstBrokenSeq: 5, problem: 'deleted' })
  })

  it('any single edit, deletion or swap is found at its place (property)', async () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('edit' as const), column: fc.constantFrom('id', 'at', 'actor_label', 'action', 'entity', 'entity_id', 'client_id', 'channel', 'prev_hash', 'hash') }),
      fc.record({ kind: fc.constant('delete' as const) }),
      fc.record({ kind: fc.constant('swap' as const) })
    )
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 2, max: 12 }), fc.nat(), fc.nat(), op, async (n, i, j, change) => {
        const log = await openTestApp()
        try {
          await logOf(n, log)
          log.connection.sqlite.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;')
          const run = (s: string, ...p: unknown[]) => log.connection.sqlite.prepare(s).run(...p)
          const a = (i % n) + 1
          let expected: { firstBrokenSeq: number; problem: string }
          if (change.kind === 'edit') {
            run(`UPDATE audit_log SET ${change.column} = ? WHERE seq = ?`, change.column.endsWith('hash') ? '1'.repeat(64) : 'tampered', a)
            expected = { firstBrokenSeq: a, problem: 'edited' }
          } else if (change.kind === 'delete') {
            run('DELETE FROM audit_log WHERE seq = ?', a)
            expected = { firstBrokenSeq: a, problem: 'deleted' }
          } else {
            const b = ((a + (j % (n - 1))) % n) + 1
            const [lo, hi] = [Math.min(a, b), Math.max(a, b)]
            run('UPDATE audit_log SET seq = -1 WHERE seq = ?', lo)
            run('UPDATE audit_log SET seq = ? WHERE seq = ?', lo, hi)
            run('UPDATE audit_log SET seq = ? WHERE seq = -1', hi)
            expected = { firstBrokenSeq: lo, problem: 'reordered' }
          }
          expect(await log.ok('audit:verify', {})).toMatchObject({ ok: false, checked: expected.firstBrokenSeq - 1, ...expected })
        } finally {
          log.close()
        }
      }),
      { numRuns: 60 }
    )
  })
})

describe('audit log: across restarts', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kap-audit-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('the chain continues from the last entry after closing and reopening the database', async () => {
    const databasePath = join(dir, 'practice.db')
    const first = await openTestApp({ databasePath })
    const id = await logOf(3, first)
    const lastBefore = storedEntries(first.connection.sqlite).at(-1)!
    first.close()

    const second = await openTestApp({ databasePath, context: { newId: sequentialIds(1000) } })
    try {
      await second.ok('clients:get', { id })
      await second.ok('clients:update', { id, client: clientInput({ status: 'active' }) })
      const entries = storedEntries(second.connection.sqlite)
      expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5])
      expect(entries[3]!.prevHash).toBe(lastBefore.hash)
      expect(await verify(second)).toMatchObject({ ok: true, checked: 5, guarded: true })
    } finally {
      second.close()
    }
  })

  it('a tail cut off while the app was closed stays a gap after the next entries', async () => {
    const databasePath = join(dir, 'practice.db')
    const first = await openTestApp({ databasePath })
    const id = await logOf(5, first)
    dropGuards(first)
    first.connection.sqlite.exec('DELETE FROM audit_log WHERE seq >= 4')
    first.close()

    const second = await openTestApp({ databasePath, context: { newId: sequentialIds(1000) } })
    try {
      await second.ok('clients:get', { id })
      expect(storedEntries(second.connection.sqlite).map((e) => e.seq)).toEqual([1, 2, 3, 6])
      expect(await verify(second)).toMatchObject({ ok: false, checked: 3, firstBrokenSeq: 4, problem: 'deleted' })
    } finally {
      second.close()
    }
  })

  it('the first entry of a fresh log follows the genesis hash', async () => {
    await createClient(app)
    expect(storedEntries(app.connection.sqlite)[0]!.prevHash).toBe(GENESIS_HASH)
  })
})
