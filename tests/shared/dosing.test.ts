import { describe, expect, it } from 'vitest'
import * as fc from 'fast-check'
import { DRUGS, DRUG_LABELS, ROUTES, ROUTE_LABELS, doseChecks, doseLimits, doseWarnings, mgPerKg } from '@shared/domain/dosing'

describe('drugs and routes', () => {
  it('labels every drug and route', () => {
    expect(DRUGS.map((d) => DRUG_LABELS[d])).toEqual(['Ketamine (racemic)', 'Esketamine (Spravato)'])
    expect(ROUTES.map((r) => ROUTE_LABELS[r])).toEqual(['IV infusion', 'IM injection', 'Sublingual lozenge/troche', 'Oral', 'Intranasal'])
  })

  it('keeps hard limits loose enough for every real dose and body', () => {
    expect(doseLimits.doseMg).toEqual({ min: 0, max: 2000 })
    expect(doseLimits.weightKg).toEqual({ min: 2, max: 400 })
  })
})

describe('mgPerKg', () => {
  it('divides and rounds to 3 decimals', () => {
    expect(mgPerKg(35, 70)).toBe(0.5)
    expect(mgPerKg(50, 70)).toBe(0.714)
    expect(mgPerKg(100, 3)).toBe(33.333)
    expect(mgPerKg(2, 3)).toBe(0.667)
    expect(mgPerKg(56, 80.5)).toBe(0.696)
  })

  it.each([
    [null, 70],
    [35, null],
    [undefined, 70],
    [35, undefined],
    [35, 0],
    [35, -70],
    [Number.NaN, 70],
    [35, Number.POSITIVE_INFINITY]
  ])('is null for dose %s and weight %s', (dose, weight) => {
    expect(mgPerKg(dose, weight)).toBeNull()
  })

  it('never has more than 3 decimals (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.1, max: 2000, noNaN: true }), fc.double({ min: 2, max: 400, noNaN: true }), (dose, weight) => {
        const value = mgPerKg(dose, weight)
        expect(value).not.toBeNull()
        expect(Math.abs((value ?? 0) - dose / weight)).toBeLessThanOrEqual(0.0005 + 1e-9)
        expect(Math.round((value ?? 0) * 1000) / 1000).toBe(value)
      })
    )
  })
})

describe('doseWarnings', () => {
  const racemic = { drug: 'racemic_ketamine' as const }

  it('IV: 0.1–0.75 mg/kg is quiet, either side is named with the figure and range', () => {
    expect(doseWarnings({ ...racemic, route: 'iv', doseMg: 35, weightKg: 70 })).toEqual([])
    expect(doseWarnings({ ...racemic, route: 'iv', doseMg: 7, weightKg: 70 })).toEqual([]) // 0.1 exactly
    expect(doseWarnings({ ...racemic, route: 'iv', doseMg: 52.5, weightKg: 70 })).toEqual([]) // 0.75 exactly
    expect(doseWarnings({ ...racemic, route: 'iv', doseMg: 66.5, weightKg: 70 })).toEqual([
      '0.95 mg/kg is above the usual IV range (0.1–0.75 mg/kg). Check the dose.'
    ])
    expect(doseWarnings({ ...racemic, route: 'iv', doseMg: 3.5, weightKg: 70 })).toEqual([
      '0.05 mg/kg is below the usual IV range (0.1–0.75 mg/kg). Check the dose.'
    ])
  })

  it('IM: 0.25–1 mg/kg', () => {
    expect(doseWarnings({ ...racemic, route: 'im', doseMg: 70, weightKg: 70 })).toEqual([])
    expect(doseWarnings({ ...racemic, route: 'im', doseMg: 17.5, weightKg: 70 })).toEqual([])
    expect(doseWarnings({ ...racemic, route: 'im', doseMg: 84, weightKg: 70 })).toEqual(['1.2 mg/kg is above the usual IM range (0.25–1 mg/kg). Check the dose.'])
    expect(doseWarnings({ ...racemic, route: 'im', doseMg: 14, weightKg: 70 })).toEqual(['0.2 mg/kg is below the usual IM range (0.25–1 mg/kg). Check the dose.'])
  })

  it('asks for weight when an IV or IM dose cannot be checked per kg', () => {
    expect(doseChecks({ ...racemic, route: 'iv', doseMg: 35 })).toEqual([
      { field: 'weightKg', message: 'Record body weight to check the IV dose in mg/kg.' }
    ])
  })

  it('sublingual and oral: 100–400 mg total, whatever the weight', () => {
    expect(doseWarnings({ ...racemic, route: 'sublingual', doseMg: 100 })).toEqual([])
    expect(doseWarnings({ ...racemic, route: 'sublingual', doseMg: 400, weightKg: 50 })).toEqual([])
    expect(doseWarnings({ ...racemic, route: 'sublingual', doseMg: 500 })).toEqual(['500 mg is above the usual sublingual range (100–400 mg). Check the dose.'])
    expect(doseWarnings({ ...racemic, route: 'sublingual', doseMg: 50 })).toEqual(['50 mg is below the usual sublingual range (100–400 mg). Check the dose.'])
    expect(doseWarnings({ ...racemic, route: 'oral', doseMg: 300 })).toEqual([])
    expect(doseWarnings({ ...racemic, route: 'oral', doseMg: 600 })).toEqual(['600 mg is above the usual oral range (100–400 mg). Check the dose.'])
  })

  it('checks the route range when the drug is not chosen yet', () => {
    expect(doseWarnings({ route: 'sublingual', doseMg: 800 })).toHaveLength(1)
  })

  it('has no range for racemic ketamine by the intranasal route', () => {
    expect(doseWarnings({ ...racemic, route: 'intranasal', doseMg: 50, weightKg: 70 })).toEqual([])
  })

  it.each([56, 84])('esketamine %i mg intranasal is quiet', (dose) => {
    expect(doseWarnings({ drug: 'esketamine', route: 'intranasal', doseMg: dose, weightKg: 70 })).toEqual([])
  })

  it.each([28, 60, 112])('esketamine %i mg is not a usual dose', (dose) => {
    expect(doseChecks({ drug: 'esketamine', route: 'intranasal', doseMg: dose })).toEqual([
      { field: 'doseMg', message: `${dose} mg is not a usual esketamine dose (56 or 84 mg). Check the dose.` }
    ])
  })

  it('esketamine by another route is a route warning, and mg/kg ranges do not apply to it', () => {
    expect(doseChecks({ drug: 'esketamine', route: 'iv', doseMg: 56, weightKg: 70 })).toEqual([
      { field: 'route', message: 'Esketamine (Spravato) is given intranasally, but the route is IV infusion. Check the route.' }
    ])
  })

  it('says nothing until there is something to check', () => {
    expect(doseWarnings({})).toEqual([])
    expect(doseWarnings({ drug: 'racemic_ketamine', route: 'iv', doseMg: null, weightKg: 70 })).toEqual([])
    expect(doseWarnings({ drug: 'esketamine', route: null, doseMg: null })).toEqual([])
  })
})
