/**
 * Synthetic clients for tests, benchmarks and demos — never real people. Deterministic from a
 * seed: the same seed gives the same practice on every machine (for a given faker version).
 *
 * The spread is what a US practice actually meets: accents, apostrophes, hyphens, particles and
 * non-Latin scripts in names; preferred names and pronouns; missing emails and phones; phone
 * extensions; ZIP+4; addresses in territories and at an APO; every status, weighted.
 */
import { base, en, en_US, Faker } from '@faker-js/faker'
import { clientInput, type ClientInput } from '@shared/contracts/clients'
import { practiceInput, type PracticeInput } from '@shared/contracts/practice'
import type { ClientStatus, Sex } from '@shared/domain/client-status'
import { npiCheckDigit } from '@shared/domain/npi'
import { foldForSearch } from '@shared/domain/search'
import type { AppCore } from '../../src/main/app'

export type { ClientInput }

const w = <T>(weight: number, value: T) => ({ weight, value })

/** More clients in a course, in maintenance or finished than at the door (DOMAIN.md "A client's path"). */
const STATUS_WEIGHTS = [
  w(7, 'inquiry'), w(8, 'screening'), w(24, 'active'), w(22, 'maintenance'),
  w(27, 'discharged'), w(7, 'declined'), w(5, 'ineligible')
] as const satisfies ReadonlyArray<{ weight: number; value: ClientStatus }>

const SEX_WEIGHTS = [w(60, 'F'), w(33, 'M'), w(5, 'X'), w(2, 'U')] as const satisfies ReadonlyArray<{ weight: number; value: Sex }>

/** Given names beyond faker's en_US lists: accents, hyphens, apostrophes, other scripts. */
const DIVERSE_FIRST: Record<'F' | 'M', readonly string[]> = {
  F: ['María', 'María José', 'Zoë', 'Renée', 'Anaïs', 'Siobhán', 'Ngọc Anh', 'Thị Lan', 'Mary-Kate', 'Chloé', 'Priya', 'Aaliyah',
    'Oluwaseun', 'Søren', 'Małgorzata', 'Inés', 'Bích', 'Xiùyīng', '美玲', 'Fatimah', 'Ana Lucía', 'Mariana', 'Marisol', 'Guadalupe'],
  M: ['José', 'Jean-Luc', "D'Andre", 'Björn', 'Łukasz', 'François', 'Minh', 'Quốc Bảo', 'Jesús', 'Ángel', 'Oluwaseun', 'Søren',
    'Mateo', 'Tomás', 'Chukwuemeka', 'Kwame', '伟', 'Đức', 'Mario', 'Marcus', 'Nicolás', 'Rafael', 'Ahmed', 'Kai']
}
const DIVERSE_LAST = [
  "O'Brien", "O'Connor", "O'Neil", "D'Angelo", 'García-López', 'García', 'Martínez', 'de la Cruz', 'De La Rosa', 'del Río',
  'Nguyễn', 'Trần', 'Lê', 'Phạm', '李', '王', 'Chen', 'Li', 'Ng', 'van der Berg', 'Van Buren', 'von Trapp', 'Smith-Jones',
  'Müller', 'Sánchez', 'Peña', 'Núñez', 'MacDonald', 'McAllister', 'St. James', 'Çelik', 'Kowalski', 'Abu-Bakr',
  'Al-Sayed', 'Okonkwo', 'Rodríguez Hernández', 'López', 'Ramírez', 'Kealoha', 'Begay', 'Yazzie', 'Ó Súilleabháin',
  // Letters NFKD does not decompose (ł, ø, đ, ß) and a curly apostrophe beside a hyphen: search must fold them.
  'Wróbel', 'Ødegård', 'Nguyễn Đức', 'Weiß', 'O’Brien-Smith', 'Łukasik', 'Ærø'
]
const NICKNAMES = ['Beth', 'Kate', 'Liz', 'Sam', 'Alex', 'Max', 'Jo', 'Chris', 'Ricky', 'Nico', 'Lupe', 'Pepe', 'Mimi', 'Bea',
  'Tony', 'Sky', 'River', 'Jay', 'Lan', 'Bo', 'Teddy', 'Frankie']
const PRONOUNS = [w(45, 'she/her'), w(35, 'he/him'), w(12, 'they/them'), w(5, 'she/they'), w(3, 'he/they')]
const SUFFIXES = ['Jr.', 'Sr.', 'II', 'III', 'IV']

