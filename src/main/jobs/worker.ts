/**
 * A job's worker: an Electron utilityProcess in the app, a worker_threads Worker in the harness
 * and tests — the same file either way. It waits for main's `start`, opens its own connection
 * with the key that came over the port, runs the task and reports; then it exits. It never
 * writes to the database (main is the one writer) and logs nothing (its data is PHI).
 */
import { parentPort } from 'node:worker_threads'
import { AppFailure } from '../errors'
import { createContext } from '../context'
import { openDatabase } from '../db/connection'
import { createServices } from '../services'
import type { FromWorker, JobOrder, ToWorker } from './protocol'
import { JobCancelled, TASKS } from './tasks'

interface Port {
  post(message: FromWorker): void
  listen(listener: (message: ToWorker) => void): void
}

/** Electron's utilityProcess gives `process.parentPort` (messages wrapped in `{ data }`); a thread, worker_threads' parentPort. */
function connectToMain(): Port {
  const electronPort = (process as unknown as { parentPort?: { postMessage(m: unknown): void; on(e: 'message', l: (e: { data: ToWorker }) => void): void } }).parentPort
  if (electronPort) {
    // A process port, not a window: there is no origin to name.
    // oxlint-disable-next-line unicorn/require-post-message-target-origin
    return { post: (m) => electronPort.postMessage(m), listen: (l) => electronPort.on('message', (e) => l(e.data)) }
  }
  if (!parentPort) throw new Error('The job worker must be started by KAP Practice.')
  const port = parentPort
  // oxlint-disable-next-line unicorn/require-post-message-target-origin
  return { post: (m) => port.postMessage(m), listen: (l) => port.on('message', l) }
}

const port = connectToMain()
let cancelled = false
let started = false

/** Yields to the event loop so a `cancel` can arrive, then stops the task if it did. */
const checkpoint = () =>
  new Promise<void>((resolve, reject) => setImmediate(() => (cancelled ? reject(new JobCancelled()) : resolve())))

async function run(order: JobOrder): Promise<FromWorker> {
  const key = order.key ? Buffer.from(order.key) : undefined
  order.key?.fill(0)
  const connection = openDatabase(order.databasePath, key)
  try {
    const services = createServices(createContext(connection), {
      exports: { dataDir: order.dataDir, databasePath: order.databasePath, backupDir: order.backupDir, migrationsFolder: order.migrationsFolder, kdf: order.archiveKdf }
    })
    let last = -1
    const report: Parameters<(typeof TASKS)['backup']>[0]['report'] = (progress) => {
      if (progress.done < last) return
      last = progress.done
      port.post({ type: 'progress', progress })
    }
    const result = await TASKS[order.kind]({ connection, services, order, report, checkpoint })
    return { type: 'done', result }
  } finally {
    connection.close()
    // The connection keeps this buffer (backups re-open their copy with it): wiped only now.
    key?.fill(0)
  }
}

port.listen((message) => {
  if (message.type === 'cancel') {
    cancelled = true
    return
  }
  if (started) return
  started = true
  run(message)
    .catch((err: unknown): FromWorker => {
      if (err instanceof JobCancelled) return { type: 'cancelled' }
      if (err instanceof AppFailure) return { type: 'failed', message: err.message, code: err.code }
      return { type: 'failed', message: 'The job could not finish. Nothing was changed; try again.', code: null }
    })
    // Main ends the worker once it has the end message (exiting here could drop it).
    .then((end) => port.post(end))
})
