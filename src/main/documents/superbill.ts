/**
 * The superbill a client sends their insurer to claim out-of-network reimbursement (BILLING.md,
 * "Superbill rules"). Pure: given what the ledger and the chart hold, it returns the document's
 * content, or every missing item as a sentence naming where it is fixed. No IO, no clock.
 */
import type { Charge, Provider } from '@shared/contracts/billing'
import type { Client } from '@shared/contracts/clients'
import type { InsurancePolicy } from '@shared/contracts/insurance'
import type { Practice } from '@shared/contracts/practice'
import { pointerLetter } from '@shared/domain/billing'
import { isCalendarDate, usDate } from '@shared/domain/dates'
import { SUPERBILL_FIX_PLACES, superbillRangeProblem } from '@shared/domain/superbill'
import { isValidNpi } from '@shared/domain/npi'
import { sumCents } from '@shared/domain/money'

export { superbillRangeProblem }

export interface SuperbillSource {
  practice: Practice | null
  /** Users with their billing identifiers (billing:providers). */
  providers: readonly Provider[]
  client: Client
  /** The client's primary policy if on file. */
  policy: InsurancePolicy | null
  /** The client's current diagnoses, primary first. */
  diagnoses: readonly { code: string; description: string | null }[]
  /** Every charge of the client; the range picks the lines. */
  charges: readonly Charge[]
  from: string
  to: string
  /** When it was made (ISO timestamp); printed and set as the PDF's dates. */
  generatedAt: string
}

export interface SuperbillProvider {
  name: string
  credentials: string
  npi: string
  licenseNumber: string
  licenseState: string
}

export interface SuperbillLine {
  dateOfService: string
  placeOfService: string
  code: string
  description: string
  modifiers: string[]
  units: number
  feeCents: number
  adjustedCents: number
  paidCents: number
  pointers: string[]
  /** Index into `providers`. */
  provider: number
}

export interface Superbill {
  generatedAt: string
  from: string
  to: string
  practice: { name: string; addressLines: string[]; phone: string; ein: string; organizationNpi: string | null }
  providers: SuperbillProvider[]
  /** For a client with one legal name: how it goes on a claim (SINGLE_LEGAL_NAME_CLAIM), printed under the name. */
  client: { name: string; nameNote: string | null; dateOfBirth: string; addressLines: string[]; phone: string | null; payerName: string | null; memberId: string | null; groupNumber: string | null }
  diagnoses: { letter: string; code: string; description: string | null }[]
  lines: SuperbillLine[]
  totals: { chargesCents: number; adjustedCents: number; paidCents: number; balanceCents: number }
  footnotes: string[]
}

export type SuperbillResult =
  | { kind: 'ready'; superbill: Superbill; warnings: string[] }
  | { kind: 'missing'; missing: string[] }
  /** The request itself cannot be answered (range, nothing billable): a field error. */
  | { kind: 'invalid'; field: 'from' | 'to'; message: string }

const { practice: PRACTICE, providers: USERS, profile: PROFILE, billingTab: BILLING_TAB } = SUPERBILL_FIX_PLACES

/** The payer convention for a mononym (see SINGLE_LEGAL_NAME_HELP): the one name as the last name, no first name. */
export const SINGLE_LEGAL_NAME_CLAIM = 'One legal name: on a claim it goes in the last-name field, first name blank (FNU if the payer requires one)'

const nfc = (s: string) => s.normalize('NFC').trim()
const blank = (s: string | null | undefined): boolean => !s || s.trim() === ''
const joinName = (...parts: (string | null)[]) => nfc(parts.filter((p) => !blank(p)).join(' '))

const cityLine = (city: string | null, state: string | null, zip: string | null) => nfc(`${city ?? ''}${city && state ? ', ' : ''}${state ?? ''} ${zip ?? ''}`)

