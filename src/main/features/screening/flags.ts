/**
 * Contraindication flags: every checklist item whose current answer is "yes", shown on the dosing
 * note, when a course starts and when a dosing session is booked, each to be acknowledged by a
 * clinician there (append-only, with who and when). A dosing note cannot be signed before its
 * flags are acknowledged on it; a newer "yes" answer needs a new acknowledgement.
 */
import type { ContraindicationContext, ContraindicationFlag } from '@shared/contracts/screening'
import { SCREENING_ITEMS, type ScreeningItemKey } from '@shared/domain/screening'
import type { ServiceContext } from '../../context'
import { invalid, notFound } from '../../errors'
import type { UsersService } from '../users/service'
import { createFlagsRepository } from './flags-repository'

export const UNKNOWN_FLAG_MESSAGE = 'That flag is no longer current. Reload to see the screening as it is now.'

export function createContraindicationFlagsService(ctx: ServiceContext, deps: { users: UsersService }) {
  const repo = createFlagsRepository(ctx.db, ctx.sqlite)

  const requireContext = (clientId: string, context: ContraindicationContext) => {
    if (repo.clientOf(context) !== clientId) throw notFound(`That ${context.kind}`)
  }

  const flags = (clientId: string, context?: ContraindicationContext): ContraindicationFlag[] => {
    const acks = context ? new Map(repo.acks(context).map((a) => [a.screeningItemId, a])) : new Map()
    return repo.currentYes(clientId).map((row) => {
      const ack = acks.get(row.id)
      return {
        screeningItemId: row.id,
        itemKey: row.itemKey as ScreeningItemKey,
        label: SCREENING_ITEMS[row.itemKey as ScreeningItemKey] ?? row.itemKey,
        note: row.note,
        reviewedBy: row.reviewedBy,
        reviewedOn: row.reviewedOn,
        acknowledgement: ack ? { byName: ack.acknowledgedByName, at: ack.acknowledgedAt } : null
      }
    })
  }

  return {
    flags(clientId: string, context?: ContraindicationContext): ContraindicationFlag[] {
      if (context) requireContext(clientId, context)
      return flags(clientId, context)
    },

    acknowledge(clientId: string, context: ContraindicationContext, screeningItemIds: readonly string[]): ContraindicationFlag[] {
      requireContext(clientId, context)
      const current = flags(clientId, context)
      const byId = new Map(current.map((f) => [f.screeningItemId, f]))
      if (screeningItemIds.some((id) => !byId.has(id))) throw invalid(UNKNOWN_FLAG_MESSAGE, { screeningItemIds: UNKNOWN_FLAG_MESSAGE })
      const actor = ctx.actor()
      const user = actor.id ? deps.users.get(actor.id) : null
      const now = ctx.now().toISOString()
      for (const id of new Set(screeningItemIds)) {
        const flag = byId.get(id)!
        if (flag.acknowledgement) continue
        repo.insert({
          id: ctx.newId(),
          clientId,
          itemKey: flag.itemKey,
          screeningItemId: id,
          context: context.kind,
          contextId: context.id,
          acknowledgedByUserId: actor.id,
          acknowledgedByName: user ? (user.credentials ? `${user.displayName}, ${user.credentials}` : user.displayName) : actor.label,
          acknowledgedAt: now
        })
      }
      return flags(clientId, context)
    },

    /** The flags not yet acknowledged in `context` (for signing). */
    unacknowledged: (clientId: string, context: ContraindicationContext) => flags(clientId, context).filter((f) => f.acknowledgement === null)
  }
}
export type ContraindicationFlagsService = ReturnType<typeof createContraindicationFlagsService>
