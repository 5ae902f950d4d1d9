import { ROLE_LABELS, ROLES, type Role } from '@shared/domain/roles'

/** What each role may do, in a therapist's words (shown under the role choice). */
export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  owner: 'Runs the practice — people, security, backups, the audit log and exports — and sees everything a clinician sees.',
  clinician: 'Sees and writes clinical records: notes, screening and measures, and signs them.',
  administrator: 'Schedules and bills. Never sees note content, screening or measure answers, and never signs.'
}

export const ROLE_OPTIONS = ROLES.map((value) => ({ value, label: ROLE_LABELS[value] }))
