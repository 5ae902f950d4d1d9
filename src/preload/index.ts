import { contextBridge, ipcRenderer } from 'electron'
import { allChannels } from '@shared/contracts'
import { buildApi } from './api'

/** `window.api`, one function per contract in the registry; nothing else of Node reaches the page. */
contextBridge.exposeInMainWorld('api', buildApi(allChannels(), (channel, input) => ipcRenderer.invoke(channel, input)))
