import { usDate } from '@shared/domain/dates'
import { phoneDigits } from '@shared/domain/phone'
import { nameMatchKey, nameSortKey } from '@shared/domain/search'
import type { ClientValues } from '@shared/contracts/clients'

type Searchable = Pick<ClientValues, 'legalFirstName' | 'legalMiddleName' | 'legalLastName' | 'preferredName' | 'email' | 'phone' | 'dateOfBirth'>

/** "garcía-lópez maría josé" → "garcialopez maria jose": the key the list sorts by name (last name first). */
export const sortNameOf = (c: Searchable): string => nameSortKey([c.legalLastName, c.legalFirstName, c.legalMiddleName])

/**
 * The text search-as-you-type matches: names and email as nameMatchKey writes them (folded, no
 * apostrophes, hyphens, periods or spaces — searchTerms strips the same from what is typed),
 * phone digits and the birth date as ISO, as MM/DD/YYYY and as bare digits, so any way a person
 * types it is found.
 */
export function searchTextOf(c: Searchable): string {
  const dob = c.dateOfBirth
  const us = usDate(dob)
  const parts = [
    c.legalFirstName, c.legalMiddleName, c.legalLastName, c.preferredName, c.email,
    c.phone ? phoneDigits(c.phone) : null,
    us, phoneDigits(dob), phoneDigits(us)
  ]
  return [...new Set(parts.filter((s): s is string => !!s).map(nameMatchKey))].join(' | ')
}
