import { createHash } from 'node:crypto'
import type { AuditProblem } from '@shared/domain/audit'

/** The `prev_hash` of the first entry. */
export const GENESIS_HASH = '0'.repeat(64)
/** Leads every serialization, so a future change of fields can be told apart from tampering. */
const CHAIN_VERSION = 'kap-audit/1'

/** Every stored field of an entry except its own hash: what the hash covers. */
export interface ChainedFields {
  seq: number
  id: string
  at: string
  actorId: string | null
  actorLabel: string
  action: string
  entity: string
  entityId: string | null
  clientId: string | null
  channel: string
  prevHash: string
}
export interface ChainedRow extends ChainedFields {
  hash: string
}

/**
 * The canonical serialization: a JSON array in a fixed field order (strings, integers and nulls
 * only, so JSON.stringify is deterministic and no two rows serialize alike). The position `seq`
 * is covered too, so a row moved to another place no longer matches its hash.
 */
export const canonicalEntry = (r: ChainedFields): string =>
  JSON.stringify([
    CHAIN_VERSION, r.seq, r.id, r.at, r.actorId, r.actorLabel, r.action, r.entity, r.entityId, r.clientId, r.channel, r.prevHash
  ])

export const hashEntry = (r: ChainedFields): string => createHash('sha256').update(canonicalEntry(r)).digest('hex')

export interface ChainVerdict {
  ok: boolean
  /** Entries found sound before the first problem; all of them when ok. */
  checked: number
  firstBrokenSeq?: number
  problem?: AuditProblem
}

export interface ChainLookups {
  /** The highest seq ever handed out (SQLite's AUTOINCREMENT record), to notice a cut-off tail. */
  highWater(): number
  /** The seq of the entry with this hash, if any: tells a moved entry from a missing one. */
  seqOfHash(hash: string): number | undefined
}

/**
 * Walks the entries in seq order from the first and returns at the first fault:
 * - a gap in seq, or a higher seq handed out than the last entry's → 'deleted' (the first missing
 *   seq), or 'reordered' when the entry the next one follows is elsewhere in the log;
 * - an entry whose fields no longer give its hash → 'edited';
 * - an entry that does not follow the one before (prev_hash) → 'reordered' when the entry it
 *   follows is elsewhere in the log; 'edited' when only its prev_hash was changed, or when it is
 *   whole and so the entry before must have been rewritten with a fresh hash; else 'deleted'.
 * The lookups run only after the walk has stopped (a SQLite connection that is iterating a
 * query cannot run another), so `rows` may be a live cursor.
 */
export function verifyChain(rows: Iterable<ChainedRow>, lookups: ChainLookups): ChainVerdict {
  let expectedSeq = 1
  let expectedPrev = GENESIS_HASH
  let checked = 0
  let fault: { row: ChainedRow; kind: 'gap' | 'link' | 'hash' } | null = null
  for (const row of rows) {
    if (row.seq !== expectedSeq) fault = { row, kind: 'gap' }
    else if (row.prevHash !== expectedPrev) fault = { row, kind: 'link' }
    else if (hashEntry(row) !== row.hash) fault = { row, kind: 'hash' }
    if (fault) break
    checked++
    expectedPrev = row.hash
    expectedSeq = row.seq + 1
  }
  const broken = (firstBrokenSeq: number, problem: AuditProblem): ChainVerdict => ({ ok: false, checked, firstBrokenSeq, problem })

  if (!fault) return lookups.highWater() >= expectedSeq ? broken(expectedSeq, 'deleted') : { ok: true, checked }
  const { row, kind } = fault
  if (kind === 'hash') return broken(row.seq, 'edited')
  const followsAnotherEntry = row.prevHash !== GENESIS_HASH && lookups.seqOfHash(row.prevHash) !== undefined
  if (kind === 'gap') {
    // Renumbered by hand: a seq below the next one, or a jump on an entry that no longer matches its hash.
    if (row.seq < expectedSeq || (row.prevHash === expectedPrev && hashEntry(row) !== row.hash)) return broken(row.seq, 'edited')
    // A sound entry after a jump is the app appending after entries were cut off the end: it
    // follows the last one left, and keeps the missing numbers missing.
    return broken(expectedSeq, row.prevHash !== expectedPrev && followsAnotherEntry ? 'reordered' : 'deleted')
  }
  if (hashEntry({ ...row, prevHash: expectedPrev }) === row.hash) return broken(row.seq, 'edited')
  if (followsAnotherEntry) return broken(row.seq, 'reordered')
  if (hashEntry(row) === row.hash) return broken(Math.max(1, row.seq - 1), 'edited')
  return broken(row.seq, 'deleted')
}
