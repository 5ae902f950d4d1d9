import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Consent, ConsentInput } from '@shared/contracts/consents'
import { openTestApp, testId, type TestApp } from '../../factories/app'
import { createClient } from '../../factories/clients'

let app: TestApp
let clientId: string
beforeEach(async () => {
  app = await openTestApp()
  clientId = (await createClient(app)).id
})
afterEach(() => app.close())

const create = (overrides: Partial<ConsentInput> = {}) =>
  app.ok<Consent>('consents:create', { clientId, consent: { kind: 'kap', version: 'KAP consent v3 (2025)', signedOn: '2026-01-15', witness: 'Jordan Tate', ...overrides } })
const list = () => app.ok<Consent[]>('consents:list', { clientId })

describe('consents', () => {
  it('creates a consent', async () => {
    const consent = await create({ notes: 'Discussed off-label use and compounded lozenges' })
    expect(consent).toMatchObject({ clientId, kind: 'kap', version: 'KAP consent v3 (2025)', signedOn: '2026-01-15', witness: 'Jordan Tate', revokedOn: null })
    expect(await list()).toEqual([consent])
  })

  it('lists the newest signature first', async () => {
    await create({ kind: 'telehealth', signedOn: '2025-11-02' })
    await create({ kind: 'kap', signedOn: '2026-02-10' })
    await create({ kind: 'release_of_information', signedOn: '2026-01-05' })
    expect((await list()).map((c) => c.signedOn)).toEqual(['2026-02-10', '2026-01-05', '2025-11-02'])
  })

  it('revokes on a date, never deletes', async () => {
    const consent = await create()
    const revoked = await app.ok<Consent>('consents:revoke', { id: consent.id, revokedOn: '2026-02-01' })
    expect(revoked).toMatchObject({ id: consent.id, revokedOn: '2026-02-01', createdAt: consent.createdAt })
    expect(revoked.updatedAt > consent.updatedAt).toBe(true)
    expect(await list()).toEqual([revoked])
    expect(app.count('consents')).toBe(1)
  })

  it('may be revoked the day it was signed, not before', async () => {
    const consent = await create()
    const error = await app.fail('consents:revoke', { id: consent.id, revokedOn: '2026-01-14' })
    expect(error).toMatchObject({ code: 'invalid_input', fields: { revokedOn: 'Revoked date cannot be before the date the consent was signed' } })
    // No dates from the record in the message.
    expect(JSON.stringify(error)).not.toMatch(/2026|Jan/)
    expect((await list())[0]!.revokedOn).toBeNull()
    await app.ok('consents:revoke', { id: consent.id, revokedOn: '2026-01-15' })
  })

  it('refuses to revoke twice', async () => {
    const consent = await create()
    await app.ok('consents:revoke', { id: consent.id, revokedOn: '2026-02-01' })
    expect(await app.fail('consents:revoke', { id: consent.id, revokedOn: '2026-02-02' })).toEqual({ code: 'invalid_input', message: 'This consent is already revoked.' })
    expect((await list())[0]!.revokedOn).toBe('2026-02-01')
  })

  it('refuses dates in the future, unknown kinds and unknown consents', async () => {
    expect((await app.fail('consents:create', { clientId, consent: { kind: 'kap', version: 'v1', signedOn: '2999-01-01' } })).fields).toEqual({
      'consent.signedOn': 'Signed date cannot be in the future'
    })
    expect((await app.fail('consents:create', { clientId, consent: { kind: 'verbal', version: 'v1', signedOn: '2026-01-01' } })).fields).toEqual({
      'consent.kind': 'Choose a consent type from the list'
    })
    const consent = await create()
    expect((await app.fail('consents:revoke', { id: consent.id, revokedOn: '2999-01-01' })).fields).toEqual({ revokedOn: 'Revoked date cannot be in the future' })
    expect((await app.fail('consents:revoke', { id: testId(999), revokedOn: '2026-02-01' })).code).toBe('not_found')
  })

  it('needs a current client to add one', async () => {
    expect((await app.fail('consents:list', { clientId: testId(999) })).code).toBe('not_found')
    await app.ok('clients:archive', { id: clientId })
    expect((await app.fail('consents:create', { clientId, consent: { kind: 'kap', version: 'v1', signedOn: '2026-01-01' } })).code).toBe('invalid_input')
    expect(app.count('consents')).toBe(0)
  })
})
