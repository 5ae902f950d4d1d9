import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AuditEntry, AuditListInput, AuditListPage } from '@shared/contracts/audit'
import type { Client } from '@shared/contracts/clients'
import { openTestApp, testId, type TestApp } from '../../factories/app'
import { clientInput, createClient } from '../../factories/clients'

let app: TestApp
let actor: { id: string | null; label: string; role: 'owner' | 'clinician' | 'administrator' } = { id: null, label: 'local', role: 'owner' }
let ana: Client
let ben: Client
beforeEach(async () => {
  actor = { id: null, label: 'local', role: 'owner' }
  app = await openTestApp({ context: { actor: () => actor } })
  // The fixed clock moves one second per call: entries are 15:00:01, :03, :05, … (see factories/app).
  ana = await createClient(app, { legalLastName: 'Ana' }) // seq 1
  ben = await createClient(app, { legalLastName: 'Ben' }) // seq 2
  await app.ok('clients:get', { id: ana.id }) // seq 3
  actor = { id: testId(700), label: 'Dana W.', role: 'owner' }
  await app.ok('clients:update', { id: ana.id, client: clientInput({ legalLastName: 'Ana', status: 'active' }) }) // seq 4
  await app.ok('diagnoses:add', { clientId: ben.id, diagnosis: { code: 'F33.2' } }) // seq 5
  await app.ok('clients:get', { id: ben.id }) // seq 6
})
afterEach(() => app.close())

const list = (input: AuditListInput = {}) => app.ok<AuditListPage>('audit:list', input)
const seqs = (page: AuditListPage) => page.rows.map((r) => r.seq)

describe('audit:list', () => {
  it('lists every entry newest first, without the hashes', async () => {
    const page = await list()
    expect(seqs(page)).toEqual([6, 5, 4, 3, 2, 1])
    expect(page.total).toBe(6)
    expect(Object.keys(page.rows[0]!).sort()).toEqual(['action', 'actorId', 'actorLabel', 'at', 'channel', 'clientId', 'clientName', 'entity', 'entityId', 'id', 'seq'])
    expect(page.rows.at(-1)).toMatchObject<Partial<AuditEntry>>({ seq: 1, action: 'create', entity: 'client', entityId: ana.id, clientId: ana.id, channel: 'clients:create', actorId: null, actorLabel: 'local' })
  })

  it('names each entry’s client for the owner, read from the client record (the log keeps only the ID)', async () => {
    const page = await list()
    expect(page.rows.map((r) => [r.seq, r.clientName])).toEqual([
      [6, `Ben, ${ben.legalFirstName}`],
      [5, `Ben, ${ben.legalFirstName}`],
      [4, `Ana, ${ana.legalFirstName}`],
      [3, `Ana, ${ana.legalFirstName}`],
      [2, `Ben, ${ben.legalFirstName}`],
      [1, `Ana, ${ana.legalFirstName}`]
    ])
    const stored = app.connection.sqlite.prepare('SELECT * FROM audit_log').all() as Record<string, unknown>[]
    expect(JSON.stringify(stored)).not.toContain(ana.legalFirstName)
  })

  it('lists only for the owner: a clinician or administrator is refused, names and all', async () => {
    for (const role of ['clinician', 'administrator'] as const) {
      actor = { id: testId(701), label: 'Sam', role }
      expect((await app.fail('audit:list', {})).code).toBe('forbidden')
    }
  })

  it('filters by client, action, record type and actor', async () => {
    expect(seqs(await list({ clientId: ana.id }))).toEqual([4, 3, 1])
    expect(seqs(await list({ clientId: ben.id }))).toEqual([6, 5, 2])
    expect(seqs(await list({ action: 'view' }))).toEqual([6, 3])
    expect(seqs(await list({ entity: 'diagnosis' }))).toEqual([5])
    expect(seqs(await list({ actorId: testId(700) }))).toEqual([6, 5, 4])
    expect(seqs(await list({ actorLabel: 'local' }))).toEqual([3, 2, 1])
    expect(seqs(await list({ clientId: ben.id, action: 'view', actorLabel: 'Dana W.' }))).toEqual([6])
    expect(await list({ clientId: testId(999) })).toEqual({ rows: [], total: 0 })
  })

  it('filters by a time range: from inclusive, to exclusive, in any UTC form', async () => {
    const at = (await list()).rows.map((r) => r.at).toReversed()
    expect(seqs(await list({ from: at[2]! }))).toEqual([6, 5, 4, 3])
    expect(seqs(await list({ to: at[2]! }))).toEqual([2, 1])
    expect(seqs(await list({ from: at[1]!, to: at[4]! }))).toEqual([4, 3, 2])
    // Without milliseconds, the same instant still counts as the start of the range.
    expect(seqs(await list({ from: at[2]!.replace('.000Z', 'Z') }))).toEqual([6, 5, 4, 3])
  })

  it('pages, with the total of the filtered entries', async () => {
    const first = await list({ pageSize: 4 })
    expect([seqs(first), first.total]).toEqual([[6, 5, 4, 3], 6])
    const second = await list({ pageSize: 4, page: 1 })
    expect([seqs(second), second.total]).toEqual([[2, 1], 6])
    const filtered = await list({ pageSize: 2, page: 0, clientId: ana.id })
    expect([seqs(filtered), filtered.total]).toEqual([[4, 3], 3])
    expect(await list({ pageSize: 4, page: 5 })).toEqual({ rows: [], total: 6 })
  })

  it('refuses filters it cannot use, naming the field', async () => {
    expect((await app.fail('audit:list', { clientId: 'ana' })).fields).toEqual({ clientId: 'Client ID is not a valid record ID' })
    expect((await app.fail('audit:list', { action: 'delete' })).fields).toEqual({ action: 'Choose an action from the list' })
    expect((await app.fail('audit:list', { entity: 'spaceship' })).fields).toEqual({ entity: 'Choose a record type from the list' })
    expect(Object.keys((await app.fail('audit:list', { from: '2026-03-08' })).fields ?? {})).toEqual(['from'])
    expect(Object.keys((await app.fail('audit:list', { from: '2026-03-08T15:00:00+02:00' })).fields ?? {})).toEqual(['from'])
    expect((await app.fail('audit:list', { from: '2026-03-09T00:00:00Z', to: '2026-03-08T00:00:00Z' })).fields).toEqual({ to: 'The end of the range is before its start' })
    expect(Object.keys((await app.fail('audit:list', { pageSize: 1000 })).fields ?? {})).toEqual(['pageSize'])
  })
})
