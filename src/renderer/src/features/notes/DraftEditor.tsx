/**
 * A draft note being written. Every edit is saved on its own (autosave), the form shows what the
 * template's schema would refuse beside the field, and Sign seals it.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { FormProvider, useForm, useWatch } from 'react-hook-form'
import { useQueryClient } from '@tanstack/react-query'
import { toast } from 'sonner'
import { CircleAlert, Cloud, CloudOff, LoaderCircle, PenLine, RotateCw } from 'lucide-react'
import type { Note } from '@shared/contracts/notes'
import { FIELD_LABELS, dosingWarnings, signingProblems, type NoteBody, type SigningProblem } from '@shared/domain/note-templates'
import { hasStarted, NOT_BEFORE_START_MESSAGE, signingAsksOutcome, type SessionOutcome } from '@shared/domain/signing'
import { formatDate } from '@renderer/lib/format'
import type { VitalThresholds } from '@shared/domain/vitals'
import { Button } from '@renderer/components'
import { ApiError } from '@renderer/lib/api'
import { describeError, isApiError } from '@renderer/lib/errors'
import { pendingSaves, useUnsavedChangesGuard } from '@renderer/lib/forms'
import { cn } from '@renderer/lib/cn'
import { NoteMeasures } from '../measures/NoteMeasures'
import { NoteContraindications } from '../screening/ContraindicationFlags'
import { createAutosaver, describeAutosave, type Autosaver, type AutosaveStatus } from './autosave'
import { bodyFieldErrors, formBody, issuesByPath, warningsByPath } from './body'
import { NoteEditorProvider, type NoteEditorContextValue } from './editor-context'
import { formatClock, NoteHeader } from './NoteHeader'
import { noteKeys, saveNoteBody, useSignNote } from './queries'
import { SignDialog } from './SignDialog'
import { DosingFields } from './templates/DosingFields'
import { FlaggedRiskAssessment } from './templates/RiskAssessment'
import { DapFields, IntegrationFields, PreparationFields, SoapFields } from './templates/TextTemplates'

type Body = Record<string, unknown>

const timeFormat = new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit' })
const clone = (values: unknown): Body => JSON.parse(JSON.stringify(values ?? {})) as Body

/** Errors another save cannot fix: the note moved on (another window), was signed, or is gone. */
const isFatal = (error: unknown) => isApiError(error, 'conflict') || isApiError(error, 'forbidden') || isApiError(error, 'not_found')
const isRefused = (error: unknown) => isApiError(error, 'invalid_input')

export interface DraftEditorProps {
  note: Note
  clientName: string | null
  escortOnFile: string | null
  thresholds: VitalThresholds
  /** Whether the signed-in user may sign (owner or clinician). */
  canSign: boolean
  signerName: string
  /** Fetch the stored note again and start over from it. */
  onReload: () => void
}

