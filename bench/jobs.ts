/**
 * jobs.main_delay: how long main's event loop is held up while the practice archive of the bench
 * practice (10,000 clients, 250,000 notes, 250,000 charges: snapshot, deflate, scrypt, encrypt)
 * is exported as a job in a worker thread — the window's every call waits behind that loop.
 * Measured with perf_hooks.monitorEventLoopDelay (10 ms resolution) while main keeps answering
 * clients:list calls. The baseline is the same export run on main itself (as it ran before
 * jobs): the loop is then held for the whole export. (The custodian export of this practice
 * writes 60,000 files and takes minutes: too long for a bench run; it uses the same runner.)
 */
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import type { AppCore } from '../src/main/app'
import { createJobRunner } from '../src/main/jobs/runner'
import { threadWorkerSpawner } from '../src/main/jobs/thread-worker'
import type { BenchResult } from './run'
import { round } from './stats'

const ms = (ns: number) => ns / 1e6
const PASSPHRASE = 'bench archive passphrase'

async function exportInWorker(app: AppCore, dataDir: string, migrationsFolder: string) {
  const finished = new Promise<void>((resolve, reject) => {
    const runner = createJobRunner({
      spawn: threadWorkerSpawner(),
      target: () => ({ databasePath: join(dataDir, 'practice.db'), key: null, dataDir, backupDir: join(dataDir, 'backups'), migrationsFolder }),
      emit: (event) => {
        if (event.type === 'done') resolve()
        else if (event.type !== 'progress') reject(new Error(`the export job ended: ${event.type}`))
      },
      finish: () => undefined,
      scratchFolders: () => [join(dataDir, 'exports')]
    })
    runner.start('archiveExport', { passphrase: PASSPHRASE })
  })
  // Main goes on answering the window meanwhile.
  let served = 0
  const state = { serving: true }
  const serve = async () => {
    while (state.serving) {
      const r = await app.call('clients:list', { page: served % 20, pageSize: 50 })
      if (r.ok) served++
      await new Promise((r2) => setTimeout(r2, 20))
    }
  }
  const loop = serve()
  await finished
  state.serving = false
  await loop
  return served
}

export async function runJobsDelayCase(app: AppCore, dataDir: string, migrationsFolder: string, notes: number, out: (line: string) => void): Promise<BenchResult & { p99_ms: number; max_ms: number }> {
  const worker = monitorEventLoopDelay({ resolution: 10 })
  worker.enable()
  await new Promise((r) => setTimeout(r, 50))
  let t = performance.now()
  const served = await exportInWorker(app, dataDir, migrationsFolder)
  worker.disable()
  const workerMs = performance.now() - t
  out(`jobs.main_delay: the archive as a job took ${Math.round(workerMs)} ms; main answered ${served} clients:list calls meanwhile`)

  const onMain = monitorEventLoopDelay({ resolution: 10 })
  onMain.enable()
  // The monitor's first tick only starts its clock: let it tick before the loop is held.
  await new Promise((r) => setTimeout(r, 50))
  t = performance.now()
  // The baseline: the same export on main, in one transaction, as exports:archive ran it before jobs.
  await new Promise<void>((resolve) =>
    setImmediate(() => {
      app.connection.sqlite.transaction(() => app.services.exports.archive(PASSPHRASE))()
      resolve()
    })
  )
  await new Promise((r) => setTimeout(r, 30))
  onMain.disable()
  out(`jobs.main_delay: the same export on main took ${Math.round(performance.now() - t)} ms`)
  rmSync(join(dataDir, 'exports'), { recursive: true, force: true })

  const p99 = ms(worker.percentile(99))
  const baseP99 = ms(onMain.max)
  return {
    name: 'jobs.main_delay',
    n: notes,
    p50_ms: round(ms(worker.percentile(50)), 3),
    p95_ms: round(ms(worker.percentile(95)), 3),
    p99_ms: round(p99, 3),
    max_ms: round(ms(worker.max), 3),
    baseline_p95_ms: round(baseP99, 3),
    ratio: round(p99 / baseP99, 4)
  }
}
