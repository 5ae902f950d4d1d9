/**
 * Types the router and the features' handlers share, kept apart so that a handler never imports
 * the router that imports it.
 */
import type { z } from 'zod'
import type { Contract, Contracts, Domain } from '@shared/contracts'

/**
 * A domain's handlers: one per contract, taking validated input, returning the output value
 * (a promise only for a contract marked `outsideTransaction`: a transaction cannot await).
 */
export type Handlers<D extends Domain> = {
  [V in keyof Contracts[D]]: Contracts[D][V] extends Contract<infer I, infer O>
    ? Contracts[D][V] extends { outsideTransaction: true }
      ? (input: z.output<I>) => Promise<z.input<O>>
      : (input: z.output<I>) => z.input<O>
    : never
}
