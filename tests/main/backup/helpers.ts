/** Shared set-up for the backup tests: temp folders and a real practice database file. */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import { afterEach } from 'vitest'
import { openFile } from '../../../src/main/backup/sqlite-file'
import { openTestApp, testId, type TestApp } from '../../factories/app'
import { createClient } from '../../factories/clients'

const cleanups: (() => void)[] = []
afterEach(() => {
  for (const cleanup of cleanups.splice(0).toReversed()) cleanup()
})

/** A fresh temp folder, removed after the test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kap-backup-'))
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

export interface Practice {
  dir: string
  databasePath: string
  backupDir: string
}

export function practicePaths(): Practice {
  const dir = tempDir()
  return { dir, databasePath: join(dir, 'practice.db'), backupDir: join(dir, 'backups') }
}

/** IDs stay unique when a test opens the same database again (each open would restart at 1). */
let lastId = 0
const nextId = () => testId(++lastId)

/** The app on a file database (closed after the test if still open). */
export async function openPractice(databasePath: string, key?: Buffer): Promise<TestApp> {
  const app = await openTestApp({ databasePath, key, context: { newId: nextId } })
  cleanups.push(() => {
    if (app.connection.sqlite.open) app.close()
  })
  return app
}

/** Creates clients with these last names through the real channel. */
export async function addClients(app: TestApp, ...lastNames: string[]): Promise<void> {
  for (const legalLastName of lastNames) await createClient(app, { legalLastName })
}

/** Last names of the clients in a database file, sorted (the file is opened and closed). */
export function lastNamesIn(path: string, key?: Buffer): string[] {
  const db = openFile(path, { readonly: true, key }) as unknown as Database.Database
  try {
    return (db.prepare('SELECT legal_last_name AS n FROM clients ORDER BY n').all() as { n: string }[]).map((r) => r.n)
  } finally {
    db.close()
  }
}

export const filesIn = (dir: string): string[] => readdirSync(dir).sort()

/** A 32-byte data key, as the keyring would hand out. */
export const testKey = (fill = 7): Buffer => Buffer.alloc(32, fill)
