/** A complete superbill source (pure data) that tests break one field at a time. */
import type { Charge, Provider } from '@shared/contracts/billing'
import type { Client } from '@shared/contracts/clients'
import type { Practice } from '@shared/contracts/practice'
import type { SuperbillSource } from '../../../src/main/documents/superbill'

const T = '2026-03-08T15:00:00.000Z'
export const practice = (o: Partial<Practice> = {}): Practice => ({
  practiceName: 'Cedar Grove Integrative Therapy', providerName: 'Dana Ames', providerCredentials: 'LMFT', individualNpi: '1234567893', organizationNpi: '1245319599',
  ein: '12-3456789', licenseNumber: 'LMFT 123', licenseState: 'OR', addressLine1: '100 Main St', addressLine2: 'Suite 2', city: 'Portland', state: 'OR', postalCode: '97201',
  phone: '(503) 555-0100', defaultPlaceOfService: '11', updatedAt: T, ...o
})
export const client = (o: Partial<Client> = {}): Client => ({
  id: '01900000-0000-7000-8000-0000abcdef12', legalFirstName: 'Nguyễn', legalMiddleName: 'Thị', legalLastName: 'Ánh', singleLegalName: false, suffix: null, preferredName: null, pronouns: null,
  dateOfBirth: '1985-04-12', sex: 'female', email: null, phone: '(503) 555-0199', addressLine1: '9 Elm St', addressLine2: null, city: 'Portland', state: 'OR', postalCode: '97202',
  emergencyContactName: null, emergencyContactRelationship: null, emergencyContactPhone: null, escortName: null, escortRelationship: null, escortPhone: null,
  prescriberName: null, prescriberNpi: null, prescriberPhone: null, referralSource: null, status: 'active', intakeDate: null, notes: null, archivedAt: null, archiveReason: null,
  createdAt: T, updatedAt: T, ...o
} as Client)
export const provider = (o: Partial<Provider> = {}): Provider => ({
  userId: 'u-2', displayName: 'Sam Ortiz', role: 'clinician', active: true, npi: '1245319599', licenseNumber: 'PSY 77', licenseState: 'WA', taxonomyCode: null, credentials: 'PsyD', updatedAt: T, ...o
})
let n = 0
export const charge = (o: Partial<Charge> = {}): Charge => ({
  id: `c-${++n}`, clientId: 'x', sessionId: null, feeItemId: null, event: 'psychotherapy', dateOfService: '2026-02-10', code: '90837', modifiers: [], description: 'Psychotherapy, 60 min',
  units: 1, unitFeeCents: 20000, amountCents: 20000, placeOfService: '11', renderingUserId: null, pointers: ['A'], diagnosisCodes: ['F33.2'], state: 'invoiced', heldReason: null,
  invoiceId: 'i', invoiceNumber: 'INV-2026-0001', adjustedCents: 0, paidCents: 0, openCents: 20000, reimbursable: true, voidReason: null, createdAt: `2026-02-10T10:00:${String(n % 60).padStart(2, '0')}.000Z`, ...o
})
export const source = (o: Partial<SuperbillSource> = {}): SuperbillSource => ({
  practice: practice(), providers: [provider()], client: client(), policy: null,
  diagnoses: [{ code: 'F33.2', description: 'Major depressive disorder, recurrent, severe' }, { code: 'F41.1', description: 'Generalized anxiety disorder' }],
  charges: [charge(), charge({ dateOfService: '2026-02-17', code: '0820T', units: 3, unitFeeCents: 20000, amountCents: 60000, paidCents: 25050, pointers: ['A', 'B'], renderingUserId: 'u-2', modifiers: ['95'], placeOfService: '10' })],
  from: '2026-02-01', to: '2026-02-28', generatedAt: T, ...o
})
