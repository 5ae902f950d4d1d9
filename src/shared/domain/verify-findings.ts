import type { AuditVerifyResult } from '../contracts/audit'

const count = (n: number, one: string, many: string) => `${new Intl.NumberFormat('en-US').format(n)} ${n === 1 ? one : many}`
const SHOWN = 10
/** The first few, then how many more: a long list stays readable. */
const names = (list: readonly string[]) => (list.length <= SHOWN ? list.join(', ') : `${list.slice(0, SHOWN).join(', ')} and ${list.length - SHOWN} more`)

/**
 * What audit:verify found beyond the chain, in words, for the terminal and the Settings check
 * alike: signed notes whose content no longer matches its signature, and triggers gone, changed
 * or planted. IDs and trigger names only, never record content.
 */
/** One sentence, and whether it is good news. */
export interface Finding {
  ok: boolean
  text: string
}

export function verifyFindings(result: Pick<AuditVerifyResult, 'signedNotes' | 'triggers'>): { ok: boolean; lines: Finding[] } {
  const { signedNotes: n, triggers: t } = result
  const lines: Finding[] = []
  const good = (text: string) => lines.push({ ok: true, text })
  const bad = (text: string) => lines.push({ ok: false, text })
  const notes = n.mismatched.filter((m) => m.entity === 'note')
  const addenda = n.mismatched.filter((m) => m.entity === 'addendum')
  if (n.mismatched.length === 0) {
    good(`Signed notes intact: ${count(n.notes, 'signed note', 'signed notes')} and ${count(n.addenda, 'addendum', 'addenda')} match their signatures.`)
  } else {
    if (notes.length > 0)
      bad(`${count(notes.length, 'signed note does', 'signed notes do')} not match ${notes.length === 1 ? 'its signature' : 'their signatures'} (changed after signing): note ${names(notes.map((m) => m.id))}.`)
    if (addenda.length > 0)
      bad(`${count(addenda.length, 'addendum does', 'addenda do')} not match ${addenda.length === 1 ? 'its signature' : 'their signatures'}: addendum ${names(addenda.map((m) => `${m.id} (note ${m.noteId})`))}.`)
  }
  const broken = t.missing.length + t.changed.length + t.unexpected.length
  if (broken === 0) good(`Safeguards in place: all ${t.expected} database triggers (signed notes, money, audit log) are as the app made them.`)
  else {
    if (t.missing.length > 0) bad(`Safeguards removed: ${count(t.missing.length, 'trigger is', 'triggers are')} missing — ${names(t.missing)}.`)
    if (t.changed.length > 0) bad(`Safeguards changed: ${count(t.changed.length, 'trigger differs', 'triggers differ')} from what the app made — ${names(t.changed)}.`)
    if (t.unexpected.length > 0) bad(`Unknown ${t.unexpected.length === 1 ? 'trigger' : 'triggers'} added outside the app: ${names(t.unexpected)}.`)
  }
  return { ok: n.mismatched.length === 0 && broken === 0, lines }
}
