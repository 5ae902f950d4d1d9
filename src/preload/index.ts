import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { allChannels } from '@shared/contracts'
import { JOB_EVENTS_CHANNEL } from '@shared/contracts/jobs'
import { buildApi } from './api'

/** Main's pushes reach the page as their payload only (never the IPC event and its sender). */
const subscribe = (channel: string, listener: (payload: unknown) => void) => {
  const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload)
  ipcRenderer.on(channel, forward)
  return () => void ipcRenderer.removeListener(channel, forward)
}

/** `window.api`, one function per contract in the registry (and per push channel); nothing else of Node reaches the page. */
contextBridge.exposeInMainWorld('api', buildApi(allChannels(), (channel, input) => ipcRenderer.invoke(channel, input), [JOB_EVENTS_CHANNEL], subscribe))
