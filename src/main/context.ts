import { randomUUID } from 'node:crypto'
import type { Connection } from './db/connection'

/**
 * Who is acting, as the audit log records it. Before users exist every call is the practice's
 * own ('local', no ID); sign-in will set the user here.
 */
export interface Actor {
  id: string | null
  label: string
}
export const LOCAL_ACTOR: Actor = { id: null, label: 'local' }

/** What every service needs: the database, a clock, an ID source (fixed in tests) and the actor. */
export interface ServiceContext extends Pick<Connection, 'db' | 'sqlite'> {
  now: () => Date
  newId: () => string
  /** Read at each audited call, so a sign-in can change it without rebuilding the services. */
  actor: () => Actor
}

export type ContextOverrides = Partial<Pick<ServiceContext, 'now' | 'newId' | 'actor'>>

export const createContext = (connection: Connection, overrides: ContextOverrides = {}): ServiceContext => ({
  db: connection.db,
  sqlite: connection.sqlite,
  now: overrides.now ?? (() => new Date()),
  newId: overrides.newId ?? randomUUID,
  actor: overrides.actor ?? (() => LOCAL_ACTOR)
})
