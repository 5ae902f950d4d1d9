import type { AppError, Contract } from '@shared/contracts'
import { FORBIDDEN_MESSAGE, SIGN_IN_MESSAGE } from '../errors'
import type { Actor } from '../context'

/**
 * Whether `actor` may make the call, checked in main before the input is even parsed: hiding a
 * button is not access control. null = allowed.
 */
export function authorize(contract: Pick<Contract, 'roles'>, actor: Actor): AppError | null {
  if (contract.roles === 'public') return null
  if (!actor.role) return { code: 'locked', message: SIGN_IN_MESSAGE }
  if (!contract.roles.includes(actor.role)) return { code: 'forbidden', message: FORBIDDEN_MESSAGE }
  return null
}
