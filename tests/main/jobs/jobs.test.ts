/**
 * Jobs through the start-up host on a real practice folder: each kind runs in a real worker
 * thread on its own connection, reports monotonic progress that ends at its total, and main
 * records what it must (the audit entry). Cancel leaves no partial file; a worker that dies gives
 * a readable error and the app keeps working.
 */
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { JobEvent } from '@shared/contracts/jobs'
import { silentLogger } from '../../../src/main/log'
import { startCore, type CoreHost } from '../../../src/main/startup'
import type { SpawnJobWorker } from '../../../src/main/jobs/protocol'
import { threadWorkerSpawner } from '../../../src/main/jobs/thread-worker'
import { signInOwner, TEST_KDF } from '../../factories/host'
import { MIGRATIONS_FOLDER } from '../../factories/app'
import { clientInput } from '../../factories/clients'
import { tempDir } from '../backup/helpers'

const hosts: CoreHost[] = []
afterEach(() => {
  for (const h of hosts.splice(0)) h.close()
})

async function practice(options: { clients?: number; spawn?: SpawnJobWorker } = {}) {
  const dataDir = tempDir()
  const host = await startCore({ dataDir, kdf: TEST_KDF, migrationsFolder: MIGRATIONS_FOLDER, logger: silentLogger, validateOutput: true, spawnJobWorker: options.spawn })
  hosts.push(host)
  await signInOwner(host)
  const events: JobEvent[] = []
  host.onJobEvent((e) => events.push(e))
  for (let i = 0; i < (options.clients ?? 3); i++) {
    const r = await host.call('clients:create', { client: clientInput({ legalLastName: `Nguyễn-${i}` }) })
    if (!r.ok) throw new Error(JSON.stringify(r.error))
  }
  return { host, dataDir, events }
}

