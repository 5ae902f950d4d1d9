/** The KAP contraindication checklist of DOMAIN.md, in the order a screener walks it. */
export const SCREENING_ITEMS = {
  uncontrolled_hypertension: 'Uncontrolled hypertension',
  psychosis_or_mania: 'History of psychosis or mania',
  family_psychosis: 'Family history of psychosis',
  substance_use_disorder: 'Active substance use disorder',
  pregnancy_or_breastfeeding: 'Pregnancy or breastfeeding',
  intracranial_pressure: 'Raised intracranial pressure',
  glaucoma: 'Glaucoma',
  recent_seizures: 'Recent seizures',
  vascular_disease: 'Aneurysmal vascular disease, AVM or prior brain haemorrhage',
  acute_suicidality: 'Acute suicidality needing a higher level of care',
  interacting_medications: 'Interacting medications (benzodiazepines, MAOIs, stimulants, opioids, lamotrigine)'
} as const
export type ScreeningItemKey = keyof typeof SCREENING_ITEMS
export const SCREENING_ITEM_KEYS = Object.keys(SCREENING_ITEMS) as [ScreeningItemKey, ...ScreeningItemKey[]]

export const SCREENING_ANSWERS = ['yes', 'no', 'unknown'] as const
export type ScreeningAnswer = (typeof SCREENING_ANSWERS)[number]
