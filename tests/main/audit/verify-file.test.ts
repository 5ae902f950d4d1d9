import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../../src/main/db/connection'
import { describeVerification, verifyDatabaseFile } from '../../../src/main/features/audit/verify-file'
import { databasePathIn } from '../../../src/main/paths'
import { openTestApp } from '../../factories/app'
import { createClient } from '../../factories/clients'

const ROOT = resolve(import.meta.dirname, '../../..')

/** What the file's other checks say when nothing but the chain was touched. */
const CLEAN = {
  signedNotes: { notes: 0, addenda: 0, mismatched: [] },
  triggers: { expected: expect.any(Number), missing: [], changed: [], unexpected: [] }
}
const CLEAN_LINES = [
  'Signed notes intact: 0 signed notes and 0 addenda match their signatures.',
  expect.stringMatching(/^Safeguards in place: all \d+ database triggers \(signed notes, money, audit log\) are as the app made them\.$/)
]

let dir: string
let databasePath: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kap-audit-file-'))
  databasePath = databasePathIn(dir)
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

/** A practice database file with `views` chart views after one client. */
async function practiceWithLog(views: number, key?: Buffer): Promise<void> {
  const app = await openTestApp({ databasePath, key })
  const c = await createClient(app)
  for (let i = 0; i < views; i++) await app.ok('clients:get', { id: c.id })
  app.close()
}

function tamper(statements: string): void {
  const c = openDatabase(databasePath)
  try {
    c.sqlite.exec(statements)
  } finally {
    c.close()
  }
}

describe('verifyDatabaseFile', () => {
  it('verifies a practice database file', async () => {
    await practiceWithLog(3)
    expect(verifyDatabaseFile(databasePath)).toEqual({ kind: 'verified', result: { ok: true, checked: 4, guarded: true, ...CLEAN } })
  })

  it('finds tampering done with the guard removed', async () => {
    await practiceWithLog(3)
    tamper('DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE seq = 2;')
    expect(verifyDatabaseFile(databasePath)).toEqual({ kind: 'verified', result: { ok: false, checked: 1, firstBrokenSeq: 2, problem: 'deleted', guarded: false, ...CLEAN, triggers: { ...CLEAN.triggers, missing: ['audit_log_no_delete'] } } })
  })

  it('creates nothing where there is no database, and says why it could not check', async () => {
    expect(verifyDatabaseFile(databasePath)).toEqual({ kind: 'missing' })
    expect(verifyDatabaseFile(databasePath)).toEqual({ kind: 'missing' })
    tamper('CREATE TABLE clients (id TEXT PRIMARY KEY)')
    expect(verifyDatabaseFile(databasePath)).toEqual({ kind: 'no_audit_log' })
  })

  it('reports an encrypted database it has no key for as locked, and verifies it with the key', async () => {
    const key = randomBytes(32)
    await practiceWithLog(1, key)
    expect(verifyDatabaseFile(databasePath)).toEqual({ kind: 'locked' })
    expect(verifyDatabaseFile(databasePath, key)).toEqual({ kind: 'verified', result: { ok: true, checked: 2, guarded: true, ...CLEAN } })
  })

  it('words the result with entry numbers only', () => {
    const clean = { signedNotes: { notes: 0, addenda: 0, mismatched: [] }, triggers: { expected: 25, missing: [], changed: [], unexpected: [] } }
    expect(describeVerification({ ok: true, checked: 1, guarded: true, ...clean })).toEqual([
      'Audit log intact: 1 entry checked, each chained to the one before.',
      'Append-only guard in place (updates and deletes are refused).',
      ...CLEAN_LINES
    ])
    expect(describeVerification({ ok: false, checked: 4, firstBrokenSeq: 5, problem: 'reordered', guarded: false, ...clean })).toEqual([
      'Audit log BROKEN: entry #5 was moved out of order.',
      'The 4 entries before it check out; nothing from it on can be trusted.',
      'WARNING: the append-only guard (triggers) is missing — someone removed it outside the app.',
      ...CLEAN_LINES
    ])
  })
})

/** The npm script's command, on the test's data folder. */
const runCli = (...args: string[]) =>
  spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), '--tsconfig', 'tsconfig.node.json', 'scripts/audit-verify.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, KAP_DATA_DIR: dir },
    encoding: 'utf8',
    timeout: 60_000
  })

describe('npm run audit:verify', () => {
  it('prints the result for the data folder and exits 0 when intact, 1 when broken', async () => {
    await practiceWithLog(2)
    const intact = runCli()
    expect(intact.status).toBe(0)
    expect(intact.stdout.split('\n')).toEqual([
      `Data folder: ${dir}`,
      'Audit log intact: 3 entries checked, each chained to the one before.',
      'Append-only guard in place (updates and deletes are refused).',
      ...CLEAN_LINES,
      ''
    ])

    tamper("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET entity_id = NULL WHERE seq = 3;")
    const broken = runCli('--json')
    expect([broken.status, JSON.parse(broken.stdout)]).toEqual([
      1,
      { ok: false, checked: 2, firstBrokenSeq: 3, problem: 'edited', guarded: false, ...CLEAN, triggers: { ...CLEAN.triggers, missing: ['audit_log_no_update'] } }
    ])
  }, 60_000)
})
