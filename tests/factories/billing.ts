/** A practice that can make documents, and a client with billable services, built through the real calls. */
import type { Charge } from '@shared/contracts/billing'
import type { Client, ClientInput } from '@shared/contracts/clients'
import type { TestApp } from './app'
import { createClient } from './clients'

/** The fee schedule's seeded items (drizzle/0009_billing_defaults.sql). */
export const FEE = { intake: '01900000-0000-7000-8000-000000000001', therapy: '01900000-0000-7000-8000-000000000002', dosing: '01900000-0000-7000-8000-000000000003' }

export const PRACTICE_PROFILE = {
  practiceName: 'Cascade Ketamine-Assisted Therapy, PLLC', providerName: 'Dana Whitfield-Nakamura', providerCredentials: 'PhD, LMFT',
  individualNpi: '1234567893', organizationNpi: '1245319599', ein: '45-3456789', licenseNumber: 'T1234', licenseState: 'OR',
  addressLine1: '1200 SW Main St', addressLine2: 'Suite 300', city: 'Portland', state: 'OR', postalCode: '97205', phone: '(503) 555-0100', defaultPlaceOfService: '11'
}

export const chargeFor = (app: TestApp, clientId: string, dateOfService: string, extra: Record<string, unknown> = {}) =>
  app.ok<Charge>('billing:createCharge', { clientId, charge: { dateOfService, feeItemId: FEE.therapy, units: 1, unitFeeCents: 20000, modifiers: [], pointers: ['A'], placeOfService: '11', ...extra } })

/** A client with a diagnosis and one $200.00 therapy charge on each date: a superbill can be made. */
export async function billableClient(app: TestApp, dates: string[] = ['2026-02-10'], name: Partial<ClientInput> = {}): Promise<Client> {
  const client = await createClient(app, name)
  await app.ok('diagnoses:add', { clientId: client.id, diagnosis: { code: 'F33.2' } })
  for (const day of dates) await chargeFor(app, client.id, day)
  return client
}
