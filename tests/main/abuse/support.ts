/**
 * Shared by the abuse tests: a small real practice to aim at, a fingerprint of the whole
 * database, and inputs derived from a contract's own zod schema — so every channel of the
 * registry, including ones added later, is exercised without a hand-written list.
 */
import { createHash } from 'node:crypto'
import type { Database } from 'better-sqlite3'
import type { z } from 'zod'
import type { Contract } from '@shared/contracts'
import type { TestApp } from '../../factories/app'
import { createClient } from '../../factories/clients'
import { createCourse, createMeasure, createNote, createSession, phq9, signableDosingBody } from '../../factories/clinical'
import { DEMO_PRACTICE } from '../../factories/demo'

export interface PracticeIds {
  /** [current client with a full chart, archived client] */
  clients: string[]
  diagnoses: string[]
  policies: string[]
  consents: string[]
  /** [session with a draft note, session with a signed note] */
  sessions: string[]
  courses: string[]
  /** [a weekly integration series] and its sessions, oldest first */
  series: string[]
  seriesSessions: string[]
  /** A proposal of the seeded course's next session, bookable as it stands (courses:bookSchedule). */
  scheduleRows: unknown[]
  /** [a signable draft (dosing), a signed note] */
  notes: string[]
  /** The draft note's revision, so an autosave or a signature aimed at it is current. */
  noteRevision: number
  /** [a PHQ-9 with the item 9 safety flag] */
  measures: string[]
  /** [a contraindication answered yes, acknowledged on the draft dosing note] */
  screeningFlags: string[]
  billing: {
    /** [an active clinician] */
    users: string[]
    /** Shipped fee items. */
    fees: string[]
    /** [unbilled, unbilled] charges of the current client */
    charges: string[]
    /** [issued with money open, draft] */
    invoices: string[]
    adjustments: string[]
    scales: string[]
  }
  /** [a stored statement of the current client] */
  documents: string[]
}

/** A clinician's row, written directly (users are the host's; the core test app has no sign-in). */
export const SEED_CLINICIAN = '00000000-0000-4000-8000-00000000c11c'

