import { resolve } from 'node:path'
import type { ServiceContext } from './context'
import { fontsFolderBeside } from './pdf/fonts'
import { createAuditService } from './features/audit/service'
import { createBillingService } from './features/billing/service'
import { createSuperbillService } from './features/billing/superbill'
import { toCsv } from './features/exports/csv'
import { createClientsService } from './features/clients/service'
import { createConsentsService } from './features/consents/service'
import { createCoursesService } from './features/courses/service'
import { createDashboardService } from './features/dashboard/service'
import { createDiagnosesService } from './features/diagnoses/service'
import { createExportsService, type ExportsOptions } from './features/exports/service'
import { createInsuranceService } from './features/insurance/service'
import { createMeasuresService } from './features/measures/service'
import { createNotePrintService } from './features/notes/print'
import { createNotesService } from './features/notes/service'
import { createPracticeService } from './features/practice/service'
import { createContraindicationFlagsService } from './features/screening/flags'
import { createScreeningService } from './features/screening/service'
import { createSessionsService } from './features/sessions/service'
import { createSettingsService } from './features/settings/service'
import { createUsersService } from './features/users/service'

export interface ServicesOptions {
  /** Where exports are written and what an import replaces. */
  exports?: ExportsOptions
  /** The PDF fonts (resources/fonts); defaults to the one beside the migrations. */
  fontsFolder?: string
}

/** Every service over one database; built once at startup (and once per test database). */
export function createServices(ctx: ServiceContext, options: ServicesOptions = {}) {
  const clients = createClientsService(ctx)
  const insurance = createInsuranceService(ctx, clients)
  const diagnoses = createDiagnosesService(ctx, clients)
  const screening = createScreeningService(ctx, clients)
  const consents = createConsentsService(ctx, clients)
  const practice = createPracticeService(ctx)
  const settings = createSettingsService(ctx)
  const users = createUsersService(ctx)
  const courses = createCoursesService(ctx, clients)
  const sessions = createSessionsService(ctx, courses)
  const contraindications = createContraindicationFlagsService(ctx, { users })
  const notes = createNotesService(ctx, { sessions, settings, users, contraindications })
  const measures = createMeasuresService(ctx, clients, users)
  const audit = createAuditService(ctx)
  const exports = createExportsService(ctx, { clients, insurance, diagnoses, screening, consents, practice, sessions, courses, notes, measures }, options.exports)
  const billing = createBillingService(ctx, { sessions, notes, audit, writeCsv: exports.writeCsv, toCsv: (columns, rows) => toCsv(columns, rows) })
  const fontsFolder = options.fontsFolder ?? fontsFolderBeside(options.exports?.migrationsFolder ?? resolve(process.cwd(), 'drizzle'))
  const notePrints = createNotePrintService(ctx, { notes, sessions, clients, practice, writeDocument: exports.writeDocument, fontsFolder })
  const superbills = createSuperbillService(ctx, {
    billing,
    clients,
    insurance,
    diagnoses,
    practice,
    writeDocument: exports.writeDocument,
    fontsFolder
  })
  return {
    clients,
    insurance,
    diagnoses,
    screening,
    contraindications,
    consents,
    practice,
    sessions,
    courses,
    notes,
    notePrints,
    measures,
    dashboard: createDashboardService(ctx, { sessions, notes, measures }),
    settings,
    users,
    audit,
    exports,
    billing,
    superbills
  }
}
export type Services = ReturnType<typeof createServices>
