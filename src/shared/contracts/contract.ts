import { z } from 'zod'

/** A contract is one IPC call: its channel name and the zod schemas of its input and output. */
export interface Contract<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  channel: string
  input: I
  output: O
}

export const defineContract = <I extends z.ZodType, O extends z.ZodType>(channel: string, input: I, output: O): Contract<I, O> => ({
  channel,
  input,
  output
})

export const ERROR_CODES = ['invalid_input', 'not_found', 'conflict', 'forbidden', 'internal'] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

/** What every call returns. `fields` maps a dotted field path to a message a therapist can read. */
export interface AppError {
  code: ErrorCode
  message: string
  fields?: Record<string, string>
}
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError }

export const appErrorSchema = z.strictObject({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  fields: z.record(z.string(), z.string()).optional()
})
