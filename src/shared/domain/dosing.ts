/**
 * Medication of a dosing session: drugs, routes, mg/kg and the sanity warnings of DOMAIN.md's
 * typical ranges. Warnings never block: the prescriber orders the dose, the app only asks for a second look.
 */
export const DRUGS = ['racemic_ketamine', 'esketamine'] as const
export type Drug = (typeof DRUGS)[number]
export const DRUG_LABELS: Record<Drug, string> = {
  racemic_ketamine: 'Ketamine (racemic)',
  esketamine: 'Esketamine (Spravato)'
}

export const ROUTES = ['iv', 'im', 'sublingual', 'oral', 'intranasal'] as const
export type Route = (typeof ROUTES)[number]
export const ROUTE_LABELS: Record<Route, string> = {
  iv: 'IV infusion',
  im: 'IM injection',
  sublingual: 'Sublingual lozenge/troche',
  oral: 'Oral',
  intranasal: 'Intranasal'
}

/**
 * Hard plausibility limits the note schemas enforce (catching typos, not judging the dose):
 * 0 < dose ≤ 2000 mg — no ketamine dose reaches 2 g — and 2–400 kg covers every body a practice will weigh.
 */
export const doseLimits = {
  doseMg: { min: 0, max: 2000 },
  weightKg: { min: 2, max: 400 }
} as const

/** Dose per kilogram, to 3 decimals; null until both figures are there. */
export function mgPerKg(doseMg: number | null | undefined, weightKg: number | null | undefined): number | null {
  if (doseMg == null || weightKg == null || !Number.isFinite(doseMg) || !Number.isFinite(weightKg) || weightKg <= 0) return null
  return Math.round((doseMg / weightKg) * 1000) / 1000
}

/** Usual racemic-ketamine ranges per route (DOMAIN.md). Intranasal racemic ketamine has none on file, so no range check. */
export const USUAL_RANGES: Partial<Record<Route, { min: number; max: number; unit: 'mg/kg' | 'mg'; name: string }>> = {
  iv: { min: 0.1, max: 0.75, unit: 'mg/kg', name: 'IV' },
  im: { min: 0.25, max: 1, unit: 'mg/kg', name: 'IM' },
  sublingual: { min: 100, max: 400, unit: 'mg', name: 'sublingual' },
  // DOMAIN.md gives no oral range. Oral and sublingual ketamine are prescribed in similar total
  // amounts (a swallowed troche or solution), so the sublingual band is the closest guide.
  oral: { min: 100, max: 400, unit: 'mg', name: 'oral' }
}

/** Spravato's doses: two or three 28 mg devices. */
export const ESKETAMINE_DOSES_MG: readonly number[] = [56, 84]

export interface DoseInput {
  drug?: Drug | null
  route?: Route | null
  doseMg?: number | null
  weightKg?: number | null
}

export interface DoseCheck {
  field: 'doseMg' | 'route' | 'weightKg'
  message: string
}

/** Numbers as a clinician writes them: no trailing zeros, no float noise. */
const fmt = (n: number) => String(Math.round(n * 1000) / 1000)

/** Each warning with the medication field it belongs to, so a form can show it in place. */
export function doseChecks(m: DoseInput): DoseCheck[] {
  const checks: DoseCheck[] = []
  const dose = m.doseMg != null && Number.isFinite(m.doseMg) && m.doseMg > 0 ? m.doseMg : null

  if (m.drug === 'esketamine') {
    if (m.route && m.route !== 'intranasal') {
      checks.push({ field: 'route', message: `Esketamine (Spravato) is given intranasally, but the route is ${ROUTE_LABELS[m.route]}. Check the route.` })
    }
    if (dose !== null && !ESKETAMINE_DOSES_MG.includes(dose)) {
      checks.push({ field: 'doseMg', message: `${fmt(dose)} mg is not a usual esketamine dose (56 or 84 mg). Check the dose.` })
    }
    return checks
  }

  const range = m.route ? USUAL_RANGES[m.route] : undefined
  if (!range || dose === null) return checks
  if (range.unit === 'mg') {
    const side = dose < range.min ? 'below' : dose > range.max ? 'above' : null
    if (side) checks.push({ field: 'doseMg', message: `${fmt(dose)} mg is ${side} the usual ${range.name} range (${range.min}–${range.max} mg). Check the dose.` })
    return checks
  }
  const perKg = mgPerKg(dose, m.weightKg)
  if (perKg === null) {
    checks.push({ field: 'weightKg', message: `Record body weight to check the ${range.name} dose in mg/kg.` })
    return checks
  }
  const side = perKg < range.min ? 'below' : perKg > range.max ? 'above' : null
  if (side) checks.push({ field: 'doseMg', message: `${fmt(perKg)} mg/kg is ${side} the usual ${range.name} range (${range.min}–${range.max} mg/kg). Check the dose.` })
  return checks
}

/** Sanity warnings for a dose, in words a clinician reads at a glance. Empty when nothing looks off. */
export function doseWarnings(m: DoseInput): string[] {
  return doseChecks(m).map((c) => c.message)
}
