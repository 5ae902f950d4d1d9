import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Diagnosis } from '@shared/contracts/diagnoses'
import { openTestApp, testId, type TestApp } from '../../factories/app'
import { createClient } from '../../factories/clients'

let app: TestApp
let clientId: string
beforeEach(async () => {
  app = await openTestApp()
  clientId = (await createClient(app)).id
})
afterEach(() => app.close())

const add = (code: string, description?: string | null) =>
  app.ok<Diagnosis[]>('diagnoses:add', { clientId, diagnosis: description === undefined ? { code } : { code, description } })
const list = (includeRemoved = false) => app.ok<Diagnosis[]>('diagnoses:list', { clientId, includeRemoved })
const summary = (ds: Diagnosis[]) => ds.map((d) => `${d.letter ?? '-'}:${d.code}${d.isPrimary ? '*' : ''}`)
const addAll = async (...codes: string[]) => {
  let result: Diagnosis[] = []
  for (const code of codes) result = await add(code)
  return result
}
const idOf = (ds: Diagnosis[], code: string) => ds.find((d) => d.code === code)!.id

describe('diagnoses: add', () => {
  it('normalizes the code, fills the catalog description and makes the first one primary', async () => {
    const [first] = await add('f332')
    expect(first).toMatchObject({
      clientId,
      code: 'F33.2',
      description: 'Major depressive disorder, recurrent severe without psychotic features',
      verified: true,
      letter: 'A',
      isPrimary: true,
      removedAt: null
    })
  })

  it('keeps a description the user typed, and takes the CMS one for any shipped chapter 5 code', async () => {
    await add('F41.1', 'GAD — worse in winter')
    const result = await add('F06.4')
    expect(result.map((d) => [d.code, d.description])).toEqual([
      ['F41.1', 'GAD — worse in winter'],
      ['F06.4', 'Anxiety disorder due to known physiological condition']
    ])
    expect(summary(result)).toEqual(['A:F41.1*', 'B:F06.4'])
  })

  it('refuses a code outside the shipped ICD-10-CM list unless it is saved as custom, unverified', async () => {
    const error = await app.fail('diagnoses:add', { clientId, diagnosis: { code: 'I10' } })
    expect(error).toMatchObject({ code: 'invalid_input', fields: { 'diagnosis.code': expect.stringMatching(/not on the ICD-10-CM list/) } })
    expect(await list()).toEqual([])
    const [custom] = await app.ok<Diagnosis[]>('diagnoses:add', { clientId, diagnosis: { code: 'I10', custom: true } })
    expect(custom).toMatchObject({ code: 'I10', description: null, verified: false })
  })

  it('refuses a code already on the list', async () => {
    await add('F33.2')
    const error = await app.fail('diagnoses:add', { clientId, diagnosis: { code: 'F332' } })
    expect(error).toMatchObject({ code: 'conflict', fields: { 'diagnosis.code': expect.stringMatching(/already on the client’s list/) } })
    expect(app.count('diagnoses')).toBe(1)
  })

  it('allows twelve, A–L, and refuses the thirteenth', async () => {
    const codes = ['F32.0', 'F32.1', 'F32.2', 'F32.3', 'F32.4', 'F32.5', 'F33.0', 'F33.1', 'F33.2', 'F41.0', 'F41.1', 'F43.10']
    const full = await addAll(...codes)
    expect(full.map((d) => d.letter).join('')).toBe('ABCDEFGHIJKL')
    const error = await app.fail('diagnoses:add', { clientId, diagnosis: { code: 'F43.12' } })
    expect(error).toMatchObject({ code: 'conflict', fields: { 'diagnosis.code': 'A client can have at most 12 diagnoses (A–L). Remove one first.' } })
    expect(app.count('diagnoses')).toBe(12)
    // Removing one makes room again.
    await app.ok('diagnoses:remove', { id: idOf(full, 'F32.0') })
    expect((await add('F43.12')).at(-1)).toMatchObject({ code: 'F43.12', letter: 'L' })
  })

  it('needs an existing, current client', async () => {
    expect((await app.fail('diagnoses:add', { clientId: testId(999), diagnosis: { code: 'F33.2' } })).code).toBe('not_found')
    await app.ok('clients:archive', { id: clientId })
    expect((await app.fail('diagnoses:add', { clientId, diagnosis: { code: 'F33.2' } })).code).toBe('invalid_input')
    expect(app.count('diagnoses')).toBe(0)
  })
})

