import { eq } from 'drizzle-orm'
import type { z } from 'zod'
import type { PracticeSettings, practiceSettingsInput } from '@shared/contracts/settings'
import { DEFAULT_VITAL_THRESHOLDS, vitalThresholdsSchema, type VitalThresholds } from '@shared/domain/vitals'
import type { ServiceContext } from '../../context'
import { settings } from '../../db/schema'

const SETTINGS_ID = 'practice'
export const DEFAULT_IDLE_LOCK_MINUTES = 10

/** Stored thresholds, or the defaults when none were saved (or the stored JSON no longer parses). */
function thresholdsOf(json: string | null | undefined): VitalThresholds | null {
  if (!json) return null
  try {
    const parsed = vitalThresholdsSchema.safeParse(JSON.parse(json))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

/** Practice-wide settings: one row, created with the defaults on first save. */
export function createSettingsService(ctx: ServiceContext) {
  const row = () => ctx.db.select().from(settings).where(eq(settings.id, SETTINGS_ID)).get()
  return {
    get(): PracticeSettings {
      const r = row()
      const stored = thresholdsOf(r?.vitalThresholds)
      return {
        idleLockMinutes: r?.idleLockMinutes ?? DEFAULT_IDLE_LOCK_MINUTES,
        vitalThresholds: stored ?? { ...DEFAULT_VITAL_THRESHOLDS },
        vitalThresholdsAreDefault: stored === null,
        updatedAt: r?.updatedAt ?? null
      }
    },
    /** The thresholds dosing notes are flagged against. */
    vitalThresholds(): VitalThresholds {
      return thresholdsOf(row()?.vitalThresholds) ?? DEFAULT_VITAL_THRESHOLDS
    },
    save(values: z.output<typeof practiceSettingsInput>): PracticeSettings {
      const updatedAt = ctx.now().toISOString()
      const { vitalThresholds, ...rest } = values
      const set = { ...rest, ...(vitalThresholds !== undefined ? { vitalThresholds: vitalThresholds ? JSON.stringify(vitalThresholds) : null } : {}), updatedAt }
      ctx.db
        .insert(settings)
        .values({ id: SETTINGS_ID, ...set })
        .onConflictDoUpdate({ target: settings.id, set })
        .run()
      return this.get()
    }
  }
}
export type SettingsService = ReturnType<typeof createSettingsService>
