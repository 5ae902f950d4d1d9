import { useState } from 'react'
import { useForm } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import { useQuery } from '@tanstack/react-query'
import { z } from 'zod'
import { toast } from 'sonner'
import { ARCHIVE_PASSPHRASE_MIN, archiveImportInput, archivePassphrase, type ArchiveImportResult, type CustodianExportResult } from '@shared/contracts/exports'
import { Button, ConfirmDialog, FormError, JobProgress, SelectField, TextField } from '@renderer/components'
import { JobCancelledError } from '@renderer/lib/jobs'
import { applyServerErrors } from '@renderer/lib/forms'
import { formatBytes, formatCount, formatTimestamp } from '@renderer/lib/format'
import { exportsQueries, useArchiveExport, useCustodianExport, useImportArchive } from './queries'

const PASSPHRASE_RULE = `At least ${ARCHIVE_PASSPHRASE_MIN} characters. Without it the archive cannot be opened — keep it somewhere safe, apart from the archive.`

const archiveForm = z
  .strictObject({ passphrase: archivePassphrase, confirm: z.string() })
  .refine((v) => v.passphrase === v.confirm, { path: ['confirm'], error: 'The two passphrases do not match' })
type ArchiveForm = z.input<typeof archiveForm>
type ImportForm = z.input<typeof archiveImportInput>

function Block({ title, description, children }: { title: string; description: string; children: React.ReactNode }) {
  return (
    <div className="grid gap-3 border-t border-line py-5 first:border-t-0 first:pt-0 sm:grid-cols-[16rem_1fr] sm:gap-6">
      <div>
        <h3 className="text-sm font-semibold text-ink">{title}</h3>
        <p className="mt-1 text-[13px] leading-relaxed text-ink-soft">{description}</p>
      </div>
      <div className="min-w-0">{children}</div>
    </div>
  )
}

function Done({ children }: { children: React.ReactNode }) {
  return (
    <output className="mt-3 block rounded-md border border-line bg-sunken px-3 py-2.5 text-sm text-ink">{children}</output>
  )
}

function CustodianExport() {
  const run = useCustodianExport()
  const [done, setDone] = useState<CustodianExportResult | null>(null)
  return (
    <Block
      title="Records for a custodian"
      description="Every client’s records, archived clients included, as files anyone can open (JSON and spreadsheet CSV) — for a records transfer or your professional will."
    >
      <Button
        variant="primary"
        busy={run.isPending}
        onClick={() => {
          setDone(null)
          run.mutate({}, { onSuccess: (r) => setDone(r) })
        }}
      >
        Export records for a custodian
      </Button>
      <JobProgress label="Exporting records" progress={run.progress} onCancel={run.cancel} />
      <FormError error={run.error} className="mt-3" />
      {done && (
        <Done>
          <p className="font-medium">
            Exported {formatCount(done.clients)} {done.clients === 1 ? 'client' : 'clients'} in {formatCount(done.files)} files to:
          </p>
          <p className="mt-1 font-mono text-[12.5px] break-all text-ink-soft" data-testid="custodian-folder">
            {done.folder}
          </p>
          <p className="mt-1.5 text-[13px] text-ink-soft">The folder holds health information: keep it on an encrypted disk and share it only with the person entitled to it.</p>
        </Done>
      )}
    </Block>
  )
}

function ArchiveExport() {
  const run = useArchiveExport()
  const [done, setDone] = useState<{ path: string; clients: number } | null>(null)
  const [formError, setFormError] = useState<unknown>(null)
  const { register, handleSubmit, reset, setError, formState } = useForm<ArchiveForm>({
    resolver: zodResolver(archiveForm),
    defaultValues: { passphrase: '', confirm: '' }
  })
  const submit = handleSubmit(async ({ passphrase }) => {
    setFormError(null)
    setDone(null)
    try {
      const r = await run.mutateAsync({ passphrase })
      reset()
      setDone(r)
      toast.success('Practice archive saved')
    } catch (error) {
      if (error instanceof JobCancelledError) return
      if (!applyServerErrors(setError, error, '')) setFormError(error)
    }
  })
  return (
    <Block
      title="Practice archive"
      description="The whole practice in one encrypted file, to move it to another computer. It opens only with the passphrase you choose here."
    >
      <form noValidate onSubmit={submit} aria-label="Export practice archive" className="grid max-w-xl gap-3 sm:grid-cols-2">
        <TextField
          label="Passphrase"
          type="password"
          autoComplete="new-password"
          required
          hint={PASSPHRASE_RULE}
          error={formState.errors.passphrase?.message}
          {...register('passphrase')}
        />
        <TextField label="Repeat passphrase" type="password" autoComplete="new-password" required error={formState.errors.confirm?.message} {...register('confirm')} />
        <div className="sm:col-span-2">
          <Button type="submit" busy={formState.isSubmitting}>
            Export practice archive
          </Button>
        </div>
      </form>
      <FormError error={formError} className="mt-3" />
      {done && (
        <Done>
          <p className="font-medium">
            Archive of {formatCount(done.clients)} {done.clients === 1 ? 'client' : 'clients'} saved to:
          </p>
          <p className="mt-1 font-mono text-[12.5px] break-all text-ink-soft">{done.path}</p>
        </Done>
      )}
    </Block>
  )
}

