import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Client, ClientChart, ClientListPage, ClientListRow, ClientSearchHit } from '@shared/contracts/clients'
import { CLIENT_SORT_COLUMNS } from '@shared/contracts/clients'
import { SCREENING_ITEM_KEYS } from '@shared/domain/screening'
import { FIXED_NOW, openTestApp, testId, type TestApp } from '../../factories/app'
import { clientInput, createClient } from '../../factories/clients'

let app: TestApp
beforeEach(async () => {
  app = await openTestApp()
})
afterEach(() => app.close())

const list = (input: Record<string, unknown> = {}) => app.ok<ClientListPage>('clients:list', input)
const names = (page: ClientListPage) => page.rows.map((r) => r.legalLastName)
const flags = async (id: string) => (await app.ok<ClientChart>('clients:get', { id })).flags
/** What the list sorts a column by: names folded, last name first. */
const valueOf = (row: ClientListRow, column: (typeof CLIENT_SORT_COLUMNS)[number]): string | null =>
  column === 'name' ? `${row.legalLastName} ${row.legalFirstName}`.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase() : row[column]

describe('clients: create, get, update, archive, restore', () => {
  it('creates a client with a generated ID and timestamps from the clock', async () => {
    const client = await createClient(app, { legalFirstName: 'Siobhán', legalLastName: "O'Brien" })
    expect(client).toMatchObject({ id: testId(1), legalFirstName: 'Siobhán', legalLastName: "O'Brien", archivedAt: null, createdAt: FIXED_NOW, updatedAt: FIXED_NOW })
    const chart = await app.ok<ClientChart>('clients:get', { id: client.id })
    expect(chart.client).toEqual(client)
  })

  it('stores exactly what the form normalized', async () => {
    const client = await createClient(app, { phone: '503.555.0142 ext 9', email: 'Ana@Example.COM', state: 'ae', postalCode: '090964190', suffix: '' })
    expect(client).toMatchObject({ phone: '(503) 555-0142 x9', email: 'ana@example.com', state: 'AE', postalCode: '09096-4190', suffix: null })
  })

  it.each([
    ["O'Brien", 'Siobhán'],
    ['García-López', 'María José'],
    ['Nguyễn', 'Thị'],
    ['李', '小龍'],
    ['W'.repeat(100), 'Ĳsbrand']
  ])('round-trips the name %s, %s unchanged', async (last, first) => {
    const client = await createClient(app, { legalLastName: last, legalFirstName: first })
    expect((await app.ok<ClientChart>('clients:get', { id: client.id })).client).toMatchObject({ legalLastName: last, legalFirstName: first })
  })

  it('a new client has every chart flag raised', async () => {
    const { id } = await createClient(app)
    expect((await app.ok<ClientChart>('clients:get', { id })).flags).toEqual({
      missingKapConsent: true,
      screeningIncomplete: true,
      screeningPositive: false,
      noDiagnosis: true
    })
  })

  it('an unknown ID is not_found', async () => {
    expect(await app.fail('clients:get', { id: testId(999) })).toEqual({ code: 'not_found', message: 'That client was not found. It may have been archived or never saved.' })
    expect((await app.fail('clients:update', { id: testId(999), client: clientInput() })).code).toBe('not_found')
    expect((await app.fail('clients:archive', { id: testId(999) })).code).toBe('not_found')
  })

  it('updates every field, keeps createdAt and moves updatedAt', async () => {
    const created = await createClient(app)
    const updated = await app.ok<Client>('clients:update', {
      id: created.id,
      client: clientInput({ legalFirstName: 'Mariana', preferredName: 'Mari', status: 'active', city: 'Hagåtña', state: 'GU', postalCode: '96910' })
    })
    expect(updated).toMatchObject({ id: created.id, legalFirstName: 'Mariana', preferredName: 'Mari', status: 'active', state: 'GU', createdAt: created.createdAt })
    expect(updated.updatedAt > created.updatedAt).toBe(true)
    // The search text follows the new values.
    expect(names(await list({ search: 'mari' }))).toEqual(['Lopez'])
    expect(names(await list({ search: 'maria' }))).toEqual(['Lopez']) // "mariana" still contains "maria"
    expect(app.count('clients')).toBe(1)
  })

  it('archives with a reason, hides the client, and restores', async () => {
    const kept = await createClient(app, { legalLastName: 'Kept' })
    const { id } = await createClient(app, { legalLastName: 'Gone' })
    const archived = await app.ok<Client>('clients:archive', { id, reason: 'Moved out of state' })
    expect(archived.archivedAt).not.toBeNull()
    expect(archived.archiveReason).toBe('Moved out of state')

    expect(names(await list())).toEqual(['Kept'])
    expect(names(await list({ archived: 'archived' }))).toEqual(['Gone'])
    expect(names(await list({ archived: 'all' }))).toEqual(['Gone', 'Kept'])
    // The chart of an archived client still opens.
    expect((await app.ok<ClientChart>('clients:get', { id })).client.archivedAt).toBe(archived.archivedAt)

    expect(await app.fail('clients:archive', { id })).toMatchObject({ code: 'invalid_input', message: 'This client is already archived.' })
    const restored = await app.ok<Client>('clients:restore', { id })
    expect(restored).toMatchObject({ archivedAt: null, archiveReason: null })
    expect(await app.fail('clients:restore', { id: kept.id })).toMatchObject({ code: 'invalid_input', message: 'This client is not archived.' })
    expect(app.count('clients')).toBe(2)
  })

  it('an archived client keeps its chart but takes no new entries until restored', async () => {
    const { id } = await createClient(app)
    await app.ok('clients:archive', { id })
    const error = await app.fail('diagnoses:add', { clientId: id, diagnosis: { code: 'F33.2' } })
    expect(error).toEqual({ code: 'invalid_input', message: 'This client is archived. Restore the client before changing the chart.' })
    await app.ok('clients:restore', { id })
    await app.ok('diagnoses:add', { clientId: id, diagnosis: { code: 'F33.2' } })
  })
})

