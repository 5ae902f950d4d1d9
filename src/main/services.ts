import type { ServiceContext } from './context'
import { createAuditService } from './features/audit/service'
import { createClientsService } from './features/clients/service'
import { createConsentsService } from './features/consents/service'
import { createDiagnosesService } from './features/diagnoses/service'
import { createInsuranceService } from './features/insurance/service'
import { createPracticeService } from './features/practice/service'
import { createScreeningService } from './features/screening/service'

/** Every service over one database; built once at startup (and once per test database). */
export function createServices(ctx: ServiceContext) {
  const clients = createClientsService(ctx)
  return {
    clients,
    insurance: createInsuranceService(ctx, clients),
    diagnoses: createDiagnosesService(ctx, clients),
    screening: createScreeningService(ctx, clients),
    consents: createConsentsService(ctx, clients),
    practice: createPracticeService(ctx),
    audit: createAuditService(ctx)
  }
}
export type Services = ReturnType<typeof createServices>
