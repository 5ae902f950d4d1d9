import type { CoreHost } from '../../src/main/startup'

/** The keyring's scrypt at a test cost. */
export const TEST_KDF = { name: 'scrypt', N: 2 ** 10, r: 8, p: 1 } as const

export interface TestOwner {
  displayName: string
  credentials: string | null
  login: string
  passphrase: string
}

/** The practice's owner in tests and the e2e harness. */
export const TEST_OWNER: TestOwner = { displayName: 'Dana Whitfield', credentials: 'LMFT', login: 'dana', passphrase: 'correct horse battery staple' }

/** First-run setup for TEST_OWNER when the folder has no keyring, else their sign-in. */
export async function signInOwner(host: CoreHost, owner: TestOwner = TEST_OWNER): Promise<{ recoveryKey: string | null }> {
  const { displayName, credentials, login, passphrase } = owner
  if (host.auth.state() === 'setup') {
    const result = await host.call('auth:setup', { owner: { displayName, credentials, login }, secret: { passphrase, passphraseConfirm: passphrase } })
    if (!result.ok) throw new Error(`auth:setup failed: ${JSON.stringify(result.error)}`)
    return { recoveryKey: (result.value as { recoveryKey: string }).recoveryKey }
  }
  const result = await host.call('auth:signIn', { login, passphrase })
  if (!result.ok) throw new Error(`auth:signIn failed: ${JSON.stringify(result.error)}`)
  return { recoveryKey: null }
}
