import type { Handlers } from '../../ipc/router'
import type { Services } from '../../services'

export const dashboardHandlers = ({ dashboard }: Services): Handlers<'dashboard'> => ({
  get: ({ today }) => dashboard.get(today)
})
