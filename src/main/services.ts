import type { ServiceContext } from './context'
import { createAuditService } from './features/audit/service'
import { createClientsService } from './features/clients/service'
import { createConsentsService } from './features/consents/service'
import { createDiagnosesService } from './features/diagnoses/service'
import { createExportsService, type ExportsOptions } from './features/exports/service'
import { createInsuranceService } from './features/insurance/service'
import { createPracticeService } from './features/practice/service'
import { createScreeningService } from './features/screening/service'
import { createSettingsService } from './features/settings/service'
import { createUsersService } from './features/users/service'

export interface ServicesOptions {
  /** Where exports are written and what an import replaces. */
  exports?: ExportsOptions
}

/** Every service over one database; built once at startup (and once per test database). */
export function createServices(ctx: ServiceContext, options: ServicesOptions = {}) {
  const clients = createClientsService(ctx)
  const insurance = createInsuranceService(ctx, clients)
  const diagnoses = createDiagnosesService(ctx, clients)
  const screening = createScreeningService(ctx, clients)
  const consents = createConsentsService(ctx, clients)
  const practice = createPracticeService(ctx)
  return {
    clients,
    insurance,
    diagnoses,
    screening,
    consents,
    practice,
    settings: createSettingsService(ctx),
    users: createUsersService(ctx),
    audit: createAuditService(ctx),
    exports: createExportsService(ctx, { clients, insurance, diagnoses, screening, consents, practice }, options.exports)
  }
}
export type Services = ReturnType<typeof createServices>
