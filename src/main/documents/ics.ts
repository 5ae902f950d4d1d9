/**
 * iCalendar (RFC 5545) files for appointment reminders that need no network: one VEVENT per
 * session, times in UTC (so no VTIMEZONE block is needed and every calendar app agrees), CRLF line
 * ends, content lines folded at 75 octets without splitting a UTF-8 character, and TEXT values
 * escaped (\\ ; , and newlines). What goes into the text is the caller's choice (minimum necessary).
 */

export interface IcsEvent {
  /** Globally unique and stable: re-importing the same session updates it instead of duplicating it. */
  uid: string
  /** Plain local date and wall-clock time of the session, in `timeZone`. */
  date: string
  startTime: string
  durationMinutes: number
  summary: string
  description?: string
  location?: string
  /** CANCELLED sessions are sent so a calendar that has them drops them. */
  cancelled?: boolean
}

export interface IcsCalendar {
  events: readonly IcsEvent[]
  /** The IANA zone the sessions' wall-clock times are in (the machine's own, by default). */
  timeZone: string
  /** DTSTAMP: when the file was made. */
  now: Date
}

const CRLF = '\r\n'
const MAX_OCTETS = 75

/** RFC 5545 §3.3.11: backslash, semicolon and comma are escaped; a newline becomes \n. */
export function escapeText(value: string): string {
  return value
    .normalize('NFC')
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
}

/**
 * RFC 5545 §3.1: a line longer than 75 octets continues on the next line after CRLF and one space.
 * Breaks fall between characters, never inside a UTF-8 sequence (or a surrogate pair).
 */
export function foldLine(line: string): string {
  const parts: string[] = []
  let current = ''
  let octets = 0
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8')
    // Continuation lines start with a space, which counts towards their 75.
    const limit = parts.length === 0 ? MAX_OCTETS : MAX_OCTETS - 1
    if (octets + size > limit) {
      parts.push(current)
      current = ''
      octets = 0
    }
    current += char
    octets += size
  }
  parts.push(current)
  return parts.join(`${CRLF} `)
}

/** The UTC offset (minutes) of `timeZone` at the instant `utcMs`. */
function offsetMinutes(utcMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit'
  }).formatToParts(new Date(utcMs))
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value)
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'))
  return Math.round((asUtc - utcMs) / 60_000)
}

/**
 * The instant a wall-clock time in `timeZone` names. In the spring-forward gap (02:30 that never
 * happens) it gives the time an hour later, as clocks read then; in the fall-back hour, the first.
 */
export function zonedToUtc(date: string, time: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const [hh, mm] = time.split(':').map(Number) as [number, number]
  const naive = Date.UTC(y, m - 1, d, hh, mm)
  const HALF_DAY = 12 * 3_600_000
  // The offsets in force half a day either side: equal except across a change.
  const before = offsetMinutes(naive - HALF_DAY, timeZone)
  const after = offsetMinutes(naive + HALF_DAY, timeZone)
  const valid = [...new Set([before, after])].map((o) => naive - o * 60_000).filter((t) => naive - offsetMinutes(t, timeZone) * 60_000 === t)
  return new Date(valid.length > 0 ? Math.min(...valid) : naive - before * 60_000)
}

/** 20260308T150000Z */
export const icsUtc = (at: Date): string => at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')

export function buildIcs(calendar: IcsCalendar): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//KAP Practice//Appointments//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH']
  const stamp = icsUtc(calendar.now)
  for (const e of calendar.events) {
    const start = zonedToUtc(e.date, e.startTime, calendar.timeZone)
    const end = new Date(start.getTime() + e.durationMinutes * 60_000)
    lines.push('BEGIN:VEVENT', `UID:${escapeText(e.uid)}`, `DTSTAMP:${stamp}`, `DTSTART:${icsUtc(start)}`, `DTEND:${icsUtc(end)}`, `SUMMARY:${escapeText(e.summary)}`)
    if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`)
    if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`)
    lines.push(`STATUS:${e.cancelled ? 'CANCELLED' : 'CONFIRMED'}`, 'TRANSP:OPAQUE', 'END:VEVENT')
  }
  lines.push('END:VCALENDAR')
  return lines.map(foldLine).join(CRLF) + CRLF
}
