/**
 * A believable demo practice — invented people only. Everything is written through app.call,
 * the renderer's own path, so validation and every service rule apply exactly as in the app.
 */
import type { Client, ClientInput } from '@shared/contracts/clients'
import type { ConsentInput } from '@shared/contracts/consents'
import type { InsurancePolicyInput } from '@shared/contracts/insurance'
import type { PracticeInput } from '@shared/contracts/practice'
import type { ScreeningRecordInput } from '@shared/contracts/screening'
import { localToday } from '@shared/domain/dates'
import { npiCheckDigit } from '@shared/domain/npi'
import { SCREENING_ITEM_KEYS, type ScreeningItemKey } from '@shared/domain/screening'
import type { AppCore } from '../../src/main/app'
import { seedDemoClinical, type DemoClinicalCounts } from './demo-clinical'

const npiFrom = (firstNine: string) => firstNine + String(npiCheckDigit(firstNine))

const CLINICIAN = 'Jordan Ellis, LMFT'

export const DEMO_PRACTICE: PracticeInput = {
  practiceName: 'Redwood Integrative Psychotherapy',
  providerName: 'Jordan Ellis',
  providerCredentials: 'LMFT',
  individualNpi: '1234567893',
  organizationNpi: npiFrom('123456780'),
  ein: '12-3456789',
  licenseNumber: 'LMFT 123456',
  licenseState: 'CA',
  addressLine1: '1450 Example Street',
  addressLine2: 'Suite 210',
  city: 'Oakland',
  state: 'CA',
  postalCode: '94612-3301',
  phone: '(510) 555-0142',
  defaultPlaceOfService: '11'
}

const PRESCRIBERS = {
  ortiz: { prescriberName: 'Dr. Helen Ortiz, MD', prescriberNpi: npiFrom('198765432'), prescriberPhone: '(510) 555-0178' },
  achebe: { prescriberName: 'Dr. Samuel Achebe, DO', prescriberNpi: npiFrom('154321098'), prescriberPhone: '(415) 555-0119 x204' }
} as const

type ScreeningPlan = 'none' | 'complete' | { answered: number } | { positive: ScreeningItemKey; note: string }

interface DemoClient {
  client: Omit<ClientInput, 'intakeDate'> & { intakeDaysAgo?: number }
  diagnoses?: string[]
  screening?: ScreeningPlan
  consents?: Array<{ kind: ConsentInput['kind']; daysAgo: number; notes?: string; revokedDaysAgo?: number }>
  insurance?: Array<Omit<InsurancePolicyInput, 'rank'> & { rank?: InsurancePolicyInput['rank'] }>
  archiveReason?: string
}

const VERSIONS: Record<ConsentInput['kind'], string> = {
  kap: 'KAP consent v3.1 (2025)',
  telehealth: 'Telehealth consent v2',
  release_of_information: 'ROI v1',
  financial: 'Financial policy 2025',
  privacy_practices: 'NPP 2024',
  other: 'v1'
}

