/**
 * PHI sentinel: unmistakable fake identifiers (a name, an email, a phone number, a note) are sent
 * through every channel of the registry — in valid calls, in calls that fail validation in every
 * way a field can, in calls a service refuses, and in calls that fail unexpectedly inside SQLite
 * (including an error whose message quotes the values being written). Everything the Logger
 * receives, everything written to the console, and every error envelope (message and fields) is
 * captured: the sentinel must appear in none of them. Tables that log activity (the audit log)
 * must not hold it either.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { coreContracts as allContracts, type Contract, type Result } from '@shared/contracts'
import type { LogFacts, Logger } from '../../../src/main/log'
import { openTestApp, testId, type TestApp } from '../../factories/app'
import { defineOwn, FUZZ_ARCHIVE_NAME, parentOf, pathsOf, seedPractice, validInput, type Path, type PracticeIds } from './support'
import { renameSync } from 'node:fs'
import { dirname, join } from 'node:path'

const NAME = 'Zzsentinel Quillfeather'
const EMAIL = 'zzsentinel.quill@example.com'
const PHONE = '(917) 555-0193'
const NOTE = 'ZZSENTINEL note: disclosed a relapse to the escort on 2026-02-01'
/** Any of these in captured output is a leak (compared case-insensitively; the phone in each stored spelling). */
const MARKERS = ['zzsentinel', '555-0193', '5550193', '555 0193']

/** Values a valid input can carry in place of a string field, tried in this order. */
const VALID_SENTINELS = [NAME, EMAIL, PHONE, NOTE, `${NAME}, LMFT`]
const TOO_LONG = `${NOTE} `.repeat(2_000)
const ONE_MB = NOTE.padEnd(1024 * 1024, ' ZZSENTINEL')

const leakIn = (text: string) => {
  const lower = text.toLowerCase()
  return MARKERS.find((m) => lower.includes(m)) ?? null
}
const safeStringify = (value: unknown) =>
  JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v instanceof Error ? { name: v.name, message: v.message, stack: v.stack } : v))

let app: TestApp
let ids: PracticeIds
let logLines: { event: string; facts?: LogFacts }[]
let consoleLines: string[]
let checked = 0
let validOk = 0
let quotedFailures = 0
const outcomes = new Map<string, number>()

beforeEach(async () => {
  logLines = []
  consoleLines = []
  const logger: Logger = { info: (event, facts) => logLines.push({ event, facts }), error: (event, facts) => logLines.push({ event, facts }) }
  for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void consoleLines.push(`console.${method} ${safeStringify(args)}`))
  }
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream)
    vi.spyOn(stream, 'write').mockImplementation(((chunk: unknown, ...rest: unknown[]) => {
      consoleLines.push(String(chunk))
      return (write as (...a: unknown[]) => boolean)(chunk, ...rest)
    }) as typeof stream.write)
  }
  // On a file, so the exports have a data folder; an archive sealed with the passphrase the
  // sentinel-filled import will carry (NAME) waits under the name the valid input picks.
  app = await openTestApp({ logger, file: true, archiveKdf: { log2N: 12, r: 8, p: 1 } })
  ids = await seedPractice(app)
  const sealed = await app.ok<{ path: string }>('exports:archive', { passphrase: NAME })
  renameSync(sealed.path, join(dirname(sealed.path), FUZZ_ARCHIVE_NAME))
})
afterEach(() => {
  vi.restoreAllMocks()
  app.close()
})

/** Calls a channel and fails the test, naming the case, if the sentinel reached a log, the console or the error. */
async function probe(label: string, channel: string, input: unknown): Promise<Result<unknown>> {
  const logFrom = logLines.length
  const consoleFrom = consoleLines.length
  const result = await app.call(channel, input)
  checked++
  const outcome = result.ok ? 'ok' : result.error.code
  outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1)
  const places: [string, string][] = [
    ['the Logger', safeStringify(logLines.slice(logFrom))],
    ['the console', consoleLines.slice(consoleFrom).join('\n')]
  ]
  if (!result.ok) places.push(['the error envelope', safeStringify(result.error)])
  for (const [where, text] of places) {
    const marker = leakIn(text)
    expect(marker, `${channel} — ${label}: "${marker}" reached ${where}: ${text.slice(0, 300)}`).toBeNull()
  }
  return result
}

