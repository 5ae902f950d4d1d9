import type { AuditIntent, AuditTarget } from '@shared/contracts'
import type { AuditListPage, AuditListQuery, AuditVerifyResult } from '@shared/contracts/audit'
import type { AuditAction, AuditEntity } from '@shared/domain/audit'
import type { Actor, ServiceContext } from '../../context'
import { compareTriggers } from '../../db/schema-check'
import { checkSignedNotes } from '../notes/integrity'
import { GENESIS_HASH, hashEntry, verifyChain, type ChainedFields } from './chain'
import { createAuditRepository } from './repository'

/** One entry to append: what was done to which record. Who and when come from the context. */
export interface AuditEvent {
  channel: string
  action: AuditAction
  entity: AuditEntity
  entityId: string | null
  /** undefined: looked up from the entity's row. */
  clientId?: string | null
  /** When it happened, if not now: failed sign-ins are kept in memory until the database opens. */
  at?: Date
  /** Who, if not the context's actor: a failed sign-in is nobody's yet. */
  actor?: Actor
}

/** A successful call whose contract declares an audit intent, as dispatch hands it over. */
export interface AuditedCall {
  channel: string
  intent: AuditIntent
  input: unknown
  output: unknown
}

const stringField = (value: unknown, key: 'id' | 'clientId'): string | undefined => {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined
  const field = (value as Record<string, unknown>)[key]
  return typeof field === 'string' ? field : undefined
}

/**
 * The record a call touched: the contract's own `target`, else the conventions — entity ID from
 * output.id or input.id, client ID from output.clientId or input.clientId; a client is its own.
 */
export function auditTargetOf(intent: AuditIntent, input: unknown, output: unknown): AuditTarget {
  const target = intent.target?.(input, output) ?? {
    entityId: stringField(output, 'id') ?? stringField(input, 'id') ?? null,
    clientId: stringField(output, 'clientId') ?? stringField(input, 'clientId')
  }
  return intent.entity === 'client' && target.clientId === undefined ? { ...target, clientId: target.entityId } : target
}

/**
 * The audit log: appends chained entries and lets the owner read and verify them.
 *
 * Appending is one INSERT and one SHA-256: the chain's head (last seq and hash) is read once and
 * then kept here. It is read again when another connection has committed (PRAGMA data_version)
 * and after a transaction that may have held an append rolled back (`forgetHead`).
 */
export interface AuditOptions {
  /** The migrations the database's triggers are compared against. */
  migrationsFolder: string
}

export function createAuditService(ctx: ServiceContext, options: AuditOptions) {
  const repo = createAuditRepository(ctx.db, ctx.sqlite)
  let head: { seq: number; hash: string; dataVersion: number } | null = null

  const currentHead = () => {
    const dataVersion = repo.dataVersion()
    if (!head || head.dataVersion !== dataVersion) {
      const last = repo.last()
      // The high-water mark, not the last row: if the newest entries were cut off, the next one
      // leaves the gap in place for verify to find instead of quietly reusing their numbers.
      head = { seq: Math.max(last?.seq ?? 0, repo.highWater()), hash: last?.hash ?? GENESIS_HASH, dataVersion }
    }
    return head
  }

  const append = (event: AuditEvent): void => {
    const h = currentHead()
    const actor = event.actor ?? ctx.actor()
    const fields: ChainedFields = {
      seq: h.seq + 1,
      id: ctx.newId(),
      at: (event.at ?? ctx.now()).toISOString(),
      actorId: actor.id,
      actorLabel: actor.label,
      action: event.action,
      entity: event.entity,
      entityId: event.entityId,
      clientId: event.clientId === undefined ? repo.clientIdOf(event.entity, event.entityId) : event.clientId,
      channel: event.channel,
      prevHash: h.hash
    }
    const hash = hashEntry(fields)
    repo.insert({ ...fields, hash })
    head = { seq: fields.seq, hash, dataVersion: h.dataVersion }
  }

  return {
    /** Appends one entry; call inside the transaction of the write it records. */
    append,

    /** Dispatch's one call site: the entry a contract declares, for the call that just succeeded. */
    recordCall({ channel, intent, input, output }: AuditedCall): void {
      const targets = intent.targets?.(input, output) ?? [auditTargetOf(intent, input, output)]
      for (const target of targets) append({ channel, action: intent.action, entity: intent.entity, ...target })
    },

    /** After a rollback: the head kept in memory may be an entry that was never committed. */
    forgetHead(): void {
      head = null
    },

    list(q: AuditListQuery): AuditListPage {
      return repo.list(q)
    },

    /**
     * Walks the whole chain, re-hashes every signed note and addendum, and compares the triggers
     * with the migrations' (run it in a transaction for a consistent view). Reads only.
     */
    verify(): AuditVerifyResult {
      return {
        ...verifyChain(repo.chain(), { highWater: repo.highWater, seqOfHash: repo.seqOfHash }),
        guarded: repo.guarded(),
        signedNotes: checkSignedNotes(ctx.sqlite),
        triggers: compareTriggers(ctx.sqlite, options.migrationsFolder)
      }
    }
  }
}
export type AuditService = ReturnType<typeof createAuditService>