describe('clients: list', () => {
  // Distinct values in every sortable column, with gaps (null) in the optional ones.
  const roster = [
    { legalFirstName: 'Zoë', legalLastName: 'Álvarez', dateOfBirth: '1990-05-01', status: 'active', intakeDate: '2026-01-10', phone: '(503) 555-0105', email: 'zoe@example.com' },
    { legalFirstName: 'Ben', legalLastName: 'Baker', dateOfBirth: '1975-11-30', status: 'screening', intakeDate: null, phone: '(212) 555-0101', email: null },
    { legalFirstName: 'Chen', legalLastName: 'Li', dateOfBirth: '2001-02-28', status: 'maintenance', intakeDate: '2025-06-01', phone: null, email: 'chen@example.com' },
    { legalFirstName: 'Dara', legalLastName: 'Ng', dateOfBirth: '1960-07-04', status: 'inquiry', intakeDate: '2025-12-24', phone: '(907) 555-0199', email: 'a.dara@example.com' },
    { legalFirstName: 'Eve', legalLastName: 'Baker', dateOfBirth: '1988-08-08', status: 'discharged', intakeDate: '2024-03-03', phone: '(305) 555-0123', email: 'eve@example.com' }
  ] as const

  const seed = async () => {
    for (const c of roster) await createClient(app, { ...c, preferredName: null })
  }

  it.each(CLIENT_SORT_COLUMNS.flatMap((column) => (['asc', 'desc'] as const).map((direction) => [column, direction] as const)))(
    'sorts by %s %s, empty values last',
    async (column, direction) => {
      await seed()
      const page = await list({ sort: column, direction })
      expect(page.total).toBe(roster.length)
      const values = page.rows.map((r) => valueOf(r, column))
      const present = values.filter((v): v is string => v !== null)
      const expected = [...present].sort()
      if (direction === 'desc') expected.reverse()
      expect(values).toEqual([...expected, ...values.filter((v) => v === null)])
      expect(values.slice(present.length).every((v) => v === null)).toBe(true)
    }
  )

  it('sorts names accent-blind, last name first', async () => {
    await seed()
    expect((await list()).rows.map((r) => `${r.legalLastName}, ${r.legalFirstName}`)).toEqual(['Álvarez, Zoë', 'Baker, Ben', 'Baker, Eve', 'Li, Chen', 'Ng, Dara'])
  })

  it('filters by status', async () => {
    await seed()
    expect(names(await list({ statuses: ['active', 'maintenance'] }))).toEqual(['Álvarez', 'Li'])
    expect((await list({ statuses: ['declined'] })).total).toBe(0)
  })

  it('pages with a stable total', async () => {
    await seed()
    for (let i = 0; i < 2; i++) await createClient(app, { legalLastName: `Zz${i}` })
    const pages = await Promise.all([0, 1, 2, 3].map((page) => list({ page, pageSize: 3 })))
    expect(pages.map((p) => p.total)).toEqual([7, 7, 7, 7])
    expect(pages.map((p) => p.rows.length)).toEqual([3, 3, 1, 0])
    const ids = pages.flatMap((p) => p.rows.map((r) => r.id))
    expect(new Set(ids).size).toBe(7)
  })

  it('pages through equal names without repeating or skipping anyone', async () => {
    for (let i = 0; i < 5; i++) await createClient(app, { legalFirstName: 'Sam', legalLastName: 'Smith' })
    const pages = await Promise.all([0, 1, 2].map((page) => list({ page, pageSize: 2 })))
    expect(new Set(pages.flatMap((p) => p.rows.map((r) => r.id))).size).toBe(5)
  })
})

