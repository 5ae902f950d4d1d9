/** Reads an .ics file back for tests: its RFC 5545 structure, unfolded lines and events. */
import { expect } from 'vitest'

/** RFC 5545 structure: CRLF only, no line over 75 octets, continuation lines start with one space. */
export function expectWellFormedIcs(text: string) {
  expect(text.endsWith('\r\n')).toBe(true)
  expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
  const physical = text.slice(0, -2).split('\r\n')
  for (const line of physical) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75)
  const lines = unfold(text)
  expect(lines[0]).toBe('BEGIN:VCALENDAR')
  expect(lines.at(-1)).toBe('END:VCALENDAR')
  expect(lines).toContain('VERSION:2.0')
  expect(lines.some((l) => l.startsWith('PRODID:'))).toBe(true)
  const begins = lines.filter((l) => l === 'BEGIN:VEVENT').length
  expect(lines.filter((l) => l === 'END:VEVENT').length).toBe(begins)
  for (const event of events(lines)) {
    expect([...event.keys()]).toEqual(expect.arrayContaining(['UID', 'DTSTAMP', 'DTSTART', 'DTEND', 'SUMMARY']))
    expect(event.get('DTSTART')).toMatch(/^\d{8}T\d{6}Z$/)
    expect(event.get('DTEND')! > event.get('DTSTART')!).toBe(true)
  }
}

export const unfold = (text: string) => text.replace(/\r\n /g, '').split('\r\n').filter(Boolean)
export function events(lines: string[]): Map<string, string>[] {
  const out: Map<string, string>[] = []
  let current: Map<string, string> | null = null
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = new Map()
    else if (line === 'END:VEVENT') {
      out.push(current!)
      current = null
    } else if (current) {
      const i = line.indexOf(':')
      current.set(line.slice(0, i), line.slice(i + 1))
    }
  }
  return out
}