/** A practice profile and two clients — one with a diagnosis list, a policy, a consent and a screening answer, one archived. */
export async function seedPractice(app: TestApp): Promise<PracticeIds> {
  await app.ok('practice:save', { profile: DEMO_PRACTICE })
  const current = await createClient(app, { notes: 'Seed client for abuse tests.' })
  const archived = await createClient(app, { legalFirstName: 'Ada', legalLastName: 'Archer', email: 'ada.archer@example.com', status: 'discharged' })
  await app.ok('clients:archive', { id: archived.id, reason: 'Moved away' })
  await app.ok('diagnoses:add', { clientId: current.id, diagnosis: { code: 'F33.2' } })
  const dx = await app.ok<{ id: string }[]>('diagnoses:add', { clientId: current.id, diagnosis: { code: 'F41.1', description: null } })
  const policy = await app.ok<{ id: string }>('insurance:create', {
    clientId: current.id,
    // Secondary, so a new primary policy is still allowed.
    policy: { rank: 'secondary', payerName: 'Aetna PPO', memberId: 'W123456789', relationship: 'self' }
  })
  const consent = await app.ok<{ id: string }>('consents:create', {
    clientId: current.id,
    consent: { kind: 'kap', version: 'v1', signedOn: '2026-01-10' }
  })
  await app.ok('screening:record', {
    clientId: current.id,
    itemKey: 'interacting_medications',
    item: { answer: 'no', reviewedBy: 'Dr. Ames', reviewedOn: '2026-01-10' }
  })
  const course = await createCourse(app, current.id)
  const dosing = await createSession(app, current.id, { courseId: course.id, date: '2026-01-20' })
  const integration = await createSession(app, current.id, { kind: 'integration', date: '2026-01-21', durationMinutes: 60 })
  const draft = await createNote(app, dosing.session.id)
  const saved = await app.ok<{ revision: number }>('notes:save', { id: draft.id, revision: draft.revision, body: signableDosingBody({ riskAssessment: { suicidalIdeation: 'passive', note: 'No plan or intent; safety plan reviewed.' } }) })
  const signed = await createNote(app, integration.session.id)
  const integrated = await app.ok<{ revision: number }>('notes:save', {
    id: signed.id,
    revision: signed.revision,
    body: { experience: 'Recounted the session.', riskAssessment: { suicidalIdeation: 'none', note: '' } }
  })
  await app.ok('notes:sign', { id: signed.id, revision: integrated.revision })
  const series = await app.ok<{ series: { id: string }; sessions: { id: string }[] }>('series:create', {
    clientId: current.id,
    series: { kind: 'integration', date: '2026-02-02', startTime: '15:00', durationMinutes: 50, placeOfService: '11', intervalWeeks: 1, end: 'count', occurrences: 3 }
  })
  const proposal = await app.ok<{ rows: unknown[] }>('courses:proposeSchedule', { id: course.id })
  const measure = await createMeasure(app, current.id, phq9([1, 1, 1, 1, 1, 1, 1, 1, 1], { noteId: draft.id, administeredOn: '2026-01-20' }))
  // A contraindication answered yes, acknowledged on the draft dosing note (which can then be signed).
  await app.ok('screening:record', { clientId: current.id, itemKey: 'glaucoma', item: { answer: 'yes', reviewedBy: 'Dr. Ames', reviewedOn: '2026-01-10' } })
  const [flag] = await app.ok<{ screeningItemId: string }[]>('screening:flags', { clientId: current.id })
  await app.ok('screening:acknowledge', { clientId: current.id, context: { kind: 'note', id: draft.id }, screeningItemIds: [flag!.screeningItemId] })
  // Billing: a clinician, a sliding scale, two unbilled charges, an issued invoice with money open, a draft, a deposit held as credit.
  app.connection.sqlite
    .prepare("INSERT INTO users (id, login, login_key, display_name, credentials, role, deactivated_at, created_at, updated_at) VALUES (?, 'seedclin', 'seedclin', 'Seed Clinician', 'LMFT', 'clinician', NULL, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')")
    .run(SEED_CLINICIAN)
  const fees = (await app.ok<{ items: { id: string }[] }>('billing:fees', {})).items.map((f) => f.id)
  const charge = () =>
    app.ok<{ id: string }>('billing:createCharge', {
      clientId: current.id,
      charge: { dateOfService: '2026-01-20', feeItemId: fees[1], units: 1, unitFeeCents: 20000, modifiers: [], pointers: ['A'], placeOfService: '11', renderingUserId: SEED_CLINICIAN }
    })
  const [c1, c2, c3, c4] = [await charge(), await charge(), await charge(), await charge()]
  const issued = await app.ok<{ id: string }>('billing:createInvoice', { clientId: current.id, chargeIds: [c3!.id], issuedOn: '2026-01-21' })
  const draftInvoice = await app.ok<{ id: string }>('billing:createInvoice', { clientId: current.id, chargeIds: [c4!.id], issue: false })
  await app.ok('billing:recordPayment', { clientId: current.id, payment: { receivedOn: '2026-01-21', amountCents: 5000, method: 'cash', applyTo: 'credit' } })
  const scale = await app.ok<{ id: string }>('billing:setSlidingScale', { clientId: current.id, scale: { mode: 'percent', percentBp: 1000, reason: 'Seed scale', startsOn: '2026-01-01' } })
  // A service on no session kind's default lines, so it may be archived.
  const custom = await app.ok<{ id: string }>('billing:createFee', { fee: { code: 'X0001', modifiers: [], description: 'Seed fee', unitFeeCents: 1000 } })
  const adjustment = await app.ok<{ id: string }>('billing:adjust', { chargeId: c1!.id, adjustment: { kind: 'courtesy', mode: 'amount', value: 100, date: '2026-01-21', reason: 'Seed' } })
  // A superbill over the fuzzer's date (2026-01-15): the clinician's identifiers and a charge on that day.
  await app.ok('billing:saveProvider', { userId: SEED_CLINICIAN, provider: { npi: '1245319599', licenseNumber: 'LMFT 9', licenseState: 'OR', credentials: 'LMFT' } })
  await app.ok('billing:createCharge', {
    clientId: current.id,
    charge: { dateOfService: '2026-01-15', feeItemId: fees[1], units: 1, unitFeeCents: 20000, modifiers: [], pointers: ['A'], placeOfService: '11', renderingUserId: SEED_CLINICIAN }
  })
  // A stored document needs a data folder for its file; an in-memory practice aims at an ID no row has.
  const statement = await app.call('documents:statement', { clientId: current.id, from: '2026-01-01', to: '2026-01-31' })
  return {
    documents: [statement.ok ? (statement.value as { id: string }).id : '00000000-0000-4000-8000-00000000d0c0'],
    clients: [current.id, archived.id],
    diagnoses: dx.map((d) => d.id),
    policies: [policy.id],
    consents: [consent.id],
    sessions: [dosing.session.id, integration.session.id],
    courses: [course.id],
    series: [series.series.id],
    seriesSessions: series.sessions.map((x) => x.id),
    scheduleRows: proposal.rows.slice(0, 1),
    notes: [draft.id, signed.id],
    noteRevision: saved.revision,
    measures: [measure.id],
    screeningFlags: [flag!.screeningItemId],
    billing: {
      users: [SEED_CLINICIAN],
      fees: [custom.id, ...fees],
      charges: [c1!.id, c2!.id],
      invoices: [issued.id, draftInvoice.id],
      adjustments: [adjustment.id],
      scales: [scale.id]
    }
  }
}

