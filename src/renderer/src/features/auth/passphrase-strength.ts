import { PASSPHRASE_MIN } from '@shared/contracts/users'

export interface PassphraseStrength {
  /** 0 nothing typed · 1 too short or easy to guess · 2 acceptable · 3 good · 4 strong */
  score: 0 | 1 | 2 | 3 | 4
  /** A word or two for the meter ("Good"); empty when nothing is typed. */
  label: string
  /** What would make it better, in plain words. */
  hint: string
}

const RUNS = ['0123456789', 'abcdefghijklmnopqrstuvwxyz', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm']
const COMMON = ['password', 'passphrase', 'letmein', 'welcome', 'iloveyou', 'admin', 'qwerty', 'ketamine', 'therapy', 'practice', 'secret']

/** Every piece of 4+ characters straight from the alphabet, the digits or a keyboard row (either way). */
const RUN_PIECES: string[] = (() => {
  const pieces = new Set<string>()
  for (const run of RUNS) {
    for (const seq of [run, [...run].toReversed().join('')]) {
      for (let len = seq.length; len >= 4; len--) for (let i = 0; i + len <= seq.length; i++) pieces.add(seq.slice(i, i + len))
    }
  }
  return [...pieces].sort((a, b) => b.length - a.length)
})()

/** What is left once the guessable parts are taken out: common words, runs, repeats, the person's own names. */
function residue(lower: string, personal: readonly string[]): string {
  let rest = lower.replace(/[^\p{L}\p{N}]+/gu, '')
  for (const part of personal) if (part.length >= 3) rest = rest.replaceAll(part, '')
  for (const word of COMMON) rest = rest.replaceAll(word, '')
  for (const piece of RUN_PIECES) rest = rest.replaceAll(piece, '')
  return rest.replace(/(.)\1+/gu, '$1')
}

/**
 * A quick, local estimate to coach someone choosing a passphrase. Not a guarantee: the rule main
 * enforces is only the length. Long beats clever — a few unrelated words are the best advice.
 * `personal` holds the person's name and user name, which make a passphrase easy to guess.
 */
export function passphraseStrength(passphrase: string, personal: readonly string[] = []): PassphraseStrength {
  if (passphrase.length === 0) {
    return { score: 0, label: '', hint: `At least ${PASSPHRASE_MIN} characters. Four unrelated words or a short sentence is easy to remember and hard to guess.` }
  }
  // Counted as main's rule counts (string length), so the meter and the check never disagree.
  const length = passphrase.length
  if (length < PASSPHRASE_MIN) {
    const missing = PASSPHRASE_MIN - length
    return { score: 1, label: 'Too short', hint: `${missing} more character${missing === 1 ? '' : 's'} needed. Adding a word is the easiest way.` }
  }

  const lower = passphrase.toLowerCase()
  const names = personal.flatMap((p) => p.toLowerCase().split(/[^\p{L}\p{N}]+/u)).filter((p) => p.length >= 3)
  const personalHit = names.some((p) => lower.includes(p))
  const rest = residue(lower, names)
  if (rest.length < 10 || new Set(rest).size < 6) {
    return {
      score: 1,
      label: 'Easy to guess',
      hint: personalHit && residue(lower, []).length >= 10
        ? 'Leave out your own name and user name — they are the first things someone would try.'
        : 'Avoid repeated characters, keyboard runs and common words. Unrelated words work best.'
    }
  }

  const words = lower.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 2).length
  const classes = [/\p{Ll}/u, /\p{Lu}/u, /\p{N}/u, /[^\p{L}\p{N}]/u].filter((re) => re.test(passphrase)).length
  if ((length >= 20 && words >= 4) || length >= 28) return { score: 4, label: 'Strong', hint: 'Keep it to yourself, and do not reuse it elsewhere.' }
  if (length >= 16 && (words >= 3 || classes >= 3)) return { score: 3, label: 'Good', hint: 'One more word would make it strong.' }
  return { score: 2, label: 'Acceptable', hint: 'Long enough. Another word or two makes it much harder to guess.' }
}
