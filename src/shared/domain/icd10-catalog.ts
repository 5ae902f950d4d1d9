import { ICD10_CM_CODES } from './icd10-cm/codes.generated'
import { ICD10_SYNONYMS } from './icd10-cm/synonyms'

/**
 * The ICD-10-CM codes shipped with the app (scripts/build-icd10.ts, from CMS): every billable
 * chapter 5 code and the G, M, R and Z codes a KAP practice uses, with our synonyms. A code
 * outside this list may still be saved, but only as "custom, unverified".
 */
export interface Icd10Entry {
  code: string
  description: string
  /** Words that find the code though its description does not use them ("PTSD"). */
  synonyms: readonly string[]
}

const synonymsOf = (code: string): string[] => {
  const words = new Set<string>()
  for (let end = 3; end <= code.length; end++) for (const word of ICD10_SYNONYMS[code.slice(0, end)] ?? []) words.add(word)
  return [...words]
}

export const ICD10_CATALOG: readonly Icd10Entry[] = ICD10_CM_CODES.map(([code, description]) => ({ code, description, synonyms: synonymsOf(code) }))

const byCode = new Map(ICD10_CATALOG.map((e) => [e.code, e]))

/** Lower case, accents and punctuation away, so "post-traumatic" finds "posttraumatic" too. */
const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, ' ')
const words = (s: string) => fold(s).split(' ').filter(Boolean)

interface Indexed {
  entry: Icd10Entry
  compactCode: string
  descriptionWords: string[]
  synonymWords: string[]
}
const INDEX: Indexed[] = ICD10_CATALOG.map((entry) => ({
  entry,
  compactCode: entry.code.toLowerCase().replace('.', ''),
  descriptionWords: words(entry.description).concat(words(entry.description.replace(/-/g, ''))),
  synonymWords: entry.synonyms.flatMap((s) => words(s).concat(words(s.replace(/-/g, ''))))
}))

/** The commonest codes first when nothing is typed yet. */
const STARTERS = ['F33.1', 'F33.2', 'F32.1', 'F32.2', 'F32.A', 'F43.10', 'F43.12', 'F41.1', 'F34.1', 'F31.81', 'F43.23', 'F10.20', 'R45.851', 'G89.29', 'Z63.4']

const startsAny = (list: string[], token: string) => list.some((w) => w.startsWith(token))

/**
 * Shipped codes matching what is typed: a code (with or without its dot) or words, each word the
 * start of a word of the description or of a synonym. Code matches first, then synonym matches
 * (what the user called it), then description matches; CMS order within each.
 */
export function findIcd10(query: string, limit = 20): Icd10Entry[] {
  const q = query.trim()
  if (!q) return STARTERS.map((c) => byCode.get(c)).filter((e): e is Icd10Entry => !!e).slice(0, limit)
  const compact = q.toLowerCase().replace(/[\s.]/g, '')
  const tokens = words(q).map((t) => t.replace(/\./g, '')).filter(Boolean)
  const ranked: { entry: Icd10Entry; rank: number }[] = []
  for (const item of INDEX) {
    let rank: number | null = null
    if (item.compactCode === compact) rank = 0
    else if (item.compactCode.startsWith(compact)) rank = 1
    else if (tokens.length > 0) {
      const all = item.descriptionWords.concat(item.synonymWords)
      if (tokens.every((t) => startsAny(all, t))) rank = tokens.some((t) => startsAny(item.synonymWords, t)) ? 2 : 3
    }
    if (rank !== null) ranked.push({ entry: item.entry, rank })
  }
  // Array.prototype.sort is stable: ties keep code order.
  return ranked
    .sort((a, b) => a.rank - b.rank)
    .slice(0, limit)
    .map((r) => r.entry)
}

export const icd10Description = (code: string): string | undefined => byCode.get(code)?.description

/** Whether a (normalized) code is on the shipped list; one that is not is "custom, unverified". */
export const isShippedIcd10 = (code: string): boolean => byCode.has(code)
