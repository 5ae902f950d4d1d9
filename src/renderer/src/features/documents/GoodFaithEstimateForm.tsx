/**
 * The Good Faith Estimate for a client's course (No Surprises Act): for a client who is uninsured
 * or not having these services billed to insurance. Main builds it from the course's planned
 * sessions and the fee schedule, stores it (GFE-YYYY-NNNN) and says whether it was given in time;
 * an insured client whose insurance is billed is refused with why, beside the checkbox.
 */
import { useState, type FormEvent } from 'react'
import { useQuery } from '@tanstack/react-query'
import { FileDown } from 'lucide-react'
import { usDate } from '@shared/domain/dates'
import { GFE_TIMELINESS_LABELS } from '@shared/domain/good-faith-estimate'
import { Button, DateField, FieldMessage, SelectField } from '@renderer/components'
import { ApiError } from '@renderer/lib/api'
import { courseQueries } from '../courses/queries'
import { MissingList, missingItems } from './MissingList'
import { useGoodFaithEstimate } from './queries'

export function GoodFaithEstimateForm({ clientId }: { clientId: string }) {
  const courses = useQuery(courseQueries.list(clientId))
  const active = (courses.data ?? []).filter((c) => c.status === 'active')
  const [courseId, setCourseId] = useState('')
  const [selfPay, setSelfPay] = useState(true)
  const [requestedOn, setRequestedOn] = useState('')
  const gfe = useGoodFaithEstimate()
  const chosen = courseId || active[0]?.id || ''
  const onSubmit = (e: FormEvent) => {
    e.preventDefault()
    gfe.mutate({ clientId, courseId: chosen, selfPay, requestedOn: requestedOn || null })
  }
  const fields = gfe.error instanceof ApiError ? gfe.error.fields : {}
  const fieldProblem = fields.selfPay ?? fields.courseId ?? fields.requestedOn
  return (
    <section aria-labelledby="billing-gfe-heading" className="rounded-lg border border-line bg-surface px-4 py-3">
      <h3 id="billing-gfe-heading" className="mb-2 text-sm font-semibold text-ink">
        Good Faith Estimate
      </h3>
      {active.length === 0 ? (
        <p className="text-[13px] text-ink-soft">Start a course on the Sessions tab first: the estimate is built from its planned sessions.</p>
      ) : (
        <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-3" aria-label="Good Faith Estimate">
          <SelectField
            label="Course"
            options={active.map((c) => ({ value: c.id, label: `${c.protocol.name}, from ${usDate(c.startedOn)}` }))}
            value={chosen}
            onChange={(e) => setCourseId(e.target.value)}
            error={fields.courseId}
          />
          <DateField label="Requested by the client on" hint="Leave empty when it follows the scheduling" value={requestedOn} onChange={(e) => setRequestedOn(e.target.value)} error={fields.requestedOn} />
          <div className="pb-2">
            <label className="flex items-center gap-2 text-[13px] text-ink">
              <input type="checkbox" checked={selfPay} onChange={(e) => setSelfPay(e.target.checked)} aria-describedby={fields.selfPay ? 'gfe-selfpay-error' : undefined} />
              Client pays themselves (uninsured, or not billing insurance)
            </label>
          </div>
          <Button type="submit" busy={gfe.isPending}>
            <FileDown aria-hidden="true" />
            Good Faith Estimate
          </Button>
        </form>
      )}
      <FieldMessage id="gfe-selfpay-error" error={fields.selfPay} />
      {gfe.data && (
        <output className="mt-2 block text-[13px] text-ink-soft" data-testid="gfe-result">
          <span className="num font-medium text-ink">{gfe.data.number}</span> saved as{' '}
          <span className="num font-medium text-ink" data-testid="gfe-file">
            {gfe.data.fileName}
          </span>{' '}
          to the exports folder · {GFE_TIMELINESS_LABELS[gfe.data.timeliness]}
          {gfe.data.deadline && ` (due ${usDate(gfe.data.deadline)})`}
        </output>
      )}
      <MissingList error={gfe.error} clientId={clientId} testId="gfe-missing" />
      {gfe.error && missingItems(gfe.error).length === 0 && !fieldProblem && (
        <p className="mt-2 text-[13px] text-red-700" role="alert">
          {gfe.error instanceof Error ? gfe.error.message : 'The estimate could not be made.'}
        </p>
      )}
    </section>
  )
}