function ArchiveImport() {
  const archives = useQuery(exportsQueries.archives())
  const run = useImportArchive()
  const [confirming, setConfirming] = useState<ImportForm | null>(null)
  const [done, setDone] = useState<ArchiveImportResult | null>(null)
  const [formError, setFormError] = useState<unknown>(null)
  const { register, handleSubmit, reset, setError, formState } = useForm<ImportForm>({
    resolver: zodResolver(archiveImportInput),
    defaultValues: { fileName: '', passphrase: '' }
  })
  const options = (archives.data ?? []).map((a) => ({ value: a.fileName, label: `${formatTimestamp(a.createdAt)} · ${formatBytes(a.bytes)} · ${a.fileName}` }))

  const doImport = async () => {
    if (!confirming) return
    setFormError(null)
    try {
      const r = await run.mutateAsync(confirming)
      reset()
      setDone(r)
      toast.success('Practice archive imported')
    } catch (error) {
      if (error instanceof JobCancelledError) return
      if (!applyServerErrors(setError, error, '')) setFormError(error)
    } finally {
      setConfirming(null)
    }
  }

  return (
    <Block
      title="Import a practice archive"
      description="Replaces everything in this practice with an archive’s contents. Put the .kaparchive file in the exports folder inside the practice’s data folder, then choose it here."
    >
      <form
        noValidate
        aria-label="Import a practice archive"
        className="grid max-w-xl gap-3 sm:grid-cols-2"
        onSubmit={handleSubmit((values) => {
          setDone(null)
          setConfirming(values)
        })}
      >
        <SelectField
          label="Archive"
          required
          className="sm:col-span-2"
          placeholder={archives.isPending ? 'Looking for archives…' : options.length ? 'Choose…' : 'No archives in the exports folder'}
          options={options}
          error={formState.errors.fileName?.message ?? (archives.isError ? 'The list of archives could not be read' : undefined)}
          {...register('fileName')}
        />
        <TextField label="Archive passphrase" type="password" autoComplete="off" required error={formState.errors.passphrase?.message} {...register('passphrase')} />
        <div className="flex items-end gap-2 sm:col-span-2">
          <Button type="submit" variant="danger" disabled={options.length === 0}>
            Import archive…
          </Button>
          <Button variant="ghost" onClick={() => void archives.refetch()}>
            Refresh list
          </Button>
        </div>
      </form>
      <FormError error={formError} className="mt-3" />
      {done && (
        <Done>
          <p className="font-medium">
            Imported {formatCount(done.clients)} {done.clients === 1 ? 'client' : 'clients'} from {done.restoredFrom}.
          </p>
          {done.preImportBackup && <p className="mt-1 text-[13px] text-ink-soft">The practice as it was before is kept in the backups folder as {done.preImportBackup}.</p>}
        </Done>
      )}
      <ConfirmDialog
        open={confirming !== null}
        onOpenChange={(open) => !open && setConfirming(null)}
        title="Replace this practice’s data?"
        body={
          <>
            <p>Every client, record and setting here will be replaced by the archive’s contents.</p>
            <p className="mt-2">The current data is kept as a backup first, so the import can be undone from the backups.</p>
          </>
        }
        confirmLabel="Replace with archive"
        tone="danger"
        busy={run.isPending}
        onConfirm={() => void doImport()}
      />
    </Block>
  )
}

/** Settings → Data export: the custodian export, the encrypted practice archive and its import. */
export function DataExportSection() {
  return (
    <section aria-labelledby="data-export-heading" className="mt-6 rounded-lg border border-line bg-surface px-6 py-5">
      <div className="mb-5 border-b border-line pb-4">
        <h2 id="data-export-heading" className="text-base font-semibold text-ink">
          Data export
        </h2>
        <p className="mt-0.5 text-sm text-ink-soft">Your practice’s data is yours: take it with you, or hand it over, in formats that outlive this app.</p>
      </div>
      <div>
        <CustodianExport />
        <ArchiveExport />
        <ArchiveImport />
      </div>
    </section>
  )
}
