import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { foldForSearch, searchTerms } from '@shared/domain/search'

describe('foldForSearch', () => {
  it('drops accents and case', () => {
    expect(foldForSearch('José')).toBe('jose')
    expect(foldForSearch('JOSÉ')).toBe(foldForSearch('jose'))
    expect(foldForSearch('García-López')).toBe('garcia-lopez')
    expect(foldForSearch('Nguyễn')).toBe('nguyen')
    expect(foldForSearch("O'Brien")).toBe("o'brien")
    expect(foldForSearch('李')).toBe('李')
  })

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const once = foldForSearch(s)
        expect(foldForSearch(once)).toBe(once)
      })
    )
  })

  it('is idempotent on any unicode text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const once = foldForSearch(s)
        expect(foldForSearch(once)).toBe(once)
      })
    )
  })
})

describe('searchTerms', () => {
  it('splits on spaces and commas and folds', () => {
    expect(searchTerms('  José,  García ')).toEqual(['jose', 'garcia'])
    expect(searchTerms('')).toEqual([])
  })

  it('reduces phone and date terms to digits', () => {
    expect(searchTerms('(503) 555-0142')).toEqual(['503', '5550142'])
    expect(searchTerms('1985-03-08')).toEqual(['19850308'])
    expect(searchTerms('03/08/1985')).toEqual(['03/08/1985'])
  })

  it('keeps at most 8 terms', () => {
    expect(searchTerms('a b c d e f g h i j')).toHaveLength(8)
  })
})
