/**
 * `npm run bench:ui`: what a person feels on a 10,000-client practice, in Chromium over the
 * loopback harness (the built renderer, the real router, a temp database). Build first
 * (`npx electron-vite build`); this script builds nothing.
 *
 * Each run loads the app afresh on the dashboard, then, timed from the input event to the first
 * frame that shows the answer (bench/ui-probe.js):
 *   ui.list_first_rows   click "Clients" in the sidebar → the first page of rows painted
 *   ui.search_keystroke  the last key of a name typed into the search box → its matches painted
 *   ui.typing_long_task  the longest long task (PerformanceObserver 'longtask') while typing
 *   ui.sort              click "Date of birth" → rows in birth-date order painted
 *   ui.next_page         click "Next" → page 2 painted
 *   ui.chart_open        click a row → the chart's header painted
 *   ui.list_cold_load    a fresh page load of #/clients (time origin → rows painted)
 * Medians and p95 of the runs are merged into bench/results.json (other entries are kept), with
 * the transport (fetch as the page sees it) against the router's own time per channel.
 *
 *   npm run bench:ui                   20 runs
 *   npm run bench:ui -- --runs=N       other run count
 *   npm run bench:ui -- --no-write     print only (e.g. on a loaded machine)
 *   npm run bench:ui -- --profile=ui.sort  also a CPU profile of that step in the last run, its
 *                                      top functions printed (build with KAP_NO_MINIFY=1 for names)
 *   npm run bench:ui -- --renderer=DIR another built renderer (default out/renderer)
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium, type Page } from '@playwright/test'
import type { ClientListInput, ClientListRow } from '@shared/contracts/clients'
import { silentLogger } from '../src/main/log'
import { seededFaker, seedSyntheticPractice } from '../tests/factories/synthetic'
import { startHarness, type Harness } from '../tests/e2e/harness/server'
import { round, summarize } from './stats'

const N = 10_000
const SEED = 42
const PAGE_SIZE = 50
const TIMEOUT_MS = 15_000
const RESULTS = resolve(__dirname, 'results.json')
const PROBE = resolve(__dirname, 'ui-probe.js')

const out = (line = '') => process.stdout.write(`${line}\n`)

type Expect = { kind: 'rows'; first: string; count: number } | { kind: 'heading'; text: string }
interface Probe {
  arm(startEvent: 'keydown' | 'mousedown' | 'navigation', expect: Expect): void
  result(timeoutMs: number): Promise<{ ok: boolean; ms: number | null; longest: number | null }>
  rpc(since: number): Array<{ channel: string; start: number; ms: number }>
  now(): number
}
/** The page's globals as evaluate callbacks see them (bench is type-checked without the DOM lib). */
interface ProbeHost {
  kapProbe: Probe
}

interface Listed {
  total: number
  rows: ClientListRow[]
}

async function listed(harness: Harness, input: Partial<ClientListInput>): Promise<Listed> {
  const result = await harness.app.call('clients:list', { pageSize: PAGE_SIZE, ...input })
  if (!result.ok) throw new Error(`clients:list failed (${result.error.code})`)
  return result.value as Listed
}

const rowsOf = (l: Listed, page = 0): Expect => ({
  kind: 'rows',
  first: l.rows[0] ? `${l.rows[0].legalLastName}, ${l.rows[0].legalFirstName}` : '',
  count: Math.max(0, Math.min(PAGE_SIZE, l.total - page * PAGE_SIZE))
})

/**
 * Searches people type, one per run: the start of a surname, long enough to narrow the list and
 * chosen so its last key changes the answer (the one-shorter prefix lists something else).
 */