export function DraftEditor({ note, clientName, escortOnFile, thresholds, canSign, signerName, onReload }: DraftEditorProps) {
  const queryClient = useQueryClient()
  const template = note.template
  const [initial] = useState(() => formBody(template, note.body))
  const form = useForm<Body>({ defaultValues: initial })
  const values = useWatch({ control: form.control }) as Body
  const [status, setStatus] = useState<AutosaveStatus>({ kind: 'idle' })
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({})
  const saver = useRef<Autosaver<Body> | null>(null)
  const formRef = useRef<HTMLFormElement>(null)
  // What main holds now, so an autosaver made again (StrictMode, a remount) starts from it.
  const stored = useRef({ revision: note.revision, body: initial })

  const save = useCallback(
    async (body: Body, revision: number) => {
      try {
        const saved = await saveNoteBody({ id: note.id, revision, body })
        stored.current = { revision: saved.revision, body }
        setServerErrors({})
        queryClient.setQueryData(noteKeys.detail(note.id), saved)
        return saved.revision
      } catch (error) {
        if (error instanceof ApiError && error.code === 'invalid_input') setServerErrors(bodyFieldErrors(error.fields))
        throw error
      }
    },
    [note.id, queryClient]
  )

  useEffect(() => {
    const autosaver = createAutosaver<Body>({
      revision: stored.current.revision,
      initial: stored.current.body,
      save,
      onStatus: setStatus,
      isValid: (body) => Object.keys(issuesByPath(template, body)).length === 0,
      isFatal,
      isRefused
    })
    saver.current = autosaver
    const unsubscribe = form.subscribe({ formState: { values: true }, callback: ({ values: all }) => autosaver.change(clone(all)) })
    // Leaving the page or closing the window: send what is waiting now (the request leaves at once).
    const flushNow = () => void autosaver.flush()
    const onHidden = () => document.visibilityState === 'hidden' && flushNow()
    // Leaving a field saves at once; Ctrl/Cmd+S too.
    const formEl = formRef.current
    const onKey = (e: KeyboardEvent) => {
      if ((e.metaKey || e.ctrlKey) && e.key.toLowerCase() === 's') {
        e.preventDefault()
        flushNow()
      }
    }
    // Locking and signing out save it first.
    const unregister = pendingSaves.register(() => autosaver.flush())
    formEl?.addEventListener('focusout', flushNow)
    formEl?.addEventListener('keydown', onKey)
    window.addEventListener('pagehide', flushNow)
    window.addEventListener('beforeunload', flushNow)
    document.addEventListener('visibilitychange', onHidden)
    return () => {
      unsubscribe()
      unregister()
      formEl?.removeEventListener('focusout', flushNow)
      formEl?.removeEventListener('keydown', onKey)
      window.removeEventListener('pagehide', flushNow)
      window.removeEventListener('beforeunload', flushNow)
      document.removeEventListener('visibilitychange', onHidden)
      const before = autosaver.status().kind
      void autosaver.flush().then((ok) => {
        if (!ok && autosaver.hasUnsaved() && before !== 'invalid' && before !== 'stopped') {
          toast.error('The last changes to a note could not be saved. Open the note again to check it.')
        }
      })
      autosaver.dispose()
    }
  }, [form, save, template])

  // Leaving asks first only when the edits cannot be saved (a field to fix, a failure, a conflict).
  const stuck = status.kind === 'invalid' || status.kind === 'failed' || status.kind === 'stopped'
  useUnsavedChangesGuard(stuck)

  const issues = useMemo(() => issuesByPath(template, values), [template, values])
  const warnings = useMemo(
    () => (template === 'dosing' ? warningsByPath(dosingWarnings(values as NoteBody<'dosing'>, thresholds)) : {}),
    [template, values, thresholds]
  )
  const context = useMemo<NoteEditorContextValue>(
    () => ({ errorAt: (path) => issues[path] ?? serverErrors[path], warningsAt: (path) => warnings[path] ?? [] }),
    [issues, serverErrors, warnings]
  )

  // ── Signing ──
  const sign = useSignNote()
  const [signOpen, setSignOpen] = useState(false)
  const [problems, setProblems] = useState<SigningProblem[]>([])
  const [preparing, setPreparing] = useState(false)
  const labels: Record<string, string> = FIELD_LABELS[template]

  const flagged = note.safetyFlags.length > 0
  const askOutcome = signingAsksOutcome(note.session.status)
  const [outcome, setOutcome] = useState<SessionOutcome | null>(null)
  const openSign = async () => {
    setPreparing(true)
    await saver.current?.flush()
    setPreparing(false)
    sign.reset()
    setOutcome(null)
    const early: SigningProblem[] = hasStarted(note.session, new Date())
      ? []
      : [{ path: '', message: `${NOT_BEFORE_START_MESSAGE} It starts ${formatDate(note.session.date)} at ${formatClock(note.session.startTime)}.` }]
    // Acknowledgements live in main: its answer says whether the dosing note's flags are still open.
    const unacknowledged = note.signingProblems.filter((p) => p.path === 'contraindications')
    setProblems([...early, ...unacknowledged, ...signingProblems(template, form.getValues(), { riskAssessment: flagged })])
    setSignOpen(true)
  }
  const confirmSign = async () => {
    const autosaver = saver.current
    if (!autosaver || (askOutcome && !outcome)) return
    const saved = await autosaver.flush()
    if (!saved) {
      setSignOpen(false)
      toast.error('The latest changes are not saved yet, so the note was not signed. See the message above the note.')
      return
    }
    sign.mutate(
      { id: note.id, revision: autosaver.revision(), ...(askOutcome && outcome ? { sessionOutcome: outcome } : {}) },
      {
        onSuccess: () => {
          setSignOpen(false)
          toast.success('Note signed')
        }
      }
    )
  }
  const goTo = (path: string) => {
    setSignOpen(false)
    setTimeout(() => (path === 'contraindications' ? document.getElementById(path)?.focus() : form.setFocus(path)), 60)
  }

  const measures = <NoteMeasures clientId={note.clientId} noteId={note.id} sessionId={note.sessionId} sessionDate={note.session.date} />

  return (
    <div>
      <div className="sticky top-0 z-20 -mx-8 -mt-6 border-b border-line bg-canvas px-8 pt-5">
        <NoteHeader
          note={note}
          clientName={clientName}
          status={<SaveStatus status={status} onRetry={() => void saver.current?.flush()} />}
          actions={
            canSign ? (
              <Button variant="primary" busy={preparing} onClick={() => void openSign()} disabled={status.kind === 'stopped'}>
                <PenLine aria-hidden="true" />
                Sign note
              </Button>
            ) : null
          }
        />
      </div>

      {status.kind === 'stopped' && (
        <div role="alert" className="mt-4 flex flex-wrap items-start justify-between gap-3 rounded-md border border-red-200 bg-red-50 px-3 py-2.5 text-sm text-red-800">
          <div className="flex items-start gap-2">
            <CircleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
            <div>
              <p className="font-medium">{describeError(status.error)}</p>
              <p className="mt-0.5 text-[13px]">Your latest edits are still on this screen but were not saved. Copy anything you need, then reload the note.</p>
            </div>
          </div>
          <Button size="sm" onClick={onReload}>
            <RotateCw aria-hidden="true" />
            Reload note
          </Button>
        </div>
      )}

      {template === 'dosing' && <NoteContraindications clientId={note.clientId} noteId={note.id} readOnly={!canSign} />}

      <FormProvider {...form}>
        <NoteEditorProvider value={context}>
          <form
            aria-label="Note content"
            noValidate
            ref={formRef}
            onSubmit={(e) => e.preventDefault()}
            className="pt-6 pb-16"
          >
            {template === 'dosing' && <DosingFields thresholds={thresholds} escortOnFile={escortOnFile} />}
            {template === 'preparation' && <PreparationFields measures={measures} />}
            {template === 'integration' && <IntegrationFields measures={measures} flagged={flagged} />}
            {template === 'soap' && <SoapFields measures={measures} />}
            {template === 'dap' && <DapFields measures={measures} />}
            {template !== 'integration' && flagged && <FlaggedRiskAssessment />}
          </form>
        </NoteEditorProvider>
      </FormProvider>

      <SignDialog
        open={signOpen}
        onOpenChange={setSignOpen}
        problems={problems}
        labelFor={(path) => labels[path] ?? (path === 'contraindications' ? 'Contraindications' : undefined) ?? (path.startsWith('vitals.') ? `Vitals reading ${Number(path.split('.')[1]) + 1}` : undefined)}
        onGoTo={goTo}
        onSign={() => void confirmSign()}
        busy={sign.isPending}
        error={sign.error}
        signerName={signerName}
        outcome={askOutcome ? { status: note.session.status, value: outcome, onChange: setOutcome } : null}
      />
    </div>
  )
}

/** "Saving… / Saved 2:32 PM / Not saved — retry", announced politely to screen readers. */
function SaveStatus({ status, onRetry }: { status: AutosaveStatus; onRetry: () => void }) {
  const bad = status.kind === 'invalid' || status.kind === 'failed' || status.kind === 'stopped'
  const Icon = status.kind === 'saving' ? LoaderCircle : bad ? CloudOff : Cloud
  return (
    <div className="flex items-center gap-2">
      <output
        aria-live="polite"
        data-testid="save-status"
        data-status={status.kind}
        className={cn('inline-flex items-center gap-1.5 text-[13px] whitespace-nowrap', bad ? 'font-medium text-red-700' : 'text-ink-soft')}
      >
        <Icon aria-hidden="true" className={cn('size-4', status.kind === 'saving' && '[animation:kap-spin_1s_linear_infinite]')} />
        {describeAutosave(status, (d) => timeFormat.format(d))}
      </output>
      {status.kind === 'failed' && (
        <Button size="sm" variant="ghost" onClick={onRetry}>
          Retry now
        </Button>
      )}
    </div>
  )
}