describe('clients: search', () => {
  beforeEach(async () => {
    await createClient(app, { legalFirstName: 'José', legalMiddleName: 'Luis', legalLastName: 'García-López', preferredName: 'Pepe', email: 'jgl@example.com', phone: '(503) 555-0142', dateOfBirth: '1985-03-08' })
    await createClient(app, { legalFirstName: 'Thị', legalLastName: 'Nguyễn', preferredName: null, email: 'ann_lee@example.com', phone: '(212) 555-0199', dateOfBirth: '1992-11-05' })
    await createClient(app, { legalFirstName: '小龍', legalLastName: '李', preferredName: 'Bruce', email: 'annxlee@example.com', phone: null, dateOfBirth: '1970-01-20' })
  })

  it.each([
    ['first name', 'José', ['García-López']],
    ['first name without the accent', 'jose', ['García-López']],
    ['upper case', 'JOSÉ', ['García-López']],
    ['part of a hyphenated surname', 'lopez', ['García-López']],
    ['middle name', 'luis', ['García-López']],
    ['preferred name', 'pepe', ['García-López']],
    ['Vietnamese name, folded', 'nguyen', ['Nguyễn']],
    ['CJK name', '李', ['李']],
    ['email', 'jgl@example', ['García-López']],
    ['phone digits', '5550142', ['García-López']],
    ['phone as typed', '(503) 555-0142', ['García-López']],
    ['DOB as ISO', '1985-03-08', ['García-López']],
    ['DOB as MM/DD/YYYY', '03/08/1985', ['García-López']],
    ['two terms, both must match', 'jose 1985', ['García-López']],
    ['two terms, one does not match', 'jose 1992', []],
    ['an underscore taken literally', 'ann_lee', ['Nguyễn']],
    ['a percent sign taken literally', '%', []],
    ['an underscore alone', '_', ['Nguyễn']],
    ['a backslash', '\\', []]
  ])('finds by %s (%j)', async (_name, search, expected) => {
    expect(names(await list({ search })).sort()).toEqual([...expected].sort())
  })

  it('quick jump returns the best few, current clients before archived ones', async () => {
    const archived = await createClient(app, { legalFirstName: 'Josefina', legalLastName: 'Aaron' })
    await app.ok('clients:archive', { id: archived.id })
    const hits = await app.ok<ClientSearchHit[]>('clients:search', { query: 'jos' })
    expect(hits.map((h) => h.legalLastName)).toEqual(['García-López', 'Aaron'])
    expect(hits[1]!.archivedAt).not.toBeNull()
    expect(await app.ok('clients:search', { query: 'jos', limit: 1 })).toHaveLength(1)
    expect(await app.ok('clients:search', { query: '   ' })).toEqual([])
  })
})

describe('clients: chart flags', () => {
  it('follow consents, screening and diagnoses', async () => {
    const { id } = await createClient(app)

    await app.ok('consents:create', { clientId: id, consent: { kind: 'telehealth', version: '2025-1', signedOn: '2026-01-15' } })
    expect((await flags(id)).missingKapConsent).toBe(true)
    const kap = await app.ok<{ id: string }>('consents:create', { clientId: id, consent: { kind: 'kap', version: '2025-1', signedOn: '2026-01-15' } })
    expect((await flags(id)).missingKapConsent).toBe(false)
    await app.ok('consents:revoke', { id: kap.id, revokedOn: '2026-02-01' })
    expect((await flags(id)).missingKapConsent).toBe(true)

    for (const itemKey of SCREENING_ITEM_KEYS.slice(1)) {
      await app.ok('screening:record', { clientId: id, itemKey, item: { answer: 'no', reviewedBy: 'Dr. Ames', reviewedOn: '2026-01-15' } })
    }
    expect(await flags(id)).toMatchObject({ screeningIncomplete: true, screeningPositive: false })
    await app.ok('screening:record', { clientId: id, itemKey: SCREENING_ITEM_KEYS[0], item: { answer: 'yes', reviewedBy: 'Dr. Ames', reviewedOn: '2026-01-15' } })
    expect(await flags(id)).toMatchObject({ screeningIncomplete: false, screeningPositive: true })
    // A later "no" supersedes the "yes": history is kept but no longer counts.
    await app.ok('screening:record', { clientId: id, itemKey: SCREENING_ITEM_KEYS[0], item: { answer: 'no', reviewedBy: 'Dr. Ames', reviewedOn: '2026-01-20' } })
    expect(await flags(id)).toMatchObject({ screeningIncomplete: false, screeningPositive: false })

    const [dx] = await app.ok<{ id: string }[]>('diagnoses:add', { clientId: id, diagnosis: { code: 'F33.2' } })
    expect((await flags(id)).noDiagnosis).toBe(false)
    await app.ok('diagnoses:remove', { id: dx!.id })
    expect((await flags(id)).noDiagnosis).toBe(true)
  })

  it('count only this client’s records', async () => {
    const a = await createClient(app)
    const b = await createClient(app, { legalLastName: 'Other' })
    await app.ok('consents:create', { clientId: a.id, consent: { kind: 'kap', version: 'v1', signedOn: '2026-01-15' } })
    await app.ok('diagnoses:add', { clientId: a.id, diagnosis: { code: 'F41.1' } })
    expect(await flags(b.id)).toMatchObject({ missingKapConsent: true, noDiagnosis: true })
  })
})
