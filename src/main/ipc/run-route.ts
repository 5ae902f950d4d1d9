/**
 * The one route runner: role check → safeParse → handler → (output check) → envelope. The
 * practice router's dispatch and the start-up host both call it; they differ only in how the
 * handler runs (a SQLite transaction with its audit entry, or the host's one-at-a-time queue)
 * and in the failures they can name. Nothing thrown ever reaches the renderer as a stack trace.
 */
import type { z } from 'zod'
import type { AppError, Contract, Result } from '@shared/contracts'
import type { Actor } from '../context'
import { AppFailure, fieldErrors } from '../errors'
import type { Logger } from '../log'
import { authorize } from './authorize'

/** Every call (true), none, or decided by who is calling. */
export type OutputValidation = boolean | ((actor: Actor) => boolean)

export const validatesOutput = (setting: OutputValidation | undefined, actor: Actor): boolean =>
  typeof setting === 'function' ? setting(actor) : setting === true

export interface RunRouteOptions {
  actor: Actor
  logger: Logger
  validateOutput?: OutputValidation
  /** The banner over the fields when the input is refused. */
  invalidMessage: string
  /** Log events (kind only, never values) and the words shown for an unexpected failure. */
  events: { outputInvalid: string; failed: string }
  messages: { unexpectedAnswer: string; failed: string }
  /** Failures the caller can name (a refused backup, a wrong key); null passes the error on. */
  describeFailure?(err: unknown): AppError | null
}

const refusedInput = (error: z.ZodError, message: string): AppError => ({ code: 'invalid_input', message, fields: fieldErrors(error) })

export async function runRoute(contract: Contract, rawInput: unknown, handle: (input: unknown) => unknown, options: RunRouteOptions): Promise<Result<unknown>> {
  const refused = authorize(contract, options.actor)
  if (refused) return { ok: false, error: refused }
  const parsed = contract.input.safeParse(rawInput ?? {})
  if (!parsed.success) return { ok: false, error: refusedInput(parsed.error, options.invalidMessage) }
  try {
    const value = await handle(parsed.data)
    if (validatesOutput(options.validateOutput, options.actor)) {
      const out = contract.output.safeParse(value)
      if (!out.success) {
        options.logger.error(options.events.outputInvalid, { channel: contract.channel, paths: out.error.issues.map((i) => i.path.join('.')).join(',') })
        return { ok: false, error: { code: 'internal', message: options.messages.unexpectedAnswer } }
      }
    }
    return { ok: true, value }
  } catch (err) {
    if (err instanceof AppFailure) return { ok: false, error: err.toError() }
    const named = options.describeFailure?.(err)
    if (named) return { ok: false, error: named }
    // Unknown failures are logged by kind only: their messages may quote stored values.
    const e = err as { name?: string; code?: string }
    options.logger.error(options.events.failed, { channel: contract.channel, name: e?.name ?? 'unknown', code: typeof e?.code === 'string' ? e.code : null })
    return { ok: false, error: { code: 'internal', message: options.messages.failed } }
  }
}
