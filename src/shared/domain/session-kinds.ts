/** The vocabulary of sessions and their notes: kinds, statuses, places of service, note templates. */
import { z } from 'zod'
import { PLACES_OF_SERVICE as POS_LABELS, type PlaceOfService } from './codes'

export const SESSION_KINDS = ['intake', 'preparation', 'dosing', 'integration', 'psychotherapy', 'booster'] as const
export type SessionKind = (typeof SESSION_KINDS)[number]

export const SESSION_KIND_LABELS: Record<SessionKind, string> = {
  intake: 'Intake',
  preparation: 'Preparation',
  dosing: 'Dosing',
  integration: 'Integration',
  psychotherapy: 'Psychotherapy',
  booster: 'Booster dosing'
}

/** The length a new session starts with: a dosing session is 2–3 hours in the room; the rest a therapy hour. */
export const DEFAULT_DURATION: Record<SessionKind, number> = {
  intake: 60,
  preparation: 50,
  dosing: 180,
  booster: 180,
  integration: 50,
  psychotherapy: 50
}

/** A booster is a dosing session too: same checklist, vitals and REMS data, same spacing rules. */
export function isDosingKind(kind: SessionKind): boolean {
  return kind === 'dosing' || kind === 'booster'
}

export const SESSION_STATUSES = ['scheduled', 'completed', 'cancelled', 'late_cancelled', 'no_show'] as const
export type SessionStatus = (typeof SESSION_STATUSES)[number]

export const SESSION_STATUS_LABELS: Record<SessionStatus, string> = {
  scheduled: 'Scheduled',
  completed: 'Completed',
  cancelled: 'Cancelled',
  late_cancelled: 'Late cancellation',
  no_show: 'No-show'
}

/** Sessions that happened or still will: the ones a course plan counts. */
export function isActiveStatus(status: SessionStatus): boolean {
  return status === 'scheduled' || status === 'completed'
}

/**
 * Place-of-service choices for a session, in the order a therapist picks them. The codes and
 * labels are codes.ts's (one list for the practice default and each session), so '12' home is here too.
 */
export type PlaceOfServiceCode = PlaceOfService
const POS_ORDER: readonly PlaceOfServiceCode[] = ['11', '10', '02', '12']
export const PLACES_OF_SERVICE: readonly { code: PlaceOfServiceCode; label: string }[] = POS_ORDER.map((code) => ({
  code,
  label: POS_LABELS[code]
}))

export const NOTE_TEMPLATES = ['preparation', 'dosing', 'integration', 'soap', 'dap'] as const
export type NoteTemplate = (typeof NOTE_TEMPLATES)[number]

export const NOTE_TEMPLATE_LABELS: Record<NoteTemplate, string> = {
  preparation: 'Preparation',
  dosing: 'Dosing',
  integration: 'Integration',
  soap: 'SOAP',
  dap: 'DAP'
}

const DEFAULT_TEMPLATE: Record<SessionKind, NoteTemplate> = {
  intake: 'soap',
  preparation: 'preparation',
  dosing: 'dosing',
  booster: 'dosing',
  integration: 'integration',
  psychotherapy: 'soap'
}

/** The template a new note for this kind of session starts with (the therapist may pick another). */
export function defaultTemplateFor(kind: SessionKind): NoteTemplate {
  return DEFAULT_TEMPLATE[kind]
}

// Same rule as contracts/fields.ts (not exported there): control characters other than tab and
// newline break exports, and half a surrogate pair would be stored as U+FFFD, changing the text.
// oxlint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** True when the text can be stored and exported exactly as typed. Shared by the session and note schemas. */
export function isStorableText(s: string): boolean {
  return !CONTROL_CHARS.test(s) && !LONE_SURROGATE.test(s)
}

/**
 * Optional free text as typed — not trimmed, empty allowed — so a draft saved mid-sentence comes
 * back exactly as it was. `max` is in UTF-16 units, like every other length limit in the app.
 */
export const storableText = (label: string, max: number) =>
  z
    .string({ error: `${label} must be text` })
    .max(max, { error: `${label} must be ${max.toLocaleString('en-US')} characters or fewer` })
    .refine(isStorableText, { error: `${label} contains characters that cannot be stored` })
    .nullish()

/** For strict objects: plain words for an unknown key or a section of the wrong type, whatever z.config says. */
export const strictObjectErrors = {
  error: (issue: { code?: string }) => (issue.code === 'unrecognized_keys' ? 'This field is not accepted here' : 'This section is not in the right form')
}
