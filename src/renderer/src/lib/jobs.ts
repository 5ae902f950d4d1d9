/**
 * Long work as a mutation: `useJob(kind)` starts a job in main's worker (jobs:start), follows its
 * `jobs:progress` events (validated against the contract: a malformed event is ignored) and
 * resolves with the job's result, or rejects with its readable error. `cancel()` stops it; a
 * cancelled job rejects with JobCancelledError, which forms treat as no error at all.
 */
import { useCallback, useRef, useState } from 'react'
import { useMutation } from '@tanstack/react-query'
import { jobEvent, type JobEvent, type JobKind, type JobProgress, type JobResult, type JobStartInput } from '@shared/contracts/jobs'
import { api, ApiError, unwrap } from './api'

export class JobCancelledError extends Error {
  constructor() {
    super('Cancelled. Nothing was written.')
    this.name = 'JobCancelledError'
  }
}

type InputOf<K extends JobKind> = Omit<Extract<JobStartInput, { kind: K }>, 'kind'>

/** Subscribes before starting, so no early event is missed; settles on the job's end event. */
function runJob<K extends JobKind>(kind: K, input: InputOf<K>, onStart: (jobId: string) => void, onProgress: (p: JobProgress) => void): Promise<JobResult<K>> {
  return new Promise((resolve, reject) => {
    let jobId: string | null = null
    const early: JobEvent[] = []
    const handle = (event: JobEvent) => {
      if (event.jobId !== jobId) return
      if (event.type === 'progress') return onProgress(event.progress)
      unsubscribe()
      if (event.type === 'done') resolve(event.result as JobResult<K>)
      else if (event.type === 'cancelled') reject(new JobCancelledError())
      else reject(new ApiError({ code: 'internal', message: event.message }))
    }
    const unsubscribe = api().jobs.onProgress((payload) => {
      const parsed = jobEvent.safeParse(payload)
      if (!parsed.success) return
      if (jobId === null) early.push(parsed.data)
      else handle(parsed.data)
    })
    unwrap(api().jobs.start({ kind, ...input } as JobStartInput)).then(
      (started) => {
        jobId = started.jobId
        onStart(started.jobId)
        for (const event of early.splice(0)) handle(event)
      },
      (error: unknown) => {
        unsubscribe()
        reject(error)
      }
    )
  })
}

export function useJob<K extends JobKind>(kind: K, options: { onSuccess?: (result: JobResult<K>) => void } = {}) {
  const [progress, setProgress] = useState<JobProgress | null>(null)
  const jobId = useRef<string | null>(null)
  const mutation = useMutation<JobResult<K>, Error, InputOf<K>>({
    mutationFn: (input) => {
      setProgress({ done: 0, total: 1, message: 'Starting' })
      return runJob(kind, input, (id) => (jobId.current = id), setProgress).finally(() => {
        jobId.current = null
        setProgress(null)
      })
    },
    onSuccess: options.onSuccess
  })
  const cancel = useCallback(() => {
    if (jobId.current) void unwrap(api().jobs.cancel({ jobId: jobId.current })).catch(() => undefined)
  }, [])
  /** The error to show: none for a cancel, which the progress bar's Cancel asked for. */
  const error = mutation.error instanceof JobCancelledError ? null : mutation.error
  return { ...mutation, error, cancelled: mutation.error instanceof JobCancelledError, progress, cancel }
}
export type JobHandle = ReturnType<typeof useJob>
