import type { z } from 'zod'
import type { ScreeningItem, screeningRecordInput } from '@shared/contracts/screening'
import { SCREENING_ITEM_KEYS, type ScreeningItemKey } from '@shared/domain/screening'
import type { ServiceContext } from '../../context'
import type { ClientsService } from '../clients/service'
import { createScreeningRepository, type ScreeningRow } from './repository'

export type ScreeningValues = z.output<typeof screeningRecordInput>

const blank = (itemKey: ScreeningItemKey): ScreeningItem => ({
  itemKey,
  answer: null,
  note: null,
  reviewedBy: null,
  reviewedOn: null,
  updatedAt: null
})

const toItem = (itemKey: ScreeningItemKey, row: ScreeningRow): ScreeningItem => ({
  itemKey,
  answer: row.answer,
  note: row.note,
  reviewedBy: row.reviewedBy,
  reviewedOn: row.reviewedOn,
  updatedAt: row.createdAt
})

/** The contraindication checklist. Each new answer supersedes the last; history is never lost. */
export function createScreeningService(ctx: ServiceContext, clients: ClientsService) {
  const repo = createScreeningRepository(ctx.db)

  return {
    get(clientId: string): ScreeningItem[] {
      clients.requireExisting(clientId)
      const byKey = new Map(repo.listCurrent(clientId).map((row) => [row.itemKey, row]))
      return SCREENING_ITEM_KEYS.map((key) => {
        const row = byKey.get(key)
        return row ? toItem(key, row) : blank(key)
      })
    },

    record(clientId: string, itemKey: ScreeningItemKey, values: ScreeningValues): ScreeningItem {
      clients.requireCurrent(clientId)
      const now = ctx.now().toISOString()
      repo.supersedeCurrent(clientId, itemKey, now)
      const id = ctx.newId()
      repo.insert({ ...values, id, clientId, itemKey, supersededAt: null, createdAt: now })
      return toItem(itemKey, repo.findById(id)!)
    },

    /** The form's one Save: each answer recorded as `record` does, in the caller's transaction. */
    recordAll(
      clientId: string,
      review: Pick<ScreeningValues, 'reviewedBy' | 'reviewedOn'>,
      items: readonly (Pick<ScreeningValues, 'answer' | 'note'> & { itemKey: ScreeningItemKey })[]
    ): ScreeningItem[] {
      for (const { itemKey, answer, note } of items) this.record(clientId, itemKey, { answer, note, ...review })
      return this.get(clientId)
    }
  }
}
export type ScreeningService = ReturnType<typeof createScreeningService>