/** Area codes per state (real area codes; the numbers themselves are random). */
const AREA_CODES: Partial<Record<string, readonly string[]>> = {
  CA: ['415', '510', '213', '619', '707', '916'], NY: ['212', '718', '917', '585'], TX: ['512', '713', '214', '210'],
  FL: ['305', '407', '813'], WA: ['206', '509'], OR: ['503', '541'], CO: ['303', '720', '970'], IL: ['312', '773'],
  MA: ['617', '413'], NM: ['505', '575'], AZ: ['602', '520'], GA: ['404'], NC: ['919', '704'], PA: ['215', '412'],
  HI: ['808'], AK: ['907'], PR: ['787', '939'], GU: ['671'], VI: ['340'], DC: ['202'], MN: ['612'], MI: ['313'], UT: ['801']
}
/** Where a KAP practice's clients live: mostly the home state and neighbours, a long tail, and the odd territory or APO. */
const STATE_WEIGHTS = [
  w(30, 'CA'), w(10, 'NY'), w(8, 'TX'), w(6, 'FL'), w(6, 'WA'), w(6, 'OR'), w(6, 'CO'), w(4, 'IL'), w(4, 'MA'),
  w(3, 'NM'), w(3, 'AZ'), w(2, 'GA'), w(2, 'NC'), w(2, 'PA'), w(2, 'HI'), w(1, 'AK'), w(2, 'PR'), w(1, 'GU'),
  w(1, 'VI'), w(1, 'DC'), w(1, 'MN'), w(1, 'MI'), w(1, 'UT'), w(1, 'AE')
]
/** Territories have their own ZIP ranges (PR 006–009, VI 008, GU 969). */
const TERRITORY_PLACES: Partial<Record<string, { cities: readonly string[]; zips: readonly string[] }>> = {
  PR: { cities: ['San Juan', 'Bayamón', 'Carolina', 'Ponce', 'Mayagüez', 'Caguas'], zips: ['00901', '00907', '00961', '00979', '00717', '00680', '00725'] },
  GU: { cities: ['Hagåtña', 'Dededo', 'Tamuning', 'Yigo'], zips: ['96910', '96913', '96929', '96931', '96932'] },
  VI: { cities: ['Charlotte Amalie', 'Christiansted', 'Frederiksted'], zips: ['00801', '00802', '00820', '00840'] }
}
const REFERRALS = ['Psychiatrist referral', 'Primary care', 'Former client', 'Psychology Today', 'Web search', 'Podcast',
  'Friend', 'Veterans group', 'Integration circle', 'Employee assistance program']
const RELATIONSHIPS = ['Spouse', 'Partner', 'Parent', 'Sibling', 'Friend', 'Adult child', 'Roommate']
const PRESCRIBER_NAMES = ['Dr. Helen Ortiz, MD', 'Dr. Samuel Achebe, DO', 'Rosa Ibáñez, PMHNP-BC', 'Dr. Wen Li, MD', "Dr. Patrick O'Hara, MD"]

