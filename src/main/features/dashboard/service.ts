import type { Dashboard } from '@shared/contracts/dashboard'
import { BOOSTER_DUE_DAYS, SAFETY_FLAG_DAYS } from '@shared/contracts/dashboard'
import { isClinical } from '@shared/domain/roles'
import { addDays, daysBetween } from '@shared/domain/scheduling'
import { isDosingKind } from '@shared/domain/session-kinds'
import type { ServiceContext } from '../../context'
import { protocolOf } from '../courses/service'
import type { MeasuresService } from '../measures/service'
import type { NotesService } from '../notes/service'
import type { SessionsService } from '../sessions/service'
import { createDashboardRepository } from './repository'

/**
 * The home screen in one call. Every role gets today's agenda and the boosters due (scheduling);
 * unsigned notes and safety flags are clinical and come back null for the administrator.
 *
 * Safety flags: a PHQ-9 with item 9 above 0, not voided, given in the SAFETY_FLAG_DAYS (30) days up
 * to `today` (inclusive) and not yet acknowledged (measures:acknowledge). Older flags stay on the measure and
 * its note but leave the dashboard.
 *
 * Boosters due: a course is finished when marked completed, or when every planned dosing/booster
 * session of its protocol is completed. Its client is due when the last completed dosing of that
 * course is BOOSTER_DUE_DAYS (28) or more days before `today`, and no dosing or booster has been
 * done or booked since (in any course). Only current clients whose status is active or maintenance.
 */
export function createDashboardService(
  ctx: ServiceContext,
  deps: { sessions: SessionsService; notes: NotesService; measures: MeasuresService }
) {
  const repo = createDashboardRepository(ctx.db)

  const boostersDue = (today: string): Dashboard['boostersDue'] => {
    const dosings = repo.activeDosings()
    const latestByClient = new Map<string, string>()
    for (const d of dosings) if ((latestByClient.get(d.clientId) ?? '') < d.date) latestByClient.set(d.clientId, d.date)
    const completedByCourse = new Map<string, string[]>()
    for (const d of dosings) {
      if (d.status !== 'completed' || !d.courseId) continue
      const list = completedByCourse.get(d.courseId)
      if (list) list.push(d.date)
      else completedByCourse.set(d.courseId, [d.date])
    }

    const due = new Map<string, Dashboard['boostersDue'][number]>()
    for (const course of repo.courses()) {
      const done = completedByCourse.get(course.id) ?? []
      if (done.length === 0) continue
      const planned = protocolOf(course)
        .steps.filter((s) => isDosingKind(s.kind))
        .reduce((n, s) => n + s.planned, 0)
      const finished = course.status === 'completed' || (planned > 0 && done.length >= planned)
      if (!finished) continue
      const last = done.reduce((a, b) => (a > b ? a : b))
      if (latestByClient.get(course.clientId) !== last) continue
      const daysSince = daysBetween(last, today)
      if (addDays(last, BOOSTER_DUE_DAYS) > today) continue
      const prior = due.get(course.clientId)
      if (!prior || prior.lastDosingOn < last) {
        due.set(course.clientId, { clientId: course.clientId, clientName: course.clientName, courseId: course.id, courseName: course.name, lastDosingOn: last, daysSince })
      }
    }
    return [...due.values()].sort((a, b) => b.daysSince - a.daysSince || a.clientName.localeCompare(b.clientName))
  }

  return {
    get(today: string): Dashboard {
      const clinical = isClinical(ctx.actor().role)
      return {
        today: deps.sessions.agenda(today, today),
        unsignedNotes: clinical ? deps.notes.unsigned() : null,
        safetyFlags: clinical ? deps.measures.openSafetyFlags(addDays(today, -SAFETY_FLAG_DAYS), today) : null,
        boostersDue: boostersDue(today)
      }
    }
  }
}
export type DashboardService = ReturnType<typeof createDashboardService>
