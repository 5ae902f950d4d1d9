/**
 * The growing delay after failed passphrases, per user name: three tries free, then 1 s, 2 s,
 * 4 s… up to 5 minutes between attempts. It slows a person guessing at the keyboard; scrypt
 * (≈0.5 s and 128 MiB per try) is what protects a copied keyring.json. Kept in memory: a
 * restart resets it, which costs an attacker a restart per handful of tries.
 */
export const FREE_ATTEMPTS = 3
export const MAX_DELAY_SECONDS = 300

export interface Throttle {
  /** Seconds before `key` may try again (0 = now). */
  retryAfter(key: string): number
  failed(key: string): void
  succeeded(key: string): void
}

export const delayAfter = (failures: number): number =>
  failures < FREE_ATTEMPTS ? 0 : Math.min(MAX_DELAY_SECONDS, 2 ** (failures - FREE_ATTEMPTS))

export function createThrottle(now: () => Date): Throttle {
  const failures = new Map<string, { count: number; at: number }>()
  return {
    retryAfter(key) {
      const f = failures.get(key)
      if (!f) return 0
      const waitMs = delayAfter(f.count) * 1000 - (now().getTime() - f.at)
      return waitMs > 0 ? Math.ceil(waitMs / 1000) : 0
    },
    failed(key) {
      failures.set(key, { count: (failures.get(key)?.count ?? 0) + 1, at: now().getTime() })
    },
    succeeded(key) {
      failures.delete(key)
    }
  }
}
