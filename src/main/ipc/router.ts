import type { z } from 'zod'
import { contracts, type Contract, type Contracts, type Domain } from '@shared/contracts'
import type { Services } from '../services'
import { auditHandlers } from '../features/audit/handlers'
import { clientsHandlers } from '../features/clients/handlers'
import { consentsHandlers } from '../features/consents/handlers'
import { diagnosesHandlers } from '../features/diagnoses/handlers'
import { insuranceHandlers } from '../features/insurance/handlers'
import { practiceHandlers } from '../features/practice/handlers'
import { screeningHandlers } from '../features/screening/handlers'

/** A domain's handlers: one per contract, taking validated input, returning the output value. */
export type Handlers<D extends Domain> = {
  [V in keyof Contracts[D]]: Contracts[D][V] extends Contract<infer I, infer O> ? (input: z.output<I>) => z.input<O> : never
}

export interface Route {
  contract: Contract
  handler: (input: unknown) => unknown
}
export type Router = Map<string, Route>

/** Binds every contract of the registry to its handler; a contract without one is a startup error. */
export function createRouter(services: Services): Router {
  const handlers: { [D in Domain]: Handlers<D> } = {
    clients: clientsHandlers(services),
    insurance: insuranceHandlers(services),
    diagnoses: diagnosesHandlers(services),
    screening: screeningHandlers(services),
    consents: consentsHandlers(services),
    practice: practiceHandlers(services),
    audit: auditHandlers(services)
  }
  const router: Router = new Map()
  for (const [domain, group] of Object.entries(contracts)) {
    for (const [verb, contract] of Object.entries(group as Record<string, Contract>)) {
      const handler = (handlers as unknown as Record<string, Record<string, Route['handler']>>)[domain]?.[verb]
      if (!handler) throw new Error(`No handler for ${contract.channel}`)
      router.set(contract.channel, { contract, handler })
    }
  }
  return router
}