/** A dozen clients across every status, plus one discharged and archived. */
const DEMO_CLIENTS: DemoClient[] = [
  {
    client: {
      legalFirstName: 'María José', legalLastName: 'García-López', preferredName: 'Majo', pronouns: 'she/her', dateOfBirth: '1984-03-08', sex: 'F',
      email: 'majo.garcia@example.com', phone: '(510) 555-0101', addressLine1: '2231 Telegraph Ave', addressLine2: 'Apt 4B', city: 'Oakland', state: 'CA', postalCode: '94612',
      emergencyContactName: 'Andrés García', emergencyContactRelationship: 'Spouse', emergencyContactPhone: '(510) 555-0102',
      escortName: 'Andrés García', escortRelationship: 'Spouse', escortPhone: '(510) 555-0102', ...PRESCRIBERS.ortiz,
      referralSource: 'Psychiatrist referral', status: 'active', intakeDaysAgo: 40
    },
    diagnoses: ['F33.2', 'F41.1'],
    screening: 'complete',
    consents: [{ kind: 'kap', daysAgo: 35 }, { kind: 'telehealth', daysAgo: 35 }, { kind: 'release_of_information', daysAgo: 35, notes: 'To prescriber Dr. Helen Ortiz, MD: treatment summaries and dosing records' }],
    insurance: [{ payerName: 'Aetna Open Access PPO (out of network)', payerId: '60054', memberId: 'W284716093', groupNumber: '0871234-10', relationship: 'self' }]
  },
  {
    client: {
      legalFirstName: 'Sean', legalMiddleName: 'Patrick', legalLastName: "O'Brien", pronouns: 'he/him', dateOfBirth: '1976-11-30', sex: 'M',
      email: 'sean.obrien@example.net', phone: '415-555-0133', addressLine1: '88 Sea Cliff Rd', city: 'San Francisco', state: 'CA', postalCode: '94121-1107',
      escortName: 'Kathleen Murphy', escortRelationship: 'Sister', escortPhone: '(415) 555-0134', ...PRESCRIBERS.achebe,
      referralSource: 'Veterans group', status: 'maintenance', intakeDaysAgo: 210
    },
    diagnoses: ['F43.10', 'F33.1'],
    screening: 'complete',
    consents: [{ kind: 'kap', daysAgo: 200 }, { kind: 'release_of_information', daysAgo: 200, notes: 'To prescriber Dr. Samuel Achebe, DO' }, { kind: 'financial', daysAgo: 200 }],
    insurance: [{ payerName: 'Cigna Open Access Plus PPO (out of network)', payerId: '62308', memberId: 'U58203746-01', groupNumber: '3341187', relationship: 'self' }]
  },
  {
    client: {
      legalFirstName: 'Thị Lan', legalLastName: 'Nguyễn', preferredName: 'Lan', pronouns: 'she/her', dateOfBirth: '1991-07-14', sex: 'F',
      email: 'lan.nguyen@example.org', phone: '(408) 555-0147', addressLine1: '510 Story Rd', city: 'San Jose', state: 'CA', postalCode: '95122',
      referralSource: 'Primary care', status: 'screening', intakeDaysAgo: 6
    },
    diagnoses: ['F33.1'],
    screening: { answered: 5 },
    consents: [{ kind: 'telehealth', daysAgo: 6 }]
  },
  {
    client: {
      legalFirstName: 'Daniel', legalLastName: 'de la Cruz', dateOfBirth: '1989-01-22', sex: 'M',
      email: 'daniel.delacruz@example.com', phone: '(510) 555-0188', referralSource: 'Psychology Today', status: 'inquiry'
    }
  },
  {
    client: {
      legalFirstName: 'Aisha', legalLastName: 'Rahman-Whitfield', pronouns: 'she/her', dateOfBirth: '1980-05-02', sex: 'F',
      email: 'aisha.rw@example.com', phone: '(925) 555-0161', addressLine1: '17 Orchard Ln', city: 'Walnut Creek', state: 'CA', postalCode: '94596',
      emergencyContactName: 'Thomas Whitfield', emergencyContactRelationship: 'Spouse', emergencyContactPhone: '(925) 555-0162',
      escortName: 'Thomas Whitfield', escortRelationship: 'Spouse', escortPhone: '(925) 555-0162', ...PRESCRIBERS.ortiz,
      referralSource: 'Former client', status: 'active', intakeDaysAgo: 28
    },
    diagnoses: ['F43.10', 'F33.1'],
    screening: {
      positive: 'interacting_medications',
      note: 'Takes lorazepam 0.5 mg as needed. Prescriber asked to advise on holding it the night before dosing sessions.'
    },
    consents: [{ kind: 'kap', daysAgo: 21 }, { kind: 'telehealth', daysAgo: 21 }, { kind: 'release_of_information', daysAgo: 21, notes: 'To prescriber Dr. Helen Ortiz, MD' }],
    insurance: [
      { payerName: 'Blue Shield of California PPO (out of network)', payerId: '94036', memberId: 'XEA901234567', groupNumber: 'W0051234', relationship: 'spouse', subscriberName: 'Thomas Whitfield', subscriberDateOfBirth: '1978-09-19' },
      { rank: 'secondary', payerName: 'Anthem Blue Cross PPO (out of network)', memberId: 'RBX448812309', relationship: 'self' }
    ]
  },
  {
    client: {
      legalFirstName: 'Wei', legalLastName: '李', preferredName: 'David', pronouns: 'he/him', dateOfBirth: '1968-12-03', sex: 'M',
      email: 'wei.li@example.com', phone: '+1 650 555 0190', addressLine1: '301 Castro St', city: 'Mountain View', state: 'CA', postalCode: '94041',
      ...PRESCRIBERS.achebe, referralSource: 'Web search', status: 'discharged', intakeDaysAgo: 400
    },
    diagnoses: ['F32.1'],
    screening: 'complete',
    consents: [{ kind: 'kap', daysAgo: 390 }, { kind: 'telehealth', daysAgo: 390, revokedDaysAgo: 120 }],
    insurance: [{ payerName: 'UnitedHealthcare Choice Plus PPO (out of network)', payerId: '87726', memberId: '912345678', groupNumber: '755123', relationship: 'self' }]
  },
  {
    client: {
      legalFirstName: 'Renée', legalLastName: 'Dubois-Martin', dateOfBirth: '1958-04-17', sex: 'F',
      email: null, phone: '(707) 555-0112', addressLine1: '9 Vineyard Way', city: 'Sonoma', state: 'CA', postalCode: '95476',
      escortName: 'Claire Dubois', escortRelationship: 'Adult child', escortPhone: '(707) 555-0113', ...PRESCRIBERS.ortiz,
      status: 'maintenance', intakeDaysAgo: 150
    },
    diagnoses: ['F41.1', 'F41.0'],
    screening: 'complete',
    consents: [{ kind: 'kap', daysAgo: 148 }, { kind: 'release_of_information', daysAgo: 148, notes: 'To prescriber Dr. Helen Ortiz, MD' }]
  },
  {
    client: {
      legalFirstName: 'Marcus', legalLastName: 'Johnson', suffix: 'Jr.', dateOfBirth: '1972-08-25', sex: 'M',
      email: 'mjohnsonjr@example.org', phone: '(510) 555-0155', addressLine1: '42 Lake Shore Ave', city: 'Oakland', state: 'CA', postalCode: '94610',
      referralSource: 'Employee assistance program', status: 'declined', intakeDaysAgo: 60,
      notes: 'Chose to continue with talk therapy only for now.'
    },
    diagnoses: ['F33.2'],
    screening: 'complete'
  },
  {
    client: {
      legalFirstName: 'Jamie', legalLastName: 'Okafor', pronouns: 'they/them', dateOfBirth: '1996-02-29', sex: 'X',
      email: 'jamie.okafor@example.com', phone: '(415) 555-0170', addressLine1: '1200 Valencia St', addressLine2: 'Unit 3', city: 'San Francisco', state: 'CA', postalCode: '94110',
      escortName: 'Riley Chen', escortRelationship: 'Partner', escortPhone: '(415) 555-0171', ...PRESCRIBERS.achebe,
      referralSource: 'Integration circle', status: 'active', intakeDaysAgo: 20
    },
    diagnoses: ['F43.12', 'F42.2'],
    screening: 'complete',
    consents: [{ kind: 'kap', daysAgo: 14 }, { kind: 'telehealth', daysAgo: 14 }, { kind: 'release_of_information', daysAgo: 14, notes: 'To prescriber Dr. Samuel Achebe, DO' }],
    insurance: [{ payerName: 'Aetna Choice POS II (out of network)', payerId: '60054', memberId: 'W771203348', relationship: 'self' }]
  },
  {
    client: {
      legalFirstName: 'Eleanor', legalLastName: 'Whitcombe', dateOfBirth: '1941-10-09', sex: 'F',
      phone: '(510) 555-0123', addressLine1: '5 Piedmont Ct', city: 'Piedmont', state: 'CA', postalCode: '94611',
      referralSource: 'Primary care', status: 'ineligible', intakeDaysAgo: 90,
      notes: 'Referred back to primary care for blood pressure management before reconsidering.'
    },
    diagnoses: ['F33.1'],
    screening: { answered: 7 }
  },
  {
    client: {
      legalFirstName: 'Jesús', legalLastName: 'Rivera Ortiz', pronouns: 'he/him', dateOfBirth: '1987-06-30', sex: 'M',
      email: 'jesus.rivera@example.com', phone: '(787) 555-0145', addressLine1: '152 Calle Loíza', city: 'San Juan', state: 'PR', postalCode: '00911',
      escortName: 'Carmen Ortiz', escortRelationship: 'Parent', escortPhone: '(787) 555-0146',
      referralSource: 'Podcast', status: 'discharged', intakeDaysAgo: 300
    },
    diagnoses: ['F43.10'],
    screening: 'complete',
    consents: [{ kind: 'kap', daysAgo: 295 }, { kind: 'telehealth', daysAgo: 295 }]
  },
  {
    client: {
      legalFirstName: 'Grace', legalLastName: 'Kealoha', preferredName: 'Gracie', pronouns: 'she/they', dateOfBirth: '1999-09-12', sex: 'F',
      email: 'grace.kealoha@example.net', phone: '(808) 555-0131 ext. 12', addressLine1: 'Unit 2050 Box 4190', city: 'APO', state: 'AE', postalCode: '09096',
      status: 'screening', intakeDaysAgo: 3, referralSource: 'Friend'
    },
    diagnoses: ['F33.2'],
    screening: { answered: 2 },
    consents: [{ kind: 'telehealth', daysAgo: 3 }, { kind: 'kap', daysAgo: 3 }]
  },
  {
    client: {
      legalFirstName: 'Robert', legalLastName: 'St. James', dateOfBirth: '1963-01-15', sex: 'M',
      email: 'rstjames@example.com', phone: '(503) 555-0192', addressLine1: '700 NW Glisan St', city: 'Portland', state: 'OR', postalCode: '97209',
      status: 'discharged', intakeDaysAgo: 700
    },
    diagnoses: ['F41.1'],
    screening: 'complete',
    consents: [{ kind: 'kap', daysAgo: 690 }],
    archiveReason: 'Records transferred to new provider'
  }
]

