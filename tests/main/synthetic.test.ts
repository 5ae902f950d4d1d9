import { afterEach, describe, expect, it } from 'vitest'
import type { ClientChart, ClientListPage } from '@shared/contracts/clients'
import { clientInput } from '@shared/contracts/clients'
import type { Consent } from '@shared/contracts/consents'
import { CLIENT_STATUSES } from '@shared/domain/client-status'
import { openTestApp, type TestApp } from '../factories/app'
import { seedDemoPractice } from '../factories/demo'
import { seedSyntheticPractice, syntheticClients } from '../factories/synthetic'

let app: TestApp | undefined
afterEach(() => {
  app?.close()
  app = undefined
})

describe('syntheticClients', () => {
  it('is deterministic: the same seed gives the same clients, another seed others', () => {
    expect(syntheticClients(7, 200)).toEqual(syntheticClients(7, 200))
    expect(syntheticClients(8, 200)).not.toEqual(syntheticClients(7, 200))
    // A longer run starts with the shorter one.
    expect(syntheticClients(7, 300).slice(0, 200)).toEqual(syntheticClients(7, 200))
  })

  it('generates only clients the form would accept, with the spread of a real practice', () => {
    const generated = syntheticClients(42, 3000)
    const failures = generated.map((c) => clientInput.safeParse(c)).filter((r) => !r.success)
    expect(failures.map((f) => f.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`))).toEqual([])

    const has = (predicate: (c: (typeof generated)[number]) => boolean) => generated.some(predicate)
    expect(new Set(generated.map((c) => c.status))).toEqual(new Set(CLIENT_STATUSES))
    expect(has((c) => c.legalLastName.includes("'"))).toBe(true)
    expect(has((c) => c.legalLastName.includes('-'))).toBe(true)
    expect(has((c) => /^(de|van|von|del) /i.test(c.legalLastName))).toBe(true)
    expect(has((c) => c.legalLastName.normalize('NFKD') !== c.legalLastName)).toBe(true)
    expect(has((c) => /\p{Script=Han}/u.test(c.legalLastName))).toBe(true)
    // Letters NFKD leaves whole, which search must fold itself.
    expect(has((c) => /[łŁøØđĐßæÆ]/u.test(c.legalLastName + c.legalFirstName))).toBe(true)
    expect(has((c) => !!c.preferredName)).toBe(true)
    expect(has((c) => !!c.pronouns)).toBe(true)
    expect(has((c) => !c.email)).toBe(true)
    expect(has((c) => !c.phone)).toBe(true)
    expect(has((c) => /x|ext/.test(c.phone ?? ''))).toBe(true)
    expect(has((c) => /^\d{5}-\d{4}$/.test(c.postalCode ?? ''))).toBe(true)
    for (const state of ['PR', 'GU', 'AE']) expect(has((c) => c.state === state)).toBe(true)
    const births = generated.map((c) => c.dateOfBirth).sort()
    expect(births[0]! >= '1935-01-01').toBe(true)
    expect(births.at(-1)! <= '2006-12-31').toBe(true)
    // More clients in a course or finished than at the door.
    const count = (s: string) => generated.filter((c) => c.status === s).length
    expect(count('active') + count('maintenance') + count('discharged')).toBeGreaterThan(generated.length / 2)
  })
})

describe('seedSyntheticPractice', () => {
  it('writes the clients and a practice profile through the services, archiving a few', async () => {
    app = await openTestApp()
    const seeded = seedSyntheticPractice(app, { seed: 5, clients: 400 })
    expect(seeded.clientIds).toHaveLength(400)
    expect(seeded.archivedIds.length).toBeGreaterThan(0)
    expect(seeded.archivedIds.length).toBeLessThan(40)
    const all = await app.ok<ClientListPage>('clients:list', { archived: 'all', pageSize: 1 })
    const archived = await app.ok<ClientListPage>('clients:list', { archived: 'archived', pageSize: 1 })
    expect(all.total).toBe(400)
    expect(archived.total).toBe(seeded.archivedIds.length)
    expect(await app.ok('practice:get', {})).toMatchObject({ individualNpi: '1234567893' })
  })
})

describe('seedDemoPractice', () => {
  it('seeds a demo practice with clients in every status and the chart details a demo needs', async () => {
    app = await openTestApp()
    const demo = await seedDemoPractice(app, { today: '2026-03-08' })
    expect(demo.counts.clients).toBeGreaterThanOrEqual(12)

    const page = await app.ok<ClientListPage>('clients:list', { archived: 'all', pageSize: 200 })
    expect(new Set(page.rows.map((r) => r.status))).toEqual(new Set(CLIENT_STATUSES))
    expect(page.rows.filter((r) => r.archivedAt)).toHaveLength(demo.counts.archived)

    const charts = await Promise.all(demo.clientIds.map((id) => app!.ok<ClientChart>('clients:get', { id })))
    expect(charts.filter((c) => c.flags.screeningPositive)).toHaveLength(1)
    expect(charts.some((c) => c.flags.screeningIncomplete)).toBe(true)
    expect(charts.some((c) => !c.flags.screeningIncomplete && !c.flags.missingKapConsent && !c.flags.noDiagnosis)).toBe(true)

    const consents = (await Promise.all(demo.clientIds.map((clientId) => app!.ok<Consent[]>('consents:list', { clientId })))).flat()
    expect(consents.filter((c) => c.revokedOn)).toHaveLength(1)
    expect(consents.some((c) => c.kind === 'release_of_information')).toBe(true)
    expect(app.count('insurance_policies')).toBe(demo.counts.insurancePolicies)
    expect(app.count('diagnoses')).toBe(demo.counts.diagnoses)
    expect(await app.ok('practice:get', {})).toMatchObject({ individualNpi: '1234567893', ein: '12-3456789' })
  })
})
