/**
 * Main's side of jobs: starts a worker per job (one job of a kind at a time), forwards its
 * progress as events, lets the window cancel, and finishes on main what only main may do — the
 * database writes (audit entries) and retention — once the worker reports done. A job stopped by
 * cancel or a crash leaves no partial file: the temporaries it created are removed.
 */
import { randomUUID } from 'node:crypto'
import { readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { JOB_LABELS, jobResults, type JobEvent, type JobKind, type JobProgress, type JobState } from '@shared/contracts/jobs'
import { conflict, notFound } from '../errors'
import type { FromWorker, JobOrder, SpawnJobWorker } from './protocol'

/** What a worker needs to open the practice, known only while it is open. */
export type JobTarget = Omit<JobOrder, 'type' | 'jobId' | 'kind' | 'input'>

export interface JobRunnerOptions {
  spawn: SpawnJobWorker
  /** The open practice, or null (signed out, in recovery): no job then. */
  target(): JobTarget | null
  emit(event: JobEvent): void
  /** Main's part of a finished job; a throw turns the job into a failure. */
  finish(kind: JobKind, input: Record<string, unknown>, result: unknown): Promise<void> | void
  /** Folders a job may write temporaries into. */
  scratchFolders(): string[]
}

const TEMPORARY = /(\.partial|\.tmp)$/
const CRASHED = 'The job stopped unexpectedly. Nothing was saved, and the app keeps working; try again.'

interface Running {
  state: JobState
  cancel(): void
}

const namesIn = (folder: string): Set<string> => {
  try {
    return new Set(readdirSync(folder))
  } catch {
    return new Set()
  }
}

export function createJobRunner(options: JobRunnerOptions) {
  const jobs = new Map<string, Running>()
  const lastOfKind = new Map<JobKind, JobState>()

  const running = (kind: JobKind) => [...jobs.values()].find((j) => j.state.kind === kind && j.state.state === 'running')

  function start(kind: JobKind, input: Record<string, unknown>): { jobId: string } {
    if (running(kind)) throw conflict(`${JOB_LABELS[kind]} is already running. Wait for it to finish or cancel it.`)
    const target = options.target()
    if (!target) throw conflict('The practice database is not open.')
    const jobId = randomUUID()
    const before = new Map(options.scratchFolders().map((f) => [f, namesIn(f)]))
    const state: JobState = { jobId, kind, state: 'running', progress: { done: 0, total: 1, message: 'Starting' }, result: null, message: null }
    const worker = options.spawn()
    let ended = false

    const removeTemporaries = () => {
      for (const [folder, names] of before) {
        for (const name of namesIn(folder)) if (!names.has(name) && TEMPORARY.test(name)) rmSync(join(folder, name), { recursive: true, force: true })
      }
    }
    const end = (event: JobEvent) => {
      if (ended) return
      ended = true
      if (event.type === 'done') Object.assign(state, { state: 'done', result: event.result, progress: { ...state.progress, done: state.progress.total } })
      else if (event.type === 'failed') Object.assign(state, { state: 'failed', message: event.message })
      else if (event.type === 'cancelled') state.state = 'cancelled'
      if (event.type !== 'done') removeTemporaries()
      jobs.delete(jobId)
      lastOfKind.set(kind, state)
      worker.kill()
      options.emit(event)
    }
    const progress = (p: JobProgress) => {
      // Monotonic whatever the worker says: a bar never moves back.
      if (ended || p.done < state.progress.done) return
      state.progress = { ...p, done: Math.min(p.done, p.total) }
      options.emit({ type: 'progress', jobId, kind, progress: state.progress })
    }

    worker.onMessage((message: FromWorker) => {
      if (message.type === 'progress') return progress(message.progress)
      if (message.type === 'cancelled') return end({ type: 'cancelled', jobId, kind })
      if (message.type === 'failed') return end({ type: 'failed', jobId, kind, message: message.message })
      const result = jobResults[kind].safeParse(message.result)
      if (!result.success) return end({ type: 'failed', jobId, kind, message: 'The job produced an unexpected answer. Nothing was changed; try again.' })
      Promise.resolve()
        .then(() => options.finish(kind, input, result.data))
        .then(
          () => end({ type: 'done', jobId, kind, result: result.data }),
          () => end({ type: 'failed', jobId, kind, message: 'The job finished but could not be recorded. Try again.' })
        )
    })
    let cancelling = false
    // Gone before its end message: killed on cancel, or crashed. Its files are cleaned up only now, when it can write no more.
    worker.onExit(() => end(cancelling ? { type: 'cancelled', jobId, kind } : { type: 'failed', jobId, kind, message: CRASHED }))

    jobs.set(jobId, {
      state,
      cancel: () => {
        cancelling = true
        worker.send({ type: 'cancel' })
        // A task busy in one long step cannot read its port: then stop the worker outright.
        setTimeout(() => ended || worker.kill(), 250).unref()
      }
    })
    worker.send({ type: 'start', jobId, kind, input, ...target })
    options.emit({ type: 'progress', jobId, kind, progress: state.progress })
    return { jobId }
  }

  return {
    start,
    cancel(jobId: string): { cancelled: boolean } {
      const job = jobs.get(jobId)
      if (!job) {
        if ([...lastOfKind.values()].some((s) => s.jobId === jobId)) return { cancelled: false }
        throw notFound('That job')
      }
      job.cancel()
      return { cancelled: true }
    },
    list(): JobState[] {
      return [...Array.from(jobs.values(), (j) => j.state), ...lastOfKind.values()].map((s) => ({ ...s, progress: { ...s.progress } }))
    },
    /** Stops every job (sign-out, restore, quit): their temporaries are removed. */
    stopAll(): void {
      for (const job of jobs.values()) job.cancel()
    }
  }
}
export type JobRunner = ReturnType<typeof createJobRunner>