export interface DemoOptions {
  /** The day the demo is "today" (YYYY-MM-DD); defaults to the local date, so every date stays in the past. */
  today?: string
}

export interface DemoPractice {
  clientIds: string[]
  counts: { clients: number; archived: number; diagnoses: number; screeningAnswers: number; consents: number; revokedConsents: number; insurancePolicies: number }
  /** Courses, sessions, notes and measures (tests/factories/demo-clinical.ts). */
  clinical: DemoClinicalCounts
}

const daysBefore = (today: string, days: number): string => {
  const d = new Date(Date.parse(`${today}T00:00:00Z`) - days * 86_400_000)
  return d.toISOString().slice(0, 10)
}

/** Calls a channel and returns its value, or throws naming the channel and the fields (never the values). */
async function must<T>(app: AppCore, channel: string, input: unknown): Promise<T> {
  const result = await app.call(channel, input)
  if (!result.ok) {
    const fields = result.error.fields ? Object.keys(result.error.fields).join(', ') : ''
    throw new Error(`demo seed: ${channel} failed (${result.error.code}${fields ? `: ${fields}` : ''})`)
  }
  return result.value as T
}

/** Seeds the demo practice. Call it on an empty database (it adds, it never replaces). */
export async function seedDemoPractice(app: AppCore, options: DemoOptions = {}): Promise<DemoPractice> {
  const today = options.today ?? localToday()
  const counts: DemoPractice['counts'] = { clients: 0, archived: 0, diagnoses: 0, screeningAnswers: 0, consents: 0, revokedConsents: 0, insurancePolicies: 0 }
  await must(app, 'practice:save', { profile: DEMO_PRACTICE })
  const clientIds: string[] = []

  for (const demo of DEMO_CLIENTS) {
    const { intakeDaysAgo, ...values } = demo.client
    const client = await must<Client>(app, 'clients:create', {
      client: { ...values, intakeDate: intakeDaysAgo === undefined ? null : daysBefore(today, intakeDaysAgo) }
    })
    clientIds.push(client.id)
    counts.clients++
    const intakeAgo = intakeDaysAgo ?? 0

    for (const code of demo.diagnoses ?? []) {
      await must(app, 'diagnoses:add', { clientId: client.id, diagnosis: { code } })
      counts.diagnoses++
    }

    const plan = demo.screening ?? 'none'
    if (plan !== 'none') {
      const answered = plan === 'complete' || 'positive' in plan ? SCREENING_ITEM_KEYS.length : plan.answered
      for (const itemKey of SCREENING_ITEM_KEYS.slice(0, answered)) {
        const positive = typeof plan === 'object' && 'positive' in plan && plan.positive === itemKey
        const item: ScreeningRecordInput = {
          answer: positive ? 'yes' : 'no',
          note: positive ? plan.note : null,
          reviewedBy: CLINICIAN,
          reviewedOn: daysBefore(today, Math.max(0, intakeAgo - 2))
        }
        await must(app, 'screening:record', { clientId: client.id, itemKey, item })
        counts.screeningAnswers++
      }
    }

    for (const c of demo.consents ?? []) {
      const consent = await must<{ id: string }>(app, 'consents:create', {
        clientId: client.id,
        consent: { kind: c.kind, version: VERSIONS[c.kind], signedOn: daysBefore(today, c.daysAgo), witness: CLINICIAN, notes: c.notes ?? null }
      })
      counts.consents++
      if (c.revokedDaysAgo !== undefined) {
        await must(app, 'consents:revoke', { id: consent.id, revokedOn: daysBefore(today, c.revokedDaysAgo) })
        counts.revokedConsents++
      }
    }

    for (const [i, p] of (demo.insurance ?? []).entries()) {
      await must(app, 'insurance:create', { clientId: client.id, policy: { rank: i === 0 ? 'primary' : 'secondary', ...p } })
      counts.insurancePolicies++
    }

    if (demo.archiveReason) {
      await must(app, 'clients:archive', { id: client.id, reason: demo.archiveReason })
      counts.archived++
    }
  }
  const clinical = await seedDemoClinical((channel, input) => must(app, channel, input), clientIds, today)
  return { clientIds, counts, clinical }
}