async function typedSearches(harness: Harness, runs: number): Promise<Array<{ query: string; expect: Expect }>> {
  const f = seededFaker(SEED ^ 0xbe7c)
  const names = harness.app.connection.sqlite.prepare('SELECT legal_last_name AS last FROM clients WHERE archived_at IS NULL').all() as Array<{ last: string }>
  const chosen: Array<{ query: string; expect: Expect }> = []
  while (chosen.length < runs) {
    const last = f.helpers.arrayElement(names).last.toLowerCase()
    const query = last.slice(0, f.number.int({ min: 4, max: 6 }))
    if (query.length < 4 || chosen.some((c) => c.query === query)) continue
    const [full, shorter] = await Promise.all([listed(harness, { search: query }), listed(harness, { search: query.slice(0, -1) })])
    if (full.total === 0 || full.total === shorter.total) continue
    chosen.push({ query, expect: rowsOf(full) })
  }
  return chosen
}

async function measure(page: Page, expect: Expect, act: () => Promise<void>, startEvent: 'keydown' | 'mousedown' = 'mousedown') {
  await page.evaluate(([s, e]) => (globalThis as unknown as ProbeHost).kapProbe.arm(s, e), [startEvent, expect] as const)
  await act()
  const r = await page.evaluate((t) => (globalThis as unknown as ProbeHost).kapProbe.result(t), TIMEOUT_MS)
  if (!r.ok) throw new Error(`Timed out waiting for ${JSON.stringify(expect)}`)
  return { ms: r.ms!, longest: r.longest! }
}

/** Waits until the page shows `expect` (nothing timed). */
async function settled(page: Page, expect: Expect) {
  await page.evaluate((e) => (globalThis as unknown as ProbeHost).kapProbe.arm('navigation', e), expect)
  const r = await page.evaluate((t) => (globalThis as unknown as ProbeHost).kapProbe.result(t), TIMEOUT_MS)
  if (!r.ok) throw new Error(`Timed out waiting for ${JSON.stringify(expect)}`)
  return r.ms!
}

interface TraceEvent {
  name: string
  ph: string
  dur?: number
  pid: number
  tid: number
  args?: { name?: string }
}

/** Renderer main-thread time by event kind (style, layout, paint, script…) in a Chromium trace. */
function mainThreadTime(events: TraceEvent[]): string[] {
  const rendererMain = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
  const kinds = new Map<string, number>()
  for (const e of events) {
    if (!rendererMain || e.pid !== rendererMain.pid || e.tid !== rendererMain.tid || e.ph !== 'X' || !e.dur) continue
    kinds.set(e.name, (kinds.get(e.name) ?? 0) + e.dur / 1000)
  }
  return [...kinds].sort((a, b) => b[1] - a[1]).slice(0, 14).map(([k, ms]) => `${ms.toFixed(1).padStart(8)} ms  ${k}`)
}

/** Top self-time functions of a CPU profile (Profiler.Profile from CDP). */
function topFunctions(profile: { nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; hitCount?: number }>; samples?: number[]; timeDeltas?: number[] }, top = 20): string[] {
  const self = new Map<number, number>()
  const samples = profile.samples ?? []
  const deltas = profile.timeDeltas ?? []
  for (let i = 0; i < samples.length; i++) self.set(samples[i]!, (self.get(samples[i]!) ?? 0) + (deltas[i] ?? 0) / 1000)
  const byName = new Map<string, number>()
  for (const n of profile.nodes) {
    const ms = self.get(n.id) ?? 0
    if (!ms) continue
    const file = n.callFrame.url.split('/').pop() || '(native)'
    const key = `${n.callFrame.functionName || '(anonymous)'}  ${file}:${n.callFrame.lineNumber + 1}:${n.callFrame.columnNumber + 1}`
    byName.set(key, (byName.get(key) ?? 0) + ms)
  }
  return [...byName].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, ms]) => `${ms.toFixed(1).padStart(8)} ms  ${k}`)
}

interface UiResult {
  name: string
  n: number
  runs: number
  p50_ms: number
  p95_ms: number
  target: string
  /** The machine's 1-minute load average when the runs began and ended (2 cores are shared). */
  load_avg: [number, number]
}

