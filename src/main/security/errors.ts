/**
 * Failures of encryption at rest. Their messages are shown to the person at the keyboard and may
 * reach logs, so they never carry a passphrase, a key, a recovery key, a user ID or a path:
 * they say what did not work and nothing about the secret that was tried.
 */
export type SecurityErrorCode = 'wrong_key' | 'wrong_passphrase' | 'wrong_recovery_key' | 'keyring_damaged' | 'keyring_missing' | 'slot_exists' | 'last_slot'

export abstract class SecurityError extends Error {
  abstract readonly code: SecurityErrorCode
}

/** The database file cannot be read with the key given — or with no key, when it is encrypted. */
export class WrongKeyError extends SecurityError {
  readonly code = 'wrong_key'
  constructor() {
    super('The passphrase or key does not open this practice database.')
    this.name = 'WrongKeyError'
  }
}

/** No passphrase slot for that user, or the passphrase does not unwrap it (the two look alike on purpose). */
export class WrongPassphraseError extends SecurityError {
  readonly code = 'wrong_passphrase'
  constructor() {
    super('That passphrase does not unlock this practice.')
    this.name = 'WrongPassphraseError'
  }
}

export class WrongRecoveryKeyError extends SecurityError {
  readonly code = 'wrong_recovery_key'
  constructor(readonly malformed = false) {
    super(
      malformed
        ? 'That is not a recovery key: it has 32 letters and digits in groups of four, like ABCD-EFGH-….'
        : 'That recovery key does not unlock this practice.'
    )
    this.name = 'WrongRecoveryKeyError'
  }
}

/** The keyring file is not valid JSON, not a keyring, or its contents contradict themselves. */
export class KeyringDamagedError extends SecurityError {
  readonly code = 'keyring_damaged'
  /** Where the file is wrong, as field paths (`slots.0.salt`) — never values. */
  constructor(readonly problems: string[] = []) {
    super('The keyring file is damaged or is not a KAP Practice keyring. Unlock with the recovery key to make a new one.')
    this.name = 'KeyringDamagedError'
  }
}

export class KeyringMissingError extends SecurityError {
  readonly code = 'keyring_missing'
  constructor() {
    super('This practice has no keyring file. Unlock with the recovery key to make a new one.')
    this.name = 'KeyringMissingError'
  }
}

export class SlotExistsError extends SecurityError {
  readonly code = 'slot_exists'
  constructor() {
    super('This user already has a passphrase. Change it instead of adding another.')
    this.name = 'SlotExistsError'
  }
}

export class LastSlotError extends SecurityError {
  readonly code = 'last_slot'
  constructor() {
    super('This is the last passphrase that unlocks the practice, so it cannot be removed.')
    this.name = 'LastSlotError'
  }
}
