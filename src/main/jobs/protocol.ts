/**
 * The messages between main and a job's worker. Main sends one `start` (with the data key: over
 * the worker's message port, never argv, env or a file) and perhaps a `cancel`; the worker
 * answers with progress and one end message. Plain data only: both a worker_threads port and an
 * Electron utilityProcess port carry it (structured clone).
 */
import type { JobKind, JobProgress } from '@shared/contracts/jobs'
import type { KdfParams } from '../features/exports/archive-format'

export interface JobOrder {
  type: 'start'
  jobId: string
  kind: JobKind
  /** The job's input as jobs:start validated it (the kind's own fields). */
  input: Record<string, unknown>
  databasePath: string
  /** The practice's data key, or null for a plain database. */
  key: Uint8Array | null
  dataDir: string
  backupDir: string
  migrationsFolder: string
  /** Tests lower the archive's scrypt cost. */
  archiveKdf?: KdfParams
}

export type ToWorker = JobOrder | { type: 'cancel' }

export type FromWorker =
  | { type: 'progress'; progress: JobProgress }
  | { type: 'done'; result: unknown }
  /** `message` is for the person (no PHI, no path); `code` is an AppFailure code when the task refused. */
  | { type: 'failed'; message: string; code: string | null }
  | { type: 'cancelled' }

/** One worker as main sees it: the same small surface for a worker_threads Worker and a utilityProcess. */
export interface JobWorker {
  send(message: ToWorker): void
  onMessage(listener: (message: FromWorker) => void): void
  /** Fires once when the worker is gone, however it went (done, crashed, killed). */
  onExit(listener: (code: number | null) => void): void
  kill(): void
}

export type SpawnJobWorker = () => JobWorker