/** Every row of every table, hashed: equal before and after a call means the call wrote nothing. */
export function databaseFingerprint(sqlite: Database): () => string {
  const statements = new Map<string, ReturnType<Database['prepare']>>()
  return () => {
    const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[]
    const hash = createHash('sha256')
    for (const table of tables) {
      let statement = statements.get(table)
      if (!statement) {
        statement = sqlite.prepare(`SELECT * FROM "${table.replaceAll('"', '""')}"`)
        statements.set(table, statement)
      }
      hash.update(table).update(JSON.stringify(statement.raw().all()))
    }
    return hash.digest('hex')
  }
}

const describeOwn = (o: object) =>
  Reflect.ownKeys(o)
    .map((k) => {
      const d = Object.getOwnPropertyDescriptor(o, k)!
      return `${String(k)}:${typeof d.value}:${d.get ? 'g' : ''}${d.set ? 's' : ''}`
    })
    .join(',')

/** What can be seen of the built-in prototypes; a change means something was polluted. */
export function prototypeSnapshot(): string {
  return [Object.prototype, Array.prototype, Function.prototype, String.prototype, Number.prototype]
    .map(describeOwn)
    .concat(String(Object.getPrototypeOf({}) === Object.prototype), String(Object.isExtensible(Object.prototype)))
    .join('|')
}

// ---- zod introspection ---------------------------------------------------------------------------
// Contracts are zod 4 schemas; `def.type` says what each node is.
type Def = Record<string, unknown> & { type: string }
const def = (schema: z.ZodType) => (schema as unknown as { def: Def }).def

/** The object schema under wrappers (optional, default, pipe…), or null when the node is not an object. */
export function objectShape(schema: z.ZodType): Record<string, z.ZodType> | null {
  const d = def(schema)
  switch (d.type) {
    case 'object':
      return d.shape as Record<string, z.ZodType>
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
    case 'catch':
      return objectShape(d.innerType as z.ZodType)
    case 'pipe':
      return objectShape(d.in as z.ZodType)
    default:
      return null
  }
}

/** Real IDs for a field, by its name and the channel's domain. */
export function idsFor(ids: PracticeIds, channel: string, key: string): string[] {
  const [domain, verb] = channel.split(':')
  if (key === 'clientId') return ids.clients
  if (domain === 'billing' || key === 'renderingUserId') {
    const b = ids.billing
    if (key === 'userId' || key === 'renderingUserId') return b.users
    if (key === 'feeItemId') return b.fees
    if (key === 'chargeId' || key === 'chargeIds') return b.charges
    if (key === 'invoiceId' || key === 'applyTo') return b.invoices
    if (key === 'id') {
      if (verb === 'updateFee') return b.fees
      if (verb === 'updateCharge' || verb === 'voidCharge') return b.charges.toReversed()
      if (verb === 'voidAdjustment') return b.adjustments
      if (verb === 'endSlidingScale') return b.scales
      if (verb === 'issueInvoice') return b.invoices.toReversed()
      return b.invoices
    }
  }
  if (key === 'id' && domain === 'clients' && verb === 'restore') return ids.clients.toReversed()
  if (domain === 'series') {
    if (key === 'sessionId') return ids.seriesSessions
    if (key === 'id') return ids.series
  }
  if (domain === 'documents' && key === 'id') return ids.documents
  if (key === 'orderedIds') return ids.diagnoses
  if (key === 'screeningItemIds') return ids.screeningFlags
  // A contraindication acknowledged in a context: the draft dosing note ('note' is the first kind).
  if (domain === 'screening' && key === 'id') return ids.notes
  if (key === 'sessionId') return ids.sessions
  if (key === 'courseId') return ids.courses
  // An addendum goes on the signed note; a measure links to the draft (in the first session).
  if (key === 'noteId') return domain === 'notes' ? ids.notes.toReversed() : ids.notes
  if (key === 'id') {
    if (domain === 'diagnoses') return ids.diagnoses
    if (domain === 'insurance') return ids.policies
    if (domain === 'consents') return ids.consents
    if (domain === 'sessions') return ids.sessions
    if (domain === 'courses') return ids.courses
    if (domain === 'notes') return ids.notes
    if (domain === 'measures') return ids.measures
  }
  return ids.clients
}

