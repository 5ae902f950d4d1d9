/** Place-of-service codes a KAP practice uses (CMS POS code set). */
export const PLACES_OF_SERVICE = {
  '11': 'Office',
  '02': 'Telehealth, not in the client’s home',
  '10': 'Telehealth in the client’s home',
  '12': 'Home'
} as const
export type PlaceOfService = keyof typeof PLACES_OF_SERVICE
export const PLACE_OF_SERVICE_CODES = Object.keys(PLACES_OF_SERVICE) as [PlaceOfService, ...PlaceOfService[]]
