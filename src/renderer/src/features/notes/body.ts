/** Pure helpers between a stored note body and the editor's form. */
import { emptyBody, noteBodySchemas, type DosingWarning } from '@shared/domain/note-templates'
import type { NoteTemplate } from '@shared/domain/session-kinds'
import { minutesOfDay } from '@shared/domain/vitals'

type Plain = Record<string, unknown>
const isPlain = (v: unknown): v is Plain => v !== null && typeof v === 'object' && !Array.isArray(v)

/** `base` with `over`'s values on top, object by object; arrays and scalars from `over` replace. */
export function deepMerge(base: unknown, over: unknown): unknown {
  if (over === undefined) return base
  if (!isPlain(base) || !isPlain(over)) return over
  const out: Plain = { ...base }
  for (const [key, value] of Object.entries(over)) out[key] = deepMerge(base[key], value)
  return out
}

/** The stored body with every field of its template present, so each control starts controlled. */
export function formBody(template: NoteTemplate, stored: unknown): Plain {
  return deepMerge(emptyBody(template), isPlain(stored) ? stored : {}) as Plain
}

/**
 * Where the body breaks its template's rules, as dotted path → message (the first message per
 * path). The same schema main checks an autosave with, so the form shows what main would refuse.
 */
export function issuesByPath(template: NoteTemplate, body: unknown): Record<string, string> {
  const parsed = noteBodySchemas[template].safeParse(body)
  if (parsed.success) return {}
  const out: Record<string, string> = {}
  for (const issue of parsed.error.issues) {
    const path = issue.path.map(String).join('.')
    out[path] ??= issue.message
  }
  return out
}

/** Main's field errors for `body.*` paths, with the prefix taken off. */
export function bodyFieldErrors(fields: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [key, message] of Object.entries(fields)) {
    if (key.startsWith('body.')) out[key.slice('body.'.length)] = message
  }
  return out
}

/** A number input's text as the body stores it: null when empty or not a number. */
export function toNumberOrNull(value: unknown): number | null {
  if (value === null || value === undefined || value === '') return null
  const n = typeof value === 'number' ? value : Number(value)
  return Number.isFinite(n) ? n : null
}

/** "14:05" — the wall-clock time now, as the vitals and times fields hold it. */
export function clockNow(now: Date = new Date()): string {
  return `${String(now.getHours()).padStart(2, '0')}:${String(now.getMinutes()).padStart(2, '0')}`
}

/**
 * Which vitals rows count as pre-dose: taken at or before the dose start, or — while no dose start
 * is recorded — the earliest reading. The rule dosingWarnings applies to the pre-dose BP limit.
 */
export function preDoseRows(rows: readonly { time?: string | null }[], doseStart: string | null | undefined): boolean[] {
  const start = minutesOfDay(doseStart)
  const minutes = rows.map((r) => minutesOfDay(r.time))
  const earliest = Math.min(...minutes.map((m) => m ?? Infinity))
  return minutes.map((m) => m !== null && (start !== null ? m <= start : m === earliest))
}

/** Warnings grouped by the field they concern ('vitals.2.systolic' → […]). */
export function warningsByPath(warnings: readonly DosingWarning[]): Record<string, DosingWarning[]> {
  const out: Record<string, DosingWarning[]> = {}
  for (const w of warnings) (out[w.path] ??= []).push(w)
  return out
}

/** The strongest level among warnings, or null. */
export function worstLevel(warnings: readonly { level: 'alert' | 'caution' }[] | undefined): 'alert' | 'caution' | null {
  if (!warnings?.length) return null
  return warnings.some((w) => w.level === 'alert') ? 'alert' : 'caution'
}

/** The first 12 hex characters of a content hash, grouped for reading aloud: "3f9a 1c2b 7d4e". */
export function shortHash(hash: string | null | undefined): string {
  if (!hash) return ''
  return (hash.slice(0, 12).match(/.{1,4}/g) ?? []).join(' ')
}