async function main(args: string[]) {
  const runs = Number(args.find((a) => a.startsWith('--runs='))?.split('=')[1] ?? 20)
  const write = !args.includes('--no-write')
  const profile = args.find((a) => a.startsWith('--profile='))?.split('=')[1]

  const rendererDir = args.find((a) => a.startsWith('--renderer='))?.split('=')[1]
  const harness = await startHarness({ logger: silentLogger, rendererDir })
  // The router's own time per channel, to set against what the page's fetch took.
  const serverMs = new Map<string, number[]>()
  const call = harness.host.call.bind(harness.host)
  harness.host.call = async (channel, input) => {
    const t = performance.now()
    try {
      return await call(channel, input)
    } finally {
      const list = serverMs.get(channel) ?? []
      list.push(performance.now() - t)
      serverMs.set(channel, list)
    }
  }
  const browser = await chromium.launch({ executablePath: process.env.KAP_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] })
  try {
    let t = performance.now()
    seedSyntheticPractice(harness.app, { seed: SEED, clients: N })
    out(`Seeded ${N} synthetic clients in ${Math.round(performance.now() - t)} ms`)

    const byName = await listed(harness, {})
    const byDob = await listed(harness, { sort: 'dateOfBirth', direction: 'asc' })
    const byDobPage2 = await listed(harness, { sort: 'dateOfBirth', direction: 'asc', page: 1 })
    const searches = await typedSearches(harness, runs)
    const chartClient = byDobPage2.rows[0]!

    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US', timezoneId: 'America/Los_Angeles' })
    const page = await context.newPage()
    await page.addInitScript({ content: readFileSync(PROBE, 'utf8') })
    const samples: Record<string, number[]> = {
      'ui.list_first_rows': [],
      'ui.search_keystroke': [],
      'ui.typing_long_task': [],
      'ui.sort': [],
      'ui.next_page': [],
      'ui.chart_open': [],
      'ui.list_cold_load': []
    }
    const fetchMs = new Map<string, number[]>()
    const noteFetches = async () => {
      for (const r of await page.evaluate(() => (globalThis as unknown as ProbeHost).kapProbe.rpc(0))) {
        const list = fetchMs.get(r.channel) ?? []
        list.push(r.ms)
        fetchMs.set(r.channel, list)
      }
    }
    /** On the last run, a CPU profile of the step named by --profile=NAME; its top functions are printed. */
    let lastRun = false
    const profiled = async <T>(name: string, step: () => Promise<T>): Promise<T> => {
      if (!lastRun || profile !== name) return step()
      const cdp = await context.newCDPSession(page)
      await cdp.send('Profiler.enable')
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
      await cdp.send('Profiler.start')
      await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] })
      const result = await step()
      const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] }
      out(`\nMain-thread time of ${name} by kind:`)
      for (const line of mainThreadTime(trace.traceEvents)) out(line)
      const { profile: p } = await cdp.send('Profiler.stop')
      const file = join('/tmp', `kap-${name}-${Date.now()}.cpuprofile`)
      writeFileSync(file, JSON.stringify(p))
      out(`\nCPU profile of ${name} (${file}), top self time:`)
      for (const line of topFunctions(p)) out(line)
      await cdp.detach()
      return result
    }
    const nav = (name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name })

    t = performance.now()
    const loadBefore = round(loadavg()[0]!, 1)
    for (let i = 0; i < runs; i++) {
      lastRun = i === runs - 1
      // A fresh page load straight onto the list (time origin → rows).
      await page.goto('about:blank')
      await page.goto(`${harness.url}/#/clients`)
      samples['ui.list_cold_load']!.push(await settled(page, rowsOf(byName)))

      // A fresh app on the dashboard: nothing about clients cached.
      await page.goto('about:blank')
      await page.goto(`${harness.url}/#/`)
      await nav('Clients').waitFor()
      await page.waitForLoadState('networkidle')

      samples['ui.list_first_rows']!.push((await profiled('ui.list_first_rows', () => measure(page, rowsOf(byName), () => nav('Clients').click()))).ms)

      const box = page.getByRole('searchbox', { name: 'Search clients' })
      await box.click()
      const { query, expect } = searches[i]!
      const typed = await profiled('ui.search_keystroke', () => measure(page, expect, () => page.keyboard.type(query, { delay: 120 }), 'keydown'))
      samples['ui.search_keystroke']!.push(typed.ms)
      samples['ui.typing_long_task']!.push(typed.longest)

      // Back to the whole list (cached), then sort by date of birth, the next page, a chart.
      await box.press('Escape')
      await settled(page, rowsOf(byName))
      samples['ui.sort']!.push((await profiled('ui.sort', () => measure(page, rowsOf(byDob), () => page.getByRole('button', { name: 'Date of birth' }).click()))).ms)
      samples['ui.next_page']!.push((await profiled('ui.next_page', () => measure(page, rowsOf(byDobPage2, 1), () => page.getByRole('button', { name: 'Next page' }).click()))).ms)
      const openRow = page.getByRole('table', { name: 'Clients' }).locator('tbody tr[data-row]').first()
      samples['ui.chart_open']!.push((await profiled('ui.chart_open', () => measure(page, { kind: 'heading', text: chartClient.legalFirstName }, () => openRow.click()))).ms)
      await noteFetches()
    }
    const loadAfter = round(loadavg()[0]!, 1)
    out(`${runs} runs in ${Math.round(performance.now() - t)} ms (load average ${loadBefore} → ${loadAfter} on ${cpus().length} cores)`)

    const targets: Record<string, { ms: number; on: 'p50' | 'p95' } | undefined> = {
      'ui.list_first_rows': { ms: 300, on: 'p50' },
      'ui.search_keystroke': { ms: 100, on: 'p95' },
      'ui.typing_long_task': { ms: 50, on: 'p95' },
      'ui.sort': { ms: 100, on: 'p95' },
      'ui.chart_open': { ms: 150, on: 'p95' }
    }
    const results: UiResult[] = Object.entries(samples).map(([name, values]) => {
      const s = summarize(values)
      const target = targets[name]
      return { name, n: N, runs, p50_ms: round(s.p50, 1), p95_ms: round(s.p95, 1), target: target ? `${target.on} < ${target.ms} ms` : '', load_avg: [loadBefore, loadAfter] }
    })

    out()
    const head = ['measure', 'p50 ms', 'p95 ms', 'max ms', 'target']
    const rows = results.map((r) => {
      const target = targets[r.name]
      const verdict = target ? `${(target.on === 'p50' ? r.p50_ms : r.p95_ms) < target.ms ? 'ok' : 'MISSED'} (${r.target})` : ''
      return [r.name, r.p50_ms.toFixed(1), r.p95_ms.toFixed(1), Math.max(...samples[r.name]!).toFixed(1), verdict]
    })
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
    const line = (cells: string[]) => cells.map((c, i) => (i === 0 || i === 4 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')
    out(line(head))
    out(widths.map((w) => '-'.repeat(w)).join('  '))
    for (const r of rows) out(line(r))

    out('\nTransport: the page\'s fetch against the router\'s own time, per channel (p50 / p95 ms)')
    for (const [channel, ms] of [...fetchMs].sort((a, b) => b[1].length - a[1].length).slice(0, 8)) {
      const f = summarize(ms)
      const s = summarize(serverMs.get(channel) ?? [])
      out(`  ${channel.padEnd(24)} fetch ${f.p50.toFixed(1).padStart(6)} / ${f.p95.toFixed(1).padStart(6)}   router ${s.p50.toFixed(1).padStart(6)} / ${s.p95.toFixed(1).padStart(6)}   (${ms.length} calls)`)
    }

    if (write) {
      const existing = JSON.parse(readFileSync(RESULTS, 'utf8')) as Array<{ name: string }>
      const merged = [...existing.filter((e) => !results.some((r) => r.name === e.name)), ...results]
      writeFileSync(RESULTS, `${JSON.stringify(merged, null, 2)}\n`)
      out('\nMerged into bench/results.json (timings on a shared machine are noisy).')
    }
    await context.close()
  } finally {
    await browser.close()
    await harness.close()
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  console.error(`bench:ui: ${err instanceof Error ? err.stack ?? err.message : String(err)}`)
  process.exit(1)
})
