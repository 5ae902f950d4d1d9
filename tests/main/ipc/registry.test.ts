import { describe, expect, it } from 'vitest'
import { allChannels, allContracts, contracts, type Contract } from '@shared/contracts'
import { buildApi } from '../../../src/preload/api'
import { openTestApp } from '../../factories/app'

const entries = () =>
  Object.entries(contracts).flatMap(([domain, group]) =>
    Object.entries(group as Record<string, Contract>).map(([verb, contract]) => ({ domain, verb, contract }))
  )

describe('contract registry', () => {
  it('names every channel domain:verb after its place in the registry', () => {
    for (const { domain, verb, contract } of entries()) expect(contract.channel).toBe(`${domain}:${verb}`)
    for (const channel of allChannels()) expect(channel).toMatch(/^[a-z]+:[a-z][a-zA-Z]*$/)
  })

  it('has no duplicate channel', () => {
    const channels = allChannels()
    expect(new Set(channels).size).toBe(channels.length)
    expect(channels.length).toBe(entries().length)
  })

  it('gives every contract zod input and output schemas', () => {
    for (const contract of allContracts()) {
      expect({ channel: contract.channel, input: typeof contract.input.safeParse, output: typeof contract.output.safeParse }).toEqual({
        channel: contract.channel,
        input: 'function',
        output: 'function'
      })
    }
  })

  it('the router serves every contract and nothing else', async () => {
    const app = await openTestApp()
    try {
      expect([...app.router.keys()].sort()).toEqual(allChannels().sort())
      for (const contract of allContracts()) expect(app.router.get(contract.channel)?.contract).toBe(contract)
    } finally {
      app.close()
    }
  })

  it('buildApi exposes every contract as api[domain][verb], invoking its channel', async () => {
    const invoked: [string, unknown][] = []
    const api = buildApi(allChannels(), async (channel, input) => {
      invoked.push([channel, input])
      return { ok: true, value: null }
    })
    expect(Object.keys(api).sort()).toEqual(Object.keys(contracts).sort())
    for (const { domain, verb, contract } of entries()) {
      expect({ channel: contract.channel, type: typeof api[domain]?.[verb] }).toEqual({ channel: contract.channel, type: 'function' })
      await api[domain]![verb]!({ probe: contract.channel })
    }
    expect(invoked).toEqual(entries().map(({ contract }) => [contract.channel, { probe: contract.channel }]))
    await api.practice!.get!()
    expect(invoked.at(-1)).toEqual(['practice:get', {}])
  })
})
