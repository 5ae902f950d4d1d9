/**
 * A curated behavioral-health list for the diagnosis picker; descriptions are our own short
 * wording. Any well-formed code may still be typed (see icd10.ts).
 */
export interface Icd10Entry {
  code: string
  description: string
}

export const ICD10_CATALOG: readonly Icd10Entry[] = [
  { code: 'F32.0', description: 'Major depressive disorder, single episode, mild' },
  { code: 'F32.1', description: 'Major depressive disorder, single episode, moderate' },
  { code: 'F32.2', description: 'Major depressive disorder, single episode, severe without psychotic features' },
  { code: 'F32.3', description: 'Major depressive disorder, single episode, severe with psychotic features' },
  { code: 'F32.4', description: 'Major depressive disorder, single episode, in partial remission' },
  { code: 'F32.5', description: 'Major depressive disorder, single episode, in full remission' },
  { code: 'F32.9', description: 'Major depressive disorder, single episode, unspecified' },
  { code: 'F32.A', description: 'Depression, unspecified' },
  { code: 'F33.0', description: 'Major depressive disorder, recurrent, mild' },
  { code: 'F33.1', description: 'Major depressive disorder, recurrent, moderate' },
  { code: 'F33.2', description: 'Major depressive disorder, recurrent, severe without psychotic features' },
  { code: 'F33.3', description: 'Major depressive disorder, recurrent, severe with psychotic symptoms' },
  { code: 'F33.41', description: 'Major depressive disorder, recurrent, in partial remission' },
  { code: 'F33.42', description: 'Major depressive disorder, recurrent, in full remission' },
  { code: 'F33.9', description: 'Major depressive disorder, recurrent, unspecified' },
  { code: 'F34.1', description: 'Dysthymic disorder (persistent depressive disorder)' },
  { code: 'F31.81', description: 'Bipolar II disorder' },
  { code: 'F31.9', description: 'Bipolar disorder, unspecified' },
  { code: 'F41.0', description: 'Panic disorder without agoraphobia' },
  { code: 'F41.1', description: 'Generalized anxiety disorder' },
  { code: 'F41.9', description: 'Anxiety disorder, unspecified' },
  { code: 'F40.10', description: 'Social phobia, unspecified' },
  { code: 'F42.2', description: 'Mixed obsessional thoughts and acts' },
  { code: 'F42.9', description: 'Obsessive-compulsive disorder, unspecified' },
  { code: 'F43.10', description: 'Post-traumatic stress disorder, unspecified' },
  { code: 'F43.11', description: 'Post-traumatic stress disorder, acute' },
  { code: 'F43.12', description: 'Post-traumatic stress disorder, chronic' },
  { code: 'F43.20', description: 'Adjustment disorder, unspecified' },
  { code: 'F43.21', description: 'Adjustment disorder with depressed mood' },
  { code: 'F43.23', description: 'Adjustment disorder with mixed anxiety and depressed mood' },
  { code: 'F43.8', description: 'Other reactions to severe stress' },
  { code: 'F50.00', description: 'Anorexia nervosa, unspecified' },
  { code: 'F50.2', description: 'Bulimia nervosa' },
  { code: 'F60.3', description: 'Borderline personality disorder' },
  { code: 'F90.0', description: 'ADHD, predominantly inattentive type' },
  { code: 'F90.2', description: 'ADHD, combined type' },
  { code: 'F10.20', description: 'Alcohol dependence, uncomplicated' },
  { code: 'F10.21', description: 'Alcohol dependence, in remission' },
  { code: 'F11.20', description: 'Opioid dependence, uncomplicated' },
  { code: 'F11.21', description: 'Opioid dependence, in remission' },
  { code: 'F12.20', description: 'Cannabis dependence, uncomplicated' },
  { code: 'F14.20', description: 'Cocaine dependence, uncomplicated' },
  { code: 'F15.20', description: 'Other stimulant dependence, uncomplicated' },
  { code: 'F17.210', description: 'Nicotine dependence, cigarettes, uncomplicated' },
  { code: 'F19.20', description: 'Other psychoactive substance dependence, uncomplicated' },
  { code: 'G89.29', description: 'Other chronic pain' },
  { code: 'G89.4', description: 'Chronic pain syndrome' },
  { code: 'M79.7', description: 'Fibromyalgia' },
  { code: 'R45.851', description: 'Suicidal ideations' },
  { code: 'Z63.4', description: 'Disappearance and death of family member (bereavement)' },
  { code: 'Z91.49', description: 'Other personal history of psychological trauma' }
]

export function findIcd10(query: string, limit = 20): Icd10Entry[] {
  const q = query.trim().toLowerCase()
  if (!q) return ICD10_CATALOG.slice(0, limit)
  const compact = q.replace('.', '')
  return ICD10_CATALOG.filter(
    (e) => e.code.toLowerCase().replace('.', '').startsWith(compact) || e.description.toLowerCase().includes(q)
  ).slice(0, limit)
}

export const icd10Description = (code: string): string | undefined => ICD10_CATALOG.find((e) => e.code === code)?.description
