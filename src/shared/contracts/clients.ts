import { z } from 'zod'
import { CLIENT_STATUSES, SEXES } from '../domain/client-status'
import { ANY_ROLE } from '../domain/roles'
import { defineContract } from './contract'
import {
  dateOfBirth, optionalEmail, optionalIsoDate, optionalName, optionalNpi, optionalPhone, optionalText, optionalUsState, optionalZip,
  requiredName, timestamp, uuid
} from './fields'

export const clientStatus = z.enum(CLIENT_STATUSES, { error: 'Choose a status from the list' })
export const sex = z.enum(SEXES, { error: 'Choose a sex from the list' })

/**
 * How a client with one legal name (a mononym) is written where a form has first- and last-name
 * boxes: the name in the last-name field, the first name left blank — the CMS-1500 and X12 837
 * convention (the last name is required, the first is not). A payer that insists on a first name
 * asks for "FNU" (first name unknown) in it; that goes on their claim, never into the record.
 */
export const SINGLE_LEGAL_NAME_HELP =
  'Their one name goes in Legal name. Claims and superbills print it in the last-name field and leave the first name blank; a payer that requires a first name asks for “FNU” there.'

/** The first-name rule needs both of its fields parsed; it runs beside any other field's error, so a form hears every problem at once. */
const nameFieldsParsed = (payload: { value: unknown; issues: readonly { path?: readonly PropertyKey[] }[] }) =>
  typeof payload.value === 'object' && payload.value !== null && !payload.issues.some((i) => i.path?.[0] === 'legalFirstName' || i.path?.[0] === 'singleLegalName')

/** Everything a therapist types about a client; the same schema drives the form and main's validation. */
export const clientInput = z
  .strictObject({
    /** Not asked for when the client has one legal name (stored as ''). */
    legalFirstName: optionalName('Legal first name', 100).transform((s) => s ?? ''),
    legalMiddleName: optionalName('Middle name', 100),
    legalLastName: requiredName('Legal last name', 100),
    /** "This client has one legal name": legalLastName holds it, legalFirstName stays empty. */
    singleLegalName: z.boolean({ error: 'Choose whether the client has one legal name' }).default(false),
    suffix: optionalName('Suffix', 20),
    preferredName: optionalName('Preferred name', 100),
    pronouns: optionalText('Pronouns', 40),
    dateOfBirth: dateOfBirth(),
    sex,
    email: optionalEmail('Email'),
    phone: optionalPhone('Phone'),
    addressLine1: optionalText('Address', 200),
    addressLine2: optionalText('Address line 2', 200),
    city: optionalText('City', 100),
    state: optionalUsState(),
    postalCode: optionalZip(),
    emergencyContactName: optionalName('Emergency contact name', 200),
    emergencyContactRelationship: optionalText('Emergency contact relationship', 60),
    emergencyContactPhone: optionalPhone('Emergency contact phone'),
    escortName: optionalName('Escort name', 200),
    escortRelationship: optionalText('Escort relationship', 60),
    escortPhone: optionalPhone('Escort phone'),
    prescriberName: optionalName('Prescriber name', 200),
    prescriberNpi: optionalNpi('Prescriber NPI'),
    prescriberPhone: optionalPhone('Prescriber phone'),
    referralSource: optionalText('Referral source', 200),
    status: clientStatus,
    intakeDate: optionalIsoDate('Intake date'),
    notes: optionalText('Notes', 10_000)
  })
  .superRefine((c, ctx) => {
    if (c.singleLegalName) {
      if (c.legalFirstName) ctx.addIssue({ code: 'custom', path: ['legalFirstName'], message: 'Leave the first name empty: this client has one legal name, entered as Legal name' })
    } else if (!c.legalFirstName) {
      ctx.addIssue({ code: 'custom', path: ['legalFirstName'], message: 'Legal first name is required — or tick “This client has one legal name”' })
    }
  }, { when: nameFieldsParsed })
export type ClientInput = z.input<typeof clientInput>
export type ClientValues = z.output<typeof clientInput>

/** Chart-header flags: what needs the therapist's attention before dosing. */
export const clientFlags = z.strictObject({
  missingKapConsent: z.boolean(),
  screeningIncomplete: z.boolean(),
  /** null for the administrator, who never sees screening answers. */
  screeningPositive: z.boolean().nullable(),
  noDiagnosis: z.boolean()
})

