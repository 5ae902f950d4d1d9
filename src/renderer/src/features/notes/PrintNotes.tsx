/** Printing notes as PDFs into the exports folder: one note from its page, a date range from the chart. */
import { useState, type FormEvent } from 'react'
import { useMutation } from '@tanstack/react-query'
import { toast } from 'sonner'
import { Printer } from 'lucide-react'
import { localToday } from '@shared/domain/dates'
import { Button, DateField, Dialog, FormError } from '@renderer/components'
import { api, ApiError, unwrap } from '@renderer/lib/api'

const saved = (fileName: string) => toast.success(`Saved ${fileName} to the exports folder`)

export function PrintNoteButton({ noteId }: { noteId: string }) {
  const print = useMutation({ mutationFn: () => unwrap(api().notes.print({ id: noteId })), onSuccess: (r) => saved(r.fileName) })
  return (
    <div className="flex flex-col items-end gap-1">
      <Button busy={print.isPending} onClick={() => print.mutate()}>
        <Printer aria-hidden="true" />
        Print to PDF
      </Button>
      {print.data && (
        <output data-testid="note-pdf-result" className="text-xs text-ink-soft">
          Saved <span className="num font-medium text-ink">{print.data.fileName}</span>
        </output>
      )}
      {print.error && <FormError error={print.error} />}
    </div>
  )
}

const threeMonthsAgo = () => {
  const d = new Date()
  d.setMonth(d.getMonth() - 3)
  return localToday(d)
}

export function PrintNotesButton({ clientId }: { clientId: string }) {
  const [open, setOpen] = useState(false)
  const [range, setRange] = useState(() => ({ from: threeMonthsAgo(), to: localToday() }))
  const print = useMutation({
    mutationFn: () => unwrap(api().notes.printRange({ clientId, ...range })),
    onSuccess: (r) => {
      saved(r.fileName)
      setOpen(false)
    }
  })
  const fieldError = (name: 'from' | 'to') => (print.error instanceof ApiError ? print.error.fields[name] : undefined)
  const submit = (e: FormEvent) => {
    e.preventDefault()
    print.mutate()
  }
  return (
    <>
      <Button
        onClick={() => {
          print.reset()
          setOpen(true)
        }}
      >
        <Printer aria-hidden="true" />
        Print notes
      </Button>
      <Dialog
        open={open}
        onOpenChange={setOpen}
        title="Print notes to PDF"
        description="Every note of the sessions in these dates, oldest first, with signatures and addenda."
        size="sm"
        footer={
          <>
            <Button onClick={() => setOpen(false)}>Cancel</Button>
            <Button variant="primary" type="submit" form="print-notes-form" busy={print.isPending}>
              Print
            </Button>
          </>
        }
      >
        <form id="print-notes-form" onSubmit={submit} className="flex flex-wrap items-start gap-3" aria-label="Dates to print">
          <DateField label="From" value={range.from} error={fieldError('from')} onChange={(e) => setRange((r) => ({ ...r, from: e.target.value }))} />
          <DateField label="To" value={range.to} error={fieldError('to')} onChange={(e) => setRange((r) => ({ ...r, to: e.target.value }))} />
        </form>
        {print.error && !fieldError('from') && !fieldError('to') && <FormError error={print.error} />}
      </Dialog>
    </>
  )
}
