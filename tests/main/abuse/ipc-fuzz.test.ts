/**
 * Fuzzes every channel of the contract registry through app.call — the exact path an IPC message
 * takes after the sender check — with hostile input: anything at all, the right keys holding the
 * wrong things, and valid inputs (aimed at real rows) with one field broken.
 *
 * For every call: app.call resolves (never throws) to a well-formed envelope; nothing is ever
 * `internal` (bad input is `invalid_input` or a domain error); a rejected call leaves every row of
 * every table as it was; the built-in prototypes are untouched.
 */
import * as fc from 'fast-check'
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { allChannels, appErrorSchema, coreContracts as allContracts, type Contract } from '@shared/contracts'
import type { LogFacts, Logger } from '../../../src/main/log'
import { openTestApp, testId, type TestApp } from '../../factories/app'
import {
  databaseFingerprint, defineOwn, objectShape, parentOf, pathsOf, prototypeSnapshot, seedPractice, validInput,
  type Path, type PracticeIds
} from './support'

/** Runs per channel: 25 channels × 100 ≈ 2,700 calls, about 7 s on a shared 2-core machine. FUZZ_SEED=n varies the inputs. */
const RUNS_PER_CHANNEL = 100
const SEED = Number(process.env.FUZZ_SEED ?? 20260308)

// ---- Hostile values, built once ----------------------------------------------------------------
const MB = 1024 * 1024
const nest = (depth: number, wrap: (v: unknown) => unknown) => {
  let v: unknown = 'leaf'
  for (let i = 0; i < depth; i++) v = wrap(v)
  return v
}
const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__']
const POLLUTERS = [
  JSON.parse('{"__proto__":{"polluted":"yes","isAdmin":true}}'),
  JSON.parse('{"constructor":{"prototype":{"polluted":"yes"}}}'),
  JSON.parse('{"__proto__":{"toString":"polluted","valueOf":1}}'),
  JSON.parse('{"__proto__":[1,2,3]}')
]
const HOSTILE: unknown[] = [
  // numbers
  NaN, Infinity, -Infinity, -0, -1, 1.5, 2 ** 53 + 2, Number.MIN_VALUE, 1e308, 10n, -(2n ** 70n),
  // strings: empty, control characters, NUL, lone surrogates, bidi, SQL and LIKE metacharacters, near-valid
  '', ' ', '\t\n', '\u0000', 'Maria\u0000Lopez', '\u0001\u0002\u001f\u007f', '\u001b[2J\u001b[31m', '\uD800', '\uDC00abc', 'abc\uD83D',
  '\u202Eevil', '\uFEFF', '\r\n\r\n', "'; DROP TABLE clients; --", "1' OR '1'='1", '%', '_', '\\', '"', '%_%\\',
  '2026-02-30', '0000-00-00', '9999-12-31', '1899-12-31', 'F33.2', 'f33.2', 'NaN', 'null', 'undefined', 'true', '[object Object]',
  ...PROTO_KEYS,
  // sizes: just over the caps, and 1 MB
  'a'.repeat(101), 'a'.repeat(201), 'a'.repeat(10_001), 'A'.repeat(MB), '\u00e9'.repeat(MB), '\u0000'.repeat(MB), '\uD83D'.repeat(MB / 2),
  // other kinds IPC's structured clone can deliver
  null, undefined, true, false, [], {}, Object.create(null), new Date(NaN), new Date(0), new Map([['__proto__', 1]]), new Set(['x']),
  new Uint8Array(16), new Float64Array([NaN]), new ArrayBuffer(8), new String('boxed'), new Number(1), new Boolean(false), /regex/g,
  // nesting and length
  nest(1000, (v) => ({ a: v })), nest(1000, (v) => [v]), nest(50, (v) => ({ __proto__: null, client: v })),
  Array.from({ length: 100_000 }, () => 'active'), Array.from({ length: 100_000 }, () => testId(1)), Array.from({ length: 100_000 }), Array.from({ length: 1000 }, (_, i) => ({ [`k${i}`]: i })),
  // prototype pollution
  ...POLLUTERS,
  // IDs: well-formed but absent, nil, not v4
  testId(999_999), '00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-4fff-bfff-ffffffffffff', '00000000-0000-1000-8000-000000000001'
]

