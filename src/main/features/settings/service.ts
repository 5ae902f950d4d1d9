import { eq } from 'drizzle-orm'
import type { z } from 'zod'
import type { PracticeSettings, practiceSettingsInput } from '@shared/contracts/settings'
import type { ServiceContext } from '../../context'
import { settings } from '../../db/schema'

const SETTINGS_ID = 'practice'
export const DEFAULT_IDLE_LOCK_MINUTES = 10

/** Practice-wide settings: one row, created with the defaults on first save. */
export function createSettingsService(ctx: ServiceContext) {
  const row = () => ctx.db.select().from(settings).where(eq(settings.id, SETTINGS_ID)).get()
  return {
    get(): PracticeSettings {
      const r = row()
      return { idleLockMinutes: r?.idleLockMinutes ?? DEFAULT_IDLE_LOCK_MINUTES, updatedAt: r?.updatedAt ?? null }
    },
    save(values: z.output<typeof practiceSettingsInput>): PracticeSettings {
      const updatedAt = ctx.now().toISOString()
      ctx.db
        .insert(settings)
        .values({ id: SETTINGS_ID, ...values, updatedAt })
        .onConflictDoUpdate({ target: settings.id, set: { ...values, updatedAt } })
        .run()
      return this.get()
    }
  }
}
export type SettingsService = ReturnType<typeof createSettingsService>
