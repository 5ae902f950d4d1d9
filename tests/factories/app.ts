/**
 * A real app core for tests: real SQLite (in memory or a temp file), the real migrations,
 * every output checked against its contract, a fixed clock and deterministic IDs.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { openApp, type AppCore, type OpenAppOptions } from '../../src/main/app'
import { silentLogger } from '../../src/main/log'
import type { Result } from '@shared/contracts'

export const MIGRATIONS_FOLDER = resolve(import.meta.dirname, '../../drizzle')
export const FIXED_NOW = '2026-03-08T15:00:00.000Z'

/** A v4-shaped UUID from a counter: zod's z.uuid() checks the version and variant nibbles. */
export const testId = (n: number): string => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`

/** Starts at `start` and moves one second forward on every call, so timestamps order like real ones. */
export function fixedClock(start = FIXED_NOW): () => Date {
  let tick = 0
  const base = Date.parse(start)
  return () => new Date(base + 1000 * tick++)
}

export function sequentialIds(first = 1): () => string {
  let n = first
  return () => testId(n++)
}

export interface TestApp extends AppCore {
  /** Calls a channel and returns the value, throwing with the error envelope when it fails. */
  ok<T = unknown>(channel: string, input?: unknown): Promise<T>
  /** Calls a channel that must fail and returns its error. */
  fail(channel: string, input?: unknown): Promise<Extract<Result<unknown>, { ok: false }>['error']>
  /** Rows in a table, for "nothing was written" assertions. */
  count(table: string): number
  /** The temp file when `file: true`. */
  databasePath: string
}

export interface TestAppOptions extends Partial<Omit<OpenAppOptions, 'databasePath'>> {
  /** Use a database file in a fresh temp folder instead of :memory:. */
  file?: boolean
  databasePath?: string
}

export async function openTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const { file, databasePath: givenPath, context, ...rest } = options
  const tempDir = file && !givenPath ? mkdtempSync(join(tmpdir(), 'kap-test-')) : null
  const databasePath = givenPath ?? (tempDir ? join(tempDir, 'practice.db') : ':memory:')
  const app = await openApp({
    databasePath,
    migrationsFolder: MIGRATIONS_FOLDER,
    validateOutput: true,
    logger: silentLogger,
    ...rest,
    context: { now: fixedClock(), newId: sequentialIds(), ...context }
  })
  return {
    ...app,
    databasePath,
    async ok<T>(channel: string, input?: unknown): Promise<T> {
      const result = await app.call(channel, input)
      if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`)
      return result.value as T
    },
    async fail(channel: string, input?: unknown) {
      const result = await app.call(channel, input)
      if (result.ok) throw new Error(`${channel} was expected to fail but returned ${JSON.stringify(result.value)}`)
      return result.error
    },
    count(table: string): number {
      if (!/^[a-z_]+$/.test(table)) throw new Error('table names only')
      return (app.connection.sqlite.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n
    },
    close() {
      app.close()
      if (tempDir) rmSync(tempDir, { recursive: true, force: true })
    }
  }
}
