import type { Handlers } from '../../ipc/types'
import type { Services } from '../../services'

export const practiceHandlers = ({ practice }: Services): Handlers<'practice'> => ({
  get: () => practice.get(),
  save: ({ profile }) => practice.save(profile)
})
