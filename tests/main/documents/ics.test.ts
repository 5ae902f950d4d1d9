import { describe, expect, it } from 'vitest'
import { buildIcs, escapeText, foldLine, icsUtc, zonedToUtc } from '../../../src/main/documents/ics'
import { events, expectWellFormedIcs, unfold } from './ics-structure'

describe('escapeText', () => {
  it('escapes backslash, semicolon, comma and every kind of newline', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf\rg')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng')
    expect(escapeText('O’Brien: 10:00')).toBe('O’Brien: 10:00')
  })
  it('composes decomposed accents (NFC)', () => {
    expect(escapeText('Zoe\u0308')).toBe('Zoë')
  })
})

describe('foldLine', () => {
  it('leaves a 75-octet line alone and folds the 76th octet onto a continuation line', () => {
    const exact = 'X'.repeat(75)
    expect(foldLine(exact)).toBe(exact)
    expect(foldLine('X'.repeat(76))).toBe(`${'X'.repeat(75)}\r\n X`)
    // Continuation lines hold 74 octets after their space.
    expect(foldLine('X'.repeat(75 + 74 + 1)).split('\r\n').map((l) => l.length)).toEqual([75, 75, 2])
  })
  it('never splits a multi-byte character', () => {
    const line = `SUMMARY:${'é'.repeat(60)}` // 8 + 120 octets
    const parts = foldLine(line).split('\r\n')
    for (const p of parts) {
      expect(Buffer.byteLength(p, 'utf8')).toBeLessThanOrEqual(75)
      expect(p).not.toContain('\uFFFD')
    }
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line)
    // An emoji (4 octets, a surrogate pair in JS) stays whole at the boundary.
    const emoji = foldLine(`${'a'.repeat(73)}😀b`).split('\r\n')
    expect(emoji).toEqual(['a'.repeat(73), ' 😀b'])
  })
})

describe('zonedToUtc', () => {
  it('converts wall-clock times on both sides of the US spring-forward (2026-03-08) and fall-back (2026-11-01)', () => {
    const ny = 'America/New_York'
    expect(zonedToUtc('2026-03-07', '09:00', ny).toISOString()).toBe('2026-03-07T14:00:00.000Z')
    expect(zonedToUtc('2026-03-09', '09:00', ny).toISOString()).toBe('2026-03-09T13:00:00.000Z')
    // 02:30 does not exist that night: the clock reads 03:30 EDT.
    expect(zonedToUtc('2026-03-08', '02:30', ny).toISOString()).toBe('2026-03-08T07:30:00.000Z')
    // 01:30 happens twice: the first (EDT).
    expect(zonedToUtc('2026-11-01', '01:30', ny).toISOString()).toBe('2026-11-01T05:30:00.000Z')
    expect(zonedToUtc('2026-11-02', '09:00', ny).toISOString()).toBe('2026-11-02T14:00:00.000Z')
  })
  it('handles zones without DST and far from UTC', () => {
    expect(zonedToUtc('2026-07-01', '09:00', 'America/Phoenix').toISOString()).toBe('2026-07-01T16:00:00.000Z')
    expect(zonedToUtc('2026-07-01', '09:00', 'Pacific/Honolulu').toISOString()).toBe('2026-07-01T19:00:00.000Z')
    expect(zonedToUtc('2026-07-01', '09:00', 'UTC').toISOString()).toBe('2026-07-01T09:00:00.000Z')
  })
})

describe('buildIcs', () => {
  it('writes a well-formed calendar whose events keep their wall-clock times across a DST change', () => {
    const text = buildIcs({
      timeZone: 'America/Chicago',
      now: new Date('2026-03-05T12:00:00Z'),
      events: [
        { uid: 'a@kap-practice', date: '2026-03-06', startTime: '10:00', durationMinutes: 50, summary: 'Appointment – Zoë' },
        { uid: 'b@kap-practice', date: '2026-03-09', startTime: '10:00', durationMinutes: 180, summary: 'Dosing session – Zoë', description: 'Line one\nLine two; with, punctuation \\ and a long tail '.repeat(3), location: '1200 SW Main St, Suite 300, Portland, OR 97205' }
      ]
    })
    expectWellFormedIcs(text)
    const [a, b] = events(unfold(text))
    expect(a!.get('DTSTAMP')).toBe('20260305T120000Z')
    expect(a!.get('DTSTART')).toBe('20260306T160000Z')
    expect(a!.get('DTEND')).toBe('20260306T165000Z')
    expect(b!.get('DTSTART')).toBe('20260309T150000Z')
    expect(b!.get('DTEND')).toBe('20260309T180000Z')
    expect(b!.get('LOCATION')).toBe('1200 SW Main St\\, Suite 300\\, Portland\\, OR 97205')
    expect(b!.get('DESCRIPTION')).toContain('Line one\\nLine two\\; with\\, punctuation \\\\ and')
  })
  it('formats UTC stamps', () => {
    expect(icsUtc(new Date('2026-12-31T23:59:59.999Z'))).toBe('20261231T235959Z')
  })
})
