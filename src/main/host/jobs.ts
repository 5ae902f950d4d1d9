/** Jobs beside whatever practice is open: the runner (one worker per job), its events, and jobs:* handlers. */
import { join } from 'node:path'
import type { JobEvent } from '@shared/contracts/jobs'
import { jobFinishers } from '../jobs/finish'
import type { SpawnJobWorker } from '../jobs/protocol'
import { createJobRunner } from '../jobs/runner'
import type { Logger } from '../log'
import type { Lifecycle } from './lifecycle'
import type { HostHandlers } from './types'

export interface HostJobsDeps {
  life: Lifecycle
  spawn: SpawnJobWorker
  dataDir: string
  databasePath: string
  backupDir: string
  migrationsFolder: string
  now: () => Date
  logger: Logger
}

export function createHostJobs({ life, spawn, dataDir, databasePath, backupDir, migrationsFolder, now, logger }: HostJobsDeps) {
  const listeners = new Set<(event: JobEvent) => void>()
  const finishers = jobFinishers({ backupDir, now, logger })
  const runner = createJobRunner({
    spawn,
    target: () => {
      const key = life.key()
      return life.mode().mode === 'ready' && !life.swapping() ? { databasePath, key: key ? new Uint8Array(key) : null, dataDir, backupDir, migrationsFolder } : null
    },
    emit: (event) => listeners.forEach((l) => l(event)),
    finish: (kind, input, result) => finishers[kind](life.requireCore(), input, result as never),
    scratchFolders: () => [backupDir, join(dataDir, 'exports')]
  })
  const handlers: HostHandlers<'jobs'> = {
    start: async ({ kind, ...input }) => runner.start(kind, input),
    cancel: async ({ jobId }) => runner.cancel(jobId),
    list: async () => runner.list()
  }
  return {
    handlers,
    stopAll: () => runner.stopAll(),
    onEvent(listener: (event: JobEvent) => void) {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
    clear: () => listeners.clear()
  }
}