describe('diagnoses: remove', () => {
  it('keeps the row, re-letters the rest and lists removed ones without a letter', async () => {
    const ds = await addAll('F33.2', 'F41.1', 'F43.10')
    const after = await app.ok<Diagnosis[]>('diagnoses:remove', { id: idOf(ds, 'F41.1') })
    expect(summary(after)).toEqual(['A:F33.2*', 'B:F43.10'])
    expect(summary(await list())).toEqual(['A:F33.2*', 'B:F43.10'])
    const all = await list(true)
    expect(summary(all)).toEqual(['A:F33.2*', 'B:F43.10', '-:F41.1'])
    expect(all[2]!.removedAt).not.toBeNull()
    expect(app.count('diagnoses')).toBe(3)
  })

  it('removing the primary makes the new first one primary', async () => {
    const ds = await addAll('F33.2', 'F41.1', 'F43.10')
    expect(summary(await app.ok<Diagnosis[]>('diagnoses:remove', { id: idOf(ds, 'F33.2') }))).toEqual(['A:F41.1*', 'B:F43.10'])
  })

  it('removing a primary that is not first promotes the first', async () => {
    const ds = await addAll('F33.2', 'F41.1', 'F43.10')
    await app.ok('diagnoses:setPrimary', { id: idOf(ds, 'F43.10') })
    expect(summary(await app.ok<Diagnosis[]>('diagnoses:remove', { id: idOf(ds, 'F43.10') }))).toEqual(['A:F33.2*', 'B:F41.1'])
  })

  it('a removed code can be added again, as a new row', async () => {
    const ds = await addAll('F33.2', 'F41.1')
    await app.ok('diagnoses:remove', { id: idOf(ds, 'F33.2') })
    expect(summary(await add('F33.2'))).toEqual(['A:F41.1*', 'B:F33.2'])
    expect(app.count('diagnoses')).toBe(3)
  })

  it('removing the last one leaves an empty list', async () => {
    const [only] = await add('F33.2')
    expect(await app.ok('diagnoses:remove', { id: only!.id })).toEqual([])
  })

  it('refuses to remove twice, or an unknown diagnosis', async () => {
    const [d] = await add('F33.2')
    await app.ok('diagnoses:remove', { id: d!.id })
    expect((await app.fail('diagnoses:remove', { id: d!.id })).code).toBe('invalid_input')
    expect((await app.fail('diagnoses:remove', { id: testId(999) })).code).toBe('not_found')
  })
})

describe('diagnoses: primary and order', () => {
  it('setPrimary leaves exactly one primary', async () => {
    const ds = await addAll('F33.2', 'F41.1', 'F43.10')
    const after = await app.ok<Diagnosis[]>('diagnoses:setPrimary', { id: idOf(ds, 'F43.10') })
    expect(summary(after)).toEqual(['A:F33.2', 'B:F41.1', 'C:F43.10*'])
    expect((await app.ok<Diagnosis[]>('diagnoses:setPrimary', { id: idOf(ds, 'F43.10') })).filter((d) => d.isPrimary)).toHaveLength(1)
  })

  it('reorder re-letters in the given order and keeps the primary', async () => {
    const ds = await addAll('F33.2', 'F41.1', 'F43.10')
    const ids = ['F43.10', 'F33.2', 'F41.1'].map((c) => idOf(ds, c))
    expect(summary(await app.ok<Diagnosis[]>('diagnoses:reorder', { clientId, orderedIds: ids }))).toEqual(['A:F43.10', 'B:F33.2*', 'C:F41.1'])
    expect(summary(await list())).toEqual(['A:F43.10', 'B:F33.2*', 'C:F41.1'])
  })

  it('reorder must name exactly the client’s current diagnoses', async () => {
    const ds = await addAll('F33.2', 'F41.1', 'F43.10')
    const [a, b, c] = ds.map((d) => d.id) as [string, string, string]
    const other = await createClient(app, { legalLastName: 'Other' })
    const [foreign] = await app.ok<Diagnosis[]>('diagnoses:add', { clientId: other.id, diagnosis: { code: 'F41.1' } })
    const removed = (await add('F42.2')).at(-1)!.id
    await app.ok('diagnoses:remove', { id: removed })

    for (const orderedIds of [[a, b], [a, b, c, c], [a, b, b], [a, b, foreign!.id], [a, b, c, removed], [a, b, testId(999)]]) {
      const error = await app.fail('diagnoses:reorder', { clientId, orderedIds })
      expect({ orderedIds, code: error.code }).toEqual({ orderedIds, code: 'invalid_input' })
    }
    expect(summary(await list())).toEqual(['A:F33.2*', 'B:F41.1', 'C:F43.10'])
  })

  it('setPrimary on a removed diagnosis is refused', async () => {
    const ds = await addAll('F33.2', 'F41.1')
    await app.ok('diagnoses:remove', { id: idOf(ds, 'F41.1') })
    expect((await app.fail('diagnoses:setPrimary', { id: idOf(ds, 'F41.1') })).code).toBe('invalid_input')
  })

  it('changes need a current client', async () => {
    const ds = await addAll('F33.2', 'F41.1')
    await app.ok('clients:archive', { id: clientId })
    expect((await app.fail('diagnoses:setPrimary', { id: idOf(ds, 'F41.1') })).code).toBe('invalid_input')
    expect((await app.fail('diagnoses:remove', { id: idOf(ds, 'F41.1') })).code).toBe('invalid_input')
    expect((await app.fail('diagnoses:reorder', { clientId, orderedIds: ds.map((d) => d.id).toReversed() })).code).toBe('invalid_input')
    // Reading still works.
    expect(summary(await list())).toEqual(['A:F33.2*', 'B:F41.1'])
  })
})
