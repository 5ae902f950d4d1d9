/**
 * CSV as spreadsheet apps read it (RFC 4180): every field quoted when it holds a comma, a quote,
 * a CR or LF (quotes doubled), or starts with = + - @ (a formula — prefixed with ' so a
 * spreadsheet shows it as text instead of running it; a plain negative number like -10.05 stays a number); CRLF line ends; UTF-8 with a byte-order
 * mark so Excel reads accents.
 */
export const BOM = '\uFEFF'

export type CsvValue = string | number | boolean | null | undefined

const FORMULA_START = /^[=+\-@\t\r]/
/** A plain negative amount such as -10.05 cannot run as a formula, and an accountant's import needs it as a number. */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return ''
  let s = typeof value === 'string' ? value : String(value)
  if (typeof value === 'string' && FORMULA_START.test(s) && !PLAIN_NUMBER.test(s)) s = `'${s}`
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replaceAll('"', '""')}"` : s
}

/** A whole file: header row, then one row per record, columns in the header's order. */
export function toCsv<T extends Record<string, CsvValue>>(columns: ReadonlyArray<keyof T & string>, rows: readonly T[]): string {
  const lines = [columns.map(csvField).join(',')]
  for (const row of rows) lines.push(columns.map((c) => csvField(row[c])).join(','))
  return BOM + lines.join('\r\n') + '\r\n'
}
