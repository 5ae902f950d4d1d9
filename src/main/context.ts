import { randomUUID } from 'node:crypto'
import type { Connection } from './db/connection'

/** What every service needs: the database, a clock and an ID source (fixed in tests). */
export interface ServiceContext extends Pick<Connection, 'db' | 'sqlite'> {
  now: () => Date
  newId: () => string
}

export const createContext = (connection: Connection, overrides: Partial<Pick<ServiceContext, 'now' | 'newId'>> = {}): ServiceContext => ({
  db: connection.db,
  sqlite: connection.sqlite,
  now: overrides.now ?? (() => new Date()),
  newId: overrides.newId ?? randomUUID
})
