/**
 * What each kind of job does, run inside the worker on its own connection. Tasks read the
 * database and write only files (to a temporary name, renamed at the end); anything the database
 * must record (an audit entry, retention of old backups) main does when the job reports done.
 */
import type { JobKind, JobProgress } from '@shared/contracts/jobs'
import type { Connection } from '../db/connection'
import { createBackup } from '../backup'
import type { Services } from '../services'
import type { JobOrder } from './protocol'

export class JobCancelled extends Error {
  constructor() {
    super('cancelled')
  }
}

export interface TaskContext {
  connection: Connection
  services: Services
  order: JobOrder
  report(progress: JobProgress): void
  /** Lets the worker read its port (a cancel) between steps; throws JobCancelled once cancelled. */
  checkpoint(): Promise<void>
}

/** Runs `work` in one read transaction, so a job that yields between steps still sees one state. */
async function inReadTransaction<T>(connection: Connection, work: () => Promise<T>): Promise<T> {
  connection.sqlite.exec('BEGIN')
  try {
    const result = await work()
    connection.sqlite.exec('COMMIT')
    return result
  } catch (err) {
    if (connection.sqlite.inTransaction) connection.sqlite.exec('ROLLBACK')
    throw err
  }
}

export const TASKS: Record<JobKind, (t: TaskContext) => Promise<unknown>> = {
  async backup({ connection, order, report }) {
    report({ done: 0, total: 2, message: 'Copying the database' })
    const entry = await createBackup(connection.sqlite, order.backupDir, { now: new Date(), reason: 'manual', key: connection.key ?? undefined })
    report({ done: 2, total: 2, message: 'Backup made and checked' })
    return { fileName: entry.fileName, createdAt: entry.createdAt.toISOString(), reason: entry.reason, bytes: entry.bytes }
  },

  custodianExport: ({ connection, services, report, checkpoint }) =>
    inReadTransaction(connection, async () => {
      const steps = services.exports.custodianSteps()
      for (let step = steps.next(); ; step = steps.next()) {
        if (step.done) return step.value
        report({ done: step.value.done, total: step.value.total, message: `${step.value.done} of ${step.value.total - 1} client records written` })
        await checkpoint()
      }
    }),

  async archiveExport({ connection, services, order, report }) {
    report({ done: 0, total: 1, message: 'Compressing and encrypting the practice' })
    const result = connection.sqlite.transaction(() => services.exports.archive(String(order.input.passphrase)))()
    report({ done: 1, total: 1, message: 'Archive written' })
    return result
  },

  async auditVerify({ connection, services, report }) {
    report({ done: 0, total: 1, message: 'Checking every entry of the audit log' })
    const result = connection.sqlite.transaction(() => services.audit.verify())()
    report({ done: 1, total: 1, message: 'Audit log checked' })
    return result
  }
}
