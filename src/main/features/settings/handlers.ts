import type { Handlers } from '../../ipc/types'
import type { Services } from '../../services'

export const settingsHandlers = ({ settings }: Services): Handlers<'settings'> => ({
  get: () => settings.get(),
  save: ({ settings: values }) => settings.save(values)
})
