import type { z } from 'zod'
import type { AppError, Result } from '@shared/contracts'
import { AppFailure, fieldErrors } from '../errors'
import type { Logger } from '../log'
import type { AuditedCall } from '../features/audit/service'
import type { Actor } from '../context'
import { authorize } from './authorize'
import type { Router } from './router'

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

/** Every call (true), none, or decided by who is calling. */
export type OutputValidation = boolean | ((actor: Actor) => boolean)

export const validatesOutput = (setting: OutputValidation | undefined, actor: Actor): boolean =>
  typeof setting === 'function' ? setting(actor) : setting === true

/**
 * The installed app checks the administrator's answers: output contracts are strict objects, so
 * a clinical field leaking into a billing read is refused rather than shown ("minimum necessary").
 * Unpackaged runs check everything.
 */
export const productionOutputValidation = (isPackaged: boolean): OutputValidation =>
  isPackaged ? (actor) => actor.role === 'administrator' : true

const invalidInput = (error: z.ZodError): AppError => ({
  code: 'invalid_input',
  message: 'Some fields need attention. Nothing was saved.',
  fields: fieldErrors(error)
})

/**
 * The one path from a channel and untrusted input to a result envelope: validate, call the
 * handler, map failures. Nothing thrown ever reaches the renderer as a stack trace.
 */
export async function dispatch(router: Router, channel: string, rawInput: unknown, options: DispatchOptions): Promise<Result<unknown>> {
  const route = router.get(channel)
  if (!route) return { ok: false, error: { code: 'not_found', message: 'That action is not available.' } }
  const actor = options.actor()
  const refused = authorize(route.contract, actor)
  if (refused) return { ok: false, error: refused }
  const parsed = route.contract.input.safeParse(rawInput ?? {})
  if (!parsed.success) return { ok: false, error: invalidInput(parsed.error) }
  try {
    const intent = route.contract.audit
    let value: unknown
    if (route.contract.outsideTransaction) {
      value = await route.handler(parsed.data)
      if (intent) options.transaction(() => options.audit({ channel, intent, input: parsed.data, output: value }))
    } else {
      value = await options.transaction(() => {
        const output = route.handler(parsed.data)
        if (intent) options.audit({ channel, intent, input: parsed.data, output })
        return output
      })
    }
    if (validatesOutput(options.validateOutput, actor)) {
      const out = route.contract.output.safeParse(value)
      if (!out.success) {
        options.logger.error('ipc.output_invalid', { channel, paths: out.error.issues.map((i) => i.path.join('.')).join(',') })
        return { ok: false, error: { code: 'internal', message: 'The app produced an unexpected answer. Please reload and check the record.' } }
      }
    }
    return { ok: true, value }
  } catch (err) {
    if (err instanceof AppFailure) return { ok: false, error: err.toError() }
    // Unknown failures are logged by kind only: their messages may quote stored values.
    const e = err as { name?: string; code?: string }
    options.logger.error('ipc.handler_failed', { channel, name: e?.name ?? 'unknown', code: e?.code ?? null })
    return { ok: false, error: { code: 'internal', message: 'Something went wrong and nothing was changed. Please try again.' } }
  }
}
