import { ANY_ROLE } from '@shared/domain/roles'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { defineContract } from '@shared/contracts'
import type { Role } from '@shared/domain/roles'
import { AppFailure } from '../../../src/main/errors'
import { dispatch, productionOutputValidation, type OutputValidation } from '../../../src/main/ipc/dispatch'
import type { Router } from '../../../src/main/ipc/router'
import type { Logger, LogFacts } from '../../../src/main/log'
import { openTestApp, testId, type TestApp } from '../../factories/app'
import { clientInput, createClient } from '../../factories/clients'

const TABLES = ['clients', 'insurance_policies', 'diagnoses', 'screening_items', 'consents', 'practice']

const tomorrow = () => {
  const d = new Date()
  d.setDate(d.getDate() + 1)
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

/** A logger that keeps everything, to prove nothing identifying reaches it. */
function capturingLogger() {
  const lines: { event: string; facts?: LogFacts }[] = []
  const logger: Logger = { info: (event, facts) => lines.push({ event, facts }), error: (event, facts) => lines.push({ event, facts }) }
  return { logger, lines }
}

let app: TestApp
let log: ReturnType<typeof capturingLogger>
beforeEach(async () => {
  log = capturingLogger()
  app = await openTestApp({ logger: log.logger })
})
afterEach(() => app.close())

const counts = () => Object.fromEntries(TABLES.map((t) => [t, app.count(t)]))

describe('dispatch: invalid input', () => {
  const { legalLastName: _dropped, ...withoutLastName } = clientInput()
  const cases: [string, string, () => unknown, Record<string, unknown>][] = [
    ['a DOB in the future', 'clients:create', () => ({ client: clientInput({ dateOfBirth: tomorrow() }) }), { 'client.dateOfBirth': 'Date of birth cannot be in the future' }],
    ['a DOB before 1900', 'clients:create', () => ({ client: clientInput({ dateOfBirth: '1899-12-31' }) }), { 'client.dateOfBirth': 'Date of birth cannot be before 1900' }],
    ['a 1 MB name', 'clients:create', () => ({ client: clientInput({ legalFirstName: 'é'.repeat(1024 * 1024) }) }), { 'client.legalFirstName': 'Legal first name must be 100 characters or fewer' }],
    ['a missing required field', 'clients:create', () => ({ client: withoutLastName }), { 'client.legalLastName': 'Legal last name is required' }],
    ['an unknown key', 'clients:create', () => ({ client: { ...clientInput(), ssn: '123-45-6789' } }), { 'client.ssn': 'This field is not accepted here' }],
    ['an unknown key that is not a field name', 'clients:create', () => ({ client: { ...clientInput(), 'Jane Doe 1980-01-01': 'x', ['k'.repeat(100_000)]: 1 } }), { 'client.(unknown field)': 'This field is not accepted here' }],
    ['an unknown top-level key', 'clients:create', () => ({ client: clientInput(), admin: true }), { admin: 'This field is not accepted here' }],
    ['a wrong type', 'clients:create', () => ({ client: clientInput({ status: 42 as unknown as 'active' }) }), { 'client.status': 'Choose a status from the list' }],
    ['no client at all', 'clients:create', () => ({}), { client: expect.any(String) }],
    ['a malformed ID', 'clients:get', () => ({ id: "1' OR '1'='1" }), { id: 'Client ID is not a valid record ID' }],
    ['a bad ICD-10 code', 'diagnoses:add', () => ({ clientId: testId(1), diagnosis: { code: 'hello' } }), { 'diagnosis.code': 'Diagnosis code should be an ICD-10 code like F33.2: a letter, two characters, then optionally a dot and up to 4 more' }],
    ['a bad NPI check digit', 'practice:save', () => ({ profile: { individualNpi: '1234567894' } }), { 'profile.individualNpi': 'Individual NPI check digit does not match — check for a typo' }],
    ['a consent signed in the future', 'consents:create', () => ({ clientId: testId(1), consent: { kind: 'kap', version: 'v1', signedOn: tomorrow() } }), { 'consent.signedOn': 'Signed date cannot be in the future' }],
    ['an unknown screening item', 'screening:record', () => ({ clientId: testId(1), itemKey: 'astrology', item: { answer: 'yes', reviewedBy: 'Dr. Ames', reviewedOn: '2026-01-01' } }), { itemKey: 'Unknown screening item' }],
    ['a page size over the cap', 'clients:list', () => ({ pageSize: 1_000_000 }), { pageSize: expect.any(String) }]
  ]

  it.each(cases)('%s: invalid_input naming each field, and nothing written', async (_name, channel, input, expected) => {
    await createClient(app)
    const before = counts()
    const result = await app.call(channel, input())
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('invalid_input')
    expect(result.error.message).toBe('Some fields need attention. Nothing was saved.')
    expect(result.error.fields).toMatchObject(expected)
    expect(counts()).toEqual(before)
  })

  it('reports every failing field of one form at once', async () => {
    const error = await app.fail('clients:create', { client: clientInput({ legalFirstName: '', email: 'nope', postalCode: '123' }) })
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(['client.email', 'client.legalFirstName', 'client.postalCode'])
  })

  it('never echoes the value typed in a message', async () => {
    const secret = 'Zebulon-Quixote'
    const error = await app.fail('clients:create', { client: clientInput({ email: `${secret}@`, phone: secret, legalFirstName: secret.repeat(20) }) })
    expect(JSON.stringify(error)).not.toContain(secret)
  })

  it('treats a missing or null input as an empty object', async () => {
    expect((await app.call('clients:list', undefined)).ok).toBe(true)
    expect((await app.call('practice:get', null)).ok).toBe(true)
    expect((await app.fail('clients:get', undefined)).code).toBe('invalid_input')
  })
})

describe('dispatch: routing and failures', () => {
  it('an unknown channel is not_found and runs nothing', async () => {
    expect(await app.call('clients:drop', {})).toEqual({ ok: false, error: { code: 'not_found', message: 'That action is not available.' } })
    expect(await app.call('__proto__', {})).toMatchObject({ ok: false, error: { code: 'not_found' } })
  })

  it('a handler that writes and then throws leaves nothing behind', async () => {
    app.router.set('test:writeThenThrow', {
      contract: defineContract('test:writeThenThrow', z.strictObject({}), z.unknown(), { roles: ANY_ROLE }),
      handler: () => {
        const client = app.services.clients.create(clientInput() as never)
        app.services.diagnoses.add(client.id, { code: 'F33.2', description: null, custom: false })
        throw new Error('disk hiccup')
      }
    })
    const result = await app.call('test:writeThenThrow', {})
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } })
    expect(app.count('clients')).toBe(0)
    expect(app.count('diagnoses')).toBe(0)
  })

  it('a rule broken after a write rolls the write back and reports the rule', async () => {
    const client = await createClient(app)
    app.router.set('test:halfway', {
      contract: defineContract('test:halfway', z.strictObject({}), z.unknown(), { roles: ANY_ROLE }),
      handler: () => {
        app.services.diagnoses.add(client.id, { code: 'F33.2', description: null, custom: false })
        throw new AppFailure('conflict', 'Someone else changed this chart.')
      }
    })
    expect(await app.call('test:halfway', {})).toEqual({ ok: false, error: { code: 'conflict', message: 'Someone else changed this chart.' } })
    expect(app.count('diagnoses')).toBe(0)
  })

  it('an unexpected error returns internal, with no input value in the message or the log', async () => {
    const secret = 'Bartholomew Okonkwo-Ferreira'
    app.router.set('test:leaky', {
      contract: defineContract('test:leaky', z.strictObject({ name: z.string() }), z.unknown(), { roles: ANY_ROLE }),
      handler: (input) => {
        throw new TypeError(`cannot read ${(input as { name: string }).name}`)
      }
    })
    const result = await app.call('test:leaky', { name: secret })
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: 'Something went wrong and nothing was changed. Please try again.' } })
    expect(JSON.stringify(log.lines)).not.toContain('Bartholomew')
    expect(log.lines).toEqual([{ event: 'ipc.handler_failed', facts: { channel: 'test:leaky', name: 'TypeError', code: null } }])
  })

  it('a real SQLite error is internal and names no value', async () => {
    const client = await createClient(app, { legalLastName: 'Throckmorton' })
    // Force a constraint the services would never hit: a second current row for the same code.
    app.router.set('test:constraint', {
      contract: defineContract('test:constraint', z.strictObject({}), z.unknown(), { roles: ANY_ROLE }),
      handler: () => {
        app.connection.sqlite
          .prepare("INSERT INTO diagnoses (id, client_id, code, position, is_primary, added_at) VALUES (?, ?, 'F41.1', 0, 0, 'x')")
          .run(testId(900), client.id)
        app.connection.sqlite
          .prepare("INSERT INTO diagnoses (id, client_id, code, position, is_primary, added_at) VALUES (?, ?, 'F41.1', 1, 0, 'x')")
          .run(testId(901), client.id)
      }
    })
    const result = await app.call('test:constraint', {})
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } })
    expect(app.count('diagnoses')).toBe(0)
    expect(log.lines.at(-1)).toMatchObject({ event: 'ipc.handler_failed', facts: { name: 'SqliteError', code: 'SQLITE_CONSTRAINT_UNIQUE' } })
    expect(JSON.stringify(log.lines)).not.toContain('Throckmorton')
  })

  it('an output that breaks its contract is caught when outputs are validated', async () => {
    app.router.set('test:badOutput', {
      contract: defineContract('test:badOutput', z.strictObject({}), z.strictObject({ n: z.int() }), { roles: ANY_ROLE }),
      handler: () => ({ n: 'Maria Lopez' })
    })
    expect(await app.call('test:badOutput', {})).toMatchObject({ ok: false, error: { code: 'internal' } })
    expect(log.lines).toEqual([{ event: 'ipc.output_invalid', facts: { channel: 'test:badOutput', paths: 'n' } }])
  })
})

