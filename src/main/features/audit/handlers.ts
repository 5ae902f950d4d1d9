import type { Handlers } from '../../ipc/types'
import type { Services } from '../../services'

/** The owner's audit viewer and check. (Only the owner may call these once users exist.) */
export const auditHandlers = ({ audit }: Services): Handlers<'audit'> => ({
  list: (input) => audit.list(input),
  verify: () => audit.verify()
})
