/**
 * Invoice numbers across processes: two connections to one practice file creating invoices at
 * the same time get every number once and skip none; a process killed (SIGKILL) in the middle
 * of creating invoices leaves no half invoice and no burnt number.
 */
import { spawn, type ChildProcessByStdio } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Readable, Writable } from 'node:stream'
import Database from 'better-sqlite3-multiple-ciphers'
import { build } from 'esbuild'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { formatInvoiceNumber } from '@shared/domain/billing'
import { MIGRATIONS_FOLDER, openTestApp, sequentialIds, type TestApp } from '../../factories/app'
import { createClient } from '../../factories/clients'

const ROOT = resolve(import.meta.dirname, '../../..')
const FEE_90837 = '01900000-0000-7000-8000-000000000002'
let dir: string
let bundle: string

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kap-invoices-'))
  bundle = join(dir, 'invoices.worker.cjs')
  await build({
    entryPoints: [join(import.meta.dirname, 'invoices.worker.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    external: ['better-sqlite3', 'better-sqlite3-multiple-ciphers', 'electron', 'pdfkit', 'fontkit'],
    alias: { '@shared': join(ROOT, 'src/shared') },
    logLevel: 'error'
  })
})
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
})

interface Worker {
  child: ChildProcessByStdio<Writable, Readable, Readable>
  ready: Promise<void>
  done: Promise<void>
  exited: Promise<number | null>
  numbers: string[]
  stderr(): string
}

function startWorker(databasePath: string, clientId: string, count: number): Worker {
  const child = spawn(process.execPath, [bundle, databasePath, MIGRATIONS_FOLDER, clientId, String(count)], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') }
  })
  const numbers: string[] = []
  let pending = ''
  let err = ''
  let onReady!: () => void
  let onDone!: () => void
  const ready = new Promise<void>((r) => (onReady = r))
  const done = new Promise<void>((r) => (onDone = r))
  child.stdout.setEncoding('utf8')
  child.stdout.on('data', (chunk: string) => {
    pending += chunk
    const lines = pending.split('\n')
    pending = lines.pop() ?? ''
    for (const line of lines) {
      if (line === 'ready') onReady()
      else if (line === 'done') onDone()
      else if (line.startsWith('INV ')) numbers.push(line.slice(4))
    }
  })
  child.stderr.setEncoding('utf8')
  child.stderr.on('data', (chunk: string) => (err += chunk))
  const exited = new Promise<number | null>((r) => child.once('close', (code) => r(code)))
  return { child, ready, done, exited, numbers, stderr: () => err }
}

const chargeInput = { dateOfService: '2026-03-02', feeItemId: FEE_90837, units: 1, unitFeeCents: 20000, modifiers: [], pointers: [], placeOfService: '11' }

async function invoiceOne(app: TestApp, clientId: string): Promise<string> {
  const charge = await app.ok<{ id: string }>('billing:createCharge', { clientId, charge: chargeInput })
  return (await app.ok<{ number: string }>('billing:createInvoice', { clientId, chargeIds: [charge.id], issuedOn: '2026-03-08' })).number
}

const expected = (n: number) => Array.from({ length: n }, (_, i) => formatInvoiceNumber(2026, i + 1))

function invoiceState(databasePath: string) {
  const db = new Database(databasePath, { readonly: true, fileMustExist: true })
  try {
    return {
      numbers: (db.prepare('SELECT number FROM invoices ORDER BY seq').pluck().all() as string[]),
      counter: (db.prepare('SELECT last FROM invoice_counters WHERE year = 2026').pluck().get() as number | undefined) ?? 0,
      /** An invoice without its line, or a charge pointing at no invoice row, would be half an invoice. */
      withoutLines: db.prepare('SELECT count(*) FROM invoices i WHERE NOT EXISTS (SELECT 1 FROM invoice_lines l WHERE l.invoice_id = i.id)').pluck().get() as number,
      linesWithoutCharge: db.prepare('SELECT count(*) FROM invoice_lines l JOIN charges c ON c.id = l.charge_id WHERE c.invoice_id IS NOT l.invoice_id').pluck().get() as number,
      totalsWrong: db
        .prepare('SELECT count(*) FROM invoices i WHERE total_cents <> (SELECT coalesce(sum(amount_cents), 0) FROM invoice_lines l WHERE l.invoice_id = i.id)')
        .pluck()
        .get() as number,
      integrity: db.pragma('integrity_check', { simple: true }) as string
    }
  } finally {
    db.close()
  }
}

describe('invoice numbers across two connections', () => {
  it('50 concurrent invoice creations from two processes: no duplicate, no gap', { timeout: 60_000 }, async () => {
    const app = await openTestApp({ file: true })
    try {
      const client = await createClient(app)
      const worker = startWorker(app.databasePath, client.id, 25)
      await worker.ready
      worker.child.stdin.write('go\n')
      // This process writes through its own connection while the child writes through its own.
      const mine: string[] = []
      for (let i = 0; i < 25; i++) {
        mine.push(await invoiceOne(app, client.id))
        await new Promise((r) => setImmediate(r))
      }
      const code = await worker.exited
      expect(code === 0 ? 'exited cleanly' : worker.stderr()).toBe('exited cleanly')
      const all = [...mine, ...worker.numbers].sort()
      expect(all).toHaveLength(50)
      expect(new Set(all).size).toBe(50)
      expect(all).toEqual(expected(50))
      const state = invoiceState(app.databasePath)
      expect(state.numbers).toEqual(expected(50))
      expect(state.counter).toBe(50)
      expect(state).toMatchObject({ withoutLines: 0, linesWithoutCharge: 0, totalsWrong: 0, integrity: 'ok' })
      // Both processes really took part.
      expect(worker.numbers.length).toBe(25)
      expect(mine.length).toBe(25)
    } finally {
      app.close()
    }
  })

  it('kill -9 while creating invoices: no half invoice, no burnt number', { timeout: 120_000 }, async () => {
    const app = await openTestApp({ file: true })
    const databasePath = app.databasePath
    const client = await createClient(app)
    const acknowledged: string[] = []
    try {
      for (let round = 0; round < 8; round++) {
        const worker = startWorker(databasePath, client.id, 0)
        await worker.ready
        worker.child.stdin.write('go\n')
        await new Promise((r) => setTimeout(r, 20 + ((round * 37) % 90)))
        worker.child.kill('SIGKILL')
        await worker.exited
        acknowledged.push(...worker.numbers)
        const state = invoiceState(databasePath)
        expect(state.integrity).toBe('ok')
        // Every number taken belongs to a whole invoice: the counter equals the number of invoices, and they run 1..n.
        expect(state.numbers).toEqual(expected(state.numbers.length))
        expect(state.counter).toBe(state.numbers.length)
        expect(state).toMatchObject({ withoutLines: 0, linesWithoutCharge: 0, totalsWrong: 0 })
        for (const n of worker.numbers) expect(state.numbers).toContain(n)
      }
      // The next invoice after all the kills takes the very next number.
      const after = await openTestApp({ databasePath, context: { newId: sequentialIds(50_000) } })
      try {
        const before = invoiceState(databasePath).numbers.length
        expect(await invoiceOne(after, client.id)).toBe(formatInvoiceNumber(2026, before + 1))
      } finally {
        after.close()
      }
      expect(acknowledged.length).toBeGreaterThan(0)
    } finally {
      app.close()
    }
  })
})
