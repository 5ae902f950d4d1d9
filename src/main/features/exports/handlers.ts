import type { Handlers } from '../../ipc/types'
import type { Services } from '../../services'

/** Custodian export, practice archive and its import. (Only the owner may call these once users exist.) */
export const exportsHandlers = ({ exports }: Services): Handlers<'exports'> => ({
  custodian: () => exports.custodian(),
  archive: ({ passphrase }) => exports.archive(passphrase),
  list: () => exports.list(),
  importArchive: ({ fileName, passphrase }) => exports.importArchive(fileName, passphrase)
})
