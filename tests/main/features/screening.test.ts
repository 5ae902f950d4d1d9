import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ScreeningItem } from '@shared/contracts/screening'
import { SCREENING_ITEM_KEYS } from '@shared/domain/screening'
import { openTestApp, testId, type TestApp } from '../../factories/app'
import { createClient } from '../../factories/clients'

let app: TestApp
let clientId: string
beforeEach(async () => {
  app = await openTestApp()
  clientId = (await createClient(app)).id
})
afterEach(() => app.close())

const record = (itemKey: string, item: Record<string, unknown>) => app.ok<ScreeningItem>('screening:record', { clientId, itemKey, item })
const get = () => app.ok<ScreeningItem[]>('screening:get', { clientId })
const review = { answer: 'no', note: null, reviewedBy: 'Dr. Rosa Ames, MD', reviewedOn: '2026-01-15' }

describe('screening', () => {
  it('lists every checklist item in order, blank until reviewed', async () => {
    const items = await get()
    expect(items.map((i) => i.itemKey)).toEqual(SCREENING_ITEM_KEYS)
    for (const item of items) expect(item).toEqual({ itemKey: item.itemKey, answer: null, note: null, reviewedBy: null, reviewedOn: null, updatedAt: null })
  })

  it('records an answer and shows it on the checklist', async () => {
    const saved = await record('glaucoma', { ...review, answer: 'yes', note: 'Narrow-angle; ophthalmology clearance on file' })
    expect(saved).toMatchObject({ itemKey: 'glaucoma', answer: 'yes', note: 'Narrow-angle; ophthalmology clearance on file', reviewedBy: 'Dr. Rosa Ames, MD', reviewedOn: '2026-01-15' })
    expect(saved.updatedAt).toEqual(expect.any(String))
    const items = await get()
    expect(items.find((i) => i.itemKey === 'glaucoma')).toEqual(saved)
    expect(items.filter((i) => i.answer !== null)).toHaveLength(1)
  })

  it('a new answer supersedes the last one and keeps it as history', async () => {
    const first = await record('uncontrolled_hypertension', { ...review, answer: 'unknown' })
    const second = await record('uncontrolled_hypertension', { ...review, answer: 'no', reviewedOn: '2026-01-22', note: 'BP 128/82 today' })
    expect(second.updatedAt! > first.updatedAt!).toBe(true)
    expect((await get()).find((i) => i.itemKey === 'uncontrolled_hypertension')).toEqual(second)

    const rows = app.connection.sqlite
      .prepare("SELECT answer, superseded_at AS supersededAt, created_at AS createdAt FROM screening_items WHERE item_key = 'uncontrolled_hypertension' ORDER BY created_at")
      .all() as { answer: string; supersededAt: string | null; createdAt: string }[]
    expect(rows).toEqual([
      { answer: 'unknown', supersededAt: expect.any(String), createdAt: first.updatedAt },
      { answer: 'no', supersededAt: null, createdAt: second.updatedAt }
    ])
  })

  it('keeps each client’s checklist apart', async () => {
    const other = await createClient(app, { legalLastName: 'Other' })
    await record('glaucoma', review)
    expect((await app.ok<ScreeningItem[]>('screening:get', { clientId: other.id })).every((i) => i.answer === null)).toBe(true)
  })

  it('refuses a review date in the future or a missing reviewer', async () => {
    const error = await app.fail('screening:record', { clientId, itemKey: 'glaucoma', item: { ...review, reviewedOn: '2999-01-01', reviewedBy: '' } })
    expect(error.fields).toEqual({ 'item.reviewedOn': 'Review date cannot be in the future', 'item.reviewedBy': 'Reviewed by is required' })
    expect(app.count('screening_items')).toBe(0)
  })

  it('needs a current client to record, and an existing one to read', async () => {
    expect((await app.fail('screening:get', { clientId: testId(999) })).code).toBe('not_found')
    await app.ok('clients:archive', { id: clientId })
    expect((await app.fail('screening:record', { clientId, itemKey: 'glaucoma', item: review })).code).toBe('invalid_input')
    expect(await get()).toHaveLength(SCREENING_ITEM_KEYS.length)
  })
})

describe('screening:recordAll: one Save for the whole form', () => {
  it('records every changed answer with one reviewer and date, and refuses the whole save when one item is wrong', async () => {
    const batch = { reviewedBy: 'Dr. Rosa Ames', reviewedOn: '2026-03-01' }
    const list = await app.ok<ScreeningItem[]>('screening:recordAll', {
      clientId, ...batch,
      items: [{ itemKey: 'glaucoma', answer: 'yes', note: 'Treated' }, { itemKey: 'recent_seizures', answer: 'no', note: null }]
    })
    expect(list).toHaveLength(SCREENING_ITEM_KEYS.length)
    expect(list.find((i) => i.itemKey === 'glaucoma')).toMatchObject({ answer: 'yes', note: 'Treated', reviewedBy: 'Dr. Rosa Ames', reviewedOn: '2026-03-01' })
    expect(list.find((i) => i.itemKey === 'recent_seizures')).toMatchObject({ answer: 'no', reviewedBy: 'Dr. Rosa Ames' })
    expect(list.filter((i) => i.answer !== null)).toHaveLength(2)

    const rows = app.count('screening_items')
    const bad = await app.fail('screening:recordAll', { clientId, ...batch, items: [{ itemKey: 'glaucoma', answer: 'no', note: null }, { itemKey: 'recent_seizures', answer: 'maybe', note: null }] })
    expect(bad).toMatchObject({ code: 'invalid_input', fields: { 'items.1.answer': 'Answer yes, no or unknown' } })
    expect(app.count('screening_items')).toBe(rows)
    expect((await app.fail('screening:recordAll', { clientId, ...batch, items: [] })).fields).toEqual({ items: 'Answer at least one item' })
  })
})
