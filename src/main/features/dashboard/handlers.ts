import type { Handlers } from '../../ipc/types'
import type { Services } from '../../services'

export const dashboardHandlers = ({ dashboard }: Services): Handlers<'dashboard'> => ({
  get: ({ today }) => dashboard.get(today)
})
