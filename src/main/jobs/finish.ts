/**
 * What main does when a job's worker reports done: the writes only main makes (one writer). The
 * exports are audited exactly as their direct calls are (same channel and intent, so the audit
 * log reads the same whichever way they ran); a backup prunes old backups.
 */
import { contracts, type Contract } from '@shared/contracts'
import type { JobKind, JobResult } from '@shared/contracts/jobs'
import type { AppCore } from '../app'
import { applyRetention } from '../backup'
import type { Logger } from '../log'

type Finisher<K extends JobKind> = (core: AppCore, input: Record<string, unknown>, result: JobResult<K>) => Promise<void> | void

/** Appends the audit entry `contract` declares, in a transaction of its own. */
const auditAs = (contract: Contract) => (core: AppCore, _input: Record<string, unknown>, output: unknown) => {
  const intent = contract.audit
  if (!intent) return
  // The input is not passed on: an archive's passphrase has no place near the log.
  core.connection.sqlite.transaction(() => core.services.audit.recordCall({ channel: contract.channel, intent, input: {}, output }))()
}

export function jobFinishers(deps: { backupDir: string; now: () => Date; logger: Logger }): { [K in JobKind]: Finisher<K> } {
  return {
    backup: async () => {
      const at = deps.now()
      await applyRetention(deps.backupDir, at, { utcOffsetMinutes: -at.getTimezoneOffset() })
      deps.logger.info('backups.created', { reason: 'manual' })
    },
    custodianExport: auditAs(contracts.exports.custodian),
    archiveExport: auditAs(contracts.exports.archive),
    auditVerify: () => undefined
  }
}
