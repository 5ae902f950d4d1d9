import { z } from 'zod'
import { SCREENING_ANSWERS, SCREENING_ITEM_KEYS } from '../domain/screening'
import { CLINICAL_ROLES } from '../domain/roles'
import { defineContract } from './contract'
import { isoDate, optionalText, requiredText, timestamp, uuid } from './fields'
import { localToday } from '../domain/dates'

export const screeningItemKey = z.enum(SCREENING_ITEM_KEYS, { error: 'Unknown screening item' })
export const screeningAnswer = z.enum(SCREENING_ANSWERS, { error: 'Answer yes, no or unknown' })

export const screeningRecordInput = z.strictObject({
  answer: screeningAnswer,
  note: optionalText('Note', 2000),
  reviewedBy: requiredText('Reviewed by', 200),
  reviewedOn: isoDate('Review date').refine((s) => s <= localToday(), { error: 'Review date cannot be in the future' })
})
export type ScreeningRecordInput = z.input<typeof screeningRecordInput>

/** The whole checklist saved at once: the changed items, reviewed by one person on one date. */
export const screeningBatchInput = z.strictObject({
  clientId: uuid('Client ID'),
  reviewedBy: screeningRecordInput.shape.reviewedBy,
  reviewedOn: screeningRecordInput.shape.reviewedOn,
  items: z
    .array(z.strictObject({ itemKey: screeningItemKey, answer: screeningAnswer, note: screeningRecordInput.shape.note }), { error: 'Answer at least one item' })
    .min(1, { error: 'Answer at least one item' })
    .max(SCREENING_ITEM_KEYS.length)
    .refine((items) => new Set(items.map((i) => i.itemKey)).size === items.length, { error: 'Each item can be answered once per save' })
})
export type ScreeningBatchInput = z.input<typeof screeningBatchInput>

/** One checklist line; `answer` is null until someone has reviewed it. */
export const screeningItem = z.strictObject({
  itemKey: screeningItemKey,
  answer: screeningAnswer.nullable(),
  note: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  reviewedOn: z.string().nullable(),
  updatedAt: timestamp.nullable()
})
export type ScreeningItem = z.infer<typeof screeningItem>

/** Where a contraindication answered "yes" is shown and must be acknowledged. */
export const CONTRAINDICATION_CONTEXTS = ['note', 'course', 'session'] as const
export const contraindicationContext = z.strictObject({
  kind: z.enum(CONTRAINDICATION_CONTEXTS, { error: 'Choose a note, course or session' }),
  id: uuid('Record ID')
})
export type ContraindicationContext = z.infer<typeof contraindicationContext>

/** A current "yes" on the checklist, with its acknowledgement in the given context (null: not yet). */
export const contraindicationFlag = z.strictObject({
  screeningItemId: z.string(),
  itemKey: screeningItemKey,
  label: z.string(),
  note: z.string().nullable(),
  reviewedBy: z.string(),
  reviewedOn: z.string(),
  acknowledgement: z.strictObject({ byName: z.string(), at: timestamp }).nullable()
})
export type ContraindicationFlag = z.infer<typeof contraindicationFlag>

export const screeningContracts = {
  get: defineContract('screening:get', z.strictObject({ clientId: uuid('Client ID') }), z.array(screeningItem), {
    roles: CLINICAL_ROLES,
    audit: { action: 'view', entity: 'screening_item', target: (input) => ({ entityId: null, clientId: input.clientId }) }
  }),
  record: defineContract(
    'screening:record',
    z.strictObject({ clientId: uuid('Client ID'), itemKey: screeningItemKey, item: screeningRecordInput }),
    screeningItem,
    // Each answer is a new row, but the answer carries no row ID: the entry names the client only
    // (the item key is not recorded — the log says which chart, not what was asked).
    { roles: CLINICAL_ROLES, audit: { action: 'create', entity: 'screening_item', target: (input) => ({ entityId: null, clientId: input.clientId }) } }
  ),
  /** Every changed answer in one transaction (all or nothing); returns the whole checklist. */
  recordAll: defineContract('screening:recordAll', screeningBatchInput, z.array(screeningItem), {
    roles: CLINICAL_ROLES,
    audit: { action: 'create', entity: 'screening_item', target: (input) => ({ entityId: null, clientId: input.clientId }) }
  }),
  /** The client's contraindications answered "yes", each with whether it was acknowledged in `context`. */
  flags: defineContract('screening:flags', z.strictObject({ clientId: uuid('Client ID'), context: contraindicationContext.optional() }), z.array(contraindicationFlag), {
    roles: CLINICAL_ROLES,
    audit: { action: 'view', entity: 'screening_item', target: (input) => ({ entityId: null, clientId: input.clientId }) }
  }),
  /** Records, as the signed-in user and now, that these flags were seen in `context`; returns the flags again. */
  acknowledge: defineContract(
    'screening:acknowledge',
    z.strictObject({
      clientId: uuid('Client ID'),
      context: contraindicationContext,
      screeningItemIds: z.array(uuid('Screening answer'), { error: 'Choose the flags to acknowledge' }).min(1, { error: 'Choose the flags to acknowledge' }).max(50)
    }),
    z.array(contraindicationFlag),
    { roles: CLINICAL_ROLES, audit: { action: 'create', entity: 'screening_item', target: (input) => ({ entityId: null, clientId: input.clientId }) } }
  )
}
