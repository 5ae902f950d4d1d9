import type { Result } from '@shared/contracts'
import type { Logger } from '../log'
import type { AuditedCall } from '../features/audit/service'
import type { Actor } from '../context'
import type { Router } from './router'
import { runRoute, type OutputValidation } from './run-route'

export { validatesOutput, type OutputValidation } from './run-route'

export interface DispatchOptions {
  /** Runs the handler in one SQLite transaction, so a failed write changes nothing. */
  transaction: <T>(fn: () => T) => T
  /**
   * Appends the audit entry a contract declares (`contract.audit`) after its handler succeeds,
   * inside the same transaction: a failed write leaves no entry, and a failed entry undoes the write.
   */
  audit: (call: AuditedCall) => void
  logger: Logger
  /** Who is calling: checked against the contract's roles before anything else. */
  actor: () => Actor
  /** Tests and the e2e harness check every output against its contract too; production, the administrator's. */
  validateOutput?: OutputValidation
}

/**
 * The installed app checks the administrator's answers: output contracts are strict objects, so
 * a clinical field leaking into a billing read is refused rather than shown ("minimum necessary").
 * Unpackaged runs check everything.
 */
export const productionOutputValidation = (isPackaged: boolean): OutputValidation =>
  isPackaged ? (actor) => actor.role === 'administrator' : true

/**
 * The one path from a channel and untrusted input to a result envelope for the practice router:
 * the handler runs in one SQLite transaction with its audit entry (see runRoute for the rest).
 */
export async function dispatch(router: Router, channel: string, rawInput: unknown, options: DispatchOptions): Promise<Result<unknown>> {
  const route = router.get(channel)
  if (!route) return { ok: false, error: { code: 'not_found', message: 'That action is not available.' } }
  const intent = route.contract.audit
  const handle = async (input: unknown) => {
    if (route.contract.outsideTransaction) {
      const value = await route.handler(input)
      if (intent) options.transaction(() => options.audit({ channel, intent, input, output: value }))
      return value
    }
    return options.transaction(() => {
      const output = route.handler(input)
      if (intent) options.audit({ channel, intent, input, output })
      return output
    })
  }
  return runRoute(route.contract, rawInput, handle, {
    actor: options.actor(),
    logger: options.logger,
    validateOutput: options.validateOutput,
    invalidMessage: 'Some fields need attention. Nothing was saved.',
    events: { outputInvalid: 'ipc.output_invalid', failed: 'ipc.handler_failed' },
    messages: {
      unexpectedAnswer: 'The app produced an unexpected answer. Please reload and check the record.',
      failed: 'Something went wrong and nothing was changed. Please try again.'
    }
  })
}