const ANYTHING = {
  maxDepth: 4,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
  stringUnit: 'binary' as const
}

/** A hostile leaf: the list above, random strings (any UTF-16 unit), numbers, real and random IDs. */
const hostile = (ids: PracticeIds) =>
  fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...HOSTILE) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) },
    { weight: 1, arbitrary: fc.double() },
    { weight: 1, arbitrary: fc.integer() },
    { weight: 2, arbitrary: fc.constantFrom(...ids.clients, ...ids.diagnoses, ...ids.policies, ...ids.consents, ...ids.sessions, ...ids.courses, ...ids.notes, ...ids.measures, ...Object.values(ids.billing).flat()) },
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 1, arbitrary: fc.anything(ANYTHING) }
  )

/** Anything at all, sometimes built from the schema's own key names and hostile leaves. */
function anythingInput(contract: Contract, ids: PracticeIds) {
  const keys = Object.keys(objectShape(contract.input) ?? {})
  const key = fc.oneof(fc.string(), fc.constantFrom(...PROTO_KEYS, ...(keys.length ? keys : ['x'])))
  return fc.oneof(fc.anything(ANYTHING), fc.anything({ ...ANYTHING, key, values: [hostile(ids)] }))
}

/** The contract's keys (nested objects too), each present or not, holding the wrong kind of thing — plus stray keys. */
function shapedInput(schema: z.ZodType, ids: PracticeIds, depth = 0): fc.Arbitrary<unknown> {
  const shape = objectShape(schema)
  if (!shape || depth > 3) return hostile(ids)
  const fields = Object.fromEntries(
    Object.entries(shape).map(([k, child]) => [k, fc.oneof(shapedInput(child, ids, depth + 1), hostile(ids), hostile(ids))])
  )
  const stray = fc.array(fc.tuple(fc.oneof(fc.constantFrom(...PROTO_KEYS), fc.string()), hostile(ids)), { maxLength: 2 })
  return fc.tuple(fc.record(fields, { requiredKeys: [] }), stray).map(([obj, extras]) => {
    const out = { ...obj }
    for (const [k, v] of extras) defineOwn(out, k, v)
    return out
  })
}

/** A valid input aimed at real rows, with one thing broken: a value replaced, a key removed, or a key added. */
function mutatedInput(base: unknown, ids: PracticeIds) {
  const paths = pathsOf(base)
  const containers: Path[] = [[], ...paths.filter((p) => {
    const v = p.reduce<unknown>((node, k) => (node as Record<string | number, unknown>)[k], base)
    return v !== null && typeof v === 'object'
  })]
  const value = fc.oneof(hostile(ids), fc.anything(ANYTHING))
  const edits: fc.Arbitrary<(input: unknown) => unknown>[] = [
    fc.record({ at: fc.constantFrom(...containers), key: fc.oneof(fc.constantFrom(...PROTO_KEYS), fc.string()), value }).map(
      ({ at, key, value: v }) => (input: unknown) => {
        const node = at.reduce<unknown>((n, k) => (n as Record<string | number, unknown>)[k], input)
        defineOwn(node as object, key, v)
        return input
      }
    )
  ]
  if (paths.length) {
    edits.push(
      fc.record({ path: fc.constantFrom(...paths), value }).map(({ path, value: v }) => (input: unknown) => {
        defineOwn(parentOf(input, path), path.at(-1)!, v)
        return input
      }),
      fc.constantFrom(...paths).map((path) => (input: unknown) => {
        delete parentOf(input, path)[path.at(-1)!]
        return input
      })
    )
  }
  return fc.oneof(...edits).map((edit) => edit(structuredClone(base)))
}

// ---- The property --------------------------------------------------------------------------------
const envelope = z.union([
  z.strictObject({ ok: z.literal(true), value: z.unknown() }),
  z.strictObject({ ok: z.literal(false), error: appErrorSchema })
])
const PROTOTYPES = prototypeSnapshot()

let app: TestApp
let ids: PracticeIds
let fingerprint: () => string
let logged: { event: string; facts?: LogFacts }[]
let calls = 0
const outcomes = new Map<string, number>()

