export const POLICY_RANKS = ['primary', 'secondary', 'tertiary'] as const
export type PolicyRank = (typeof POLICY_RANKS)[number]

/** Patient's relationship to the insured (CMS-1500 box 6). */
export const SUBSCRIBER_RELATIONSHIPS = { self: 'Self', spouse: 'Spouse', child: 'Child', other: 'Other' } as const
export type SubscriberRelationship = keyof typeof SUBSCRIBER_RELATIONSHIPS
export const SUBSCRIBER_RELATIONSHIP_KEYS = Object.keys(SUBSCRIBER_RELATIONSHIPS) as [SubscriberRelationship, ...SubscriberRelationship[]]
