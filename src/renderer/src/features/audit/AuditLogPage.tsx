import { useEffect, useMemo, useState } from 'react'
import { Link, useSearchParams } from 'react-router'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { ChevronLeft, ChevronRight, Filter, ScrollText, Search, ShieldAlert, ShieldCheck, X } from 'lucide-react'
import type { AuditEntry } from '@shared/contracts/audit'
import { AUDIT_ACTIONS, AUDIT_ENTITIES } from '@shared/domain/audit'
import { Button, DataTable, DateField, EmptyState, ErrorState, FormError, JobProgress, PageHeader, SelectField, dataTableColumnHelper } from '@renderer/components'
import { cn } from '@renderer/lib/cn'
import { formatCount, formatRange } from '@renderer/lib/format'
import { ACTION_LABELS, ENTITY_LABELS, actorLabel, describeVerdict } from './labels'
import { auditSentence } from './sentences'
import { PAGE_SIZE, hasAuditFilters, isDay, rangeReversed, readAuditState, toAuditInput, writeAuditState, type AuditListState } from './list-params'
import { auditQueries, useVerifyAuditLog } from './queries'

const whenFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'medium' })
const formatWhen = (iso: string) => {
  const d = new Date(iso)
  return Number.isNaN(d.getTime()) ? iso : whenFormat.format(d)
}
const shortId = (id: string) => id.slice(0, 8)

const ACTION_OPTIONS = AUDIT_ACTIONS.map((a) => ({ value: a, label: ACTION_LABELS[a] }))
const ENTITY_OPTIONS = AUDIT_ENTITIES.map((e) => ({ value: e, label: ENTITY_LABELS[e] }))

const col = dataTableColumnHelper<AuditEntry>()

const columns = [
  col.accessor('seq', {
    header: 'Entry',
    enableSorting: false,
    cell: ({ getValue }) => <span className="text-ink-faint">#{getValue()}</span>,
    meta: { align: 'right', headerClassName: 'w-[7%]' }
  }),
  col.accessor('at', {
    header: 'When',
    enableSorting: false,
    cell: ({ getValue }) => (
      <time dateTime={getValue()} className="num whitespace-nowrap text-ink">
        {formatWhen(getValue())}
      </time>
    ),
    meta: { headerClassName: 'w-[20%]' }
  }),
  col.accessor('action', {
    header: 'What happened',
    enableSorting: false,
    // The call behind it stays one hover away for support, not in the reader's way.
    cell: ({ row }) => (
      <span className="font-medium text-ink" title={`Call: ${row.original.channel}`}>
        {auditSentence(row.original)}
      </span>
    ),
    meta: { headerClassName: 'w-[28%]' }
  }),
  col.accessor('entity', {
    header: 'Record',
    enableSorting: false,
    cell: ({ row }) => <RecordCell entry={row.original} />
  }),
  col.accessor('actorLabel', {
    header: 'Who',
    enableSorting: false,
    cell: ({ row }) => (
      <span className="block truncate text-ink-soft" title={row.original.actorId ? `User ID ${row.original.actorId}` : undefined}>
        {actorLabel(row.original.actorLabel, row.original.actorId)}
      </span>
    ),
    meta: { headerClassName: 'w-[15%]' }
  }),
]

