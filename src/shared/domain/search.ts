/**
 * Search text is folded the same way when stored and when typed: accents dropped
 * (José → jose), lower case, so "jose", "JOSÉ" and "José" all find José.
 */
export function foldForSearch(value: string): string {
  return value.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()
}

/**
 * Splits what the user typed into terms that must all match. A term that is only digits and
 * phone punctuation ("(555)", "123-4567", "1985-03-08") is reduced to its digits, which the
 * stored text also carries for phones and birth dates.
 */
export function searchTerms(query: string): string[] {
  return foldForSearch(query)
    .split(/[\s,]+/)
    .map((term) => (/^[\d()+.-]+$/.test(term) && /\d/.test(term) ? term.replace(/\D/g, '') : term))
    .filter((term) => term.length > 0)
    .slice(0, 8)
}
