import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { coreChannels as allChannels } from '@shared/contracts'
import { registerIpc } from '../../../src/main/ipc/handle'
import type { Logger, LogFacts } from '../../../src/main/log'
import { isTrustedSender } from '../../../src/main/window/policy'
import { openTestApp, type TestApp } from '../../factories/app'
import { clientInput } from '../../factories/clients'

type Listener = (event: { senderFrame?: { url: string } | null }, input: unknown) => unknown

/** Stands in for Electron's ipcMain: records what is registered, lets a test invoke it. */
function fakeIpcMain() {
  const handlers = new Map<string, Listener>()
  return {
    handlers,
    handle(channel: string, listener: Listener) {
      if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
      handlers.set(channel, listener)
    },
    invoke: (channel: string, url: string | undefined, input: unknown) =>
      Promise.resolve(handlers.get(channel)!(url === undefined ? { senderFrame: null } : { senderFrame: { url } }, input))
  }
}

const APP_URL = 'app://renderer/index.html'

let app: TestApp
let ipc: ReturnType<typeof fakeIpcMain>
let calls: { channel: string; input: unknown }[]
let logged: { event: string; facts?: LogFacts }[]

beforeEach(async () => {
  app = await openTestApp()
  ipc = fakeIpcMain()
  calls = []
  logged = []
  const logger: Logger = { info: () => {}, error: (event, facts) => logged.push({ event, facts }) }
  registerIpc(
    ipc as never,
    app.router.keys(),
    (url) => isTrustedSender(url, APP_URL),
    (channel, input) => {
      calls.push({ channel, input })
      return app.call(channel, input)
    },
    logger
  )
})
afterEach(() => app.close())

describe('registerIpc', () => {
  it('registers exactly one handler per contract', () => {
    expect([...ipc.handlers.keys()].sort()).toEqual(allChannels().sort())
  })

  it.each([
    ['another site', 'https://evil.example/'],
    ['a different local file', 'file:///tmp/evil.html'],
    ['the built renderer over file:// (the app serves it from app:// only)', 'file:///opt/KAP%20Practice/resources/app.asar/out/renderer/index.html'],
    ['another document of the app scheme', 'app://renderer/evil.html'],
    ['a frame with no URL', undefined],
    ['a dev-server look-alike', 'http://localhost:5173/']
  ])('refuses %s as forbidden without calling the app', async (_name, url) => {
    const result = await ipc.invoke('clients:create', url, { client: clientInput() })
    expect(result).toEqual({ ok: false, error: { code: 'forbidden', message: 'This window may not do that.' } })
    expect(calls).toEqual([])
    expect(app.count('clients')).toBe(0)
    expect(logged).toEqual([{ event: 'ipc.untrusted_sender', facts: { channel: 'clients:create' } }])
  })

  it('passes a trusted call through to the app', async () => {
    const result = (await ipc.invoke('clients:create', `${APP_URL}#/clients`, { client: clientInput() })) as { ok: boolean }
    expect(result.ok).toBe(true)
    expect(calls).toHaveLength(1)
    expect(calls[0]!.channel).toBe('clients:create')
    expect(app.count('clients')).toBe(1)
  })

  it('a trusted call with bad input still gets the validation envelope', async () => {
    const result = await ipc.invoke('clients:get', APP_URL, { id: 'nope' })
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { id: 'Client ID is not a valid record ID' } } })
  })
})
