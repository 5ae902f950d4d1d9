import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { clientListInput, CLIENT_SORT_COLUMNS, ARCHIVE_FILTERS } from '@shared/contracts/clients'
import { CLIENT_STATUSES } from '@shared/domain/client-status'
import {
  clientListHref,
  DEFAULT_LIST_STATE,
  readListState,
  toListInput,
  writeListState,
  type ClientListState
} from '@renderer/features/clients/list-params'

const state = fc.record<ClientListState>({
  search: fc.string({ maxLength: 200 }),
  statuses: fc.uniqueArray(fc.constantFrom(...CLIENT_STATUSES)),
  archived: fc.constantFrom(...ARCHIVE_FILTERS),
  sort: fc.constantFrom(...CLIENT_SORT_COLUMNS),
  direction: fc.constantFrom('asc' as const, 'desc' as const),
  page: fc.nat({ max: 100_000 })
})

describe('client list state in the URL', () => {
  it('round-trips any list state through the URL', () => {
    fc.assert(
      fc.property(state, (s) => {
        expect(readListState(new URLSearchParams(writeListState(s).toString()))).toEqual(s)
      })
    )
  })

  it('always produces input that main accepts, whatever the URL says', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('q', 'status', 'archived', 'sort', 'dir', 'page'), fc.string({ maxLength: 300 })), (raw) => {
        const input = toListInput(readListState(new URLSearchParams(raw)))
        expect(clientListInput.safeParse(input).success).toBe(true)
      })
    )
  })

  it('keeps the default list at a bare URL and writes only what differs', () => {
    expect(writeListState(DEFAULT_LIST_STATE).toString()).toBe('')
    expect(clientListHref({ statuses: ['active'] })).toBe('/clients?status=active')
    expect(readListState(new URLSearchParams('page=2')).page).toBe(1)
    expect(readListState(new URLSearchParams('status=active,bogus&sort=evil&page=-3'))).toEqual({
      ...DEFAULT_LIST_STATE,
      statuses: ['active']
    })
  })
})
