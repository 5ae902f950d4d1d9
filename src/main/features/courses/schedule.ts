/**
 * "Schedule the course" over the database: reads the course, its sessions and the clinician's and
 * client's busy time, asks the pure planner (plan-schedule.ts), and books the adjusted rows through
 * the sessions service — inside dispatch's one transaction, so a refused or failed row books none.
 */
import type { ScheduleProblem, ScheduleProposal } from '@shared/contracts/courses'
import type { Session } from '@shared/contracts/sessions'
import { localToday } from '@shared/domain/dates'
import { addDays } from '@shared/domain/scheduling'
import type { PlaceOfServiceCode } from '@shared/domain/session-kinds'
import type { ServiceContext } from '../../context'
import { conflict, invalid } from '../../errors'
import type { SessionsService } from '../sessions/service'
import { checkSchedule, DEFAULT_WORKING_HOURS, PLAN_HORIZON_DAYS, planSchedule, type PlannedRow } from './plan-schedule'
import type { CoursesService } from './service'

export const COURSE_NOT_ACTIVE_MESSAGE = 'Only an active course can be scheduled.'

export function createCourseScheduleService(ctx: ServiceContext, deps: { courses: CoursesService; sessions: SessionsService }) {
  /** What the planner and the check need to know about a course now. */
  const contextOf = (courseId: string, rows: readonly PlannedRow[] = []) => {
    const course = deps.courses.get(courseId)
    if (course.status !== 'active') throw invalid(COURSE_NOT_ACTIVE_MESSAGE)
    const tomorrow = addDays(localToday(ctx.now()), 1)
    const from = course.startedOn > tomorrow ? course.startedOn : tomorrow
    // The busy time read covers the planner's horizon and every adjusted row, wherever it was moved.
    const dates = rows.map((r) => r.date).sort()
    const first = dates[0] && dates[0] < from ? dates[0] : from
    const last = dates.at(-1) ?? from
    const horizon = addDays(from, PLAN_HORIZON_DAYS)
    const courseSessions = deps.sessions.list(course.clientId).filter((s) => s.courseId === courseId)
    const busy = deps.sessions.busyBetween(first, last > horizon ? last : horizon, deps.sessions.defaultRenderer(), course.clientId)
    return {
      course,
      plan: {
        steps: course.protocol.steps,
        rules: course.protocol.rules,
        existing: courseSessions.map((s) => ({ kind: s.kind, date: s.date, status: s.status })),
        busy,
        from,
        hours: DEFAULT_WORKING_HOURS
      }
    }
  }

  const check = (courseId: string, rows: readonly PlannedRow[]): ScheduleProblem[] => checkSchedule(rows, contextOf(courseId, rows).plan)

  return {
    propose(courseId: string): ScheduleProposal {
      const { plan } = contextOf(courseId)
      const { rows, unplaced } = planSchedule(plan)
      return { rows, unplaced, from: plan.from, hours: { ...plan.hours, days: [...plan.hours.days] } }
    },

    check,

    /** All rows or none: any problem (a clash, the spacing, working hours) refuses the lot as a conflict, each message beside its row's field. */
    book(courseId: string, rows: readonly PlannedRow[], placeOfService: PlaceOfServiceCode): { sessions: Session[] } {
      const problems = check(courseId, rows)
      if (problems.length > 0) {
        const n = new Set(problems.map((p) => p.row)).size
        throw conflict(`${n} row${n === 1 ? ' needs' : 's need'} attention before booking.`, Object.fromEntries(problems.map((p) => [`rows.${p.row}.${p.field}`, p.message])))
      }
      const { clientId } = deps.courses.get(courseId)
      const sessions = rows.map(
        // checkSchedule has already refused any row that clashes with the clinician's or client's time.
        (row) => deps.sessions.create(clientId, { ...row, placeOfService, status: 'scheduled', courseId, renderingUserId: undefined }, true).session
      )
      return { sessions }
    }
  }
}
export type CourseScheduleService = ReturnType<typeof createCourseScheduleService>
