import { foldForSearch, nameMatchKey, withoutNamePunctuation } from '@shared/domain/search'

/** At most this many words of a search are used; the rest are ignored. */
export const MAX_SEARCH_TERMS = 12
/** Prefixes up to this length are served by note_fts's own prefix indexes (prefix = '2 3'). */
const INDEXED_PREFIX = 3

const WORDISH = /[\p{L}\p{N}]/u
// A NUL would end FTS5's reading of the query inside a quoted string (a syntax error); other control
// characters and half surrogate pairs are not words either. All become spaces.
// oxlint-disable-next-line no-control-regex -- matching control characters is the point
const NOT_TEXT = /[\p{Cc}\p{Cs}]/gu
const SINGLE_TOKEN = /^[\p{L}\p{N}\p{Co}\p{M}]+$/u

/** The client as the single FTS token note_search.client_key holds: "c" and the ID's 32 hex digits. */
export const clientKey = (clientId: string): string => `c${clientId.replaceAll('-', '').toLowerCase()}`

/** Case and accents folded the way unicode61 remove_diacritics 2 folds them (close enough to look words up). */
export const foldWord = (word: string): string => word.toLowerCase().normalize('NFD').replace(/\p{Mn}/gu, '').normalize('NFC')

/** A run of text that could be a word or a punctuated name ("O'Brien", "Smith-Jones", "0.5"). */
const CHUNK = /[\p{L}\p{N}\p{M}'’‘ʼ`\-‐‑‒–—.]+/gu
const EDGE_PUNCTUATION = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}\p{M}]+$/gu

/**
 * note_search.folded for a note's text: the spellings a person types that unicode61 would not
 * match — a word with letters it does not fold, spelled as foldForSearch spells it
 * (Małgorzata → malgorzata, Søren → soren, Weiß → weiss), and a punctuated word joined
 * (O'Brien → obrien, Smith-Jones → smithjones). Only those: the plain words are in `content`.
 */
export function foldedWordsOf(text: string): string {
  const extra = new Set<string>()
  for (const match of text.matchAll(CHUNK)) {
    const chunk = match[0].replace(EDGE_PUNCTUATION, '')
    if (!chunk) continue
    const folded = foldForSearch(chunk)
    if (folded !== foldWord(chunk)) extra.add(folded)
    const joined = nameMatchKey(chunk)
    if (joined !== folded && joined.length > 0) extra.add(joined)
  }
  return [...extra].join(' ')
}

const quoted = (s: string) => `"${s.replaceAll('"', '""')}"`

/** The indexed whole words a folded prefix stands for; null when there are too many to list. */
export type ExpandPrefix = (prefix: string) => string[] | null

/**
 * One typed word as an FTS5 expression. A single character is a whole word (a one-letter prefix
 * would match most of the index). Two or three characters are a prefix query the prefix indexes
 * answer directly. A longer word is replaced by the indexed words it begins (from note_terms), ORed:
 * FTS5 streams those newest-first and stops at the limit, where a prefix query would first merge
 * every matching word's whole list of notes. Punctuation inside a word, an unknown or too common
 * prefix, or no expander fall back to the prefix query, which gives the same answer.
 */
function wordExpression(word: string, expand?: ExpandPrefix): string {
  const length = [...word].length
  if (length === 1) return quoted(word)
  if (length <= INDEXED_PREFIX || !expand || !SINGLE_TOKEN.test(word)) return `${quoted(word)}*`
  const words = expand(word)
  if (!words || words.length === 0) return `${quoted(word)}*`
  return words.length === 1 ? quoted(words[0]!) : `(${words.map(quoted).join(' OR ')})`
}

/**
 * A typed word, folded as foldForSearch folds (the `folded` column holds words in that spelling).
 * With name punctuation it is the word as written (a phrase in `content`) or joined up (in
 * `folded`, or a note that wrote it without): "o'brien" finds O'Brien, O’Brien and OBrien.
 */
function termExpression(typed: string, expand?: ExpandPrefix): string {
  const word = foldForSearch(typed)
  const joined = withoutNamePunctuation(word)
  if (joined === word || !WORDISH.test(joined)) return wordExpression(word, expand)
  return `(${quoted(word)}* OR ${wordExpression(joined, expand)})`
}

/**
 * The user's words as an FTS5 query that can never be a syntax error: each whitespace-separated
 * word is quoted (inner quotes doubled), so FTS5 operators (AND, OR, NOT, NEAR, parentheses,
 * column filters, ^, *) are only ever words. Words are ANDed and must be in the note's content
 * or folded column; each matches as a prefix (see termExpression). A word with no letter or digit would
 * tokenize to nothing, so it is dropped; null when none is left. With a client, the query also
 * needs that client's token (a chart's own search).
 *
 *   ketam jos  →  {content folded} : ("ketamine" AND "jos"*)
 */
export function ftsQuery(input: string, clientId?: string, expand?: ExpandPrefix): string | null {
  const words = input
    .replace(NOT_TEXT, ' ')
    .normalize('NFC')
    .split(/\s+/u)
    .filter((t) => WORDISH.test(t))
    .slice(0, MAX_SEARCH_TERMS)
  if (words.length === 0) return null
  // Explicit ANDs: FTS5 takes an implicit AND only between phrases, not beside a parenthesized OR.
  const content = `{content folded} : (${words.map((w) => termExpression(w, expand)).join(' AND ')})`
  return clientId === undefined ? content : `client_key : ${quoted(clientKey(clientId))} AND ${content}`
}