export function buildSuperbill(src: SuperbillSource): SuperbillResult {
  const range = superbillRangeProblem(src.from, src.to)
  if (range) return { kind: 'invalid', ...range }

  const inRange = src.charges.filter((c) => c.state !== 'void' && c.dateOfService >= src.from && c.dateOfService <= src.to)
  const feesLeftOff = inRange.filter((c) => !c.reimbursable).length
  const heldLeftOff = inRange.filter((c) => c.reimbursable && c.state === 'held').length
  const billable = inRange
    .filter((c) => c.reimbursable && c.state !== 'held')
    .toSorted((a, b) => (a.dateOfService < b.dateOfService ? -1 : a.dateOfService > b.dateOfService ? 1 : a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0))
  if (billable.length === 0) return { kind: 'invalid', field: 'to', message: 'There are no billable services in this date range' }

  const missing: string[] = []
  const need = (absent: boolean, sentence: string) => {
    if (absent) missing.push(sentence)
  }

  // The practice
  const p = src.practice
  need(!p || blank(p.practiceName), `Practice name — ${PRACTICE}`)
  need(!p || blank(p.addressLine1) || blank(p.city) || blank(p.state) || blank(p.postalCode), `Practice address — ${PRACTICE}`)
  need(!p || blank(p.phone), `Practice phone — ${PRACTICE}`)
  need(!p || blank(p.ein), `Practice EIN — ${PRACTICE}`)

  // Rendering providers: a line's own clinician, else the practice's provider.
  const providers: SuperbillProvider[] = []
  const providerIndex = new Map<string, number>()
  const providerOf = (userId: string | null, line: number): number => {
    const key = userId ?? 'practice'
    const known = providerIndex.get(key)
    if (known !== undefined) return known
    const user = userId ? src.providers.find((u) => u.userId === userId) : undefined
    if (userId && !user) {
      missing.push(`Line ${line}’s rendering clinician is not a provider — ${BILLING_TAB}`)
      return 0
    }
    const entry: SuperbillProvider = user
      ? { name: nfc(user.displayName), credentials: nfc(user.credentials ?? ''), npi: user.npi ?? '', licenseNumber: nfc(user.licenseNumber ?? ''), licenseState: user.licenseState ?? '' }
      : { name: nfc(p?.providerName ?? ''), credentials: nfc(p?.providerCredentials ?? ''), npi: p?.individualNpi ?? '', licenseNumber: nfc(p?.licenseNumber ?? ''), licenseState: p?.licenseState ?? '' }
    const where = user ? USERS : PRACTICE
    const who = entry.name || 'the rendering provider'
    need(blank(entry.name), `Rendering provider’s name — ${where}`)
    need(blank(entry.credentials), `Credentials for ${who} — ${where}`)
    need(blank(entry.npi), `Individual NPI for ${who} — ${where}`)
    need(!blank(entry.npi) && !isValidNpi(entry.npi), `Individual NPI for ${who} has a wrong check digit — ${where}`)
    need(blank(entry.licenseNumber), `License number for ${who} — ${where}`)
    need(blank(entry.licenseState), `License state for ${who} — ${where}`)
    providerIndex.set(key, providers.length)
    providers.push(entry)
    return providers.length - 1
  }

  // The client
  const c = src.client
  const name = joinName(c.legalFirstName, c.legalMiddleName, c.legalLastName, c.suffix)
  // A client with one legal name has no first name, by design (clientInput's singleLegalName).
  need((!c.singleLegalName && blank(c.legalFirstName)) || blank(c.legalLastName), `Client’s legal name — ${PROFILE}`)
  need(blank(c.dateOfBirth) || !isCalendarDate(c.dateOfBirth), `Date of birth — ${PROFILE}`)
  need(blank(c.addressLine1) || blank(c.city) || blank(c.state) || blank(c.postalCode), `Address — ${PROFILE}`)
  need(src.diagnoses.length === 0, 'At least one diagnosis — client’s Diagnoses tab')

  const lines = billable.map((ch, i): SuperbillLine => {
    const n = i + 1
    need(blank(ch.placeOfService), `Line ${n} has no place of service — ${BILLING_TAB}`)
    need(ch.units < 1, `Line ${n} has no units — ${BILLING_TAB}`)
    need(ch.pointers.length === 0, `Line ${n} has no diagnosis pointer — ${BILLING_TAB}`)
    return {
      dateOfService: ch.dateOfService,
      placeOfService: ch.placeOfService,
      code: ch.code,
      description: nfc(ch.description),
      modifiers: ch.modifiers,
      units: ch.units,
      feeCents: ch.amountCents,
      adjustedCents: ch.adjustedCents,
      paidCents: ch.paidCents,
      pointers: ch.pointers,
      provider: providerOf(ch.renderingUserId, n)
    }
  })
  if (missing.length > 0) return { kind: 'missing', missing: [...new Set(missing)] }

  const practice = p!
  const warnings: string[] = []
  if (!src.policy) warnings.push('No insurance on file: payer and member ID are left blank — client’s Insurance tab')
  const footnotes: string[] = []
  if (feesLeftOff > 0) footnotes.push(`${feesLeftOff} late-cancellation or no-show fee${feesLeftOff === 1 ? ' is' : 's are'} not reimbursable and left off this superbill.`)
  if (heldLeftOff > 0) footnotes.push(`${heldLeftOff} service${heldLeftOff === 1 ? ' waits' : 's wait'} for a signed note and ${heldLeftOff === 1 ? 'is' : 'are'} left off.`)

  const chargesCents = sumCents(lines.map((l) => l.feeCents))
  const adjustedCents = sumCents(lines.map((l) => l.adjustedCents))
  const paidCents = sumCents(lines.map((l) => l.paidCents))
  return {
    kind: 'ready',
    warnings,
    superbill: {
      generatedAt: src.generatedAt,
      from: src.from,
      to: src.to,
      practice: {
        name: nfc(practice.practiceName),
        addressLines: [practice.addressLine1, practice.addressLine2, cityLine(practice.city, practice.state, practice.postalCode)].filter((s): s is string => !blank(s)).map(nfc),
        phone: practice.phone,
        ein: practice.ein,
        organizationNpi: practice.organizationNpi
      },
      providers,
      client: {
        name,
        nameNote: c.singleLegalName ? SINGLE_LEGAL_NAME_CLAIM : null,
        dateOfBirth: c.dateOfBirth,
        addressLines: [c.addressLine1, c.addressLine2, cityLine(c.city, c.state, c.postalCode)].filter((s): s is string => !blank(s)).map((s) => nfc(s!)),
        phone: c.phone,
        payerName: src.policy ? nfc(src.policy.payerName) : null,
        memberId: src.policy?.memberId ?? null,
        groupNumber: src.policy?.groupNumber ?? null
      },
      diagnoses: src.diagnoses.slice(0, 12).map((d, i) => ({ letter: pointerLetter(i)!, code: d.code, description: d.description ? nfc(d.description) : null })),
      lines,
      totals: { chargesCents, adjustedCents, paidCents, balanceCents: chargesCents - adjustedCents - paidCents },
      footnotes
    }
  }
}

/** MM/DD/YYYY for the document. */
export const printedDate = usDate
