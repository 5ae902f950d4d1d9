/**
 * The Good Faith Estimate for an uninsured or self-pay client (45 CFR 149.610; BILLING.md "Good
 * Faith Estimate"): built from the course's planned sessions not yet done and the fee schedule's
 * default lines per kind of session, a low–high range where a fee is a range. Pure: given what the
 * chart, the course and the fee schedule hold, it returns the document's content or every missing
 * item naming where it is fixed. No IO, no clock.
 */
import type { FeeSchedule } from '@shared/contracts/billing'
import type { Client } from '@shared/contracts/clients'
import type { Course } from '@shared/contracts/courses'
import type { Practice } from '@shared/contracts/practice'
import { isCalendarDate } from '@shared/domain/dates'
import { GFE_MAX_MONTHS, gfeDeadline, gfeTimeliness, type GfeTimeliness } from '@shared/domain/good-faith-estimate'
import { isValidNpi } from '@shared/domain/npi'
import { sumCents } from '@shared/domain/money'
import { SESSION_KIND_LABELS } from '@shared/domain/session-kinds'
import { SUPERBILL_FIX_PLACES } from '@shared/domain/superbill'

export interface GfeSource {
  practice: Practice | null
  client: Client
  /** The client's primary policy's payer, if one is on file. */
  payerOnFile: string | null
  /** The client pays themselves: these services are not submitted to insurance. */
  selfPay: boolean
  diagnoses: readonly { code: string; description: string | null }[]
  course: Course
  fees: FeeSchedule
  /** The course's first session still to come, with the day it was booked (its scheduling date). */
  firstSession: { date: string; scheduledOn: string } | null
  /** Asked for by the client on this day (else the estimate follows the scheduling). */
  requestedOn: string | null
  /** Today, on the practice's calendar. */
  issuedOn: string
  generatedAt: string
}

export interface GfeLine {
  service: string
  code: string
  description: string
  /** Sessions still planned × units per session. */
  sessions: number
  units: number
  unitFeeCents: number
  /** One session of this line: the fee item's usual range where it has one, else units × fee. */
  perSessionLowCents: number
  perSessionHighCents: number
  lowCents: number
  highCents: number
}

export interface GoodFaithEstimate {
  generatedAt: string
  issuedOn: string
  periodFrom: string
  periodTo: string
  practice: { name: string; addressLines: string[]; phone: string; ein: string; organizationNpi: string | null }
  /** The one provider group: the practice's rendering provider. */
  provider: { name: string; credentials: string; npi: string; tin: string; states: string[] }
  client: { name: string; dateOfBirth: string }
  primaryService: { description: string; date: string | null }
  diagnoses: { code: string; description: string | null }[]
  lines: GfeLine[]
  totals: { lowCents: number; highCents: number }
  separately: string[]
  disclaimers: string[]
  deadline: string | null
  timeliness: GfeTimeliness
  trigger: 'scheduled' | 'requested'
}

export type GfeResult =
  | { kind: 'ready'; estimate: GoodFaithEstimate }
  | { kind: 'missing'; missing: string[] }
  | { kind: 'invalid'; field: string; message: string }

const { practice: PRACTICE, providers: FEES, profile: PROFILE } = SUPERBILL_FIX_PLACES
const nfc = (s: string) => s.normalize('NFC').trim()
const blank = (s: string | null | undefined): boolean => !s || s.trim() === ''

/** The last day a GFE starting on `from` may cover: 12 months on, less a day. */
const lastCoveredDay = (from: string): string => {
  const [y, m, d] = from.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(y, m - 1 + GFE_MAX_MONTHS, d - 1)).toISOString().slice(0, 10)
}

export const GFE_DISCLAIMERS = [
  'This Good Faith Estimate shows the costs of items and services that are reasonably expected for your health care needs for an item or service. The estimate is based on information known at the time the estimate was created.',
  'The Good Faith Estimate does not include any unknown or unexpected costs that may arise during treatment. You could be charged more if complications or special circumstances occur. If this happens, federal law allows you to dispute (appeal) the bill.',
  'If you are billed for more than this Good Faith Estimate, you have the right to dispute the bill. You may contact the health care provider or facility listed to let them know the billed charges are higher than the Good Faith Estimate. You can ask them to update the bill to match the Good Faith Estimate, ask to negotiate the bill, or ask if there is financial assistance available.',
  'You may also start a dispute resolution process with the U.S. Department of Health and Human Services (HHS). If you choose to use the dispute resolution process, you must start the dispute process within 120 calendar days (about 4 months) of the date on the original bill. There is a $25 fee to use the dispute process. If the agency reviewing your dispute agrees with you, you will have to pay the price on this Good Faith Estimate. If the agency disagrees with you and agrees with the health care provider or facility, you will have to pay the higher amount.',
  'To learn more and get a form to start the process, go to www.cms.gov/nosurprises or call 1-800-985-3059. For questions or more information about your right to a Good Faith Estimate or the dispute process, visit www.cms.gov/nosurprises or call 1-800-985-3059.',
  'Keep a copy of this Good Faith Estimate in a safe place or take pictures of it. You may need it if you are billed a higher amount.',
  'This Good Faith Estimate is not a contract and does not require you to obtain the items or services listed.',
  'Other items or services may be recommended as part of your care that are not listed here; they would be scheduled and estimated separately.'
]

