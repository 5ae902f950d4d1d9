import type { z } from 'zod'
import type { User, userInput, userProfileInput } from '@shared/contracts/users'
import type { Role } from '@shared/domain/roles'
import type { Actor, ServiceContext } from '../../context'
import { conflict, invalid, notFound } from '../../errors'
import { createUsersRepository, type UserRow } from './repository'

export const loginKeyOf = (login: string) => login.trim().toLowerCase()

const toUser = ({ loginKey: _k, ...row }: UserRow): User => row

/** The actor the audit log and dispatch see for a signed-in user. */
export const actorOf = (user: Pick<User, 'id' | 'displayName' | 'role'>): Actor => ({ id: user.id, label: user.displayName, role: user.role })

/**
 * The practice's users, in the database. Their passphrases live in the keyring; the host
 * (src/main/startup.ts) keeps the two in step.
 */
export function createUsersService(ctx: ServiceContext) {
  const repo = createUsersRepository(ctx.db)

  const require = (id: string): UserRow => {
    const row = repo.get(id)
    if (!row) throw notFound('That user')
    return row
  }
  const activeOwners = () => repo.list(false).filter((u) => u.role === 'owner')

  return {
    get: (id: string): User | null => {
      const row = repo.get(id)
      return row ? toUser(row) : null
    },
    byLogin: (login: string): User | null => {
      const row = repo.byLoginKey(loginKeyOf(login))
      return row ? toUser(row) : null
    },
    list: (includeDeactivated = false): User[] => repo.list(includeDeactivated).map(toUser),
    count: (): number => repo.list(true).length,

    create(values: z.output<typeof userInput>, id: string = ctx.newId()): User {
      if (repo.byLoginKey(loginKeyOf(values.login))) {
        throw invalid('That user name is taken.', { 'user.login': 'That user name is already taken' })
      }
      const now = ctx.now().toISOString()
      repo.insert({ id, ...values, loginKey: loginKeyOf(values.login), deactivatedAt: null, createdAt: now, updatedAt: now })
      return toUser(require(id))
    },

    update(id: string, values: z.output<typeof userProfileInput> & { role: Role }): User {
      const row = require(id)
      if (row.role === 'owner' && values.role !== 'owner' && activeOwners().length <= 1) {
        throw invalid('The practice needs an owner.', { 'user.role': 'This is the only owner: make someone else owner first' })
      }
      repo.update(id, { ...values, updatedAt: ctx.now().toISOString() })
      return toUser(require(id))
    },

    /** Never deletes: their name stays on what they signed. */
    deactivate(id: string, by: string | null): User {
      const row = require(id)
      if (row.deactivatedAt) throw conflict('That user is already deactivated.')
      if (id === by) throw conflict('You cannot deactivate yourself.')
      if (row.role === 'owner' && activeOwners().length <= 1) throw conflict('The practice needs an owner.')
      const now = ctx.now().toISOString()
      repo.update(id, { deactivatedAt: now, updatedAt: now })
      return toUser(require(id))
    }
  }
}
export type UsersService = ReturnType<typeof createUsersService>
