import { z } from 'zod'
import { OWNER_ONLY } from '../domain/roles'
import { auditVerifyOutput } from './audit'
import { backupSummary } from './recovery'
import { defineContract } from './contract'
import { archiveExportOutput, archivePassphrase, custodianExportOutput } from './exports'

/**
 * Jobs: long work (a backup, the custodian export, the practice archive, audit verification) run
 * in a worker so no window freezes. `jobs:start` answers at once with a job id; progress and the
 * end arrive as `jobs:progress` events (one push channel, `api.jobs.onProgress` in the renderer);
 * `jobs:cancel` stops a job and leaves no partial file. One job of a kind runs at a time.
 */
export const JOB_KINDS = ['backup', 'custodianExport', 'archiveExport', 'auditVerify'] as const
export type JobKind = (typeof JOB_KINDS)[number]

export const JOB_LABELS: Record<JobKind, string> = {
  backup: 'Backup',
  custodianExport: 'Records export for a custodian',
  archiveExport: 'Practice archive',
  auditVerify: 'Audit log check'
}

export const jobStartInput = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('backup') }),
    z.strictObject({ kind: z.literal('custodianExport') }),
    z.strictObject({ kind: z.literal('archiveExport'), passphrase: archivePassphrase }),
    z.strictObject({ kind: z.literal('auditVerify') })
  ],
  { error: 'Choose what to run' }
)
export type JobStartInput = z.input<typeof jobStartInput>

/** What each kind hands back when it ends well. */
export const jobResults = {
  backup: backupSummary,
  custodianExport: custodianExportOutput,
  archiveExport: archiveExportOutput,
  auditVerify: auditVerifyOutput
} satisfies Record<JobKind, z.ZodType>
export type JobResult<K extends JobKind> = z.infer<(typeof jobResults)[K]>

const jobId = z.string({ error: 'Job ID is required' }).regex(/^[0-9a-f-]{36}$/, { error: 'That job is not known' })

export const jobProgress = z.strictObject({ done: z.int().min(0), total: z.int().min(1), message: z.string() })
export type JobProgress = z.infer<typeof jobProgress>

/** One event on the `jobs:progress` channel: a step forward, or the end (done, failed or cancelled). */
export const jobEvent = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('progress'), jobId: z.string(), kind: z.enum(JOB_KINDS), progress: jobProgress }),
  z.strictObject({ type: z.literal('done'), jobId: z.string(), kind: z.enum(JOB_KINDS), result: z.unknown() }),
  z.strictObject({ type: z.literal('failed'), jobId: z.string(), kind: z.enum(JOB_KINDS), message: z.string() }),
  z.strictObject({ type: z.literal('cancelled'), jobId: z.string(), kind: z.enum(JOB_KINDS) })
])
export type JobEvent = z.infer<typeof jobEvent>

export const JOB_EVENTS_CHANNEL = 'jobs:progress'

export const jobState = z.strictObject({
  jobId: z.string(),
  kind: z.enum(JOB_KINDS),
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  progress: jobProgress,
  result: z.unknown().nullable(),
  message: z.string().nullable()
})
export type JobState = z.infer<typeof jobState>

export const jobsContracts = {
  start: defineContract('jobs:start', jobStartInput, z.strictObject({ jobId: z.string() }), { roles: OWNER_ONLY }),
  cancel: defineContract('jobs:cancel', z.strictObject({ jobId }), z.strictObject({ cancelled: z.boolean() }), { roles: OWNER_ONLY }),
  /** The running jobs and the last one of each kind, so a window opened mid-job shows its bar. */
  list: defineContract('jobs:list', z.strictObject({}), z.array(jobState), { roles: OWNER_ONLY })
}
