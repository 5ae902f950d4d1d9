/**
 * Jobs on a worker_threads Worker: what the harness, the tests and the bench use (Electron uses a
 * utilityProcess, see electron-worker.ts). From source (tsx, vitest) the worker is the .ts file
 * loaded through tsx; from the build it is out/main/job-worker.js beside the main bundle.
 */
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { Worker } from 'node:worker_threads'
import type { FromWorker, JobWorker, SpawnJobWorker } from './protocol'

const SOURCE_ENTRY = resolve(__dirname, 'worker.ts')
const BUILT_ENTRY = join(__dirname, 'job-worker.js')

export function threadWorkerSpawner(): SpawnJobWorker {
  const fromSource = existsSync(SOURCE_ENTRY)
  const entry = fromSource ? SOURCE_ENTRY : BUILT_ENTRY
  const execArgv = fromSource ? ['--import', 'tsx'] : []
  // tsx resolves the @shared alias from the node tsconfig.
  const env = fromSource ? { ...process.env, TSX_TSCONFIG_PATH: resolve(__dirname, '..', '..', '..', 'tsconfig.node.json') } : process.env
  return (): JobWorker => {
    const worker = new Worker(entry, { execArgv, env, stdout: false, stderr: false })
    let exited = false
    return {
      // A worker's port, not a window: there is no origin to name.
      // oxlint-disable-next-line unicorn/require-post-message-target-origin
      send: (message) => worker.postMessage(message),
      onMessage: (listener) => worker.on('message', (m: FromWorker) => listener(m)),
      onExit: (listener) => {
        // 'error' (an uncaught throw in the worker) is followed by 'exit'; listening keeps it from crashing main.
        worker.on('error', () => undefined)
        worker.on('exit', (code) => {
          if (exited) return
          exited = true
          listener(code)
        })
      },
      kill: () => void worker.terminate()
    }
  }
}