export function AuditLogPage() {
  const [params, setParams] = useSearchParams()
  const state = useMemo(() => readAuditState(params), [params])
  const update = (patch: Partial<AuditListState>) =>
    setParams(writeAuditState({ ...state, page: 0, ...patch }), { replace: true, preventScrollReset: true })

  const input = toAuditInput(state)
  const list = useQuery({ ...auditQueries.list(input), placeholderData: keepPreviousData })
  const filtered = hasAuditFilters(state)
  const reversed = rangeReversed(state)
  const total = list.data?.total ?? 0
  const lastPage = Math.max(0, Math.ceil(total / PAGE_SIZE) - 1)

  // A page number past the end (e.g. a stale link) falls back to the last page.
  useEffect(() => {
    if (list.data && !list.isPlaceholderData && state.page > lastPage) update({ page: lastPage })
    // oxlint-disable-next-line react-hooks/exhaustive-deps -- react to the data only
  }, [list.data, lastPage])

  const verify = useVerifyAuditLog()

  const clearFilters = () => update({ action: '', entity: '', from: '', to: '', clientId: '' })

  const empty = !filtered ? (
    <EmptyState
      icon={<ScrollText />}
      title="No entries yet"
      body="Every time a chart is opened, a record is created, changed or exported, an entry is added here."
    />
  ) : (
    <EmptyState
      icon={<Search />}
      title="No entries match these filters"
      body={reversed ? 'The “To” date is before the “From” date.' : 'Try a wider date range or fewer filters.'}
      action={<Button onClick={clearFilters}>Clear filters</Button>}
    />
  )

  const verdict = verify.data ? describeVerdict(verify.data) : null

  return (
    <div className="flex h-full min-h-0 flex-col">
      <PageHeader
        eyebrow={
          <Link to="/settings" className="inline-flex items-center gap-0.5 rounded hover:text-ink">
            <ChevronLeft aria-hidden="true" className="size-3.5" />
            Settings
          </Link>
        }
        title="Audit log"
        subtitle={
          list.data
            ? `${formatCount(total)} ${total === 1 ? 'entry' : 'entries'}${filtered ? (total === 1 ? ' matches' : ' match') : ''} — who opened or changed which record, and when. Newest first.`
            : '\u00a0'
        }
        actions={
          <Button variant="primary" busy={verify.isPending} onClick={() => verify.mutate({})}>
            <ShieldCheck aria-hidden="true" />
            Verify the log
          </Button>
        }
        className="pb-4"
      />

      <JobProgress label="Checking the audit log" progress={verify.progress} onCancel={verify.cancel} />
      {verify.error && <FormError error={verify.error} className="mb-3" />}
      {verdict && !verify.isPending && (
        <div
          role={verdict.tone === 'success' ? 'status' : 'alert'}
          className={cn(
            'mb-3 flex gap-2.5 rounded-md border px-3 py-2.5 text-sm',
            verdict.tone === 'success' ? 'border-emerald-200 bg-emerald-50 text-emerald-900' : 'border-red-200 bg-red-50 text-red-800'
          )}
        >
          {verdict.tone === 'success' ? (
            <ShieldCheck aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
          ) : (
            <ShieldAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
          )}
          <div className="min-w-0 flex-1">
            <p className="font-medium">{verdict.title}</p>
            {verdict.body.map((line) => (
              <p key={line} className="mt-0.5 text-[13px]">
                {line}
              </p>
            ))}
          </div>
          <button
            type="button"
            aria-label="Dismiss the result"
            onClick={() => verify.reset()}
            className="flex size-6 shrink-0 items-center justify-center rounded opacity-70 hover:opacity-100"
          >
            <X aria-hidden="true" className="size-3.5" />
          </button>
        </div>
      )}

      <fieldset className="mb-3 flex flex-wrap items-start gap-x-3 gap-y-2">
        <legend className="sr-only">Filter entries</legend>
        <SelectField
          label="Action"
          placeholder="All actions"
          options={ACTION_OPTIONS}
          value={state.action}
          onChange={(e) => update({ action: e.target.value as AuditListState['action'] })}
          className="w-44"
        />
        <SelectField
          label="Record type"
          placeholder="All records"
          options={ENTITY_OPTIONS}
          value={state.entity}
          onChange={(e) => update({ entity: e.target.value as AuditListState['entity'] })}
          className="w-44"
        />
        <DayFilter label="From" value={state.from} max={state.to || undefined} onCommit={(from) => update({ from })} />
        <DayFilter
          label="To"
          value={state.to}
          min={state.from || undefined}
          onCommit={(to) => update({ to })}
          error={reversed ? 'This is before the “From” date' : undefined}
        />
        {state.clientId && (
          <div className="min-w-0">
            <span aria-hidden="true" className="mb-1 block text-[13px] font-medium text-ink-soft">
              Client
            </span>
            <span className="inline-flex h-8 items-center gap-1.5 rounded-md border border-accent-600 bg-accent-50 pr-1 pl-2.5 text-[13px] text-accent-800">
              <Link to={`/clients/${state.clientId}`} className="underline-offset-2 hover:underline" title={`Client ID ${state.clientId}`}>
                {list.data?.rows.find((r) => r.clientId === state.clientId)?.clientName ?? (
                  <>
                    This client <span className="num text-xs">{shortId(state.clientId)}</span>
                  </>
                )}
              </Link>
              <button
                type="button"
                aria-label="Show entries for all clients"
                onClick={() => update({ clientId: '' })}
                className="flex size-6 items-center justify-center rounded hover:bg-accent-100"
              >
                <X aria-hidden="true" className="size-3.5" />
              </button>
            </span>
          </div>
        )}
        {filtered && (
          <button type="button" onClick={clearFilters} className="mt-5 h-8 rounded px-2 text-[13px] text-accent-700 hover:bg-accent-50">
            Clear filters
          </button>
        )}
      </fieldset>

      {list.isError && !list.data ? (
        <div className="rounded-lg border border-line bg-surface">
          <ErrorState error={list.error} title="The audit log could not be loaded" onRetry={() => void list.refetch()} />
        </div>
      ) : (
        <DataTable
          label="Audit log entries"
          fixedLayout
          columns={columns}
          data={list.data?.rows ?? NO_ROWS}
          getRowId={(r) => r.id}
          loading={list.isPending}
          loadingRows={14}
          stale={list.isPlaceholderData}
          empty={list.data ? empty : undefined}
          className="min-h-0 flex-1"
        />
      )}

      <nav aria-label="Pages" hidden={list.isError && !list.data} className="flex items-center justify-between gap-4 pt-3 text-[13px] text-ink-soft">
        <span className="num" aria-live="polite">
          {list.data ? formatRange(state.page, PAGE_SIZE, total) : ''}
          {list.isError && list.data && <span className="ml-3 text-red-700">Could not refresh the log.</span>}
        </span>
        <div className="flex items-center gap-1.5">
          <Button size="sm" variant="secondary" aria-label="Previous page" disabled={state.page === 0} onClick={() => update({ page: state.page - 1 })}>
            <ChevronLeft aria-hidden="true" />
            Previous
          </Button>
          <Button size="sm" variant="secondary" aria-label="Next page" disabled={state.page >= lastPage} onClick={() => update({ page: state.page + 1 })}>
            Next
            <ChevronRight aria-hidden="true" />
          </Button>
        </div>
      </nav>
    </div>
  )
}

