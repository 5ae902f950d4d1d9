import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { InsurancePolicy, InsurancePolicyInput } from '@shared/contracts/insurance'
import { openTestApp, testId, type TestApp } from '../../factories/app'
import { createClient } from '../../factories/clients'

let app: TestApp
let clientId: string
beforeEach(async () => {
  app = await openTestApp()
  clientId = (await createClient(app)).id
})
afterEach(() => app.close())

const policy = (overrides: Partial<InsurancePolicyInput> = {}): InsurancePolicyInput => ({
  rank: 'primary',
  payerName: 'Aetna',
  payerId: '60054',
  memberId: 'W123456789',
  groupNumber: '0123456-010-00001',
  relationship: 'self',
  subscriberName: null,
  subscriberDateOfBirth: null,
  ...overrides
})
const create = (overrides: Partial<InsurancePolicyInput> = {}, forClient = clientId) =>
  app.ok<InsurancePolicy>('insurance:create', { clientId: forClient, policy: policy(overrides) })
const list = (includeArchived = false) => app.ok<InsurancePolicy[]>('insurance:list', { clientId, includeArchived })

describe('insurance', () => {
  it('creates a policy for the client', async () => {
    const created = await create({ relationship: 'spouse', subscriberName: 'Luis López', subscriberDateOfBirth: '1983-10-02' })
    expect(created).toMatchObject({ clientId, rank: 'primary', payerName: 'Aetna', relationship: 'spouse', subscriberName: 'Luis López', archivedAt: null })
    expect(await list()).toEqual([created])
  })

  it('accepts a policy with only the required fields', async () => {
    const created = await app.ok<InsurancePolicy>('insurance:create', {
      clientId,
      policy: { rank: 'primary', payerName: 'Kaiser', memberId: 'K1', relationship: 'self' }
    })
    expect(created).toMatchObject({ payerId: null, groupNumber: null, subscriberName: null, subscriberDateOfBirth: null })
  })

  it('lists by rank, then oldest first, whatever the order of entry', async () => {
    await create({ rank: 'tertiary', payerName: 'Tricare' })
    await create({ rank: 'secondary', payerName: 'Medicare' })
    await create({ rank: 'primary', payerName: 'Aetna' })
    expect((await list()).map((p) => p.rank)).toEqual(['primary', 'secondary', 'tertiary'])
  })

  it('allows one current policy per rank', async () => {
    await create()
    const before = app.count('insurance_policies')
    const error = await app.fail('insurance:create', { clientId, policy: policy({ payerName: 'Cigna' }) })
    expect(error).toEqual({
      code: 'conflict',
      message: 'This client already has a primary policy.',
      fields: { 'policy.rank': 'This client already has a primary policy. Archive it first, or choose secondary.' }
    })
    expect(app.count('insurance_policies')).toBe(before)
    await create({ rank: 'secondary', payerName: 'Cigna' })
  })

  it('the rank rule is per client', async () => {
    const other = await createClient(app, { legalLastName: 'Other' })
    await create()
    await create({}, other.id)
    expect(app.count('insurance_policies')).toBe(2)
  })

  it('updates a policy, and keeps the rank rule on update', async () => {
    const primary = await create()
    const secondary = await create({ rank: 'secondary', payerName: 'Medicare' })
    const updated = await app.ok<InsurancePolicy>('insurance:update', { id: primary.id, policy: policy({ memberId: 'W999' }) })
    expect(updated).toMatchObject({ id: primary.id, memberId: 'W999', createdAt: primary.createdAt })
    expect(updated.updatedAt > primary.updatedAt).toBe(true)

    const error = await app.fail('insurance:update', { id: secondary.id, policy: policy({ payerName: 'Medicare' }) })
    expect(error.code).toBe('conflict')
    expect(error.fields).toEqual({ 'policy.rank': 'This client already has a primary policy. Archive it first, or choose secondary.' })
  })

  it('archives instead of deleting, and the rank frees up', async () => {
    const old = await create()
    const archived = await app.ok<InsurancePolicy>('insurance:archive', { id: old.id })
    expect(archived.archivedAt).not.toBeNull()
    expect(await list()).toEqual([])
    expect(await list(true)).toEqual([archived])

    const replacement = await create({ payerName: 'Blue Cross' })
    expect((await list()).map((p) => p.id)).toEqual([replacement.id])
    expect((await list(true)).map((p) => p.id)).toEqual([old.id, replacement.id])
    expect(app.count('insurance_policies')).toBe(2)

    expect(await app.fail('insurance:archive', { id: old.id })).toMatchObject({ code: 'invalid_input', message: 'This policy is already archived.' })
    expect((await app.fail('insurance:update', { id: old.id, policy: policy() })).code).toBe('invalid_input')
  })

  it('needs a current client', async () => {
    await app.ok('clients:archive', { id: clientId })
    expect(await app.fail('insurance:create', { clientId, policy: policy() })).toMatchObject({ code: 'invalid_input' })
    expect(await app.fail('insurance:create', { clientId: testId(999), policy: policy() })).toMatchObject({ code: 'not_found' })
    expect(await app.fail('insurance:list', { clientId: testId(999) })).toMatchObject({ code: 'not_found' })
    expect(await app.fail('insurance:archive', { id: testId(999) })).toMatchObject({ code: 'not_found' })
    expect(app.count('insurance_policies')).toBe(0)
  })

  it('requires a subscriber name when the client is not the subscriber', async () => {
    const error = await app.fail('insurance:create', { clientId, policy: policy({ relationship: 'child' }) })
    expect(error.fields).toEqual({ 'policy.subscriberName': 'Subscriber name is required when the client is not the subscriber' })
  })
})
