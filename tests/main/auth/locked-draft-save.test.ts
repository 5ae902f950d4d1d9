/**
 * Nothing typed is lost to the lock: a window that closes or reloads while locked still sends the
 * autosave of the draft it had open. Main lets exactly that call through — notes:save, as the
 * user who locked, logged in their name — and nothing else, nor for anyone else.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { Note } from '@shared/contracts/notes'
import type { Result } from '@shared/contracts'
import { silentLogger } from '../../../src/main/log'
import { SAVES_WHILE_LOCKED, startCore, type CoreHost } from '../../../src/main/startup'
import { MIGRATIONS_FOLDER, type TestApp } from '../../factories/app'
import { createClient } from '../../factories/clients'
import { createNote, createSession, signableDosingBody } from '../../factories/clinical'
import { signInOwner, TEST_KDF, TEST_OWNER } from '../../factories/host'
import { tempDir } from '../backup/helpers'

function clock(from = '2026-03-09T10:00:00.000Z') {
  let t = Date.parse(from)
  return { now: () => new Date(t), advance: (ms: number) => (t += ms) }
}

const hosts: CoreHost[] = []
afterEach(() => {
  for (const h of hosts.splice(0)) h.close()
})

async function value<T>(host: CoreHost, channel: string, input: unknown = {}): Promise<T> {
  const result = await host.call(channel, input)
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`)
  return result.value as T
}
/** The factories' view of a host: calls as the renderer makes them. */
const asApp = (host: CoreHost) => ({ ok: <T>(channel: string, input?: unknown) => value<T>(host, channel, input) }) as unknown as TestApp
const locked = { ok: false, error: { code: 'locked' } }

/** The owner signed in with a draft dosing note open. */
async function ownerWithDraft(c = clock()) {
  const host = await startCore({ dataDir: tempDir(), kdf: TEST_KDF, migrationsFolder: MIGRATIONS_FOLDER, logger: silentLogger, validateOutput: true, now: c.now, context: { now: c.now } })
  hosts.push(host)
  await signInOwner(host)
  const app = asApp(host)
  const clientId = (await createClient(app, { status: 'active' })).id
  const sessionId = (await createSession(app, clientId)).session.id
  const note = await createNote(app, sessionId)
  return { host, note, sessionId, clientId, clock: c }
}

const save = (host: CoreHost, note: Pick<Note, 'id' | 'revision'>, notes: string): Promise<Result<unknown>> =>
  host.call('notes:save', { id: note.id, revision: note.revision, body: signableDosingBody({ notes }) })

const lastEntry = (host: CoreHost) =>
  host.core!.connection.sqlite.prepare('SELECT action, entity, entity_id AS entityId, actor_id AS actorId, actor_label AS actor, channel FROM audit_log ORDER BY seq DESC LIMIT 1').get()

describe('the draft save while locked', () => {
  it('stores the locked user’s draft, in their name, and refuses every other practice call', async () => {
    const { host, note, sessionId, clientId } = await ownerWithDraft()
    expect(SAVES_WHILE_LOCKED).toBe('notes:save')
    await value(host, 'auth:lock')
    expect(host.auth.state()).toBe('locked')

    const saved = await save(host, note, 'Typed just before Ctrl+L')
    expect(saved).toMatchObject({ ok: true, value: { id: note.id, revision: note.revision + 1, body: { notes: 'Typed just before Ctrl+L' } } })
    const owner = host.auth.status().user!
    expect(lastEntry(host)).toEqual({ action: 'update', entity: 'note', entityId: note.id, actorId: owner.id, actor: TEST_OWNER.displayName, channel: 'notes:save' })

    // Still locked, and nothing else answers — not even reading the note just saved.
    expect(host.auth.state()).toBe('locked')
    expect(host.auth.actor()).toMatchObject({ id: null, role: null })
    for (const [channel, input] of [
      ['notes:get', { id: note.id }],
      ['notes:sign', { id: note.id, revision: note.revision + 1 }],
      ['notes:create', { sessionId }],
      ['clients:get', { id: clientId }],
      ['clients:list', {}]
    ] as const) {
      expect(await host.call(channel, input)).toMatchObject(locked)
    }

    await value(host, 'auth:unlock', { passphrase: TEST_OWNER.passphrase })
    expect(await value<Note>(host, 'notes:get', { id: note.id })).toMatchObject({ revision: note.revision + 1, body: { notes: 'Typed just before Ctrl+L' } })
  })

  it('locked by the idle time, the draft is saved too; a failed save changes nothing', async () => {
    const c = clock()
    const { host, note } = await ownerWithDraft(c)
    c.advance(11 * 60_000)
    expect(await save(host, note, 'Typed, then walked away')).toMatchObject({ ok: true, value: { body: { notes: 'Typed, then walked away' } } })
    expect(host.auth.state()).toBe('locked')
    // A stale revision is still a conflict: the rule lets the call through, not past the note's own checks.
    expect(await save(host, note, 'From a stale window')).toMatchObject({ ok: false, error: { code: 'conflict' } })
  })

  it('after signing out, or before anyone signed in, the save is refused like everything else', async () => {
    const { host, note } = await ownerWithDraft()
    await value(host, 'auth:signOut')
    expect(await save(host, note, 'After sign-out')).toMatchObject(locked)
    await signInOwner(host)
    expect(await value<Note>(host, 'notes:get', { id: note.id })).toMatchObject({ revision: note.revision })
  })
})
