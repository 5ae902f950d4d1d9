/** A client's path through the practice (DOMAIN.md): inquiry → screening → active → maintenance → discharged. */
export const CLIENT_STATUSES = ['inquiry', 'screening', 'active', 'maintenance', 'discharged', 'declined', 'ineligible'] as const
export type ClientStatus = (typeof CLIENT_STATUSES)[number]

export const CLIENT_STATUS_LABELS: Record<ClientStatus, string> = {
  inquiry: 'Inquiry',
  screening: 'Screening',
  active: 'Active course',
  maintenance: 'Maintenance',
  discharged: 'Discharged',
  declined: 'Declined',
  ineligible: 'Ineligible'
}

/** Sex as a claim form records it: F, M, X (non-binary, accepted by a growing number of payers), U (unknown). */
export const SEXES = ['F', 'M', 'X', 'U'] as const
export type Sex = (typeof SEXES)[number]
export const SEX_LABELS: Record<Sex, string> = { F: 'Female', M: 'Male', X: 'X (non-binary)', U: 'Unknown / not given' }