export const client = z.strictObject({
  id: z.string(),
  legalFirstName: z.string(),
  legalMiddleName: z.string().nullable(),
  legalLastName: z.string(),
  singleLegalName: z.boolean(),
  suffix: z.string().nullable(),
  preferredName: z.string().nullable(),
  pronouns: z.string().nullable(),
  dateOfBirth: z.string(),
  sex,
  email: z.string().nullable(),
  phone: z.string().nullable(),
  addressLine1: z.string().nullable(),
  addressLine2: z.string().nullable(),
  city: z.string().nullable(),
  state: z.string().nullable(),
  postalCode: z.string().nullable(),
  emergencyContactName: z.string().nullable(),
  emergencyContactRelationship: z.string().nullable(),
  emergencyContactPhone: z.string().nullable(),
  escortName: z.string().nullable(),
  escortRelationship: z.string().nullable(),
  escortPhone: z.string().nullable(),
  prescriberName: z.string().nullable(),
  prescriberNpi: z.string().nullable(),
  prescriberPhone: z.string().nullable(),
  referralSource: z.string().nullable(),
  status: clientStatus,
  intakeDate: z.string().nullable(),
  notes: z.string().nullable(),
  archivedAt: timestamp.nullable(),
  archiveReason: z.string().nullable(),
  createdAt: timestamp,
  updatedAt: timestamp
})
export type Client = z.infer<typeof client>

export const clientChart = z.strictObject({ client, flags: clientFlags })
export type ClientChart = z.infer<typeof clientChart>

export const CLIENT_SORT_COLUMNS = ['name', 'dateOfBirth', 'status', 'intakeDate', 'phone', 'email', 'updatedAt'] as const
export const ARCHIVE_FILTERS = ['current', 'archived', 'all'] as const

export const clientListInput = z.strictObject({
  search: z.string().max(200, { error: 'Search must be 200 characters or fewer' }).default(''),
  statuses: z.array(clientStatus).max(CLIENT_STATUSES.length).default([]),
  archived: z.enum(ARCHIVE_FILTERS).default('current'),
  sort: z.enum(CLIENT_SORT_COLUMNS).default('name'),
  direction: z.enum(['asc', 'desc']).default('asc'),
  page: z.int().min(0).max(100_000).default(0),
  pageSize: z.int().min(1).max(200).default(50)
})
export type ClientListInput = z.input<typeof clientListInput>
export type ClientListQuery = z.output<typeof clientListInput>
export type ClientSortColumn = (typeof CLIENT_SORT_COLUMNS)[number]

export const clientListRow = z.strictObject({
  id: z.string(),
  legalFirstName: z.string(),
  legalLastName: z.string(),
  preferredName: z.string().nullable(),
  dateOfBirth: z.string(),
  status: clientStatus,
  email: z.string().nullable(),
  phone: z.string().nullable(),
  intakeDate: z.string().nullable(),
  archivedAt: timestamp.nullable(),
  updatedAt: timestamp
})
export type ClientListRow = z.infer<typeof clientListRow>

export const clientListOutput = z.strictObject({ rows: z.array(clientListRow), total: z.int() })
export type ClientListPage = z.infer<typeof clientListOutput>

/** Quick jump (Ctrl/Cmd+K): the few best matches as the user types. */
export const clientSearchInput = z.strictObject({
  query: z.string().max(200, { error: 'Search must be 200 characters or fewer' }),
  limit: z.int().min(1).max(50).default(8)
})
export const clientSearchHit = z.strictObject({
  id: z.string(),
  legalFirstName: z.string(),
  legalLastName: z.string(),
  preferredName: z.string().nullable(),
  dateOfBirth: z.string(),
  status: clientStatus,
  archivedAt: timestamp.nullable()
})
export type ClientSearchHit = z.infer<typeof clientSearchHit>

const byId = z.strictObject({ id: uuid('Client ID') })

export const clientsContracts = {
  list: defineContract('clients:list', clientListInput, clientListOutput, { roles: ANY_ROLE }),
  search: defineContract('clients:search', clientSearchInput, z.array(clientSearchHit), { roles: ANY_ROLE }),
  /** Opening a chart is a read the audit log keeps ('view'); lists and search are not. */
  get: defineContract('clients:get', byId, clientChart, { roles: ANY_ROLE, audit: { action: 'view', entity: 'client' } }),
  create: defineContract('clients:create', z.strictObject({ client: clientInput }), client, { roles: ANY_ROLE, audit: { action: 'create', entity: 'client' } }),
  update: defineContract('clients:update', z.strictObject({ id: uuid('Client ID'), client: clientInput }), client, {
    roles: ANY_ROLE,
    audit: { action: 'update', entity: 'client' }
  }),
  archive: defineContract(
    'clients:archive',
    z.strictObject({ id: uuid('Client ID'), reason: optionalText('Reason', 500) }),
    client,
    { roles: ANY_ROLE, audit: { action: 'archive', entity: 'client' } }
  ),
  restore: defineContract('clients:restore', byId, client, { roles: ANY_ROLE, audit: { action: 'restore', entity: 'client' } })
}