/** Tables that record activity must never hold the values of a record. */
function expectNoSentinelInLogTables() {
  const tables = app.connection.sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
    .pluck()
    .all() as string[]
  for (const table of tables.filter((t) => /(^|_)(audit|log|logs|event|events|history)($|_)/i.test(t))) {
    const rows = app.connection.sqlite.prepare(`SELECT * FROM "${table}"`).raw().all()
    expect(leakIn(safeStringify(rows)), `table ${table} holds the sentinel`).toBeNull()
  }
}

const at = (root: unknown, path: Path) => path.reduce<unknown>((n, k) => (n as Record<string | number, unknown>)[k], root)
const withValue = (base: unknown, path: Path, value: unknown) => {
  const input = structuredClone(base)
  defineOwn(parentOf(input, path), path.at(-1)!, value)
  return input
}

/** The valid input with as many string fields as possible holding a sentinel, the input still valid. */
function sentinelFilled(contract: Contract, base: unknown): unknown {
  let input = structuredClone(base)
  for (const path of pathsOf(base).filter((p) => typeof at(base, p) === 'string')) {
    for (const value of VALID_SENTINELS) {
      const candidate = withValue(input, path, value)
      if (contract.input.safeParse(candidate).success) {
        input = candidate
        break
      }
    }
  }
  return input
}

const allIds = () => [...ids.clients, ...ids.diagnoses, ...ids.policies, ...ids.consents, ...ids.sessions, ...ids.courses, ...ids.notes, ...ids.measures, ...ids.screeningFlags, ...Object.values(ids.billing).flat()]
const channels = allContracts().map((c) => [c.channel, c] as const)

