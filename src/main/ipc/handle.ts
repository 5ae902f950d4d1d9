import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import type { Result } from '@shared/contracts'
import type { Logger } from '../log'

/**
 * The only place that calls ipcMain.handle. Every channel is served after a sender check
 * (only our own renderer's document), then goes to `call` — the app core's dispatch, which
 * validates, runs the handler in a transaction and builds the envelope.
 * ipcMain is a parameter (type-only import), so this is tested without Electron.
 */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle'>,
  channels: Iterable<string>,
  isTrustedSender: (frameUrl: string | undefined) => boolean,
  call: (channel: string, input: unknown) => Promise<Result<unknown>>,
  logger: Logger
): void {
  for (const channel of channels) {
    ipcMain.handle(channel, (event: Pick<IpcMainInvokeEvent, 'senderFrame'>, input: unknown): Promise<Result<unknown>> | Result<unknown> => {
      if (!isTrustedSender(event.senderFrame?.url)) {
        logger.error('ipc.untrusted_sender', { channel })
        return { ok: false, error: { code: 'forbidden', message: 'This window may not do that.' } }
      }
      return call(channel, input)
    })
  }
}
