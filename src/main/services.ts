import type { ServiceContext } from './context'
import { defaultMigrationsFolder } from './paths'
import { fontsFolderBeside } from './pdf/fonts'
import { createAuditService } from './features/audit/service'
import { createBillingService } from './features/billing/service'
import { createSuperbillService } from './features/billing/superbill'
import { toCsv } from './features/exports/csv'
import { createClientsService } from './features/clients/service'
import { createConsentsService } from './features/consents/service'
import { createCourseScheduleService } from './features/courses/schedule'
import { createCoursesService } from './features/courses/service'
import { createDashboardService } from './features/dashboard/service'
import { createDiagnosesService } from './features/diagnoses/service'
import { createGfeService } from './features/documents/gfe'
import { createDocumentsService } from './features/documents/service'
import { createStatementService } from './features/documents/statement'
import { createExportsService, type ExportsOptions } from './features/exports/service'
import { createInsuranceService } from './features/insurance/service'
import { createMeasuresService } from './features/measures/service'
import { createNotePrintService } from './features/notes/print'
import { createNotesService } from './features/notes/service'
import { createPracticeService } from './features/practice/service'
import { createRemindersService } from './features/reminders/service'
import { createContraindicationFlagsService } from './features/screening/flags'
import { createScreeningService } from './features/screening/service'
import { createSeriesService } from './features/series/service'
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
  const migrationsFolder = options.exports?.migrationsFolder ?? defaultMigrationsFolder()
  const audit = createAuditService(ctx, { migrationsFolder })
  const contraindications = createContraindicationFlagsService(ctx, { users })
  const notes = createNotesService(ctx, { sessions, settings, users, audit, contraindications })
  const measures = createMeasuresService(ctx, clients, users)
  const exports = createExportsService(ctx, { clients, insurance, diagnoses, screening, consents, practice, sessions, courses, notes, measures }, options.exports)
  const billing = createBillingService(ctx, { sessions, notes, audit, writeCsv: exports.writeCsv, toCsv: (columns, rows) => toCsv(columns, rows) })
  const fontsFolder = options.fontsFolder ?? fontsFolderBeside(migrationsFolder)
  const documents = createDocumentsService(ctx, { writeDocument: exports.writeDocument, fontsFolder })
  const superbills = createSuperbillService(ctx, { billing, clients, insurance, diagnoses, practice, documents })
  const statements = createStatementService(ctx, { billing, clients, practice, documents })
  const estimates = createGfeService(ctx, { billing, clients, courses, sessions, insurance, diagnoses, practice, documents })
  const reminders = createRemindersService(ctx, { clients, sessions, practice, writeDocument: exports.writeDocument, fontsFolder })
  const notePrints = createNotePrintService(ctx, { notes, sessions, clients, practice, writeDocument: exports.writeDocument, fontsFolder })
  return {
    clients,
    insurance,
    diagnoses,
    screening,
    contraindications,
    consents,
    practice,
    sessions,
    series: createSeriesService(ctx, { sessions }),
    courses,
    courseSchedule: createCourseScheduleService(ctx, { courses, sessions }),
    notes,
    notePrints,
    measures,
    dashboard: createDashboardService(ctx, { sessions, notes, measures }),
    settings,
    users,
    audit,
    exports,
    billing,
    documents,
    superbills,
    estimates,
    statements,
    reminders
  }
}
export type Services = ReturnType<typeof createServices>