describe('PHI sentinel: never in logs, console output or errors', () => {
  it.each(channels)('%s: valid calls, every way a field can be wrong, refusals and SQLite failures', async (channel, contract) => {
    const base = validInput(contract, ids)
    expect(base, `no valid input could be derived for ${channel}`).toBeDefined()
    const filled = sentinelFilled(contract, base)
    expect(contract.input.safeParse(filled).success).toBe(true)

    const valid = await probe('valid input carrying the sentinel', channel, filled)
    // Valid input is never refused as invalid, and the app never fails on it.
    const refusedAsBad = !valid.ok && ['invalid_input', 'internal'].includes(valid.error.code)
    expect(refusedAsBad ? valid : 'accepted').toBe('accepted')
    validOk += valid.ok ? 1 : 0
    // The same valid input aimed at the archived client: the service refuses it (a domain error).
    const archivedPaths = pathsOf(filled).filter((p) => at(filled, p) === ids.clients[0])
    for (const path of archivedPaths) await probe('aimed at an archived client', channel, withValue(filled, path, ids.clients[1]))

    const leaves = pathsOf(base).filter((p) => {
      const v = at(base, p)
      return v === null || typeof v !== 'object'
    })
    for (const path of leaves) {
      const name = path.join('.')
      await probe(`${name}: sentinel with a control character`, channel, withValue(filled, path, `${NAME}\u0001`))
      await probe(`${name}: sentinel too long`, channel, withValue(filled, path, TOO_LONG))
      await probe(`${name}: sentinel as an array`, channel, withValue(filled, path, [NAME, EMAIL]))
      await probe(`${name}: sentinel as an object`, channel, withValue(filled, path, { name: NAME, note: NOTE, phone: PHONE }))
      await probe(`${name}: sentinel as a Map`, channel, withValue(filled, path, new Map([[NAME, EMAIL]])))
      await probe(`${name}: sentinel as a boxed string`, channel, withValue(filled, path, new String(NOTE)))
      await probe(`${name}: sentinel phone where it does not fit`, channel, withValue(filled, path, `${PHONE} ${EMAIL}`))
      if (allIds().includes(at(base, path) as string)) await probe(`${name}: a record that does not exist`, channel, withValue(filled, path, testId(987_654)))
    }
    await probe('1 MB of sentinel in every string field', channel, leaves.reduce((input, path) => (typeof at(base, path) === 'string' ? withValue(input, path, ONE_MB) : input), filled))
    // An unknown key holding the sentinel, at every level of the input.
    const containers: Path[] = [[], ...pathsOf(filled).filter((p) => typeof at(filled, p) === 'object' && at(filled, p) !== null)]
    for (const path of containers) {
      const input = structuredClone(filled)
      defineOwn(path.length ? (at(input, path) as object) : (input as object), 'unexpectedField', NOTE)
      await probe(`unknown key under ${path.join('.') || '(input)'}`, channel, input)
    }
    // The whole input replaced by sentinel-bearing values of the wrong kind.
    for (const wrong of [NOTE, [NAME], { name: NAME, email: EMAIL }, new Map([[EMAIL, PHONE]])]) await probe('sentinel as the whole input', channel, wrong)
    expectNoSentinelInLogTables()

    // An unknown key *named* with the sentinel. fieldErrors names an unknown key by its path, so the
    // error's `fields` echoes the key name back to the renderer that sent it (reported to the lead);
    // the log, the console and the message must still not see it.
    const named = structuredClone(filled)
    defineOwn(named as object, NAME, true)
    const logFrom = logLines.length
    const consoleFrom = consoleLines.length
    const rejected = await app.call(channel, named)
    checked++
    expect(rejected.ok).toBe(false)
    expect(leakIn(safeStringify(logLines.slice(logFrom)) + consoleLines.slice(consoleFrom).join('\n'))).toBeNull()
    expect(leakIn(safeStringify(!rejected.ok && rejected.error.message))).toBeNull()

    // Unexpected failures inside SQLite. First every write fails with a message that quotes the row —
    // the worst case of "an error message may carry stored values"…
    const sqlite = app.connection.sqlite
    const tables = () =>
      // Ordinary tables only: a virtual table (the FTS index) and its shadow tables take no triggers.
      sqlite.prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%'").pluck().all() as string[]
    for (const table of tables()) {
      const columns = (sqlite.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[]).map((c) => `coalesce(NEW."${c}", '')`)
      for (const op of ['INSERT', 'UPDATE']) {
        sqlite.exec(`CREATE TRIGGER "leak_${op}_${table}" BEFORE ${op} ON "${table}" BEGIN SELECT RAISE(ABORT, 'cannot store ' || ${columns.join(" || '|' || ")}); END`)
      }
    }
    const quoted = await probe('a write failing with the values in its message', channel, filled)
    // A write that reached SQLite failed there, and only the error's kind was logged.
    const failedInSqlite = !quoted.ok && quoted.error.code === 'internal'
    quotedFailures += failedInSqlite ? 1 : 0
    expect(failedInSqlite ? logLines.at(-1) : 'not reached').toEqual(
      failedInSqlite ? { event: 'ipc.handler_failed', facts: { channel, name: 'SqliteError', code: 'SQLITE_CONSTRAINT_TRIGGER' } } : 'not reached'
    )
    expectNoSentinelInLogTables()

    // …then every table is gone.
    sqlite.pragma('foreign_keys = OFF')
    for (const table of tables()) sqlite.exec(`DROP TABLE "${table}"`)
    const dropped = await probe('every table dropped', channel, filled)
    // Two calls never read the live tables: the archive list reads a folder, and an import
    // replaces the whole database (so one with every table dropped is simply replaced).
    if (channel === 'exports:list' || channel === 'exports:importArchive') return
    expect(dropped).toEqual({ ok: false, error: { code: 'internal', message: 'Something went wrong and nothing was changed. Please try again.' } })
    expect(logLines.at(-1)).toMatchObject({ event: 'ipc.handler_failed', facts: { channel, name: 'SqliteError', code: 'SQLITE_ERROR' } })
  })


  it('a constraint the service enforces (a duplicate diagnosis) refuses without echoing the input', async () => {
    const client = ids.clients[0]
    await probe('first add', 'diagnoses:add', { clientId: client, diagnosis: { code: 'F43.10', description: NOTE } })
    const result = await probe('duplicate add', 'diagnoses:add', { clientId: client, diagnosis: { code: 'F43.10', description: NOTE } })
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict' } })
    const archived = await probe('archive an archived client', 'clients:archive', { id: ids.clients[1], reason: NOTE })
    expect(archived).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expectNoSentinelInLogTables()
  })

  it('covered every channel in every outcome the app has', () => {
    process.stdout.write(`\n[phi-sentinel] ${checked} calls checked over ${channels.length} channels (${validOk} valid sentinel-bearing calls succeeded, ${quotedFailures} failed in SQLite with the sentinel in the error's message): ${[...outcomes].sort().map(([k, n]) => `${k} ${n}`).join(', ')}\n`)
    expect([...outcomes.keys()]).toEqual(expect.arrayContaining(['ok', 'invalid_input', 'not_found', 'conflict', 'internal']))
    expect(validOk).toBe(channels.length)
    expect(quotedFailures).toBeGreaterThan(0)
  })
})
