import { randomUUID } from 'node:crypto'
import type { Role } from '@shared/domain/roles'
import type { Connection } from './db/connection'

/**
 * Who is acting: the signed-in user as the audit log records them, and their role, which
 * dispatch checks against each contract's `roles`. `role: null` is nobody (signed out or locked).
 */
export interface Actor {
  id: string | null
  label: string
  role: Role | null
}
/**
 * The practice's own hand: scripts and tests that open the core directly, with no sign-in.
 * The app never uses it: its host passes the signed-in user (src/main/startup.ts).
 */
export const LOCAL_ACTOR: Actor = { id: null, label: 'local', role: 'owner' }
export const NOBODY: Actor = { id: null, label: 'nobody', role: null }

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
