/**
 * /notes/:noteId — one session note. A draft is a form that saves itself; a signed note is a
 * read view with its signature, content hash and addenda.
 */
import { useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { Link, useParams } from 'react-router'
import { ArrowLeft } from 'lucide-react'
import { DEFAULT_VITAL_THRESHOLDS } from '@shared/domain/vitals'
import { isClinical } from '@shared/domain/roles'
import { ErrorState, LoadingAnnouncement, Skeleton, buttonClasses } from '@renderer/components'
import { isApiError } from '@renderer/lib/errors'
import { clientDisplayName } from '@renderer/lib/format'
import { useCurrentUser } from '../auth/access'
import { clientQueries } from '../clients/queries'
import { NoteMeasures } from '../measures/NoteMeasures'
import { NoteContraindications } from '../screening/ContraindicationFlags'
import { settingsQueries } from '../settings/queries'
import { Addenda } from './Addenda'
import { DraftEditor } from './DraftEditor'
import { NoteHeader, signerLine } from './NoteHeader'
import { NoteReadView } from './NoteReadView'
import { PrintNoteButton } from './PrintNotes'
import { noteQueries } from './queries'

export function NoteEditorPage() {
  const { noteId = '' } = useParams()
  const note = useQuery(noteQueries.detail(noteId))
  // Settings → Clinical; DOMAIN.md's defaults until it answers (or if it cannot).
  const thresholds = useQuery({ ...settingsQueries.practice(), select: (s) => s.vitalThresholds })
  const chart = useQuery({ ...clientQueries.detail(note.data?.clientId ?? ''), enabled: Boolean(note.data?.clientId) })
  const user = useCurrentUser()
  const [generation, setGeneration] = useState(0)

  if (note.isPending) return <NoteSkeleton />
  if (note.isError) {
    const missing = isApiError(note.error, 'not_found') || isApiError(note.error, 'invalid_input')
    return (
      <div>
        <ErrorState
          title={missing ? 'This note could not be found' : isApiError(note.error, 'forbidden') ? 'This note is not available to you' : 'This note could not be loaded'}
          error={note.error}
          onRetry={missing || isApiError(note.error, 'forbidden') ? undefined : () => void note.refetch()}
        />
        <div className="flex justify-center">
          <Link to="/clients" className={buttonClasses('secondary')}>
            <ArrowLeft aria-hidden="true" />
            Back to clients
          </Link>
        </div>
      </div>
    )
  }

  const data = note.data
  const client = chart.data?.client ?? null
  const clientName = client ? clientDisplayName(client) : null
  const vitalThresholds = thresholds.data ?? DEFAULT_VITAL_THRESHOLDS
  const canSign = isClinical(user?.role)
  const signerName = user ? signerLine({ name: user.displayName, credentials: user.credentials ?? null }) : 'you'

  if (data.status === 'draft') {
    return (
      <DraftEditor
        key={`${data.id}:${generation}`}
        note={data}
        clientName={clientName}
        escortOnFile={client?.escortName ?? null}
        thresholds={vitalThresholds}
        canSign={canSign}
        signerName={signerName}
        onReload={() => void note.refetch().then(() => setGeneration((g) => g + 1))}
      />
    )
  }

  return (
    <div className="pb-16">
      <div className="sticky top-0 z-20 -mx-8 -mt-6 border-b border-line bg-canvas px-8 pt-5">
        <NoteHeader note={data} clientName={clientName} actions={canSign ? <PrintNoteButton noteId={data.id} /> : null} />
      </div>
      {data.template === 'dosing' && <NoteContraindications clientId={data.clientId} noteId={data.id} readOnly />}
      <div className="pt-6">
        <NoteReadView template={data.template} body={data.body} thresholds={vitalThresholds} />
        {data.template !== 'dosing' && (
          <section aria-labelledby="note-measures" className="mt-6">
            <h2 id="note-measures" className="mb-3 text-[15px] font-semibold text-ink">
              Measures in this session
            </h2>
            <NoteMeasures clientId={data.clientId} noteId={data.id} sessionId={data.sessionId} sessionDate={data.session.date} readOnly={!canSign} />
          </section>
        )}
        <Addenda note={data} canSign={canSign} />
      </div>
    </div>
  )
}

function NoteSkeleton() {
  return (
    <div aria-busy="true">
      <LoadingAnnouncement label="Loading note…" />
      <div className="-mx-8 -mt-6 border-b border-line px-8 pt-5 pb-4">
        <Skeleton className="mb-3 h-3 w-24" />
        <Skeleton className="mb-2.5 h-6 w-56" />
        <Skeleton className="h-4 w-96" />
      </div>
      <div className="space-y-4 pt-6">
        <Skeleton className="h-24 w-full rounded-lg" />
        <Skeleton className="h-40 w-full rounded-lg" />
      </div>
    </div>
  )
}
