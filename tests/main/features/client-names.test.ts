/**
 * Names as a US front desk meets them (issue 13): typed the plain-Latin way, with or without
 * their punctuation, sorted with the letters they look like.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ClientListPage, ClientSearchHit } from '@shared/contracts/clients'
import { openTestApp, type TestApp } from '../../factories/app'
import { clientInput as baseClient, createClient } from '../../factories/clients'

let app: TestApp
beforeEach(async () => {
  app = await openTestApp()
})
afterEach(() => app.close())

const list = (input: Record<string, unknown> = {}) => app.ok<ClientListPage>('clients:list', input)
const listed = async (search: string) => (await list({ search })).rows.map((r) => r.legalLastName).sort()
const jumped = async (query: string) => (await app.ok<ClientSearchHit[]>('clients:search', { query })).map((h) => h.legalLastName).sort()

const ROSTER = [
  { legalFirstName: 'Łukasz', legalLastName: 'Wróbel' },
  { legalFirstName: 'Søren', legalLastName: 'Ødegård' },
  { legalFirstName: 'Đức', legalLastName: 'Nguyễn' },
  { legalFirstName: 'Hans', legalLastName: 'Weiß' },
  { legalFirstName: 'Kate', legalLastName: 'O’Brien-Smith' },
  { legalFirstName: 'Sean', legalLastName: "O'Brien" },
  { legalFirstName: 'Amy', legalLastName: 'Smith Jones' },
  { legalFirstName: 'Zed', legalLastName: 'Zimmer' },
  { legalFirstName: 'Ann', legalLastName: 'Obama' }
]

describe('client names: search folds letters that do not decompose', () => {
  beforeEach(async () => {
    for (const c of ROSTER) await createClient(app, { ...c, email: null, preferredName: null })
  })

  it.each([
    ['lukasz', ['Wróbel']], ['LUKASZ wrobel', ['Wróbel']], ['Łukasz', ['Wróbel']],
    ['soren odegard', ['Ødegård']], ['Ødegård', ['Ødegård']],
    ['duc nguyen', ['Nguyễn']], ['Đức', ['Nguyễn']],
    ['weiss', ['Weiß']], ['Weiß', ['Weiß']]
  ])('the list and Ctrl+K find %j', async (query, expected) => {
    expect(await listed(query)).toEqual(expected)
    expect(await jumped(query)).toEqual(expected)
  })

  it.each([
    ["O'Brien", ["O'Brien", 'O’Brien-Smith']], ['O’Brien', ["O'Brien", 'O’Brien-Smith']], ['OBrien', ["O'Brien", 'O’Brien-Smith']],
    ['obriensmith', ['O’Brien-Smith']], ["O'Brien Smith", ['O’Brien-Smith']], ['OBrien-Smith', ['O’Brien-Smith']],
    ['Smith-Jones', ['Smith Jones']], ['SmithJones', ['Smith Jones']], ['smith jones', ['Smith Jones']]
  ])('ignores apostrophes, hyphens and spaces inside names both ways: %j', async (query, expected) => {
    expect(await listed(query)).toEqual(expected)
    expect(await jumped(query)).toEqual(expected)
  })

  it('sorts by name with the letters they look like (Ł with L, Ø with O), both directions', async () => {
    const order = ['Nguyễn', 'Obama', "O'Brien", 'O’Brien-Smith', 'Ødegård', 'Smith Jones', 'Weiß', 'Wróbel', 'Zimmer']
    expect((await list()).rows.map((r) => r.legalLastName)).toEqual(order)
    expect((await list({ direction: 'desc' })).rows.map((r) => r.legalLastName)).toEqual(order.toReversed())
    await createClient(app, { legalFirstName: 'Ewa', legalLastName: 'Łukasik' })
    const names = (await list()).rows.map((r) => r.legalLastName)
    expect(names.indexOf('Łukasik')).toBeLessThan(names.indexOf('Nguyễn'))
  })
})

describe('client names: one legal name (mononym)', () => {
  it('saves a client with one legal name, explicitly, with no first name', async () => {
    const client = await createClient(app, { legalFirstName: '', legalLastName: 'Madonna', singleLegalName: true })
    expect(client).toMatchObject({ legalFirstName: '', legalLastName: 'Madonna', singleLegalName: true })
    expect((await list({ search: 'madonna' })).rows.map((r) => r.id)).toEqual([client.id])
  })

  it('still asks for a first name unless the box is ticked, beside the field', async () => {
    const error = await app.fail('clients:create', { client: { ...baseClient(), legalFirstName: '' } })
    expect(error.fields?.['client.legalFirstName']).toMatch(/one legal name/)
  })

  it('reports the missing first name beside every other field error at once', async () => {
    const error = await app.fail('clients:create', { client: { ...baseClient(), legalFirstName: '', email: 'nope@' } })
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(['client.email', 'client.legalFirstName'])
  })

  it('refuses a first name beside "one legal name", so the record never holds both', async () => {
    const error = await app.fail('clients:create', { client: { ...baseClient(), legalFirstName: 'Ann', singleLegalName: true } })
    expect(Object.keys(error.fields ?? {})).toEqual(['client.legalFirstName'])
    expect((await list()).total).toBe(0)
  })
})

describe('client names: bidirectional control characters', () => {
  it.each([
    ['legalLastName', 'Smith\u202Eyelsew'], ['legalFirstName', '\u2066Ann\u2069'], ['preferredName', 'Jo\u202D'],
    ['legalMiddleName', '\u202AMae'], ['escortName', 'Bo\u2067b'], ['prescriberName', 'Dr. \u202BLee']
  ])('refuses them in %s with a field error, writing nothing', async (field, value) => {
    const error = await app.fail('clients:create', { client: { ...baseClient(), [field]: value } })
    expect(error.fields?.[`client.${field}`]).toMatch(/hidden characters that change how text displays/)
    expect((await list()).total).toBe(0)
  })

  it('refuses them in a prescriber NPI', async () => {
    const error = await app.fail('clients:create', { client: { ...baseClient(), prescriberNpi: '\u202E1234567893' } })
    expect(error.fields?.['client.prescriberNpi']).toBeDefined()
  })

  it('keeps right-to-left names themselves (Arabic, Hebrew)', async () => {
    const client = await createClient(app, { legalFirstName: 'مريم', legalLastName: 'כהן' })
    expect(client.legalLastName).toBe('כהן')
  })
})