beforeEach(async () => {
  logged = []
  const logger: Logger = { info: (event, facts) => logged.push({ event, facts }), error: (event, facts) => logged.push({ event, facts }) }
  app = await openTestApp({ logger })
  ids = await seedPractice(app)
  fingerprint = databaseFingerprint(app.connection.sqlite)
})
afterEach(() => app.close())
afterAll(() => {
  const summary = [...outcomes].sort().map(([k, n]) => `${k} ${n}`).join(', ')
  process.stdout.write(`\n[ipc-fuzz] ${calls} fuzzed calls over ${allChannels().length} channels (seed ${SEED}): ${summary}\n`)
})

async function callAndCheck(channel: string, input: unknown): Promise<void> {
  const before = fingerprint()
  let result: unknown
  try {
    result = await app.call(channel, input)
  } catch (err) {
    throw new Error(`app.call threw for ${channel}: ${(err as Error)?.name}`, { cause: err })
  }
  calls++
  const parsed = envelope.safeParse(result)
  expect(parsed.success, `${channel} returned something that is not an envelope`).toBe(true)
  const res = parsed.data!
  const outcome = res.ok ? 'ok' : res.error.code
  outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1)
  expect(outcome, `${channel} failed internally; log: ${JSON.stringify(logged.at(-1))}`).not.toBe('internal')
  const wroteWhileRejected = !res.ok && fingerprint() !== before
  expect(wroteWhileRejected, `${channel} was rejected (${outcome}) but the database changed`).toBe(false)
  expect(prototypeSnapshot(), `${channel} changed a built-in prototype`).toBe(PROTOTYPES)
  expect(({} as Record<string, unknown>).polluted).toBeUndefined()
}

describe('IPC fuzz: every channel of the registry', () => {
  it('has a valid input aimed at real rows for every channel (the base the mutations start from)', () => {
    const missing = allContracts().filter((c) => validInput(c, ids) === undefined).map((c) => c.channel)
    expect(missing, 'extend candidates() in tests/main/abuse/support.ts so these channels get a valid base input').toEqual([])
  })

  it.each(allContracts().map((c) => [c.channel, c] as const))('%s survives hostile input', async (channel, contract) => {
    const callsBefore = calls
    const base = validInput(contract, ids)
    const inputs = fc.oneof(
      { weight: 3, arbitrary: anythingInput(contract, ids) },
      { weight: 3, arbitrary: shapedInput(contract.input, ids) },
      { weight: base === undefined ? 0 : 4, arbitrary: base === undefined ? fc.constant(undefined) : mutatedInput(base, ids) }
    )
    await fc.assert(
      fc.asyncProperty(inputs, (input) => callAndCheck(channel, input)),
      { numRuns: RUNS_PER_CHANNEL, seed: SEED + channel.length * 7919 + channel.charCodeAt(0), endOnFailure: true }
    )
    // The unmutated base goes through too: it is valid, so it must not fail internally either.
    if (base !== undefined) await callAndCheck(channel, structuredClone(base))
    expect(calls - callsBefore).toBeGreaterThanOrEqual(RUNS_PER_CHANNEL)
  }, 60_000)

  it('an unknown or look-alike channel is not_found, writes nothing and never throws', async () => {
    const known = new Set(allChannels())
    const channel = fc
      .oneof(
        fc.string({ unit: 'binary' }),
        fc.constantFrom(...PROTO_KEYS, 'clients:', ':list', ' clients:list', 'clients:list ', 'CLIENTS:LIST', 'clients:__proto__', 'clients:list\u0000', 'clients:constructor'),
        fc.constantFrom(...known).map((c) => `${c}\u200b`)
      )
      .filter((c) => !known.has(c))
    const answers = new Set<string>()
    let writes = 0
    await fc.assert(
      fc.asyncProperty(channel, fc.anything(ANYTHING), async (name, input) => {
        const before = fingerprint()
        answers.add(JSON.stringify(await app.call(name, input)))
        calls++
        writes += fingerprint() === before ? 0 : 1
      }),
      { numRuns: 200, seed: SEED }
    )
    expect([...answers]).toEqual([JSON.stringify({ ok: false, error: { code: 'not_found', message: 'That action is not available.' } })])
    expect(writes).toBe(0)
  })
})