export const FUZZ_ARCHIVE_NAME = 'practice.kaparchive'
const STRING_CANDIDATES = [
  'Test value', '2026-01-15', '2026-01', '10:00', 'F43.10', 'test@example.com', '(503) 555-0142', '97205', 'OR', '1234567893', '12-3456789', 'v1', 'x', '',
  // An archive chosen from the exports folder (exports:importArchive); tests that import put one there.
  FUZZ_ARCHIVE_NAME
]
const NUMBER_CANDIDATES = [0, 1, 8, 50]

/**
 * Values a node accepts, best first: a guess per kind, kept only when the node's own schema
 * agrees (so refinements like "not in the future" or an NPI check digit are respected).
 */
function candidates(schema: z.ZodType, ctx: { ids: PracticeIds; channel: string; key: string }): unknown[] {
  const d = def(schema)
  const keep = (values: unknown[]) => values.filter((v) => schema.safeParse(v).success)
  switch (d.type) {
    case 'object': {
      const shape = d.shape as Record<string, z.ZodType>
      const out: Record<string, unknown> = {}
      for (const [key, child] of Object.entries(shape)) {
        const [first] = candidates(child, { ...ctx, key })
        if (first !== undefined) out[key] = first
      }
      return [out]
    }
    case 'optional':
      return keep([...candidates(d.innerType as z.ZodType, ctx), undefined])
    case 'nullable':
      return keep([...candidates(d.innerType as z.ZodType, ctx), null])
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
    case 'catch':
      return keep([...candidates(d.innerType as z.ZodType, ctx), undefined])
    case 'pipe':
      return keep(candidates(d.in as z.ZodType, ctx))
    case 'union':
      return keep((d.options as z.ZodType[]).toReversed().flatMap((o) => candidates(o, ctx)))
    case 'enum':
      return Object.values(d.entries as Record<string, unknown>)
    case 'literal':
      return [...(d.values as unknown[])]
    case 'boolean':
      // A Good Faith Estimate is only for a client paying for themselves.
      return ctx.key === 'selfPay' ? [true, false] : [false, true]
    case 'null':
      return [null]
    case 'array': {
      // "Schedule the course" rows must keep the plan and the clinician's free time: the seeded proposal does.
      if (ctx.key === 'rows' && ctx.channel.startsWith('courses:')) return keep([ctx.ids.scheduleRows])
      const element = def(d.element as z.ZodType)
      // A list of IDs (a new order of diagnoses…): all the real ones first, then just one.
      const all = element.type === 'string' && element.format === 'uuid' ? [idsFor(ctx.ids, ctx.channel, ctx.key)] : []
      const [first] = candidates(d.element as z.ZodType, ctx)
      // Fixed-length lists (a measure's answers: 7, 9 or 20 items) get the first value repeated.
      const repeated = first === undefined ? [] : [7, 9, 20].map((n) => Array.from({ length: n }, () => first))
      return keep([...all, candidates(d.element as z.ZodType, ctx).slice(0, 1), [], ...repeated])
    }
    case 'tuple':
      return keep([(d.items as z.ZodType[]).map((item) => candidates(item, ctx)[0])])
    case 'string':
      return keep(d.format === 'uuid' ? [...idsFor(ctx.ids, ctx.channel, ctx.key), ...STRING_CANDIDATES] : STRING_CANDIDATES)
    case 'number':
    case 'int':
      // A note's revision: the draft's current one, so the save or signature is not stale.
      return keep(ctx.key === 'revision' ? [ctx.ids.noteRevision, ...NUMBER_CANDIDATES] : NUMBER_CANDIDATES)
    case 'record':
      return [{}]
    default:
      return []
  }
}

/** A valid input for the contract, filled with real IDs, or undefined when none could be derived. */
export function validInput(contract: Contract, ids: PracticeIds): unknown {
  const [value] = candidates(contract.input, { ids, channel: contract.channel, key: '' })
  return contract.input.safeParse(value).success ? value : undefined
}

export type Path = (string | number)[]

/** Every path to a value inside `value` (objects and arrays, depth first), the root excluded. */
export function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return []
  const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value)
  return entries.flatMap(([k, v]) => [[...prefix, k], ...pathsOf(v, [...prefix, k])])
}

/** The object or array that holds the value at `path` (structuredClone'd `root` is edited in place). */
export function parentOf(root: unknown, path: Path): Record<string | number, unknown> {
  let node = root as Record<string | number, unknown>
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>
  return node
}

/** Sets a key as an own data property, even `__proto__` — the way IPC's structured clone delivers it. */
export function defineOwn(target: object, key: string | number, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })
}

