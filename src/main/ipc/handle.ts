import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import { dispatch, type DispatchOptions } from './dispatch'
import type { Router } from './router'

/**
 * The only place that calls ipcMain.handle. Each channel of the router is served after a
 * sender check (only our own renderer's top frame), then goes through dispatch().
 * Takes ipcMain as a parameter (type-only import) so it is tested without Electron.
 */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle'>,
  router: Router,
  isTrustedSender: (frameUrl: string | undefined) => boolean,
  options: DispatchOptions
): void {
  for (const channel of router.keys()) {
    ipcMain.handle(channel, (event: Pick<IpcMainInvokeEvent, 'senderFrame'>, input: unknown) => {
      if (!isTrustedSender(event.senderFrame?.url)) {
        options.logger.error('ipc.untrusted_sender', { channel })
        return { ok: false, error: { code: 'forbidden', message: 'This window may not do that.' } }
      }
      return dispatch(router, channel, input, options)
    })
  }
}
