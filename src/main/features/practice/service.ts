import type { z } from 'zod'
import type { Practice, practiceInput } from '@shared/contracts/practice'
import type { ServiceContext } from '../../context'
import { createPracticeRepository, type PracticeRow } from './repository'

const toPractice = ({ id: _id, createdAt: _c, ...rest }: PracticeRow): Practice => rest as Practice

export function createPracticeService(ctx: ServiceContext) {
  const repo = createPracticeRepository(ctx.db)
  return {
    get(): Practice | null {
      const row = repo.get()
      return row ? toPractice(row) : null
    },
    save(values: z.output<typeof practiceInput>): Practice {
      const now = ctx.now().toISOString()
      // The schema guarantees these; the refine() that makes them required does not narrow the type.
      repo.upsert({ ...values, postalCode: values.postalCode!, phone: values.phone!, updatedAt: now }, now)
      return toPractice(repo.get()!)
    }
  }
}
export type PracticeService = ReturnType<typeof createPracticeService>
