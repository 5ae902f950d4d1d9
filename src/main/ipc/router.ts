import { contracts, HOST_DOMAINS, type Contract, type CoreDomain } from '@shared/contracts'
import type { Handlers } from './types'
import type { Services } from '../services'
import { auditHandlers } from '../features/audit/handlers'
import { billingHandlers } from '../features/billing/handlers'
import { clientsHandlers } from '../features/clients/handlers'
import { consentsHandlers } from '../features/consents/handlers'
import { coursesHandlers } from '../features/courses/handlers'
import { dashboardHandlers } from '../features/dashboard/handlers'
import { diagnosesHandlers } from '../features/diagnoses/handlers'
import { documentsHandlers } from '../features/documents/handlers'
import { exportsHandlers } from '../features/exports/handlers'
import { insuranceHandlers } from '../features/insurance/handlers'
import { measuresHandlers } from '../features/measures/handlers'
import { notesHandlers } from '../features/notes/handlers'
import { practiceHandlers } from '../features/practice/handlers'
import { screeningHandlers } from '../features/screening/handlers'
import { remindersHandlers } from '../features/reminders/handlers'
import { seriesHandlers } from '../features/series/handlers'
import { sessionsHandlers } from '../features/sessions/handlers'
import { settingsHandlers } from '../features/settings/handlers'

export interface Route {
  contract: Contract
  handler: (input: unknown) => unknown
}
export type Router = Map<string, Route>

/**
 * Binds every contract of the registry to its handler; a contract without one is a startup error.
 * The host's domains (recovery) are served by src/main/startup.ts, which works without a database.
 */
export function createRouter(services: Services): Router {
  const handlers: { [D in CoreDomain]: Handlers<D> } = {
    clients: clientsHandlers(services),
    insurance: insuranceHandlers(services),
    diagnoses: diagnosesHandlers(services),
    screening: screeningHandlers(services),
    consents: consentsHandlers(services),
    sessions: sessionsHandlers(services),
    series: seriesHandlers(services),
    reminders: remindersHandlers(services),
    courses: coursesHandlers(services),
    notes: notesHandlers(services),
    measures: measuresHandlers(services),
    dashboard: dashboardHandlers(services),
    practice: practiceHandlers(services),
    settings: settingsHandlers(services),
    audit: auditHandlers(services),
    exports: exportsHandlers(services),
    billing: billingHandlers(services),
    documents: documentsHandlers(services)
  }
  const router: Router = new Map()
  for (const [domain, group] of Object.entries(contracts)) {
    if ((HOST_DOMAINS as readonly string[]).includes(domain)) continue
    for (const [verb, contract] of Object.entries(group as Record<string, Contract>)) {
      const handler = (handlers as unknown as Record<string, Record<string, Route['handler']>>)[domain]?.[verb]
      if (!handler) throw new Error(`No handler for ${contract.channel}`)
      router.set(contract.channel, { contract, handler })
    }
  }
  return router
}
