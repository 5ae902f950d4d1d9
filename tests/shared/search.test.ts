import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { foldForSearch, nameMatchKey, nameSortKey, searchTerms } from '@shared/domain/search'

describe('foldForSearch', () => {
  it('drops accents and case', () => {
    expect(foldForSearch('José')).toBe('jose')
    expect(foldForSearch('JOSÉ')).toBe(foldForSearch('jose'))
    expect(foldForSearch('García-López')).toBe('garcia-lopez')
    expect(foldForSearch('Nguyễn')).toBe('nguyen')
    expect(foldForSearch("O'Brien")).toBe("o'brien")
    expect(foldForSearch('李')).toBe('李')
  })

  it('spells letters that do not decompose in plain Latin', () => {
    expect(foldForSearch('Łukasz Wróbel')).toBe('lukasz wrobel')
    expect(foldForSearch('Søren Ødegård')).toBe('soren odegard')
    expect(foldForSearch('Nguyễn Đức')).toBe('nguyen duc')
    expect(foldForSearch('Weiß')).toBe('weiss')
    expect(foldForSearch('Ærø Œuvre þorn Işık')).toBe('aero oeuvre thorn isik')
    expect(foldForSearch('ŁØĐÆŒÞ')).toBe(foldForSearch('lodaeoeth'))
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

describe('nameMatchKey', () => {
  it('ignores apostrophes, hyphens, periods and spaces inside a name', () => {
    for (const n of ["O'Brien", 'O’Brien', 'OBrien', 'o brien']) expect(nameMatchKey(n)).toBe('obrien')
    for (const n of ['Smith-Jones', 'Smith Jones', 'SmithJones', 'Smith‐Jones']) expect(nameMatchKey(n)).toBe('smithjones')
    expect(nameMatchKey('St. James')).toBe('stjames')
    expect(nameMatchKey('O’Brien-Smith')).toBe('obriensmith')
  })
})

const binary = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

describe('nameSortKey', () => {
  type Name = { last: string; first: string }
  const names: Name[] = [
    { last: 'Zimmer', first: 'Ann' }, { last: 'Wróbel', first: 'Łukasz' }, { last: 'Łukasik', first: 'Ewa' },
    { last: 'Lukas', first: 'Zoe' }, { last: 'Lopez', first: 'Maria' }, { last: 'Ødegård', first: 'Søren' },
    { last: 'Obama', first: 'Ann' }, { last: "O'Brien", first: 'Sean' }, { last: 'O’Brien-Smith', first: 'Kate' },
    { last: 'Nguyễn', first: 'Đức' }, { last: 'Nguyen', first: 'Anh' }, { last: 'Weiß', first: 'Hans' },
    { last: 'Weiss', first: 'Greta' }, { last: 'Weise', first: 'Otto' }, { last: 'Smith', first: 'Zed' },
    { last: 'Smitha', first: 'Bob' }, { last: 'Smith-Jones', first: 'Amy' }, { last: 'de la Cruz', first: 'Ana' },
    { last: 'Dean', first: 'Al' }, { last: 'Æsir', first: 'Odin' }, { last: 'Adams', first: 'Jo' }
  ]
  const collator = new Intl.Collator('en', { sensitivity: 'base', ignorePunctuation: true })
  const byCollator = (a: Name, b: Name) => collator.compare(a.last, b.last) || collator.compare(a.first, b.first)

  it('orders names as Intl.Collator en base does, last name then first, compared as plain bytes', () => {
    const expected = [...names].sort(byCollator).map((n) => `${n.last}, ${n.first}`)
    const actual = [...names]
      .sort((a, b) => binary(nameSortKey([a.last, a.first]), nameSortKey([b.last, b.first])))
      .map((n) => `${n.last}, ${n.first}`)
    expect(actual).toEqual(expected)
    expect(actual.indexOf('Wróbel, Łukasz')).toBeLessThan(actual.indexOf('Zimmer, Ann'))
    expect(actual.indexOf('Łukasik, Ewa')).toBeLessThan(actual.indexOf('Nguyen, Anh'))
  })

  it('skips missing parts', () => {
    expect(nameSortKey(['Madonna', '', null])).toBe('madonna')
  })
})

describe('searchTerms', () => {
  it('drops name punctuation from the terms, as the stored text does', () => {
    expect(searchTerms("O'Brien")).toEqual(['obrien'])
    expect(searchTerms('O’Brien-Smith')).toEqual(['obriensmith'])
    expect(searchTerms('Łukasz')).toEqual(['lukasz'])
  })

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
