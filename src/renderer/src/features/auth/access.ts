import { useQuery } from '@tanstack/react-query'
import type { Access } from '@shared/contracts'
import { auditContracts } from '@shared/contracts/audit'
import { backupsContracts } from '@shared/contracts/backups'
import { billingContracts } from '@shared/contracts/billing'
import { exportsContracts } from '@shared/contracts/exports'
import { practiceContracts } from '@shared/contracts/practice'
import { recoveryContracts } from '@shared/contracts/recovery'
import { screeningContracts } from '@shared/contracts/screening'
import { settingsContracts } from '@shared/contracts/settings'
import type { User } from '@shared/contracts/users'
import { usersContracts } from '@shared/contracts/users'
import type { Role } from '@shared/domain/roles'
import { authQueries } from './queries'

/**
 * What the UI offers, read from the very contracts main enforces: a button is shown exactly when
 * the call behind it would be allowed. (Hiding is a courtesy; main refuses what is not allowed.)
 */
export const CAPABILITIES = {
  /** The Screening tab and screening flags: contraindication answers are clinical content. */
  viewScreening: screeningContracts.get.roles,
  manageUsers: usersContracts.list.roles,
  viewAuditLog: auditContracts.list.roles,
  manageBackups: backupsContracts.list.roles,
  exportPractice: exportsContracts.custodian.roles,
  editPracticeProfile: practiceContracts.save.roles,
  /** Settings → Security: the idle lock. */
  editPracticeSettings: settingsContracts.save.roles,
  recoverDatabase: recoveryContracts.restore.roles,
  /** Invoices, payments, charges, the fee schedule: the owner and the administrator. A clinician reads a chart's billing tab. */
  manageBilling: billingContracts.createInvoice.roles,
  /** The practice's Billing page and the accountant's export. */
  viewPracticeBilling: billingContracts.unbilled.roles
} satisfies Record<string, Access>
export type Capability = keyof typeof CAPABILITIES

/** Whether `role` may do `capability`. Nobody signed in (null) may do nothing but public calls. */
export function can(role: Role | null | undefined, capability: Capability): boolean {
  const access: Access = CAPABILITIES[capability]
  return access === 'public' || (role != null && access.includes(role))
}

/** The signed-in (or locked-out) user, from auth:status; null when nobody is. */
export function useCurrentUser(): User | null {
  return useQuery({ ...authQueries.status(), select: (s) => s.user }).data ?? null
}

/** `const allowed = useCan('manageUsers')` — for the current user. */
export function useCan(capability: Capability): boolean {
  return can(useCurrentUser()?.role, capability)
}
