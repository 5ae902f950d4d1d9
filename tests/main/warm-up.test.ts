/** The start-up warm-up: the first screens' reads, answered and dropped; nothing written, nothing after close. */
import { afterEach, describe, expect, it } from 'vitest'
import { warmUp } from '../../src/main/warm-up'
import { clientInput } from '../factories/clients'
import { openTestApp, type TestApp } from '../factories/app'

let app: TestApp | null = null
afterEach(() => {
  app?.close()
  app = null
})

describe('warmUp', () => {
  it('asks the client list and search questions, each answered, and writes nothing (not even an audit entry)', async () => {
    app = await openTestApp()
    for (const legalLastName of ['Nguyễn', 'O’Brien', 'Abara']) await app.ok('clients:create', { client: clientInput({ legalLastName }) })
    const audit = app.count('audit_log')
    const changes = app.connection.sqlite.prepare('SELECT total_changes() AS n').get() as { n: number }

    const asked = await warmUp(app, () => true)

    expect(asked.map((a) => a.channel)).toEqual(['clients:list', 'clients:list', 'clients:list', 'clients:search'])
    expect(asked.every((a) => a.ok)).toBe(true)
    expect(app.count('audit_log')).toBe(audit)
    expect(app.connection.sqlite.prepare('SELECT total_changes() AS n').get()).toEqual(changes)
  })

  it('asks nothing once its core is no longer the current one, or is closed', async () => {
    app = await openTestApp()
    expect(await warmUp(app, () => false)).toEqual([])
    app.connection.sqlite.close()
    expect(await warmUp(app, () => true)).toEqual([])
    app = null
  })
})