export interface SyntheticOptions {
  /** The calendar day treated as "today" for intake dates; fixed so output does not drift with the clock. */
  today?: string
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0')
const asciiSlug = (s: string) => foldForSearch(s).replace(/[^a-z0-9]/g, '')

/** A valid NPI (Luhn over 80840 + 9 digits) from the generator. */
export function syntheticNpi(f: Faker): string {
  const first = String(f.number.int({ min: 1, max: 2 })) + f.string.numeric(8)
  return first + String(npiCheckDigit(first))
}

function phoneFor(f: Faker, state: string | null): string {
  const areas = (state && AREA_CODES[state]) || ['415', '303', '212', '503', '617']
  const area = f.helpers.arrayElement(areas)
  // About one in five uses the 555 exchange, as people type into a demo; the rest look real.
  const exchange = f.datatype.boolean(0.2) ? '555' : String(f.number.int({ min: 200, max: 999 }))
  const line = f.string.numeric(4)
  const style = f.helpers.weightedArrayElement([
    w(50, `(${area}) ${exchange}-${line}`), w(25, `${area}-${exchange}-${line}`), w(10, `${area}.${exchange}.${line}`),
    w(10, `+1 ${area} ${exchange} ${line}`), w(5, `${area}${exchange}${line}`)
  ])
  const ext = f.datatype.boolean(0.04) ? f.helpers.arrayElement([` x${f.string.numeric(3)}`, ` ext. ${f.string.numeric(2)}`]) : ''
  return style + ext
}

function dateBetween(f: Faker, from: string, to: string): string {
  const a = Date.parse(`${from}T00:00:00Z`) / 86_400_000
  const b = Date.parse(`${to}T00:00:00Z`) / 86_400_000
  const day = f.number.int({ min: a, max: b })
  const d = new Date(day * 86_400_000)
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
}

/** Birth years 1935–2006, most clients between 25 and 60. */
function dateOfBirthFor(f: Faker): string {
  const ranges: Array<{ weight: number; value: readonly [string, string] }> = [
    w(10, ['1935-01-01', '1955-12-31']), w(70, ['1956-01-01', '1995-12-31']), w(20, ['1996-01-01', '2006-12-31'])
  ]
  const [from, to] = f.helpers.weightedArrayElement(ranges)
  return dateBetween(f, from, to)
}

function addressFor(f: Faker) {
  const state = f.helpers.weightedArrayElement(STATE_WEIGHTS)
  const zip4 = () => (f.datatype.boolean(0.25) ? `-${f.string.numeric(4)}` : '')
  if (state === 'AE') {
    return { addressLine1: `Unit ${f.number.int({ min: 2000, max: 9999 })} Box ${f.number.int({ min: 1, max: 9999 })}`, addressLine2: null,
      city: 'APO', state, postalCode: `09${f.string.numeric(3)}${zip4()}` }
  }
  const territory = TERRITORY_PLACES[state]
  const line2 = f.datatype.boolean(0.2) ? f.location.secondaryAddress() : null
  if (territory) {
    return { addressLine1: f.location.streetAddress(), addressLine2: line2, city: f.helpers.arrayElement(territory.cities), state,
      postalCode: f.helpers.arrayElement(territory.zips) + zip4() }
  }
  return { addressLine1: f.location.streetAddress(), addressLine2: line2, city: f.location.city(), state,
    postalCode: f.location.zipCode({ state: state as 'CA' }).slice(0, 5) + zip4() }
}

function nameFor(f: Faker, sex: Sex) {
  const gender = sex === 'F' ? 'F' : sex === 'M' ? 'M' : f.helpers.arrayElement(['F', 'M'] as const)
  const diverseFirst = f.datatype.boolean(0.3)
  const diverseLast = f.datatype.boolean(0.35)
  const legalFirstName = diverseFirst ? f.helpers.arrayElement(DIVERSE_FIRST[gender]) : f.person.firstName(gender === 'F' ? 'female' : 'male')
  const legalLastName = diverseLast ? f.helpers.arrayElement(DIVERSE_LAST) : f.person.lastName()
  const legalMiddleName = f.datatype.boolean(0.35) ? f.person.middleName(gender === 'F' ? 'female' : 'male') : null
  const suffix = gender === 'M' && f.datatype.boolean(0.04) ? f.helpers.arrayElement(SUFFIXES) : null
  const preferredName = f.datatype.boolean(0.15) ? f.helpers.arrayElement(NICKNAMES) : null
  return { legalFirstName, legalMiddleName, legalLastName, suffix, preferredName }
}

function emailFor(f: Faker, first: string, last: string, index: number): string {
  const a = asciiSlug(first) || `client${index}`
  const b = asciiSlug(last) || f.string.alphanumeric({ length: 4, casing: 'lower' })
  const user = f.helpers.arrayElement([`${a}.${b}`, `${a}${b}${f.number.int(99)}`, `${a[0]}${b}`, `${b}.${a}`])
  // Reserved example domains only: never a real mailbox.
  const domain = f.helpers.arrayElement(['example.com', 'example.org', 'example.net', 'mail.example.com'])
  return f.datatype.boolean(0.1) ? `${user.toUpperCase()}@${domain}` : `${user}@${domain}`
}

function oneClient(f: Faker, index: number, today: string): ClientInput {
  const sex = f.helpers.weightedArrayElement(SEX_WEIGHTS)
  const status = f.helpers.weightedArrayElement(STATUS_WEIGHTS)
  const name = nameFor(f, sex)
  const address = f.datatype.boolean(0.9) ? addressFor(f) : { addressLine1: null, addressLine2: null, city: null, state: null, postalCode: null }
  const inCare = status === 'active' || status === 'maintenance' || status === 'discharged'
  const hasEscort = status === 'active' || status === 'maintenance' || (status === 'screening' && f.datatype.boolean(0.3))
  const hasPrescriber = inCare && f.datatype.boolean(0.7)
  const pronouns = sex === 'X' ? f.helpers.arrayElement(['they/them', 'she/they', 'he/they', 'xe/xem'])
    : f.datatype.boolean(0.3) ? f.helpers.weightedArrayElement(PRONOUNS) : null
  const emergencyName = f.datatype.boolean(0.6) ? f.person.fullName() : null
  const escortName = hasEscort ? f.person.fullName() : null
  return {
    ...name,
    pronouns,
    dateOfBirth: dateOfBirthFor(f),
    sex,
    email: f.datatype.boolean(0.85) ? emailFor(f, name.legalFirstName, name.legalLastName, index) : null,
    phone: f.datatype.boolean(0.9) ? phoneFor(f, address.state) : null,
    ...address,
    emergencyContactName: emergencyName,
    emergencyContactRelationship: emergencyName ? f.helpers.arrayElement(RELATIONSHIPS) : null,
    emergencyContactPhone: emergencyName ? phoneFor(f, address.state) : null,
    escortName,
    escortRelationship: escortName ? f.helpers.arrayElement(RELATIONSHIPS) : null,
    escortPhone: escortName && f.datatype.boolean(0.9) ? phoneFor(f, address.state) : null,
    prescriberName: hasPrescriber ? f.helpers.arrayElement(PRESCRIBER_NAMES) : null,
    prescriberNpi: hasPrescriber && f.datatype.boolean(0.8) ? syntheticNpi(f) : null,
    prescriberPhone: hasPrescriber && f.datatype.boolean(0.7) ? phoneFor(f, address.state) : null,
    referralSource: f.datatype.boolean(0.6) ? f.helpers.arrayElement(REFERRALS) : null,
    status,
    intakeDate: status === 'inquiry' ? null : dateBetween(f, '2019-01-01', today),
    notes: f.datatype.boolean(0.1) ? 'Synthetic record for testing.' : null
  }
}

/** A seeded faker instance (en_US names and places), independent of faker's global instance. */
export function seededFaker(seed: number): Faker {
  const f = new Faker({ locale: [en_US, en, base] })
  f.seed(seed)
  return f
}

/**
 * `n` synthetic clients, the same for the same seed. Every one passes `clientInput`.
 */
export function syntheticClients(seed: number, n: number, options: SyntheticOptions = {}): ClientInput[] {
  const f = seededFaker(seed)
  const today = options.today ?? '2026-10-31'
  return Array.from({ length: n }, (_, i) => oneClient(f, i, today))
}

/** A practice profile that passes `practiceInput`: valid NPI check digit and an assigned EIN prefix. */
export const syntheticPracticeProfile = (): PracticeInput => ({
  practiceName: 'Cedar Grove Integrative Therapy (synthetic)',
  providerName: 'Jordan Ellis',
  providerCredentials: 'LMFT',
  individualNpi: '1234567893',
  organizationNpi: null,
  ein: '12-3456789',
  licenseNumber: 'LMFT 123456',
  licenseState: 'CA',
  addressLine1: '1450 Example Street',
  addressLine2: 'Suite 210',
  city: 'Oakland',
  state: 'CA',
  postalCode: '94612',
  phone: '(510) 555-0142',
  defaultPlaceOfService: '11'
})

export interface SeedSyntheticOptions {
  seed: number
  clients: number
  /** Fraction of clients archived afterwards (default 0.03); 0 for none. */
  archiveFraction?: number
}

export interface SeededPractice {
  clientIds: string[]
  archivedIds: string[]
}

/**
 * Inserts a synthetic practice through the clients and practice services, in one transaction
 * (10,000 clients take a second or two instead of 10,000 fsyncs).
 */
export function seedSyntheticPractice(app: AppCore, options: SeedSyntheticOptions): SeededPractice {
  const inputs = syntheticClients(options.seed, options.clients)
  const fraction = options.archiveFraction ?? 0.03
  const picker = seededFaker(options.seed ^ 0x5eed)
  const { clients, practice } = app.services
  return app.connection.sqlite.transaction(() => {
    practice.save(practiceInput.parse(syntheticPracticeProfile()))
    const clientIds = inputs.map((input) => clients.create(clientInput.parse(input)).id)
    const archivedIds = clientIds.filter(() => picker.datatype.boolean(fraction))
    for (const id of archivedIds) clients.archive(id, picker.helpers.arrayElement(['Moved out of state', 'Duplicate record', 'Records transferred', null]))
    return { clientIds, archivedIds }
  })()
}
