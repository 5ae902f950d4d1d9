/**
 * Settings → Backups through the start-up host, on real files: a manual backup, and restoring one
 * (and undoing that) while the practice is open — the host closes its core, restores, and opens
 * the practice again, so every other channel keeps working after the swap.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { BackupRestoreResult, BackupsList } from '@shared/contracts/backups'
import type { BackupSummary } from '@shared/contracts/recovery'
import { silentLogger } from '../../src/main/log'
import { signInOwner, TEST_KDF } from '../factories/host'
import { startCore, type CoreHost } from '../../src/main/startup'
import { MIGRATIONS_FOLDER, fixedClock, sequentialIds } from '../factories/app'
import { filesIn, lastNamesIn, tempDir } from './backup/helpers'
import { clientInput } from '../factories/clients'

let tick = 0
/** The practice's data key, to read its (encrypted) backups in the assertions. */
let dataKey: Buffer
async function start(dataDir: string): Promise<CoreHost> {
  // Each backup gets its own minute, so "newest first" is by time, not by sequence.
  const host = await startCore({
    dataDir,
    kdf: TEST_KDF,
    migrationsFolder: MIGRATIONS_FOLDER,
    logger: silentLogger,
    validateOutput: true,
    context: { now: fixedClock(), newId: sequentialIds(1000) },
    now: () => new Date(Date.UTC(2026, 2, 9, 10, tick++))
  })
  await signInOwner(host)
  // A copy: signing out wipes the host's key in place.
  dataKey = Buffer.from(host.core!.connection.key!)
  return host
}

