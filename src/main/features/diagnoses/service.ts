import type { z } from 'zod'
import type { Diagnosis, diagnosisInput } from '@shared/contracts/diagnoses'
import { icd10Description, isShippedIcd10 } from '@shared/domain/icd10-catalog'
import { DIAGNOSIS_LETTERS, MAX_DIAGNOSES } from '@shared/domain/icd10'
import type { ServiceContext } from '../../context'
import { conflict, invalid, notFound } from '../../errors'
import type { ClientsService } from '../clients/service'
import { createDiagnosesRepository, type DiagnosisRow } from './repository'

export type DiagnosisValues = z.output<typeof diagnosisInput>

const toDiagnosis = (row: DiagnosisRow, letter: Diagnosis['letter']): Diagnosis => ({
  id: row.id,
  clientId: row.clientId,
  code: row.code,
  description: row.description,
  letter,
  isPrimary: row.isPrimary,
  verified: isShippedIcd10(row.code),
  addedAt: row.addedAt,
  removedAt: row.removedAt
})

/**
 * The client's diagnosis list, lettered A–L as a superbill points at them. Removed diagnoses
 * are kept (removedAt set) so old superbills still explain their codes.
 */
export function createDiagnosesService(ctx: ServiceContext, clients: ClientsService) {
  const repo = createDiagnosesRepository(ctx.db)
  const stamp = () => ctx.now().toISOString()

  const current = (clientId: string): Diagnosis[] =>
    repo.listCurrent(clientId).map((row, i) => toDiagnosis(row, DIAGNOSIS_LETTERS[i] ?? null))

  const requireCurrentDiagnosis = (id: string): DiagnosisRow => {
    const row = repo.findById(id)
    if (!row) throw notFound('That diagnosis')
    if (row.removedAt) throw invalid('This diagnosis was already removed from the client’s list.')
    clients.requireCurrent(row.clientId)
    return row
  }

  /** Writes positions 0..n-1 in the given order and makes sure exactly one is primary. */
  const pack = (ordered: DiagnosisRow[], primaryId?: string) => {
    const primary = primaryId ?? ordered.find((d) => d.isPrimary)?.id ?? ordered[0]?.id
    ordered.forEach((d, position) => {
      const isPrimary = d.id === primary
      if (d.position !== position || d.isPrimary !== isPrimary) repo.update(d.id, { position, isPrimary })
    })
  }

  return {
    list(clientId: string, includeRemoved: boolean): Diagnosis[] {
      clients.requireExisting(clientId)
      const list = current(clientId)
      return includeRemoved ? [...list, ...repo.listRemoved(clientId).map((row) => toDiagnosis(row, null))] : list
    },

    add(clientId: string, values: DiagnosisValues): Diagnosis[] {
      clients.requireCurrent(clientId)
      const count = repo.countCurrent(clientId)
      if (count >= MAX_DIAGNOSES) {
        throw conflict('This client already has 12 diagnoses.', {
          'diagnosis.code': 'A client can have at most 12 diagnoses (A–L). Remove one first.'
        })
      }
      if (!values.custom && !isShippedIcd10(values.code)) {
        throw invalid('That code is not on the ICD-10-CM list.', {
          'diagnosis.code': 'This code is not on the ICD-10-CM list the app ships. Check it, or tick “Save as a custom, unverified code”.'
        })
      }
      if (repo.findCurrentByCode(clientId, values.code)) {
        throw conflict('This diagnosis is already on the client’s list.', {
          'diagnosis.code': 'This code is already on the client’s list.'
        })
      }
      repo.insert({
        id: ctx.newId(),
        clientId,
        code: values.code,
        description: values.description ?? icd10Description(values.code) ?? null,
        position: count,
        isPrimary: count === 0,
        addedAt: stamp(),
        removedAt: null
      })
      return current(clientId)
    },

    remove(id: string): Diagnosis[] {
      const row = requireCurrentDiagnosis(id)
      repo.update(id, { removedAt: stamp(), isPrimary: false })
      // Re-letter the rest; if the primary went, the new first one takes its place.
      pack(repo.listCurrent(row.clientId))
      return current(row.clientId)
    },

    setPrimary(id: string): Diagnosis[] {
      const row = requireCurrentDiagnosis(id)
      pack(repo.listCurrent(row.clientId), id)
      return current(row.clientId)
    },

    reorder(clientId: string, orderedIds: string[]): Diagnosis[] {
      clients.requireCurrent(clientId)
      const rows = repo.listCurrent(clientId)
      const byId = new Map(rows.map((d) => [d.id, d]))
      const sameSet = orderedIds.length === rows.length && new Set(orderedIds).size === orderedIds.length && orderedIds.every((id) => byId.has(id))
      if (!sameSet) {
        throw invalid('The new order must list each of the client’s current diagnoses exactly once. Reload and try again.', {
          orderedIds: 'The list of diagnoses changed since it was loaded. Reload and try again.'
        })
      }
      pack(orderedIds.map((id) => byId.get(id)!))
      return current(clientId)
    }
  }
}
export type DiagnosesService = ReturnType<typeof createDiagnosesService>
