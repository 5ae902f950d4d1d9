/** Money is integer cents everywhere; this is the only place it becomes text. */
const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' })

export function formatCents(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError('amount must be an integer number of cents')
  return usd.format(cents / 100)
}
