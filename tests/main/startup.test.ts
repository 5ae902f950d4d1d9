/**
 * startCore on real files: a damaged database puts the host in recovery mode (never a throw), the
 * recovery calls list and restore backups, and a fresh start keeps the damaged file aside.
 */
import { existsSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { RecoveryStatus } from '@shared/contracts/recovery'
import Database from 'better-sqlite3-multiple-ciphers'
import { createBackup } from '../../src/main/backup'
import type { LogFacts, Logger } from '../../src/main/log'
import { signInOwner, TEST_KDF, TEST_OWNER } from '../factories/host'
import { createKeyring, keyringPathIn, writeKeyring } from '../../src/main/security/keyring'
import { NOT_OPEN_MESSAGE, startCore, type CoreHost } from '../../src/main/startup'
import { MIGRATIONS_FOLDER, sequentialIds, fixedClock } from '../factories/app'
import { addClients, filesIn, lastNamesIn, openPractice, practicePaths, tempDir } from './backup/helpers'

const logged: { event: string; facts?: LogFacts }[] = []
const logger: Logger = { info: (event, facts) => logged.push({ event, facts }), error: (event, facts) => logged.push({ event, facts }) }

const hosts: CoreHost[] = []
async function start(dataDir: string): Promise<CoreHost> {
  const host = await startCore({
    dataDir,
    kdf: TEST_KDF,
    migrationsFolder: MIGRATIONS_FOLDER,
    logger,
    validateOutput: true,
    context: { now: fixedClock(), newId: sequentialIds(1000) },
    now: () => new Date('2026-03-09T10:00:00.000Z')
  })
  hosts.push(host)
  await signInOwner(host)
  return host
}

async function ok<T>(host: CoreHost, channel: string, input: unknown = {}): Promise<T> {
  const result = await host.call(channel, input)
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`)
  return result.value as T
}

/**
 * A data folder with an encrypted practice (clients Ames, Baker), its keyring (TEST_OWNER's
 * passphrase) and one verified backup of it, then `damage` applied to practice.db.
 */
async function damagedPractice(damage: (databasePath: string) => void) {
  const paths = practicePaths()
  const { keyring, dataKey: key } = await createKeyring({ ownerId: TEST_OWNER.login, passphrase: TEST_OWNER.passphrase, kdf: TEST_KDF })
  await writeKeyring(keyringPathIn(paths.dir), keyring)
  const app = await openPractice(paths.databasePath, key)
  await addClients(app, 'Ames', 'Baker')
  const backup = await createBackup(app.connection.sqlite, paths.backupDir, { now: new Date('2026-03-08T12:00:00.000Z'), reason: 'manual', key })
  await addClients(app, 'After-backup')
  app.close()
  damage(paths.databasePath)
  return { ...paths, backup, key }
}

const truncate = (path: string) => truncateSync(path, Math.floor(statSync(path).size / 3))
const garbage = (path: string) => writeFileSync(path, Buffer.alloc(64 * 1024, 'not a database at all '))

describe('startCore', () => {
  it('opens a fresh data folder ready, and recovery:status answers ok with the (empty) backup list', async () => {
    const dir = tempDir()
    const host = await start(dir)
    expect(host.current().mode).toBe('ready')
    expect(await ok(host, 'recovery:status')).toEqual({ state: 'ok', backups: [] })
    expect((await host.call('practice:get')).ok).toBe(true)
    // Recovery actions make no sense on an open database.
    expect(await host.call('recovery:startFresh')).toMatchObject({ ok: false, error: { code: 'conflict' } })
    host.close()
  })

  it.each([
    ['a truncated database', truncate, 'corrupt'],
    ['an emptied (zero-byte) database', (p: string) => truncateSync(p, 0), 'corrupt'],
    ['a garbage file', garbage, 'not_a_database']
  ] as const)('%s goes to recovery mode, lists the backups and refuses practice calls', async (_label, damage, state) => {
    const { dir, backup } = await damagedPractice(damage)
    const before = readFileSync(join(dir, 'practice.db'))
    const host = await start(dir)
    expect(host.current()).toMatchObject({ mode: 'recovery', state })
    expect(host.core).toBeNull()
    const status = await ok<RecoveryStatus>(host, 'recovery:status')
    expect(status).toEqual({
      state,
      backups: [{ fileName: backup.fileName, createdAt: '2026-03-08T12:00:00.000Z', reason: 'manual', bytes: backup.bytes }]
    })
    expect(await host.call('clients:list', {})).toEqual({ ok: false, error: { code: 'conflict', message: NOT_OPEN_MESSAGE } })
    expect(await host.call('nothing:here', {})).toMatchObject({ ok: false, error: { code: 'not_found' } })
    // Looking changed nothing.
    expect(readFileSync(join(dir, 'practice.db')).equals(before)).toBe(true)
    // The log says what state, never a path.
    expect(JSON.stringify(logged)).not.toContain(dir)
    host.close()
  })

  it('restoring a backup makes the app ready with the backup’s data, keeping the damaged file aside', async () => {
    const { dir, databasePath, backupDir, backup, key } = await damagedPractice(truncate)
    const host = await start(dir)
    let readyCore: unknown = null
    host.onReady((core) => (readyCore = core))
    const status = await ok<RecoveryStatus>(host, 'recovery:restore', { fileName: backup.fileName })
    expect(status.state).toBe('ok')
    expect(host.current().mode).toBe('ready')
    expect(readyCore).toBe(host.core)
    const list = await ok<{ rows: { legalLastName: string }[] }>(host, 'clients:list', {})
    expect(list.rows.map((c) => c.legalLastName).sort()).toEqual(['Ames', 'Baker'])
    expect(filesIn(backupDir).filter((f) => f.startsWith('kap-damaged-') && f.endsWith('.db'))).toEqual(['kap-damaged-2026-03-09T10-00-00-000Z.db'])
    host.close()
    expect(lastNamesIn(databasePath, key)).toEqual(['Ames', 'Baker'])
  })

  it('start fresh keeps the damaged file aside (never deleted) and opens an empty practice', async () => {
    const { dir, backupDir } = await damagedPractice(garbage)
    const damaged = readFileSync(join(dir, 'practice.db'))
    const host = await start(dir)
    const result = await ok<RecoveryStatus & { keptAs: string }>(host, 'recovery:startFresh')
    expect(result.state).toBe('ok')
    expect(result.keptAs).toMatch(/^kap-damaged-2026-03-09T10-00-00-000Z\.db$/)
    expect(readFileSync(join(backupDir, result.keptAs)).equals(damaged)).toBe(true)
    // The kept-aside file is not offered as a backup.
    expect(result.backups.map((b) => b.fileName)).not.toContain(result.keptAs)
    expect(await ok(host, 'clients:list', {})).toMatchObject({ rows: [], total: 0 })
    expect(await ok(host, 'practice:get')).toBeNull()
  })

  it.each(['../x.db', '../backups/kap-backup-2026-03-08T12-00-00-000Z-manual.db', '/etc/passwd', 'kap-damaged-2026-03-09T10-00-00-000Z.db', 'kap-backup-2026-03-08T12-00-00-000Z-manual.db\0'])(
    'refuses the file name %j and changes nothing',
    async (fileName) => {
      const { dir } = await damagedPractice(truncate)
      const before = readFileSync(join(dir, 'practice.db'))
      const host = await start(dir)
      const result = await host.call('recovery:restore', { fileName })
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
      expect(host.current().mode).toBe('recovery')
      expect(readFileSync(join(dir, 'practice.db')).equals(before)).toBe(true)
    }
  )

  it('a well-formed name that is not in the backups folder is not_found', async () => {
    const { dir } = await damagedPractice(truncate)
    const host = await start(dir)
    expect(await host.call('recovery:restore', { fileName: 'kap-backup-2020-01-01T00-00-00-000Z-daily.db' })).toMatchObject({ ok: false, error: { code: 'not_found' } })
    expect(await host.call('recovery:restore', { fileName: 7 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(await host.call('recovery:restore', { fileName: 'x', extra: 1 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })

  it('a lost database with backups left asks first; retry after the file is back opens it', async () => {
    const { dir, databasePath } = await damagedPractice(() => {})
    const saved = readFileSync(databasePath)
    rmSync(databasePath)
    const host = await start(dir)
    expect(host.current()).toMatchObject({ mode: 'recovery', state: 'missing' })
    writeFileSync(databasePath, saved)
    const status = await ok<RecoveryStatus>(host, 'recovery:retry')
    expect(status.state).toBe('ok')
    const list = await ok<{ rows: { legalLastName: string }[] }>(host, 'clients:list', {})
    expect(list.rows.map((c) => c.legalLastName).sort()).toEqual(['After-backup', 'Ames', 'Baker'])
  })

  it('a database held by another program is locked: restore and start fresh are refused, Try again opens it once it is free', async () => {
    const { dir, databasePath, backup, key } = await damagedPractice(() => {})
    const holder = new Database(databasePath)
    holder.pragma(`cipher = 'sqlcipher'`)
    holder.pragma(`key = "x'${key.toString('hex')}'"`)
    holder.pragma('locking_mode = EXCLUSIVE')
    holder.exec('BEGIN EXCLUSIVE')
    try {
      const host = await start(dir)
      expect(host.current()).toMatchObject({ mode: 'recovery', state: 'locked' })
      expect(await ok<RecoveryStatus>(host, 'recovery:status')).toMatchObject({ state: 'locked' })
      expect(await host.call('recovery:startFresh')).toMatchObject({ ok: false, error: { code: 'conflict' } })
      expect(await host.call('recovery:restore', { fileName: backup.fileName })).toMatchObject({ ok: false, error: { code: 'conflict' } })
      expect(await ok<RecoveryStatus>(host, 'recovery:retry')).toMatchObject({ state: 'locked' })
      holder.exec('COMMIT')
      holder.close()
      expect(await ok<RecoveryStatus>(host, 'recovery:retry')).toMatchObject({ state: 'ok' })
      const list = await ok<{ rows: { legalLastName: string }[] }>(host, 'clients:list', {})
      expect(list.rows.map((c) => c.legalLastName).sort()).toEqual(['After-backup', 'Ames', 'Baker'])
      expect(filesIn(join(dir, 'backups')).some((f) => f.startsWith('kap-damaged-'))).toBe(false)
    } finally {
      if (holder.open) holder.close()
    }
  })

  it('the recovery channels answer hostile input with an envelope, never a throw, and change nothing', async () => {
    const { dir, databasePath } = await damagedPractice(truncate)
    const before = readFileSync(databasePath)
    const host = await start(dir)
    const hostile: unknown[] = [
      undefined, null, 7, 'x', [], { fileName: null }, { fileName: ['a'] }, { fileName: 'a'.repeat(10_000) }, { fileName: '..' },
      { fileName: 'C:\\Windows\\x.db' }, { fileName: '%2e%2e%2fx.db' }, JSON.parse('{"__proto__":{"fileName":"x"}}'), new Map([['fileName', 'x']])
    ]
    // (startFresh is left out: with no input it is a valid call that does start fresh.)
    for (const channel of ['recovery:status', 'recovery:restore', 'recovery:retry']) {
      for (const input of hostile) {
        const result = await host.call(channel, input)
        expect(result.ok ? 'ok' : result.error.code).toMatch(/^(ok|invalid_input|not_found|conflict)$/)
      }
    }
    expect(host.current().mode).toBe('recovery')
    expect(readFileSync(databasePath).equals(before)).toBe(true)
  })

  it('throws for a broken installation (no migrations) rather than calling it a damaged database', async () => {
    const dir = tempDir()
    await expect(startCore({ dataDir: dir, migrationsFolder: join(dir, 'missing'), logger })).rejects.toThrow(/No migrations found/)
    expect(existsSync(join(dir, 'backups'))).toBe(true)
  })
})

// Close whatever a test left open (runs before helpers' afterEach removes the folders).
afterEach(() => {
  for (const host of hosts.splice(0)) host.close()
  logged.length = 0
})
