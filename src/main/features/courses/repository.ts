import { desc, eq } from 'drizzle-orm'
import type { Db } from '../../db/connection'
import { courses } from '../../db/schema'

export type CourseRow = typeof courses.$inferSelect
export type NewCourseRow = typeof courses.$inferInsert

export function createCoursesRepository(db: Db) {
  return {
    findById: (id: string): CourseRow | undefined => db.select().from(courses).where(eq(courses.id, id)).get(),

    /** Newest start first. */
    listByClient: (clientId: string): CourseRow[] =>
      db.select().from(courses).where(eq(courses.clientId, clientId)).orderBy(desc(courses.startedOn), desc(courses.createdAt)).all(),

    /** Every course, for the dashboard's booster check. */
    listAll: (): CourseRow[] => db.select().from(courses).all(),

    insert: (row: NewCourseRow): void => {
      db.insert(courses).values(row).run()
    },

    update: (id: string, row: Partial<NewCourseRow>): void => {
      db.update(courses).set(row).where(eq(courses.id, id)).run()
    }
  }
}
export type CoursesRepository = ReturnType<typeof createCoursesRepository>
