import { describe, expect, it } from 'vitest'
import { DIAGNOSIS_LETTERS, MAX_DIAGNOSES, isWellFormedIcd10, normalizeIcd10 } from '@shared/domain/icd10'
import { ICD10_CATALOG, findIcd10, icd10Description } from '@shared/domain/icd10-catalog'
import { icd10Code } from '@shared/contracts/fields'

describe('ICD-10-CM codes', () => {
  it.each(['F33.2', 'F43.10', 'C4A.0', 'F41.1', 'F17.210', 'Z91.49', 'F32.A', 'F41'])('accepts %s', (code) => {
    expect(isWellFormedIcd10(code)).toBe(true)
  })

  it('adds the dot a user leaves out, and upper-cases', () => {
    expect(normalizeIcd10('F332')).toBe('F33.2')
    expect(normalizeIcd10('f4310')).toBe('F43.10')
    expect(normalizeIcd10(' f33.2 ')).toBe('F33.2')
    expect(icd10Code().parse('F332')).toBe('F33.2')
  })

  it.each(['F3', 'hello', '33.2', 'F33.23456', 'F33.', '', 'FF3.2'])('rejects %j', (code) => {
    expect(isWellFormedIcd10(code)).toBe(false)
    expect(icd10Code().safeParse(code).success).toBe(false)
  })

  it('says what a code should look like', () => {
    const result = icd10Code().safeParse('hello')
    expect(result.error?.issues[0]?.message).toMatch(/should be an ICD-10 code like F33\.2/)
  })

  it('letters diagnoses A–L, twelve at most', () => {
    expect(DIAGNOSIS_LETTERS.join('')).toBe('ABCDEFGHIJKL')
    expect(MAX_DIAGNOSES).toBe(12)
  })

  it('the curated catalog holds well-formed, unique codes and is searchable', () => {
    expect(ICD10_CATALOG.filter((e) => !isWellFormedIcd10(e.code))).toEqual([])
    expect(new Set(ICD10_CATALOG.map((e) => e.code)).size).toBe(ICD10_CATALOG.length)
    expect(icd10Description('F33.2')).toMatch(/recurrent, severe without psychotic/)
    expect(icd10Description('F99.9')).toBeUndefined()
    expect(findIcd10('f332').map((e) => e.code)).toEqual(['F33.2'])
    expect(findIcd10('ptsd').length).toBe(0)
    expect(findIcd10('post-traumatic').map((e) => e.code)).toEqual(['F43.10', 'F43.11', 'F43.12'])
  })
})
