import { describe, expect, it } from 'vitest'
import { buildSuperbill, SINGLE_LEGAL_NAME_CLAIM, superbillRangeProblem, type SuperbillResult } from '../../../src/main/documents/superbill'
import { charge, client, practice, provider, source } from './superbill-source'

const missingOf = (r: SuperbillResult) => (r.kind === 'missing' ? r.missing : [])
const ready = (r: SuperbillResult) => {
  if (r.kind !== 'ready') throw new Error(`expected a superbill, got ${JSON.stringify(r)}`)
  return r
}

describe('superbill model', () => {
  it('builds every field from a complete source, names exact in NFC', () => {
    const decomposed = 'Nguyễn'.normalize('NFD')
    const { superbill: s, warnings } = ready(buildSuperbill(source({ client: client({ legalFirstName: decomposed }) })))
    expect(s.client.name).toBe('Nguyễn Thị Ánh'.normalize('NFC'))
    expect(s.client).toMatchObject({ dateOfBirth: '1985-04-12', addressLines: ['9 Elm St', 'Portland, OR 97202'], payerName: null, memberId: null })
    expect(s.practice).toEqual({ name: 'Cedar Grove Integrative Therapy', addressLines: ['100 Main St', 'Suite 2', 'Portland, OR 97201'], phone: '(503) 555-0100', ein: '12-3456789', organizationNpi: '1245319599' })
    // A line without a rendering clinician is the practice's provider; a line with one, that user.
    expect(s.providers).toEqual([
      { name: 'Dana Ames', credentials: 'LMFT', npi: '1234567893', licenseNumber: 'LMFT 123', licenseState: 'OR' },
      { name: 'Sam Ortiz', credentials: 'PsyD', npi: '1245319599', licenseNumber: 'PSY 77', licenseState: 'WA' }
    ])
    expect(s.diagnoses.map((d) => `${d.letter} ${d.code}`)).toEqual(['A F33.2', 'B F41.1'])
    expect(s.lines.map((l) => [l.dateOfService, l.placeOfService, l.code, l.modifiers, l.units, l.feeCents, l.pointers, l.provider])).toEqual([
      ['2026-02-10', '11', '90837', [], 1, 20000, ['A'], 0],
      ['2026-02-17', '10', '0820T', ['95'], 3, 60000, ['A', 'B'], 1]
    ])
    // Member ID and payer are asked for by the insurer: a warning, not a refusal.
    expect(warnings).toEqual(['No insurance on file: payer and member ID are left blank — client’s Insurance tab'])
  })

  it('takes a client with one legal name, printed once with the claim convention beneath it', () => {
    const { superbill: s } = ready(buildSuperbill(source({ client: client({ legalFirstName: '', legalMiddleName: null, legalLastName: 'Madonna', singleLegalName: true }) })))
    expect(s.client.name).toBe('Madonna')
    expect(s.client.nameNote).toBe(SINGLE_LEGAL_NAME_CLAIM)
    expect(missingOf(buildSuperbill(source({ client: client({ legalFirstName: '', singleLegalName: false }) })))).toContain('Client’s legal name — client’s profile')
    expect(ready(buildSuperbill(source())).superbill.client.nameNote).toBeNull()
  })

  it('prints the primary policy when on file', () => {
    const policy = { id: 'p', clientId: 'x', rank: 'primary', payerName: 'Aetna', payerId: '60054', memberId: 'W123456789', groupNumber: 'G-42', relationship: 'self', subscriberName: null, subscriberDateOfBirth: null, archivedAt: null, createdAt: '', updatedAt: '' } as const
    const r = ready(buildSuperbill(source({ policy })))
    expect(r.superbill.client).toMatchObject({ payerName: 'Aetna', memberId: 'W123456789', groupNumber: 'G-42' })
    expect(r.warnings).toEqual([])
  })

  it('totals are exact sums of the lines in integer cents; balance = charges − adjustments − paid', () => {
    const charges = [
      charge({ amountCents: 33333, paidCents: 11111 }),
      charge({ amountCents: 33334, paidCents: 1, adjustedCents: 333 }),
      charge({ amountCents: 1, paidCents: 0 })
    ]
    const { superbill: s } = ready(buildSuperbill(source({ charges })))
    expect(s.totals).toEqual({ chargesCents: 66668, adjustedCents: 333, paidCents: 11112, balanceCents: 55223 })
  })

  it('leaves late-cancel and no-show fees, voided and held charges off, with a footnote for the fees', () => {
    const charges = [
      charge(),
      charge({ event: 'late_cancel', code: '90837', reimbursable: false, amountCents: 10000 }),
      charge({ event: 'no_show', reimbursable: false, amountCents: 10000 }),
      charge({ state: 'void', amountCents: 99999 }),
      charge({ state: 'held', amountCents: 55555, invoiceId: null })
    ]
    const { superbill: s } = ready(buildSuperbill(source({ charges })))
    expect(s.lines).toHaveLength(1)
    expect(s.totals.chargesCents).toBe(20000)
    expect(s.footnotes).toEqual(['2 late-cancellation or no-show fees are not reimbursable and left off this superbill.', '1 service waits for a signed note and is left off.'])
  })

  it('takes only the charges in the range, in date order', () => {
    const charges = [charge({ dateOfService: '2026-03-01' }), charge({ dateOfService: '2026-02-28', code: '90834' }), charge({ dateOfService: '2026-01-31' }), charge({ dateOfService: '2026-02-01', code: '90791' })]
    expect(ready(buildSuperbill(source({ charges }))).superbill.lines.map((l) => l.code)).toEqual(['90791', '90834'])
  })

  it.each([
    ['practice name', { practice: practice({ practiceName: ' ' }) }, 'Practice name — Settings → Practice'],
    ['practice address', { practice: practice({ addressLine1: '' }) }, 'Practice address — Settings → Practice'],
    ['practice phone', { practice: practice({ phone: '' }) }, 'Practice phone — Settings → Practice'],
    ['EIN', { practice: practice({ ein: '' }) }, 'Practice EIN — Settings → Practice'],
    ['practice provider NPI', { practice: practice({ individualNpi: '' }) }, 'Individual NPI for Dana Ames — Settings → Practice'],
    ['practice provider credentials', { practice: practice({ providerCredentials: '' }) }, 'Credentials for Dana Ames — Settings → Practice'],
    ['user NPI', { providers: [provider({ npi: null })] }, 'Individual NPI for Sam Ortiz — Settings → Fees and billing'],
    ['user NPI check digit', { providers: [provider({ npi: '1245319598' })] }, 'Individual NPI for Sam Ortiz has a wrong check digit — Settings → Fees and billing'],
    ['user licence number', { providers: [provider({ licenseNumber: null })] }, 'License number for Sam Ortiz — Settings → Fees and billing'],
    ['user licence state', { providers: [provider({ licenseState: null })] }, 'License state for Sam Ortiz — Settings → Fees and billing'],
    ['user credentials', { providers: [provider({ credentials: null })] }, 'Credentials for Sam Ortiz — Settings → Fees and billing'],
    ['rendering clinician', { providers: [] }, 'Line 2’s rendering clinician is not a provider — client’s Billing tab'],
    ['client name', { client: client({ legalLastName: '' }) }, 'Client’s legal name — client’s profile'],
    ['date of birth', { client: client({ dateOfBirth: '' }) }, 'Date of birth — client’s profile'],
    ['client address', { client: client({ postalCode: null }) }, 'Address — client’s profile'],
    ['diagnosis', { diagnoses: [] }, 'At least one diagnosis — client’s Diagnoses tab'],
    ['pointer', { charges: [charge(), charge({ dateOfService: '2026-02-11' }), charge({ dateOfService: '2026-02-12', pointers: [] })] }, 'Line 3 has no diagnosis pointer — client’s Billing tab']
  ])('refuses without the %s, naming where it is fixed', (_what, over, sentence) => {
    expect(missingOf(buildSuperbill(source(over)))).toEqual([sentence])
  })

  it('lists every missing item at once, each once, with no practice profile at all', () => {
    const missing = missingOf(buildSuperbill(source({ practice: null, diagnoses: [] })))
    expect(missing).toEqual([
      'Practice name — Settings → Practice',
      'Practice address — Settings → Practice',
      'Practice phone — Settings → Practice',
      'Practice EIN — Settings → Practice',
      'At least one diagnosis — client’s Diagnoses tab',
      'Rendering provider’s name — Settings → Practice',
      'Credentials for the rendering provider — Settings → Practice',
      'Individual NPI for the rendering provider — Settings → Practice',
      'License number for the rendering provider — Settings → Practice',
      'License state for the rendering provider — Settings → Practice'
    ])
  })

  it('refuses a range that ends before it starts, runs past 12 months, or holds nothing billable', () => {
    expect(buildSuperbill(source({ from: '2026-02-10', to: '2026-02-09' }))).toEqual({ kind: 'invalid', field: 'to', message: 'The end date cannot be before the start date' })
    expect(superbillRangeProblem('2026-01-15', '2027-01-14')).toBeNull()
    expect(superbillRangeProblem('2026-01-15', '2027-01-15')).toEqual({ field: 'to', message: 'A superbill covers at most 12 months' })
    expect(superbillRangeProblem('2026-02-30', '2026-03-01')).toEqual({ field: 'from', message: 'The start date is not a date' })
    expect(buildSuperbill(source({ from: '2025-01-01', to: '2025-12-31' }))).toEqual({ kind: 'invalid', field: 'to', message: 'There are no billable services in this date range' })
    const onlyFees = [charge({ event: 'no_show', reimbursable: false })]
    expect(buildSuperbill(source({ charges: onlyFees })).kind).toBe('invalid')
  })
})