/**
 * A day box that writes the URL only once the day is whole: a date input reports "0002-03-08"
 * while the year is still being typed, and that must not become the filter (or be wiped).
 */
function DayFilter({
  label,
  value,
  onCommit,
  min,
  max,
  error
}: {
  label: string
  value: string
  onCommit: (day: string) => void
  min?: string
  max?: string
  error?: string
}) {
  const [text, setText] = useState(value)
  // The URL changed from outside (Clear filters, Back): show its day in the box.
  const [shown, setShown] = useState(value)
  if (shown !== value) {
    setShown(value)
    setText(value)
  }
  return (
    <DateField
      label={label}
      value={text}
      min={min}
      max={max}
      error={error}
      onChange={(e) => {
        const next = e.target.value
        setText(next)
        if (next === '' || isDay(next)) onCommit(next)
      }}
      className="w-40"
    />
  )
}


/** The record in words, its short ID, and for a client's record a link to the chart and a one-client filter. */
function RecordCell({ entry: e }: { entry: AuditEntry }) {
  const [params, setParams] = useSearchParams()
  const state = readAuditState(params)
  return (
    <div className="flex min-w-0 items-center gap-2">
      <span className="text-ink">{ENTITY_LABELS[e.entity]}</span>
      {e.entityId && e.entity !== 'client' && (
        <span className="num truncate text-xs text-ink-faint" title={`Record ID ${e.entityId}`}>
          {shortId(e.entityId)}
        </span>
      )}
      {e.clientId && (
        <>
          <Link to={`/clients/${e.clientId}`} className="truncate text-accent-700 underline-offset-2 hover:underline" title={`Client ID ${e.clientId}`}>
            {e.clientName ?? <>Chart <span className="num text-xs">{shortId(e.clientId)}</span></>}
          </Link>
          {state.clientId !== e.clientId && (
            <button
              type="button"
              onClick={() => setParams(writeAuditState({ ...state, page: 0, clientId: e.clientId ?? '' }), { replace: true, preventScrollReset: true })}
              aria-label={`Only entries for ${e.clientName ?? `client ${shortId(e.clientId)}`}`}
              title="Only entries for this client"
              className="flex size-6 shrink-0 items-center justify-center rounded text-ink-faint hover:bg-sunken hover:text-ink"
            >
              <Filter aria-hidden="true" className="size-3.5" />
            </button>
          )}
        </>
      )}
    </div>
  )
}

const NO_ROWS: AuditEntry[] = []
