/**
 * Letters NFKD leaves whole (they are letters of their own, not a base letter and a mark), spelled
 * the way a receptionist types them on a US keyboard: Łukasz → lukasz, Søren → soren, Weiß → weiss.
 */
const UNDECOMPOSED: Readonly<Record<string, string>> = {
  ł: 'l', Ł: 'l', ø: 'o', Ø: 'o', đ: 'd', Đ: 'd', ð: 'd', Ð: 'd', ß: 'ss', ẞ: 'ss', æ: 'ae', Æ: 'ae',
  œ: 'oe', Œ: 'oe', þ: 'th', Þ: 'th', ı: 'i', ħ: 'h', Ħ: 'h', ŧ: 't', Ŧ: 't', ŋ: 'n', Ŋ: 'n', ĸ: 'k'
}
const UNDECOMPOSED_RE = new RegExp(`[${Object.keys(UNDECOMPOSED).join('')}]`, 'gu')
// oxlint-disable-next-line no-control-regex -- the whole ASCII range, control characters included
const ASCII = /^[\u0000-\u007F]*$/

/**
 * Search text is folded the same way when stored and when typed: accents dropped (José → jose),
 * letters without a decomposition spelled in plain Latin (Łukasz → lukasz), lower case, so
 * "lukasz", "ŁUKASZ" and "Łukasz" all find Łukasz.
 */
export function foldForSearch(value: string): string {
  // Most of what is typed and stored is plain ASCII: nothing to decompose or spell out.
  if (ASCII.test(value)) return value.toLowerCase()
  return value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(UNDECOMPOSED_RE, (c) => UNDECOMPOSED[c]!)
    .toLowerCase()
}

/** Apostrophes (straight and curly), hyphens and dashes, periods: written or not inside a name. */
const NAME_PUNCTUATION = /['’‘ʼ`\-‐‑‒–—.]/gu
const NAME_PUNCTUATION_OR_SPACE = /['’‘ʼ`\-‐‑‒–—.\s]/gu

/** "o'brien-smith" → "obriensmith": the punctuation nameMatchKey removes, without touching spaces. */
export const withoutNamePunctuation = (value: string): string => value.replace(NAME_PUNCTUATION, '')

/**
 * A name as search matches it: folded, with the punctuation and spaces people type or leave out
 * removed, so O'Brien = O’Brien = OBrien and Smith-Jones = Smith Jones = SmithJones.
 */
export const nameMatchKey = (value: string): string => foldForSearch(value).replace(NAME_PUNCTUATION_OR_SPACE, '')

/**
 * The key a list of people sorts by: the name parts most significant first (last, first, middle),
 * each a nameMatchKey, joined by a space — lower than any character a key holds — so "Smith" sorts
 * before "Smitha" whatever follows. Compared byte by byte (SQLite's BINARY, an index can serve
 * it) this is the order Intl.Collator('en', { sensitivity: 'base' }) gives part by part with
 * punctuation ignored: Łukasz sorts with the L's, not after Z.
 */
export const nameSortKey = (parts: ReadonlyArray<string | null | undefined>): string =>
  parts
    .filter((p): p is string => !!p)
    .map(nameMatchKey)
    .filter((p) => p.length > 0)
    .join(' ')

/**
 * Splits what the user typed into terms that must all match. A term that is only digits and
 * phone punctuation ("(555)", "123-4567", "1985-03-08") is reduced to its digits, which the
 * stored text also carries for phones and birth dates. Any other term loses the punctuation
 * nameMatchKey removes, since the stored text is written without it.
 */
export function searchTerms(query: string): string[] {
  return foldForSearch(query)
    .split(/[\s,]+/)
    .map((term) => (/^[\d()+.-]+$/.test(term) && /\d/.test(term) ? term.replace(/\D/g, '') : withoutNamePunctuation(term)))
    .filter((term) => term.length > 0)
    .slice(0, 8)
}
