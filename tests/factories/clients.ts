import type { Client, ClientInput } from '@shared/contracts/clients'
import type { TestApp } from './app'

/** A valid client as the intake form would send it; override any field. */
export function clientInput(overrides: Partial<ClientInput> = {}): ClientInput {
  return {
    legalFirstName: 'Maria',
    legalMiddleName: null,
    legalLastName: 'Lopez',
    suffix: null,
    preferredName: null,
    pronouns: 'she/her',
    dateOfBirth: '1985-03-08',
    sex: 'F',
    email: 'maria.lopez@example.com',
    phone: '(503) 555-0142',
    addressLine1: '1200 SW Main St',
    addressLine2: 'Apt 4',
    city: 'Portland',
    state: 'OR',
    postalCode: '97205',
    emergencyContactName: 'Ana Lopez',
    emergencyContactRelationship: 'Sister',
    emergencyContactPhone: '(503) 555-0199',
    escortName: null,
    escortRelationship: null,
    escortPhone: null,
    prescriberName: null,
    prescriberNpi: null,
    prescriberPhone: null,
    referralSource: null,
    status: 'screening',
    intakeDate: '2026-01-15',
    notes: null,
    ...overrides
  }
}

/** Creates a client through the real channel and returns it. */
export const createClient = (app: TestApp, overrides: Partial<ClientInput> = {}): Promise<Client> =>
  app.ok<Client>('clients:create', { client: clientInput(overrides) })
