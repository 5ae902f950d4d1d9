import type { z } from 'zod'
import type { Measure, measureInput, MeasureRow, MeasureTrend } from '@shared/contracts/measures'
import { MEASURE_KINDS, MEASURES, compareToBaseline, scoreMeasure, type MeasureKind } from '@shared/domain/measures'
import type { ServiceContext } from '../../context'
import { invalid, notFound } from '../../errors'
import type { ClientsService } from '../clients/service'
import type { UsersService } from '../users/service'
import { createMeasuresRepository, type MeasureRowDb } from './repository'

export type MeasureValues = z.output<typeof measureInput>

const bandLabel = (kind: MeasureKind, key: string) => MEASURES[kind].bands.find((b) => b.key === key)?.label ?? key

const toMeasure = (row: MeasureRowDb): Measure => ({
  id: row.id,
  clientId: row.clientId,
  kind: row.kind,
  answers: JSON.parse(row.answers) as number[],
  total: row.total,
  band: row.band,
  bandLabel: bandLabel(row.kind, row.band),
  safetyFlag: row.safetyFlag,
  administeredOn: row.administeredOn,
  sessionId: row.sessionId,
  noteId: row.noteId,
  acknowledgedAt: row.acknowledgedAt,
  acknowledgedBy: row.acknowledgedBy,
  voidedAt: row.voidedAt,
  voidReason: row.voidReason,
  createdAt: row.createdAt
})

/**
 * PHQ-9, GAD-7 and PCL-5, entered item by item and scored here (shared/domain/measures), with the
 * score stored beside the answers. The baseline of a kind is the client's first measure of it.
 */
export function createMeasuresService(ctx: ServiceContext, clients: ClientsService, users: UsersService) {
  const repo = createMeasuresRepository(ctx.db)
  const stamp = () => ctx.now().toISOString()

  const require = (id: string): MeasureRowDb => {
    const row = repo.findById(id)
    if (!row) throw notFound('That measure')
    return row
  }

  const actorName = (): string => {
    const actor = ctx.actor()
    return (actor.id ? users.get(actor.id)?.displayName : undefined) ?? actor.label
  }

  /** The session and note a measure is linked to must be this client's; a note implies its session. */
  const links = (clientId: string, values: MeasureValues): { sessionId: string | null; noteId: string | null } => {
    let sessionId = values.sessionId
    if (values.noteId) {
      const note = repo.noteOf(values.noteId)
      if (!note || note.clientId !== clientId) throw invalid('That note is not one of this client’s.', { 'measure.noteId': 'Choose one of this client’s notes' })
      if (sessionId && sessionId !== note.sessionId) {
        throw invalid('The note belongs to another session.', { 'measure.sessionId': 'The session must be the note’s own session' })
      }
      sessionId = note.sessionId
    }
    if (sessionId) {
      const session = repo.sessionOf(sessionId)
      if (!session || session.clientId !== clientId) {
        throw invalid('That session is not one of this client’s.', { 'measure.sessionId': 'Choose one of this client’s sessions' })
      }
    }
    return { sessionId, noteId: values.noteId }
  }

  return {
    /** Newest first, each beside its kind's baseline. */
    list(clientId: string): MeasureRow[] {
      clients.requireExisting(clientId)
      const rows = repo.listByClient(clientId)
      const baselines = new Map<MeasureKind, MeasureRowDb>()
      for (const r of rows) if (!baselines.has(r.kind)) baselines.set(r.kind, r)
      return rows
        .map((r): MeasureRow => {
          const base = baselines.get(r.kind)!
          const isBaseline = base.id === r.id
          const cmp = compareToBaseline(r.kind, base.total, r.total)
          return {
            ...toMeasure(r),
            isBaseline,
            baseline: { id: base.id, total: base.total, administeredOn: base.administeredOn },
            changePercent: isBaseline ? null : cmp.changePercent,
            response: !isBaseline && cmp.response,
            remission: !isBaseline && cmp.remission
          }
        })
        .toReversed()
    },

    trend(clientId: string): MeasureTrend {
      clients.requireExisting(clientId)
      const rows = repo.listByClient(clientId)
      const series = MEASURE_KINDS.filter((kind) => rows.some((r) => r.kind === kind)).map((kind) => ({
        kind,
        totalMax: MEASURES[kind].totalMax,
        points: rows
          .filter((r) => r.kind === kind)
          .map((r) => ({ measureId: r.id, date: r.administeredOn, total: r.total, band: r.band, safetyFlag: r.safetyFlag }))
      }))
      return { series, dosingDates: repo.dosingDates(clientId) }
    },

    create(clientId: string, values: MeasureValues): Measure {
      clients.requireCurrent(clientId)
      const { sessionId, noteId } = links(clientId, values)
      const score = scoreMeasure(values.kind, values.answers)
      const id = ctx.newId()
      repo.insert({
        id,
        clientId,
        kind: values.kind,
        answers: JSON.stringify(values.answers),
        total: score.total,
        band: score.band.key,
        safetyFlag: score.safetyFlag,
        administeredOn: values.administeredOn,
        sessionId,
        noteId,
        acknowledgedAt: null,
        acknowledgedBy: null,
        voidedAt: null,
        voidReason: null,
        createdAt: stamp()
      })
      return toMeasure(require(id))
    },

    /** The safety flag was followed up: it leaves the dashboard (it stays on the measure and its note). */
    acknowledge(id: string): Measure {
      const row = require(id)
      if (!row.safetyFlag) throw invalid('This measure has no safety flag to acknowledge.')
      if (row.voidedAt) throw invalid('This measure was voided.')
      if (row.acknowledgedAt) throw invalid('This safety flag is already acknowledged.')
      repo.update(id, { acknowledgedAt: stamp(), acknowledgedBy: actorName() })
      return toMeasure(require(id))
    },

    void(id: string, reason: string | null): Measure {
      const row = require(id)
      clients.requireCurrent(row.clientId)
      if (row.voidedAt) throw invalid('This measure is already voided.')
      repo.update(id, { voidedAt: stamp(), voidReason: reason })
      return toMeasure(require(id))
    },

    /** For the dashboard. */
    openSafetyFlags: (since: string, until: string) => repo.openSafetyFlags(since, until)
  }
}
export type MeasuresService = ReturnType<typeof createMeasuresService>
