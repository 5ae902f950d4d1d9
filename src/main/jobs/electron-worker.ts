/**
 * Jobs in the app: each one in an Electron utilityProcess (a Node child of the app, off the main
 * process), running out/main/job-worker.js. The only file of jobs/ that imports electron.
 */
import { join } from 'node:path'
import { utilityProcess } from 'electron'
import type { FromWorker, JobWorker, SpawnJobWorker } from './protocol'

export function utilityProcessSpawner(): SpawnJobWorker {
  const entry = join(__dirname, 'job-worker.js')
  return (): JobWorker => {
    const child = utilityProcess.fork(entry, [], { serviceName: 'KAP Practice job', stdio: 'ignore' })
    return {
      // A worker's port, not a window: there is no origin to name.
      // oxlint-disable-next-line unicorn/require-post-message-target-origin
      send: (message) => child.postMessage(message),
      onMessage: (listener) => child.on('message', (m: FromWorker) => listener(m)),
      onExit: (listener) => child.once('exit', (code) => listener(code)),
      kill: () => void child.kill()
    }
  }
}
