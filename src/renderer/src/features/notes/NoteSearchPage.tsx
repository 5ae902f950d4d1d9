/**
 * /notes/search — full-text search over every note and addendum. The query lives in the URL
 * (?q=) so Back returns to the results. Snippets come as parts; matches are drawn as <mark>
 * around plain text — nothing from a note is ever parsed as HTML.
 */
import { useEffect, useRef, useState } from 'react'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { Link, useSearchParams } from 'react-router'
import { FileSearch, Lock, Search } from 'lucide-react'
import type { NoteSearchHit } from '@shared/contracts/notes'
import { NOTE_TEMPLATE_LABELS, SESSION_KIND_LABELS } from '@shared/domain/session-kinds'
import { Badge, EmptyState, ErrorState, LoadingRows, PageHeader } from '@renderer/components'
import { formatDate } from '@renderer/lib/format'
import { useDebouncedValue } from '@renderer/lib/hooks'
import { notePath, noteQueries } from './queries'

export function NoteSearchPage() {
  const [params, setParams] = useSearchParams()
  const [text, setText] = useState(params.get('q') ?? '')
  const query = useDebouncedValue(text.trim(), 250)
  const input = useRef<HTMLInputElement>(null)
  const results = useQuery({ ...noteQueries.search(query), placeholderData: keepPreviousData })

  useEffect(() => input.current?.focus(), [])
  useEffect(() => {
    if ((params.get('q') ?? '') !== query) setParams(query ? { q: query } : {}, { replace: true })
  }, [query, params, setParams])

  const hits = query ? (results.data ?? []) : []

  return (
    <>
      <PageHeader title="Search notes" subtitle="Every session note and addendum, newest first." />
      <search className="mb-4 block max-w-2xl">
        <label htmlFor="note-search" className="mb-1 block text-[13px] font-medium text-ink-soft">
          Search notes
        </label>
        <div className="relative">
          <Search aria-hidden="true" className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-ink-faint" />
          <input
            ref={input}
            id="note-search"
            type="search"
            value={text}
            maxLength={200}
            placeholder="Words from a note, e.g. “ocean grief”"
            autoComplete="off"
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => e.key === 'Escape' && setText('')}
            aria-describedby="note-search-hint"
            className="control h-9 pl-8"
          />
        </div>
        <p id="note-search-hint" className="mt-1 text-xs text-ink-faint">
          Matches whole words in note text and addenda. Drafts are included.
        </p>
      </search>

      {!query ? (
        <div className="rounded-lg border border-dashed border-line-strong bg-surface">
          <EmptyState icon={<FileSearch />} title="Search every note" body="Type a word or two that you remember from a note: a theme, a medication, a phrase the client used." />
        </div>
      ) : results.isError ? (
        <ErrorState title="The search could not be run" error={results.error} onRetry={() => void results.refetch()} className="rounded-lg border border-line bg-surface" />
      ) : results.isPending ? (
        <div className="rounded-lg border border-line bg-surface p-4" aria-busy="true">
          <LoadingRows as="div" rows={5} />
        </div>
      ) : hits.length === 0 ? (
        <div className="rounded-lg border border-line bg-surface">
          <EmptyState icon={<FileSearch />} title="No notes match" body={<>Nothing found for “{query}”. Try fewer or different words.</>} />
        </div>
      ) : (
        <section aria-labelledby="note-results">
          <h2 id="note-results" className="mb-2 text-[13px] text-ink-soft">
            <span className="num">{hits.length}</span> {hits.length === 1 ? 'note' : 'notes'} found
            {hits.length >= 50 && ' — showing the 50 newest; add words to narrow it down'}
          </h2>
          <ul aria-label="Matching notes" className={results.isPlaceholderData ? 'opacity-60 transition-opacity' : undefined}>
            {hits.map((hit) => (
              <li key={hit.noteId}>
                <SearchResult hit={hit} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  )
}

function SearchResult({ hit }: { hit: NoteSearchHit }) {
  return (
    <Link
      to={notePath(hit.noteId)}
      className="mb-2 block rounded-lg border border-line bg-surface px-4 py-3 transition-colors hover:border-accent-200 hover:bg-accent-50/40 focus-visible:outline-offset-0"
    >
      <div className="flex flex-wrap items-center gap-x-2.5 gap-y-1 text-sm">
        <span className="font-semibold text-ink">{hit.clientName}</span>
        <span className="text-ink-soft">
          <span className="num">{formatDate(hit.date)}</span> · {SESSION_KIND_LABELS[hit.kind]} session · {NOTE_TEMPLATE_LABELS[hit.template]} note
        </span>
        {hit.status === 'signed' ? (
          <Badge tone="success" className="ml-auto">
            <Lock aria-hidden="true" />
            Signed
          </Badge>
        ) : (
          <Badge className="ml-auto">Draft</Badge>
        )}
      </div>
      <p className="mt-1 line-clamp-3 text-[13px] leading-relaxed text-ink-soft">
        <Snippet parts={hit.snippet} />
      </p>
    </Link>
  )
}

/** The snippet as text, each matched part in a <mark>. React escapes every part. */
export function Snippet({ parts }: { parts: NoteSearchHit['snippet'] }) {
  return (
    <>
      {parts.map((part, i) =>
        part.match ? (
          <mark key={i} className="rounded-sm bg-accent-100 px-0.5 font-medium text-ink">
            {part.text}
          </mark>
        ) : (
          <span key={i}>{part.text}</span>
        )
      )}
    </>
  )
}
