/**
 * Who may do what. The owner is a clinician who also runs the practice (users, backups, audit);
 * the administrator bills and schedules and, by HIPAA's "minimum necessary", never reads note
 * content, screening answers or measure answers, and never signs.
 */
export const ROLES = ['owner', 'clinician', 'administrator'] as const
export type Role = (typeof ROLES)[number]

export const ROLE_LABELS: Record<Role, string> = {
  owner: 'Owner',
  clinician: 'Clinician',
  administrator: 'Administrator'
}

/** Everyone signed in. */
export const ANY_ROLE: readonly Role[] = ROLES
/** Clinical content: notes, screening and measure answers, signing. */
export const CLINICAL_ROLES: readonly Role[] = ['owner', 'clinician']
/** Billing writes and the practice's money (the Billing page, exports for the accountant): a clinician only reads a chart's billing tab. */
export const BILLING_ROLES: readonly Role[] = ['owner', 'administrator']
/** Running the practice: users, the audit log, backups, whole-practice exports, the profile. */
export const OWNER_ONLY: readonly Role[] = ['owner']

export const isClinical = (role: Role | null | undefined): boolean => role === 'owner' || role === 'clinician'