async function ok<T>(host: CoreHost, channel: string, input: unknown = {}): Promise<T> {
  const result = await host.call(channel, input)
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`)
  return result.value as T
}

async function addClient(host: CoreHost, legalLastName: string) {
  await ok(host, 'clients:create', { client: clientInput({ legalLastName }) })
}

const lastNames = async (host: CoreHost) => (await ok<{ rows: { legalLastName: string }[] }>(host, 'clients:list', {})).rows.map((c) => c.legalLastName).sort()

/** A running practice with client Ames, a manual backup of it, then client Baker. */
async function practiceWithBackup() {
  const dir = tempDir()
  const host = await start(dir)
  await addClient(host, 'Ames')
  const manual = await ok<BackupSummary>(host, 'backups:create')
  await addClient(host, 'Baker')
  return { dir, host, manual }
}

describe('backups:* on a running practice', () => {
  it('a manual backup appears in the list, newest first, with the folder and no paths', async () => {
    const { dir, host, manual } = await practiceWithBackup()
    try {
      expect(manual).toMatchObject({ reason: 'manual', fileName: expect.stringMatching(/^kap-backup-.*-manual\.db$/) })
      expect(manual.bytes).toBeGreaterThan(0)
      const list = await ok<BackupsList>(host, 'backups:list')
      expect(list.folder).toBe(join(dir, 'backups'))
      expect(list.backups).toEqual([manual])
      expect(JSON.stringify(list.backups)).not.toContain(dir)
      expect(lastNamesIn(join(dir, 'backups', manual.fileName), dataKey)).toEqual(['Ames'])
      // Retention runs after each: a second backup the same day is the day's one (7 daily / 4 weekly / 12 monthly).
      const second = await ok<BackupSummary>(host, 'backups:create')
      expect((await ok<BackupsList>(host, 'backups:list')).backups).toEqual([second])
      expect(lastNamesIn(join(dir, 'backups', second.fileName), dataKey)).toEqual(['Ames', 'Baker'])
    } finally {
      host.close()
    }
  })

  it('restore while running brings back the earlier data, keeps a pre-restore copy; undo brings back the newer data', async () => {
    const { dir, host, manual } = await practiceWithBackup()
    try {
      const before = host.core
      let reopened = 0
      host.onReady(() => reopened++)
      const restored = await ok<BackupRestoreResult>(host, 'backups:restore', { fileName: manual.fileName })
      expect(restored.restoredFrom).toBe(manual.fileName)
      expect(restored.preRestoreFileName).toMatch(/^kap-backup-.*-pre-restore\.db$/)
      expect(host.current().mode).toBe('ready')
      expect(host.core).not.toBe(before)
      expect(reopened).toBe(1)
      expect(await lastNames(host)).toEqual(['Ames'])
      // The restored practice's log ends with the restore, by the signed-in owner.
      expect(host.core!.connection.sqlite.prepare('SELECT action, entity, channel, actor_label AS actor FROM audit_log ORDER BY seq DESC LIMIT 1').get()).toEqual({
        action: 'restore',
        entity: 'practice',
        channel: 'backups:restore',
        actor: 'Dana Whitfield'
      })
      expect(lastNamesIn(join(dir, 'backups', restored.preRestoreFileName!), dataKey)).toEqual(['Ames', 'Baker'])
      const list = await ok<BackupsList>(host, 'backups:list')
      expect(list.backups[0]).toMatchObject({ fileName: restored.preRestoreFileName, reason: 'pre-restore' })

      // Normal channels work on the new core: write, read, the audit chain.
      await addClient(host, 'Cole')
      expect(await lastNames(host)).toEqual(['Ames', 'Cole'])
      expect((await host.call('practice:get')).ok).toBe(true)
      expect(await host.call('recovery:status')).toMatchObject({ ok: true, value: { state: 'ok' } })

      const undone = await ok<BackupRestoreResult>(host, 'backups:undoRestore', { preRestoreFileName: restored.preRestoreFileName })
      expect(undone.restoredFrom).toBe(restored.preRestoreFileName)
      // Undo is itself a restore: what it replaced (Ames, Cole) is kept too.
      expect(undone.preRestoreFileName).toMatch(/-pre-restore\.db$/)
      expect(lastNamesIn(join(dir, 'backups', undone.preRestoreFileName!), dataKey)).toEqual(['Ames', 'Cole'])
      expect(await lastNames(host)).toEqual(['Ames', 'Baker'])
      expect(reopened).toBe(2)
    } finally {
      host.close()
    }
    expect(lastNamesIn(join(dir, 'practice.db'), dataKey)).toEqual(['Ames', 'Baker'])
  })

  it.each([
    '../x.db',
    '../backups/kap-backup-2026-03-09T10-00-00-000Z-manual.db',
    '/etc/passwd',
    'C:\\Windows\\x.db',
    'kap-damaged-2026-03-09T10-00-00-000Z.db',
    'kap-backup-2026-03-09T10-00-00-000Z-manual.db\0',
    'practice.db',
    ''
  ])('refuses the file name %j and changes nothing', async (fileName) => {
    const { dir, host } = await practiceWithBackup()
    try {
      const before = readFileSync(join(dir, 'practice.db'))
      const backupsBefore = filesIn(join(dir, 'backups'))
      for (const [channel, input] of [
        ['backups:restore', { fileName }],
        ['backups:undoRestore', { preRestoreFileName: fileName }]
      ] as const) {
        expect(await host.call(channel, input)).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
      }
      expect(host.current().mode).toBe('ready')
      expect(await lastNames(host)).toEqual(['Ames', 'Baker'])
      expect(readFileSync(join(dir, 'practice.db')).equals(before)).toBe(true)
      expect(filesIn(join(dir, 'backups'))).toEqual(backupsBefore)
    } finally {
      host.close()
    }
  })

  it('a name that is not in the folder is not_found; undo takes only a pre-restore backup; hostile input is an envelope', async () => {
    const { host, manual } = await practiceWithBackup()
    try {
      expect(await host.call('backups:restore', { fileName: 'kap-backup-2020-01-01T00-00-00-000Z-daily.db' })).toMatchObject({ ok: false, error: { code: 'not_found' } })
      // The manual backup is a real backup, but not a pre-restore copy: undo refuses it.
      expect(await host.call('backups:undoRestore', { preRestoreFileName: manual.fileName })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
      for (const input of [undefined, null, 7, 'x', [], { fileName: null }, { fileName: 'a'.repeat(10_000) }, { fileName: manual.fileName, extra: 1 }]) {
        const result = await host.call('backups:restore', input)
        expect(result.ok ? 'ok' : result.error.code).toMatch(/^(invalid_input|not_found)$/)
      }
      expect(await host.call('backups:create', { extra: 1 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
      expect(await lastNames(host)).toEqual(['Ames', 'Baker'])
    } finally {
      host.close()
    }
  })

  it('a damaged backup is refused and the practice stays open, unchanged', async () => {
    const { dir, host, manual } = await practiceWithBackup()
    try {
      const path = join(dir, 'backups', manual.fileName)
      writeFileSync(path, Buffer.alloc(8192, 'x'))
      expect(await host.call('backups:restore', { fileName: manual.fileName })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
      expect(host.current().mode).toBe('ready')
      expect(await lastNames(host)).toEqual(['Ames', 'Baker'])
      expect(filesIn(join(dir, 'backups')).some((f) => f.includes('pre-restore'))).toBe(false)
      // Nothing was restored, so the log says nothing was.
      expect(host.core!.connection.sqlite.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'restore'").get()).toEqual({ n: 0 })
    } finally {
      host.close()
    }
  })
})
