import { usDate } from '@shared/domain/dates'
import { phoneDigits } from '@shared/domain/phone'
import { foldForSearch } from '@shared/domain/search'
import type { ClientValues } from '@shared/contracts/clients'

type Searchable = Pick<ClientValues, 'legalFirstName' | 'legalMiddleName' | 'legalLastName' | 'preferredName' | 'email' | 'phone' | 'dateOfBirth'>

/** "garcía-lópez maría josé" → the key the list sorts by name (last name first). */
export const sortNameOf = (c: Searchable): string =>
  foldForSearch([c.legalLastName, c.legalFirstName, c.legalMiddleName].filter(Boolean).join(' '))

/**
 * The text search-as-you-type matches: folded names, email, phone digits and the birth date
 * as ISO, as MM/DD/YYYY and as bare digits, so any way a person types it is found.
 */
export function searchTextOf(c: Searchable): string {
  const dob = c.dateOfBirth
  const us = usDate(dob)
  return [
    c.legalFirstName, c.legalMiddleName, c.legalLastName, c.preferredName, c.email,
    c.phone ? phoneDigits(c.phone) : null,
    dob, us, phoneDigits(dob), phoneDigits(us)
  ]
    .filter(Boolean)
    .map((s) => foldForSearch(s as string))
    .join(' | ')
}
