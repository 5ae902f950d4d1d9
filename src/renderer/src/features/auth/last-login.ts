/**
 * The last user name that signed in on this computer, so the sign-in screen can fill it in. Only
 * the user name — never a passphrase. Storage may be unavailable (private mode, quota): then the
 * field simply starts empty.
 */
const KEY = 'kap.lastLogin'

export function readLastLogin(): string {
  try {
    return window.localStorage.getItem(KEY) ?? ''
  } catch {
    return ''
  }
}

export function rememberLogin(login: string): void {
  try {
    window.localStorage.setItem(KEY, login.trim())
  } catch {
    // Not remembering is fine.
  }
}
