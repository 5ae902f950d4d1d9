/**
 * What the audit log costs a write: clients:create through app.call (validation, one
 * transaction, service, the audit entry) against the very same call with the contract's audit
 * intent taken off its route, interleaved on the same database so both see the same load.
 * Then the append alone (one SHA-256 and one INSERT inside a transaction), and audit:verify
 * over the whole log.
 *
 *   npm run bench:audit                   file database (WAL, synchronous=FULL) and :memory:
 *   npm run bench:audit -- --iterations=N
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openApp, type AppCore } from '../src/main/app'
import { silentLogger } from '../src/main/log'
import { clientInput } from '../tests/factories/clients'
import { round, summarize } from './stats'

const WARMUP = 100
const iterationsArg = process.argv.find((a) => a.startsWith('--iterations='))
const ITERATIONS = iterationsArg ? Number(iterationsArg.split('=')[1]) : 1000
const out = (line = '') => process.stdout.write(`${line}\n`)
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length
const ms = (x: number) => `${round(x, 3).toFixed(3)} ms`

async function timed(app: AppCore, channel: string, input: unknown): Promise<number> {
  const t = performance.now()
  const result = await app.call(channel, input)
  const elapsed = performance.now() - t
  if (!result.ok) throw new Error(`${channel} failed (${result.error.code})`)
  return elapsed
}

async function bench(label: string, databasePath: string): Promise<void> {
  const app = await openApp({ databasePath, migrationsFolder: join(import.meta.dirname, '..', 'drizzle'), logger: silentLogger })
  try {
    // The same handler under a second channel whose contract declares no audit intent.
    const route = app.router.get('clients:create')!
    const { audit: _intent, ...unaudited } = route.contract
    app.router.set('bench:createUnaudited', { contract: { ...unaudited, channel: 'bench:createUnaudited' }, handler: route.handler })

    const input = { client: clientInput() }
    const withAudit: number[] = []
    const without: number[] = []
    for (let i = 0; i < WARMUP + ITERATIONS; i++) {
      const first = i % 2 === 0
      const a = first ? await timed(app, 'clients:create', input) : 0
      const b = await timed(app, 'bench:createUnaudited', input)
      const a2 = first ? a : await timed(app, 'clients:create', input)
      if (i >= WARMUP) {
        withAudit.push(a2)
        without.push(b)
      }
    }
    const w = summarize(withAudit)
    const n = summarize(without)

    // The append alone, in a transaction as dispatch runs it.
    const appendTimes: number[] = []
    const append = app.connection.sqlite.transaction(() =>
      app.services.audit.append({ channel: 'bench:append', action: 'view', entity: 'client', entityId: null, clientId: null })
    )
    for (let i = 0; i < WARMUP + ITERATIONS; i++) {
      const t = performance.now()
      append()
      if (i >= WARMUP) appendTimes.push(performance.now() - t)
    }

    const entries = (app.connection.sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get() as number)
    const t = performance.now()
    const verdict = await app.call('audit:verify', {})
    const verifyMs = performance.now() - t
    if (!verdict.ok || !(verdict.value as { ok: boolean }).ok) throw new Error('verify failed')

    out(`\n${label} — ${ITERATIONS} interleaved iterations after ${WARMUP} warm-up`)
    out(`  clients:create with audit     p50 ${ms(w.p50)}  p95 ${ms(w.p95)}  mean ${ms(mean(withAudit))}`)
    out(`  clients:create without audit  p50 ${ms(n.p50)}  p95 ${ms(n.p95)}  mean ${ms(mean(without))}`)
    out(`  overhead                      p50 +${ms(w.p50 - n.p50)} (${round((w.p50 / n.p50 - 1) * 100, 1)}%)  mean +${ms(mean(withAudit) - mean(without))}`)
    const a = summarize(appendTimes)
    out(`  append alone (own txn + commit) p50 ${ms(a.p50)}  p95 ${ms(a.p95)}`)
    out(`  audit:verify over ${entries} entries: ${ms(verifyMs)} (${round((entries / verifyMs) * 1000, 0)} entries/s)`)
  } finally {
    app.close()
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'kap-bench-audit-'))
  try {
    await bench('file database (WAL, synchronous=FULL)', join(dir, 'practice.db'))
    await bench(':memory:', ':memory:')
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

void main()