const optionsAs = (role: Role, validateOutput: OutputValidation | undefined) => ({
  transaction: <T>(fn: () => T) => fn(),
  audit: () => undefined,
  logger: log.logger,
  actor: () => ({ id: 'u1', label: 'user', role }),
  validateOutput
})

describe('dispatch: output validation by caller', () => {
  const leaky = {
    contract: defineContract('test:billingRead', z.strictObject({}), z.strictObject({ total: z.int() }), { roles: ANY_ROLE }),
    // A billing read that also returns a note's text: the strict output contract must refuse it.
    handler: () => ({ total: 100, noteBody: 'Patient disclosed…' })
  }
  const router = new Map([['test:billingRead', leaky]]) as unknown as Router

  it('the installed app validates the administrator’s answers and refuses a leaked field', async () => {
    const production = productionOutputValidation(true)
    expect(await dispatch(router, 'test:billingRead', {}, optionsAs('administrator', production))).toMatchObject({ ok: false, error: { code: 'internal' } })
    expect(log.lines).toEqual([{ event: 'ipc.output_invalid', facts: { channel: 'test:billingRead', paths: '' } }])
    expect(JSON.stringify(log.lines)).not.toContain('disclosed')
    // The clinical roles are not checked in production (they may read notes anyway).
    expect(await dispatch(router, 'test:billingRead', {}, optionsAs('clinician', production))).toMatchObject({ ok: true })
  })

  it('an unpackaged run validates everyone; off means off', async () => {
    for (const role of ['owner', 'clinician', 'administrator'] as const) {
      expect(await dispatch(router, 'test:billingRead', {}, optionsAs(role, productionOutputValidation(false)))).toMatchObject({ ok: false })
      expect(await dispatch(router, 'test:billingRead', {}, optionsAs(role, false))).toMatchObject({ ok: true })
      expect(await dispatch(router, 'test:billingRead', {}, optionsAs(role, undefined))).toMatchObject({ ok: true })
    }
  })
})
