import { describe, expect, it } from 'vitest'
import { allChannels, allContracts, contracts, coreChannels, coreContracts, HOST_DOMAINS, type Contract } from '@shared/contracts'
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

  it('declares what the audit log records for every call that changes a record, and for every clinical read', () => {
    const intents = Object.fromEntries(allContracts().filter((c) => c.audit).map((c) => [c.channel, `${c.audit!.action} ${c.audit!.entity}`]))
    expect(intents).toEqual({
      'clients:get': 'view client',
      'clients:create': 'create client',
      'clients:update': 'update client',
      'clients:archive': 'archive client',
      'clients:restore': 'restore client',
      'insurance:create': 'create insurance_policy',
      'insurance:update': 'update insurance_policy',
      'insurance:archive': 'archive insurance_policy',
      'diagnoses:add': 'create diagnosis',
      'diagnoses:remove': 'remove diagnosis',
      'diagnoses:setPrimary': 'update diagnosis',
      'diagnoses:reorder': 'update diagnosis',
      'screening:get': 'view screening_item',
      'screening:record': 'create screening_item',
      'screening:recordAll': 'create screening_item',
      'screening:flags': 'view screening_item',
      'screening:acknowledge': 'create screening_item',
      'consents:create': 'create consent',
      'consents:revoke': 'revoke consent',
      'sessions:create': 'create session',
      'sessions:update': 'update session',
      'courses:create': 'create course',
      'courses:update': 'update course',
      'courses:bookSchedule': 'create session',
      'series:create': 'create session',
      'series:updateFollowing': 'update session',
      'series:cancelFollowing': 'update session',
      'reminders:ics': 'export session',
      'reminders:card': 'export session',
      'notes:list': 'view session',
      'notes:search': 'view note',
      'notes:get': 'view note',
      'notes:create': 'create note',
      'notes:save': 'update note',
      'notes:sign': 'sign note',
      'notes:addAddendum': 'create addendum',
      'notes:print': 'export note',
      'notes:printRange': 'export client',
      'measures:list': 'view measure',
      'measures:trend': 'view measure',
      'measures:create': 'create measure',
      'measures:acknowledge': 'update measure',
      'measures:void': 'archive measure',
      'practice:save': 'update practice',
      'settings:save': 'update practice',
      'users:create': 'create user',
      'users:update': 'update user',
      'users:deactivate': 'archive user',
      'users:resetPassphrase': 'update user',
      'exports:custodian': 'export practice',
      'exports:archive': 'export practice',
      'exports:importArchive': 'restore practice',
      'billing:saveProvider': 'update provider',
      'billing:saveSettings': 'update practice',
      'billing:createFee': 'create fee',
      'billing:updateFee': 'update fee',
      'billing:saveDefaults': 'update fee',
      'billing:createCharge': 'create charge',
      'billing:updateCharge': 'update charge',
      'billing:voidCharge': 'void charge',
      'billing:adjust': 'create adjustment',
      'billing:voidAdjustment': 'void adjustment',
      'billing:setSlidingScale': 'create sliding_scale',
      'billing:endSlidingScale': 'update sliding_scale',
      'billing:createInvoice': 'create invoice',
      'billing:invoiceMonth': 'create invoice',
      'billing:issueInvoice': 'issue invoice',
      'billing:voidInvoice': 'void invoice',
      'billing:recordPayment': 'create payment',
      'billing:applyCredit': 'update payment',
      'billing:refund': 'create payment',
      'billing:exportCsv': 'export practice',
      'billing:superbill': 'create document',
      'documents:goodFaithEstimate': 'create document',
      'documents:statement': 'create document',
      'documents:download': 'export document',
      'documents:void': 'void document'
    })
    // Everything else only reads: lists, search, and the audit log itself. (The recovery screen's
    // calls run while no database — and so no audit log — is open.) The course planner reads dates and times, like the agenda.
    for (const contract of coreContracts().filter((c) => !c.audit))
      expect(contract.channel).toMatch(/:(list|search|get|verify|agenda|trend)$|^billing:(providers|settings|fees|account|invoice|unbilled|invoices|payments|aging|monthTotals)$|^courses:(proposeSchedule|checkSchedule)$|^documents:disputes$/)
  })

  it('the router serves every contract but the start-up host\'s (recovery, backups, jobs, auth, users), and nothing else', async () => {
    expect(HOST_DOMAINS).toEqual(['recovery', 'backups', 'jobs', 'auth', 'users'])
    expect(allChannels().filter((c) => !coreChannels().includes(c)).sort()).toEqual(
      [...Object.values(contracts.recovery), ...Object.values(contracts.backups), ...Object.values(contracts.jobs), ...Object.values(contracts.auth), ...Object.values(contracts.users)]
        .map((c) => c.channel)
        .sort()
    )
    const app = await openTestApp()
    try {
      expect([...app.router.keys()].sort()).toEqual(coreChannels().sort())
      for (const contract of coreContracts()) expect(app.router.get(contract.channel)?.contract).toBe(contract)
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