async function ok<T>(host: CoreHost, channel: string, input: unknown = {}): Promise<T> {
  const result = await host.call(channel, input)
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`)
  return result.value as T
}

/** Resolves with the job's end event. */
async function endOf(events: JobEvent[], jobId: string): Promise<JobEvent> {
  for (let i = 0; i < 600; i++) {
    const end = events.find((e) => e.jobId === jobId && e.type !== 'progress')
    if (end) return end
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error('the job never ended')
}

const progressOf = (events: JobEvent[], jobId: string) => events.flatMap((e) => (e.jobId === jobId && e.type === 'progress' ? [e.progress] : []))
const exportsIn = (dataDir: string) => (existsSync(join(dataDir, 'exports')) ? readdirSync(join(dataDir, 'exports')) : [])

describe('jobs', { timeout: 30_000 }, () => {
  it('runs the custodian export in a worker: progress only moves forward and ends at its total; main audits it', async () => {
    const { host, dataDir, events } = await practice({ clients: 5 })
    const { jobId } = await ok<{ jobId: string }>(host, 'jobs:start', { kind: 'custodianExport' })
    const end = await endOf(events, jobId)
    expect(end.type).toBe('done')
    const steps = progressOf(events, jobId)
    expect(steps.length).toBeGreaterThan(2)
    for (let i = 1; i < steps.length; i++) expect(steps[i]!.done).toBeGreaterThanOrEqual(steps[i - 1]!.done)
    expect(steps.at(-1)).toMatchObject({ done: 6, total: 6 })
    expect(end.type === 'done' && end.result).toMatchObject({ clients: 5 })
    const folders = exportsIn(dataDir)
    expect(folders.filter((n) => n.startsWith('custodian-'))).toHaveLength(1)
    expect(folders.some((n) => n.endsWith('.partial'))).toBe(false)
    const log = await ok<{ rows: { channel: string }[] }>(host, 'audit:list', {})
    expect(log.rows.some((e) => e.channel === 'exports:custodian')).toBe(true)
    expect((await ok<{ state: string }[]>(host, 'jobs:list')).map((j) => j.state)).toEqual(['done'])
  })

  it('refuses a second job of the same kind while one runs, and says so', async () => {
    const { host, events } = await practice({ clients: 20 })
    const first = await ok<{ jobId: string }>(host, 'jobs:start', { kind: 'custodianExport' })
    const second = await host.call('jobs:start', { kind: 'custodianExport' })
    expect(second.ok).toBe(false)
    expect(!second.ok && second.error.message).toMatch(/already running/)
    expect((await endOf(events, first.jobId)).type).toBe('done')
  })

  it('cancelled mid-way, leaves no folder, partial or final', async () => {
    const { host, dataDir, events } = await practice({ clients: 40 })
    const { jobId } = await ok<{ jobId: string }>(host, 'jobs:start', { kind: 'custodianExport' })
    for (let i = 0; i < 400 && !progressOf(events, jobId).some((p) => p.done >= 1); i++) await new Promise((r) => setTimeout(r, 10))
    expect(await ok(host, 'jobs:cancel', { jobId })).toEqual({ cancelled: true })
    expect((await endOf(events, jobId)).type).toBe('cancelled')
    expect(exportsIn(dataDir).filter((n) => n.startsWith('custodian-') || n.endsWith('.partial'))).toEqual([])
    const log = await ok<{ rows: { channel: string }[] }>(host, 'audit:list', {})
    expect(log.rows.some((e) => e.channel === 'exports:custodian')).toBe(false)
  })

  it('a worker that dies gives the window a readable error, and the app keeps working', async () => {
    const threads = threadWorkerSpawner()
    // The worker is killed as soon as it reports its first step, as a crash would end it.
    const crashing: SpawnJobWorker = () => {
      const w = threads()
      return { ...w, onMessage: (l) => w.onMessage((m) => (m.type === 'progress' ? w.kill() : l(m))) }
    }
    const { host, events } = await practice({ clients: 10, spawn: crashing })
    const { jobId } = await ok<{ jobId: string }>(host, 'jobs:start', { kind: 'custodianExport' })
    const end = await endOf(events, jobId)
    expect(end).toMatchObject({ type: 'failed', message: expect.stringMatching(/stopped unexpectedly.*keeps working/) })
    expect((await ok<{ rows: unknown[] }>(host, 'clients:list', {})).rows).toHaveLength(10)
  })

  it('makes a backup in a worker that restores like any other', async () => {
    const { host, events } = await practice()
    const { jobId } = await ok<{ jobId: string }>(host, 'jobs:start', { kind: 'backup' })
    const end = await endOf(events, jobId)
    expect(end).toMatchObject({ type: 'done' })
    const made = end.type === 'done' ? (end.result as { fileName: string; reason: string }) : null
    expect(made?.reason).toBe('manual')
    const list = await ok<{ backups: { fileName: string }[] }>(host, 'backups:list')
    expect(list.backups.map((b) => b.fileName)).toContain(made!.fileName)
    await ok(host, 'backups:restore', { fileName: made!.fileName })
    expect((await ok<{ rows: unknown[] }>(host, 'clients:list', {})).rows).toHaveLength(3)
  })

  it('writes the practice archive and verifies the audit log in a worker', async () => {
    const { host, dataDir, events } = await practice()
    const archive = await ok<{ jobId: string }>(host, 'jobs:start', { kind: 'archiveExport', passphrase: 'a long archive passphrase' })
    const verify = await ok<{ jobId: string }>(host, 'jobs:start', { kind: 'auditVerify' })
    const [a, v] = await Promise.all([endOf(events, archive.jobId), endOf(events, verify.jobId)])
    expect(a.type).toBe('done')
    expect(exportsIn(dataDir).filter((n) => n.endsWith('.kaparchive'))).toHaveLength(1)
    expect(v.type === 'done' && v.result).toMatchObject({ ok: true })
  })

  it('refuses bad input beside the field, and unknown jobs', async () => {
    const { host } = await practice({ clients: 0 })
    const short = await host.call('jobs:start', { kind: 'archiveExport', passphrase: 'short' })
    expect(!short.ok && short.error.fields).toHaveProperty('passphrase')
    const unknown = await host.call('jobs:cancel', { jobId: '00000000-0000-4000-8000-000000000000' })
    expect(!unknown.ok && unknown.error.code).toBe('not_found')
  })
})
