/**
 * Business days for the No Surprises Act's Good Faith Estimate deadlines (45 CFR 149.610):
 * weekdays that are not federal holidays (5 U.S.C. 6103). A holiday on a Saturday is observed the
 * Friday before, on a Sunday the Monday after — the observed day is the one off work. Dates are
 * YYYY-MM-DD calendar dates, computed in UTC so no time zone moves a day.
 */
const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d))
const iso = (date: Date) => date.toISOString().slice(0, 10)
const parse = (value: string) => new Date(`${value}T00:00:00Z`)

/** The n-th (1-based) weekday `wd` (0 = Sunday) of a month; n = -1 for the last. */
function nthWeekday(y: number, m: number, wd: number, n: number): Date {
  if (n > 0) {
    const first = day(y, m, 1).getUTCDay()
    return day(y, m, 1 + ((wd - first + 7) % 7) + 7 * (n - 1))
  }
  const lastDate = day(y, m + 1, 0)
  return day(y, m, lastDate.getUTCDate() - ((lastDate.getUTCDay() - wd + 7) % 7))
}

/** Saturday → Friday before, Sunday → Monday after. */
function observed(date: Date): Date {
  const wd = date.getUTCDay()
  if (wd === 6) return new Date(date.getTime() - 86_400_000)
  if (wd === 0) return new Date(date.getTime() + 86_400_000)
  return date
}

/** The observed federal holidays falling in calendar year `y`, as YYYY-MM-DD, in date order. */
export function federalHolidays(y: number): string[] {
  const fixed = [day(y, 1, 1), day(y, 6, 19), day(y, 7, 4), day(y, 11, 11), day(y, 12, 25)].map(observed)
  const floating = [
    nthWeekday(y, 1, 1, 3), // Birthday of Martin Luther King, Jr.: third Monday of January
    nthWeekday(y, 2, 1, 3), // Washington's Birthday: third Monday of February
    nthWeekday(y, 5, 1, -1), // Memorial Day: last Monday of May
    nthWeekday(y, 9, 1, 1), // Labor Day: first Monday of September
    nthWeekday(y, 10, 1, 2), // Columbus Day: second Monday of October
    nthWeekday(y, 11, 4, 4) // Thanksgiving: fourth Thursday of November
  ]
  // New Year's Day of the next year on a Saturday is observed on December 31 of this one.
  const nextNewYear = observed(day(y + 1, 1, 1))
  return [...fixed, ...floating, nextNewYear]
    .filter((d) => d.getUTCFullYear() === y)
    .map(iso)
    .toSorted()
}

const holidayCache = new Map<number, ReadonlySet<string>>()
const holidaysOf = (y: number): ReadonlySet<string> => {
  let set = holidayCache.get(y)
  if (!set) {
    set = new Set(federalHolidays(y))
    holidayCache.set(y, set)
  }
  return set
}

export function isBusinessDay(value: string): boolean {
  const date = parse(value)
  const wd = date.getUTCDay()
  return wd !== 0 && wd !== 6 && !holidaysOf(date.getUTCFullYear()).has(value)
}

/** The n-th business day after `from` (n ≥ 1; `from` itself never counts). */
export function addBusinessDays(from: string, n: number): string {
  let date = parse(from)
  for (let left = n; left > 0; ) {
    date = new Date(date.getTime() + 86_400_000)
    if (isBusinessDay(iso(date))) left--
  }
  return iso(date)
}

/** Business days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function businessDaysBetween(from: string, to: string): number {
  let n = 0
  for (let date = parse(from); iso(date) < to; ) {
    date = new Date(date.getTime() + 86_400_000)
    if (isBusinessDay(iso(date))) n++
  }
  return n
}