export function buildGoodFaithEstimate(src: GfeSource): GfeResult {
  if (!src.selfPay) {
    return {
      kind: 'invalid',
      field: 'selfPay',
      message: src.payerOnFile
        ? `A Good Faith Estimate is for clients who are uninsured or not having these services billed to insurance; ${nfc(src.payerOnFile)} is on file and will be billed, so the plan's own estimate applies instead`
        : 'A Good Faith Estimate is for clients who are uninsured or not having these services billed to insurance; mark the client as paying themselves'
    }
  }
  if (src.course.status !== 'active') return { kind: 'invalid', field: 'courseId', message: 'The course is not active: estimate a course that is still planned or under way' }

  const missing: string[] = []
  const need = (absent: boolean, sentence: string) => {
    if (absent) missing.push(sentence)
  }
  const p = src.practice
  need(!p || blank(p.practiceName), `Practice name — ${PRACTICE}`)
  need(!p || blank(p.addressLine1) || blank(p.city) || blank(p.state) || blank(p.postalCode), `Practice address — ${PRACTICE}`)
  need(!p || blank(p.phone), `Practice phone — ${PRACTICE}`)
  need(!p || blank(p.ein), `Practice EIN (the provider’s TIN) — ${PRACTICE}`)
  need(!p || blank(p.providerName), `Rendering provider’s name — ${PRACTICE}`)
  need(!p || blank(p.individualNpi) || !isValidNpi(p.individualNpi), `Rendering provider’s individual NPI — ${PRACTICE}`)
  need(!p || blank(p.licenseState), `State where services are furnished (license state) — ${PRACTICE}`)
  const c = src.client
  need(blank(c.legalFirstName) || blank(c.legalLastName), `Client’s legal name — ${PROFILE}`)
  need(blank(c.dateOfBirth) || !isCalendarDate(c.dateOfBirth), `Date of birth — ${PROFILE}`)

  const items = new Map(src.fees.items.map((i) => [i.id, i]))
  const lines: GfeLine[] = []
  for (const row of src.course.progress) {
    const sessions = Math.max(0, row.planned - row.completed)
    if (sessions === 0) continue
    const defaults = src.fees.defaults.find((d) => d.event === row.kind)?.lines ?? []
    need(defaults.length === 0, `A fee for ${SESSION_KIND_LABELS[row.kind].toLowerCase()} sessions — ${FEES}`)
    for (const line of defaults) {
      const item = items.get(line.feeItemId)
      // A fee item's "usual range" is what one session of it costs (the seeded 0820T: $200 an hour,
      // 3 hours, $400–$800), so it bounds the line per session, never less wide than the default amount.
      const usual = line.unitFeeCents * line.units
      const low = Math.min(item?.minFeeCents ?? usual, usual)
      const high = Math.max(item?.maxFeeCents ?? usual, usual)
      lines.push({
        service: `${SESSION_KIND_LABELS[row.kind]} session${sessions === 1 ? '' : 's'}`,
        code: line.code,
        description: nfc(item?.description ?? ''),
        sessions,
        units: line.units,
        unitFeeCents: line.unitFeeCents,
        perSessionLowCents: low,
        perSessionHighCents: high,
        lowCents: low * sessions,
        highCents: high * sessions
      })
    }
  }
  if (src.course.progress.every((r) => r.planned - r.completed <= 0)) return { kind: 'invalid', field: 'courseId', message: 'Every planned session of this course is done: nothing is left to estimate' }
  if (missing.length > 0) return { kind: 'missing', missing: [...new Set(missing)] }

  const practice = p!
  // From today or the course's start, whichever is later, for at most 12 months (one GFE for a recurring course).
  const periodFromDay = src.course.startedOn > src.issuedOn ? src.course.startedOn : src.issuedOn
  const ended = src.course.endedOn
  const limit = lastCoveredDay(periodFromDay)
  const periodTo = ended && ended < limit ? ended : limit
  const trigger = src.requestedOn || !src.firstSession ? 'requested' : 'scheduled'
  const deadline =
    trigger === 'requested'
      ? gfeDeadline({ kind: 'requested', requestedOn: src.requestedOn ?? src.issuedOn })
      : gfeDeadline({ kind: 'scheduled', scheduledOn: src.firstSession!.scheduledOn, serviceOn: src.firstSession!.date })

  return {
    kind: 'ready',
    estimate: {
      generatedAt: src.generatedAt,
      issuedOn: src.issuedOn,
      periodFrom: periodFromDay,
      periodTo,
      practice: {
        name: nfc(practice.practiceName),
        addressLines: [practice.addressLine1, practice.addressLine2, `${practice.city}, ${practice.state} ${practice.postalCode}`].filter((s): s is string => !blank(s)).map(nfc),
        phone: practice.phone,
        ein: practice.ein,
        organizationNpi: practice.organizationNpi
      },
      provider: { name: nfc(practice.providerName), credentials: nfc(practice.providerCredentials), npi: practice.individualNpi, tin: practice.ein, states: [...new Set([practice.licenseState, practice.state])] },
      client: { name: nfc([c.legalFirstName, c.legalMiddleName, c.legalLastName, c.suffix].filter((s) => !blank(s)).join(' ')), dateOfBirth: c.dateOfBirth },
      primaryService: { description: `Ketamine-assisted psychotherapy: ${nfc(src.course.protocol.name)}`, date: src.firstSession?.date ?? null },
      diagnoses: src.diagnoses.map((d) => ({ code: d.code, description: d.description ? nfc(d.description) : null })),
      lines,
      totals: { lowCents: sumCents(lines.map((l) => l.lowCents)), highCents: sumCents(lines.map((l) => l.highCents)) },
      separately: [
        'Ketamine (the medicine), its prescription, and the medical evaluation and monitoring by the prescribing clinician are provided and estimated separately by that clinician.',
        'Each session is scheduled separately; sessions beyond those planned here would be estimated separately.'
      ],
      disclaimers: GFE_DISCLAIMERS,
      deadline,
      timeliness: gfeTimeliness(deadline, src.issuedOn),
      trigger
    }
  }
}
