import { describe, expect, it } from 'vitest'
import { DIAGNOSIS_LETTERS, MAX_DIAGNOSES, isWellFormedIcd10, normalizeIcd10 } from '@shared/domain/icd10'
import { ICD10_CATALOG, findIcd10, icd10Description, isShippedIcd10 } from '@shared/domain/icd10-catalog'
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

  it('the shipped list holds well-formed, unique codes: every chapter 5 code and the G, M, R, Z codes KAP uses', () => {
    expect(ICD10_CATALOG.filter((e) => !isWellFormedIcd10(e.code))).toEqual([])
    expect(new Set(ICD10_CATALOG.map((e) => e.code)).size).toBe(ICD10_CATALOG.length)
    expect(ICD10_CATALOG.filter((e) => e.code.startsWith('F')).length).toBe(849)
    for (const letter of ['G', 'M', 'R', 'Z']) expect(ICD10_CATALOG.some((e) => e.code.startsWith(letter))).toBe(true)
    expect(icd10Description('F33.2')).toBe('Major depressive disorder, recurrent severe without psychotic features')
    expect(icd10Description('F43.81')).toBe('Prolonged grief disorder')
    expect(icd10Description('F99.9')).toBeUndefined()
    expect(isShippedIcd10('F32.A')).toBe(true)
    expect(isShippedIcd10('I10')).toBe(false)
  })

  it('finds a code by its code, with or without the dot, first', () => {
    expect(findIcd10('f332')[0]?.code).toBe('F33.2')
    expect(findIcd10('F43.1').map((e) => e.code)).toEqual(['F43.10', 'F43.11', 'F43.12'])
  })

  it('finds codes by words of the CMS description, in any order and by their starts', () => {
    expect(findIcd10('post-traumatic').map((e) => e.code)).toEqual(expect.arrayContaining(['F43.10', 'F43.11', 'F43.12']))
    expect(findIcd10('severe recurrent').map((e) => e.code)).toEqual(expect.arrayContaining(['F33.2', 'F33.3']))
    expect(findIcd10('generalized anx').map((e) => e.code)).toContain('F41.1')
  })

  it('finds codes by the names therapists use: PTSD, depression, treatment-resistant, GAD, SI', () => {
    expect(findIcd10('PTSD').map((e) => e.code)).toEqual(['F43.10', 'F43.11', 'F43.12'])
    const depression = findIcd10('depression', 100).map((e) => e.code)
    expect(depression).toEqual(expect.arrayContaining(['F32.A', 'F33.2', 'F33.1', 'F32.9']))
    expect(findIcd10('treatment-resistant').map((e) => e.code)).toEqual(expect.arrayContaining(['F33.2', 'F32.2']))
    expect(findIcd10('treatment resistant').length).toBeGreaterThan(0)
    expect(findIcd10('GAD')[0]?.code).toBe('F41.1')
    expect(findIcd10('suicidal')[0]?.code).toBe('R45.851')
    expect(findIcd10('fibro')[0]?.code).toBe('M79.7')
  })

  it('offers the commonest codes before anything is typed', () => {
    expect(findIcd10('', 5).map((e) => e.code)).toEqual(['F33.1', 'F33.2', 'F32.1', 'F32.2', 'F32.A'])
  })
})
