/**
 * National Provider Identifier: 10 digits whose last digit is a Luhn check digit
 * computed over the prefix 80840 followed by the first nine digits (CMS NPI standard).
 */
export function npiCheckDigit(firstNine: string): number {
  const digits = `80840${firstNine}`
  let sum = 0
  // Walk right to left; the rightmost payload digit is doubled (the check digit would sit to its right).
  for (let i = digits.length - 1, double = true; i >= 0; i--, double = !double) {
    let d = digits.charCodeAt(i) - 48
    if (double) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  return (10 - (sum % 10)) % 10
}

export type NpiProblem = 'format' | 'check_digit'

export function npiProblem(npi: string): NpiProblem | null {
  if (!/^\d{10}$/.test(npi)) return 'format'
  return npiCheckDigit(npi.slice(0, 9)) === Number(npi[9]) ? null : 'check_digit'
}

export const isValidNpi = (npi: string): boolean => npiProblem(npi) === null
