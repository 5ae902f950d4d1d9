import type { Role } from '@shared/domain/roles'
import { can, type Capability } from '@renderer/features/auth/access'

/**
 * Settings' sections, each at its own route (/settings/<slug>). One list for the page's own
 * navigation and for Ctrl+K, so both offer the same sections to the same roles.
 */
export interface SettingsSection {
  slug: string
  label: string
  /** Words Ctrl+K also finds the section by. */
  keywords: string
  /** Who sees it; absent = everyone signed in. */
  capability?: Capability
}

export const SETTINGS_SECTIONS: readonly SettingsSection[] = [
  { slug: 'practice', label: 'Practice profile', keywords: 'npi ein license address letterhead' },
  { slug: 'users', label: 'Users', keywords: 'accounts roles clinician administrator invite', capability: 'manageUsers' },
  { slug: 'security', label: 'Security', keywords: 'passphrase password lock idle' },
  { slug: 'clinical', label: 'Clinical', keywords: 'vitals thresholds protocol dosing measures' },
  { slug: 'fees', label: 'Fees', keywords: 'fee schedule cpt prices sliding scale providers' },
  { slug: 'export', label: 'Data export', keywords: 'custodian records export', capability: 'exportPractice' },
  { slug: 'backups', label: 'Backups', keywords: 'restore backup', capability: 'manageBackups' }
]

export const settingsPath = (slug: string) => `/settings/${slug}`

/** The sections `role` may open, in order; Security is "Passphrase and lock" for all but the owner. */
export function settingsSectionsFor(role: Role | null | undefined): SettingsSection[] {
  return SETTINGS_SECTIONS.filter((s) => !s.capability || can(role, s.capability)).map((s) =>
    s.slug === 'security' && !can(role, 'editPracticeSettings') ? { ...s, label: 'Passphrase and lock' } : s
  )
}

/** Old `?section=<heading id>` links (e.g. "fees-heading") → the section's slug. */
export const LEGACY_SECTION_IDS: Readonly<Record<string, string>> = {
  'practice-profile-heading': 'practice',
  'users-heading': 'users',
  'security-heading': 'security',
  'clinical-settings-heading': 'clinical',
  'fees-heading': 'fees',
  'data-export-heading': 'export',
  'backups-heading': 'backups'
}
