/**
 * The channels the host answers itself (recovery, backups, jobs, auth, users, and the encrypted
 * archive import), each run by the one route runner, one at a time: a double click never
 * restores twice or signs in twice.
 */
import type { AppError, Contract, Result } from '@shared/contracts'
import { contracts } from '@shared/contracts'
import { BackupError } from '../backup/sqlite-file'
import type { Actor } from '../context'
import { runRoute, type OutputValidation } from '../ipc/run-route'
import type { Logger } from '../log'
import { WrongKeyError } from '../security/errors'
import { BACKUP_FAILURE_MESSAGES } from './types'

export interface HostRoute {
  contract: Contract
  handler: (input: never) => Promise<unknown>
}

/** Binds a domain's contracts to its handlers; a contract without one is a start-up error. */
export function routesOf(group: Record<string, Contract>, handlers: Record<string, (input: never) => Promise<unknown>>): HostRoute[] {
  return Object.entries(group).map(([verb, contract]) => {
    const handler = handlers[verb]
    if (!handler) throw new Error(`No host handler for ${contract.channel}`)
    return { contract, handler }
  })
}

const BACKUP_CHANNELS = new Set([...Object.values(contracts.recovery), ...Object.values(contracts.backups)].map((c) => c.channel))

/** The failures only the host meets, in words: a refused backup, a wrong key. */
function hostFailure(logger: Logger, channel: string) {
  return (err: unknown): AppError | null => {
    if (err instanceof WrongKeyError) return { code: 'invalid_input', message: err.message }
    if (err instanceof BackupError) {
      logger.error('recovery.failed', { channel, code: err.code })
      return BACKUP_FAILURE_MESSAGES[err.code] ?? { code: 'internal', message: 'The backup could not be restored. Nothing was changed.' }
    }
    return null
  }
}

export function createHostRunner(options: { actor(): Actor; logger: Logger; validateOutput?: OutputValidation }) {
  let queue: Promise<unknown> = Promise.resolve()
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const result = queue.then(task, task)
    queue = result.catch(() => undefined)
    return result
  }
  return (route: HostRoute, rawInput: unknown): Promise<Result<unknown>> =>
    runRoute(route.contract, rawInput, (input) => serial(() => route.handler(input as never)), {
      actor: options.actor(),
      logger: options.logger,
      validateOutput: options.validateOutput,
      invalidMessage: BACKUP_CHANNELS.has(route.contract.channel) ? 'Choose a backup from the list.' : 'Some fields need attention. Nothing was saved.',
      events: { outputInvalid: 'recovery.output_invalid', failed: 'recovery.failed' },
      messages: { unexpectedAnswer: 'The app produced an unexpected answer. Please try again.', failed: 'Something went wrong. Your data has not been changed. Please try again.' },
      describeFailure: hostFailure(options.logger, route.contract.channel)
    })
}
