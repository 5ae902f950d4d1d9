import { describe, expect, it } from 'vitest'
import { buildGoodFaithEstimate, GFE_DISCLAIMERS, type GoodFaithEstimate } from '../../../src/main/documents/gfe'
import { course, fees, gfeSource } from './gfe-source'
import { client, practice } from './superbill-source'

const ready = (o: Parameters<typeof gfeSource>[0] = {}): GoodFaithEstimate => {
  const r = buildGoodFaithEstimate(gfeSource(o))
  if (r.kind !== 'ready') throw new Error(JSON.stringify(r))
  return r.estimate
}

describe('Good Faith Estimate content', () => {
  it('itemises the planned sessions not yet done with codes and expected charges, a range where the fee is one', () => {
    const gfe = ready({ course: course({ progress: [{ kind: 'preparation', planned: 2, scheduled: 2, completed: 1 }, { kind: 'dosing', planned: 6, scheduled: 0, completed: 0 }, { kind: 'integration', planned: 6, scheduled: 0, completed: 0 }] }) })
    expect(gfe.lines.map((l) => [l.service, l.code, l.sessions, l.units, l.perSessionLowCents, l.perSessionHighCents, l.lowCents, l.highCents])).toEqual([
      ['Preparation session', '90837', 1, 1, 15000, 30000, 15000, 30000],
      ['Dosing sessions', '0820T', 6, 3, 40000, 80000, 240000, 480000],
      ['Integration sessions', '90834', 6, 1, 17500, 17500, 105000, 105000]
    ])
    expect(gfe.totals).toEqual({ lowCents: 360000, highCents: 615000 })
  })

  it('names the patient, the provider with NPI, TIN and states, the primary service and date, diagnoses, and every disclaimer', () => {
    const gfe = ready()
    expect(gfe.client).toEqual({ name: 'Nguyễn Thị Ánh', dateOfBirth: '1985-04-12' })
    expect(gfe.provider).toEqual({ name: 'Dana Ames', credentials: 'LMFT', npi: '1234567893', tin: '12-3456789', states: ['OR'] })
    expect(gfe.primaryService).toEqual({ description: 'Ketamine-assisted psychotherapy: Induction: 6 dosing sessions', date: '2026-03-20' })
    expect(gfe.diagnoses.map((d) => d.code)).toEqual(['F33.2'])
    expect(gfe.disclaimers).toBe(GFE_DISCLAIMERS)
    expect(gfe.disclaimers.join(' ')).toMatch(/not a contract and does not require you to obtain/)
    expect(gfe.disclaimers.join(' ')).toMatch(/within 120 calendar days/)
    expect(gfe.separately.length).toBeGreaterThan(0)
  })

  it('covers from today (or the course start) for at most 12 months, or to the course end', () => {
    expect([ready().periodFrom, ready().periodTo]).toEqual(['2026-03-03', '2027-03-02'])
    expect(ready({ course: course({ startedOn: '2026-04-01' }) }).periodFrom).toBe('2026-04-01')
    expect(ready({ course: course({ endedOn: '2026-06-30' }) }).periodTo).toBe('2026-06-30')
  })

  it('tracks the deadline from the first session’s scheduling date, or from the request', () => {
    // Booked Mon Mar 2 for Mar 20 (≥ 10 business days): due Thu Mar 5; issued Mar 3 → on time.
    expect(ready()).toMatchObject({ trigger: 'scheduled', deadline: '2026-03-05', timeliness: 'on_time' })
    expect(ready({ issuedOn: '2026-03-06' })).toMatchObject({ deadline: '2026-03-05', timeliness: 'late' })
    // Booked Fri Mar 6 for Fri Mar 13 (5 business days): due Mon Mar 9.
    expect(ready({ firstSession: { date: '2026-03-13', scheduledOn: '2026-03-06' }, issuedOn: '2026-03-10' })).toMatchObject({ deadline: '2026-03-09', timeliness: 'late' })
    expect(ready({ firstSession: null, issuedOn: '2026-03-03' })).toMatchObject({ trigger: 'requested', deadline: '2026-03-06', timeliness: 'on_time', primaryService: { date: null } })
    expect(ready({ requestedOn: '2026-07-01', issuedOn: '2026-07-07' })).toMatchObject({ trigger: 'requested', deadline: '2026-07-07', timeliness: 'on_time' })
  })
})

describe('Good Faith Estimate refusals', () => {
  it('refuses a client whose insurance is billed, and says why', () => {
    expect(buildGoodFaithEstimate(gfeSource({ selfPay: false, payerOnFile: 'Aetna' }))).toEqual({
      kind: 'invalid',
      field: 'selfPay',
      message: 'A Good Faith Estimate is for clients who are uninsured or not having these services billed to insurance; Aetna is on file and will be billed, so the plan\'s own estimate applies instead'
    })
    // Insured but paying themselves: allowed.
    expect(buildGoodFaithEstimate(gfeSource({ selfPay: true, payerOnFile: 'Aetna' })).kind).toBe('ready')
  })

  it('names every missing item and where it is fixed', () => {
    const r = buildGoodFaithEstimate(gfeSource({
      practice: practice({ ein: '', individualNpi: '1234567890' }),
      client: client({ dateOfBirth: '' }),
      fees: { ...fees(), defaults: fees().defaults.filter((d) => d.event !== 'integration') }
    }))
    expect(r).toEqual({
      kind: 'missing',
      missing: [
        'Practice EIN (the provider’s TIN) — Settings → Practice',
        'Rendering provider’s individual NPI — Settings → Practice',
        'Date of birth — client’s profile',
        'A fee for integration sessions — Settings → Fees and billing'
      ]
    })
  })

  it('refuses a course that is over or has nothing left to estimate', () => {
    expect(buildGoodFaithEstimate(gfeSource({ course: course({ status: 'completed' }) }))).toMatchObject({ kind: 'invalid', field: 'courseId' })
    const done = course({ progress: [{ kind: 'dosing', planned: 2, scheduled: 2, completed: 2 }] })
    expect(buildGoodFaithEstimate(gfeSource({ course: done }))).toMatchObject({ kind: 'invalid', field: 'courseId', message: 'Every planned session of this course is done: nothing is left to estimate' })
  })
})
