export const CONSENT_KINDS = {
  kap: 'Ketamine-assisted psychotherapy',
  telehealth: 'Telehealth',
  release_of_information: 'Release of information',
  financial: 'Financial policy',
  privacy_practices: 'Notice of privacy practices',
  other: 'Other'
} as const
export type ConsentKind = keyof typeof CONSENT_KINDS
export const CONSENT_KIND_KEYS = Object.keys(CONSENT_KINDS) as [ConsentKind, ...ConsentKind[]]
