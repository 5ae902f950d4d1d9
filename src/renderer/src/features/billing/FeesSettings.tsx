/**
 * Settings → Billing: the fee schedule (our own descriptions, fee per unit, the usual range,
 * archived items), the charge lines each kind of session creates, the hold-until-signed rule,
 * and each clinician's billing identity (NPI, licence, taxonomy). A fee change never rewrites a
 * charge already made.
 */
import { useMemo, useState, type FormEvent } from 'react'
import { useQuery } from '@tanstack/react-query'
import { toast } from 'sonner'
import { Pencil, Plus } from 'lucide-react'
import type { FeeItem, Provider } from '@shared/contracts/billing'
import { BILLING_EVENT_LABELS, type BillingEvent } from '@shared/domain/billing'
import { formatCents, parseDollars } from '@shared/domain/money'
import { Badge, Button, DataTable, Dialog, ErrorState, FormError, LoadingRows, RequiredLegend, SelectField, TextField, dataTableColumnHelper, type DataTableColumn } from '@renderer/components'
import { ApiError } from '@renderer/lib/api'
import { useCan } from '../auth/access'
import { DialogFormActions } from '../clients/chart/parts'
import { billingQueries, useSaveBillingSettings, useSaveDefaults, useSaveFee, useSaveProvider } from './queries'

const fieldsOf = (error: unknown, prefix: string): Record<string, string> =>
  error instanceof ApiError
    ? Object.fromEntries(Object.entries(error.fields).filter(([k]) => k.startsWith(prefix)).map(([k, v]) => [k.slice(prefix.length), v]))
    : {}
const dollars = (cents: number | null) => (cents === null ? '' : (cents / 100).toFixed(2))

const feeCol = dataTableColumnHelper<FeeItem>()
function feeColumns(editable: boolean, onEdit: (f: FeeItem) => void): DataTableColumn<FeeItem>[] {
  return [
    feeCol.accessor('code', {
      header: 'Code',
      cell: ({ row }) => (
        <span className="num font-medium">
          {row.original.code}
          {row.original.modifiers.length > 0 && <span className="ml-1 text-ink-soft">-{row.original.modifiers.join(' ')}</span>}
        </span>
      ),
      meta: { className: 'w-32' }
    }),
    feeCol.accessor('description', { header: 'Description' }),
    feeCol.accessor('unitFeeCents', { header: 'Fee per unit', cell: (i) => <span className="num">{formatCents(i.getValue())}</span>, meta: { align: 'right', className: 'w-32' } }),
    feeCol.display({
      id: 'range',
      header: 'Usual range',
      cell: ({ row }) =>
        row.original.minFeeCents !== null && row.original.maxFeeCents !== null ? (
          <span className="num text-ink-soft">
            {formatCents(row.original.minFeeCents)}–{formatCents(row.original.maxFeeCents)}
          </span>
        ) : null,
      meta: { align: 'right', className: 'w-44' }
    }),
    feeCol.accessor('active', { header: 'State', cell: (i) => (i.getValue() ? <Badge tone="success">Active</Badge> : <Badge>Archived</Badge>), meta: { className: 'w-28' } }),
    feeCol.display({
      id: 'edit',
      header: () => <span className="sr-only">Actions</span>,
      cell: ({ row }) =>
        editable ? (
          <Button size="sm" variant="ghost" onClick={() => onEdit(row.original)} aria-label={`Edit ${row.original.code} ${row.original.description}`}>
            <Pencil aria-hidden="true" />
          </Button>
        ) : null,
      meta: { align: 'right', className: 'w-16' }
    })
  ]
}

function FeeDialog({ fee, open, onOpenChange }: { fee: FeeItem | null; open: boolean; onOpenChange: (o: boolean) => void }) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title={fee ? `Edit ${fee.code}` : 'Add a service'} description="Describe it in your own words; charges already made keep their fee." size="md">
      {open && <FeeForm fee={fee} onDone={() => onOpenChange(false)} />}
    </Dialog>
  )
}

function FeeForm({ fee, onDone }: { fee: FeeItem | null; onDone: () => void }) {
  const [v, setV] = useState({
    code: fee?.code ?? '',
    modifiers: fee?.modifiers.join(' ') ?? '',
    description: fee?.description ?? '',
    unitFee: dollars(fee?.unitFeeCents ?? null),
    min: dollars(fee?.minFeeCents ?? null),
    max: dollars(fee?.maxFeeCents ?? null),
    active: fee?.active ?? true
  })
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [formError, setFormError] = useState<unknown>(null)
  const save = useSaveFee()
  const set = (k: keyof typeof v, value: string | boolean) => setV((x) => ({ ...x, [k]: value }))
  const onSubmit = (e: FormEvent) => {
    e.preventDefault()
    const local: Record<string, string> = {}
    const unitFeeCents = parseDollars(v.unitFee)
    if (unitFeeCents === null) local.unitFeeCents = 'Fee per unit should be dollars and cents, like 200.00'
    const min = v.min.trim() ? parseDollars(v.min) : null
    const max = v.max.trim() ? parseDollars(v.max) : null
    if (v.min.trim() && min === null) local.minFeeCents = 'Should be dollars and cents'
    if (v.max.trim() && max === null) local.maxFeeCents = 'Should be dollars and cents'
    if (Object.keys(local).length > 0) return setErrors(local)
    setErrors({})
    save.mutate(
      {
        id: fee?.id ?? null,
        fee: { code: v.code, modifiers: v.modifiers.split(/[\s,]+/).filter(Boolean), description: v.description, unitFeeCents: unitFeeCents!, minFeeCents: min, maxFeeCents: max, active: v.active }
      },
      {
        onSuccess: (saved) => {
          toast.success(`${saved.code} saved`)
          onDone()
        },
        onError: (error) => {
          const fields = fieldsOf(error, 'fee.')
          if (Object.keys(fields).length > 0) setErrors(fields)
          else setFormError(error)
        }
      }
    )
  }
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <RequiredLegend />
      <FormError error={formError} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Code" required hint="CPT 90837, Category III 0820T, HCPCS J3490, or your own like X0001" value={v.code} onChange={(e) => set('code', e.target.value)} error={errors.code} />
        <TextField label="Modifiers" hint="Up to four, e.g. 25 GT (95 is added for telehealth)" value={v.modifiers} onChange={(e) => set('modifiers', e.target.value)} error={errors.modifiers ?? errors['modifiers.0']} />
        <TextField label="Description" required className="sm:col-span-2" value={v.description} onChange={(e) => set('description', e.target.value)} error={errors.description} />
        <TextField label="Fee per unit" required inputMode="decimal" inputClassName="num" value={v.unitFee} onChange={(e) => set('unitFee', e.target.value)} error={errors.unitFeeCents} />
        <div />
        <TextField label="Usual range, low" inputMode="decimal" inputClassName="num" value={v.min} onChange={(e) => set('min', e.target.value)} error={errors.minFeeCents} />
        <TextField label="Usual range, high" inputMode="decimal" inputClassName="num" value={v.max} onChange={(e) => set('max', e.target.value)} error={errors.maxFeeCents} />
        <label className="flex items-center gap-2 text-sm sm:col-span-2">
          <input type="checkbox" checked={v.active} onChange={(e) => set('active', e.target.checked)} />
          Active (archived services are kept on past charges but not offered)
        </label>
        {errors.active && <p className="text-[13px] text-red-700 sm:col-span-2">{errors.active}</p>}
      </div>
      <DialogFormActions onCancel={onDone} busy={save.isPending} />
    </form>
  )
}

function DefaultsEditor({ items, defaults, editable }: { items: FeeItem[]; defaults: { event: BillingEvent; lines: { feeItemId: string; units: number; amountCents: number }[] }[]; editable: boolean }) {
  const save = useSaveDefaults()
  const options = [{ value: '', label: 'No charge' }, ...items.filter((i) => i.active).map((i) => ({ value: i.id, label: `${i.code} — ${i.description} (${formatCents(i.unitFeeCents)})` }))]
  return (
    <div className="divide-y divide-line rounded-lg border border-line">
      {defaults.map((d) => {
        const line = d.lines[0]
        return (
          <div key={d.event} className="grid grid-cols-[10rem_1fr_6rem_7rem] items-center gap-3 px-4 py-2 text-sm">
            <span className="font-medium text-ink">{BILLING_EVENT_LABELS[d.event]}</span>
            <SelectField
              label={`${BILLING_EVENT_LABELS[d.event]} service`}
              hideLabel
              options={options}
              disabled={!editable || save.isPending}
              value={line?.feeItemId ?? ''}
              onChange={(e) =>
                save.mutate(
                  { event: d.event, lines: e.target.value ? [{ feeItemId: e.target.value, units: line?.units ?? 1 }] : [] },
                  { onSuccess: () => toast.success(`${BILLING_EVENT_LABELS[d.event]} charges updated`), onError: (err) => toast.error(err instanceof Error ? err.message : 'Not saved') }
                )
              }
            />
            <SelectField
              label={`${BILLING_EVENT_LABELS[d.event]} units`}
              hideLabel
              options={[1, 2, 3, 4, 5, 6].map((n) => ({ value: String(n), label: `× ${n}` }))}
              disabled={!editable || !line || save.isPending}
              value={String(line?.units ?? 1)}
              onChange={(e) => line && save.mutate({ event: d.event, lines: [{ feeItemId: line.feeItemId, units: Number(e.target.value) }, ...d.lines.slice(1)] })}
            />
            <span className="num text-right text-ink-soft">{formatCents(d.lines.reduce((s, l) => s + l.amountCents, 0))}</span>
          </div>
        )
      })}
    </div>
  )
}

function ProviderDialog({ provider, onOpenChange }: { provider: Provider | null; onOpenChange: (o: boolean) => void }) {
  return (
    <Dialog open={provider !== null} onOpenChange={onOpenChange} title={provider ? `Billing identity — ${provider.displayName}` : ''} description="Printed as the rendering provider on superbills." size="md">
      {provider && <ProviderForm provider={provider} onDone={() => onOpenChange(false)} />}
    </Dialog>
  )
}

function ProviderForm({ provider, onDone }: { provider: Provider; onDone: () => void }) {
  const [v, setV] = useState({ npi: provider.npi ?? '', licenseNumber: provider.licenseNumber ?? '', licenseState: provider.licenseState ?? '', taxonomyCode: provider.taxonomyCode ?? '', credentials: provider.credentials ?? '' })
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [formError, setFormError] = useState<unknown>(null)
  const save = useSaveProvider()
  const set = (k: keyof typeof v, value: string) => setV((x) => ({ ...x, [k]: value }))
  const onSubmit = (e: FormEvent) => {
    e.preventDefault()
    save.mutate(
      { userId: provider.userId, provider: v },
      {
        onSuccess: () => {
          toast.success('Billing identity saved')
          onDone()
        },
        onError: (error) => {
          const fields = fieldsOf(error, 'provider.')
          if (Object.keys(fields).length > 0) setErrors(fields)
          else setFormError(error)
        }
      }
    )
  }
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <RequiredLegend />
      <FormError error={formError} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Individual NPI" required inputMode="numeric" inputClassName="num" value={v.npi} onChange={(e) => set('npi', e.target.value)} error={errors.npi} />
        <TextField label="Credentials" required hint="As printed, e.g. LMFT, MD" value={v.credentials} onChange={(e) => set('credentials', e.target.value)} error={errors.credentials} />
        <TextField label="License number" required value={v.licenseNumber} onChange={(e) => set('licenseNumber', e.target.value)} error={errors.licenseNumber} />
        <TextField label="License state" required hint="Two letters, e.g. OR" value={v.licenseState} onChange={(e) => set('licenseState', e.target.value)} error={errors.licenseState} />
        <TextField label="Taxonomy code" hint="Optional, e.g. 106H00000X" value={v.taxonomyCode} onChange={(e) => set('taxonomyCode', e.target.value)} error={errors.taxonomyCode} />
      </div>
      <DialogFormActions onCancel={onDone} busy={save.isPending} />
    </form>
  )
}

export function FeesSettings() {
  const editable = useCan('manageBilling')
  const fees = useQuery(billingQueries.fees())
  const settings = useQuery(billingQueries.settings())
  const providers = useQuery(billingQueries.providers())
  const saveSettings = useSaveBillingSettings()
  const [editing, setEditing] = useState<FeeItem | null | 'new'>(null)
  const [provider, setProvider] = useState<Provider | null>(null)
  const columns = useMemo(() => feeColumns(editable, setEditing), [editable])
  return (
    <section aria-labelledby="fees-heading" className="mt-6 rounded-lg border border-line bg-surface px-6 py-5">
      <div className="mb-5 flex items-start justify-between border-b border-line pb-4">
        <div>
          <h2 id="fees-heading" className="text-base font-semibold text-ink">
            Fees and billing
          </h2>
          <p className="mt-0.5 text-sm text-ink-soft">What each service costs, what each kind of session charges, and who it is billed under.</p>
        </div>
        {editable && (
          <Button onClick={() => setEditing('new')}>
            <Plus aria-hidden="true" />
            Add a service
          </Button>
        )}
      </div>
      {fees.isError ? (
        <ErrorState error={fees.error} title="The fee schedule could not be loaded" onRetry={() => void fees.refetch()} />
      ) : !fees.data ? (
        <LoadingRows as="div" rows={5} />
      ) : (
        <div className="space-y-5">
          <DataTable label="Fee schedule" columns={columns} data={fees.data.items} getRowId={(f) => f.id} />
          <div>
            <h3 className="mb-2 text-sm font-semibold text-ink">Charges each kind of session creates</h3>
            <DefaultsEditor items={fees.data.items} defaults={fees.data.defaults} editable={editable} />
          </div>
          <label htmlFor="hold-until-signed" className="flex items-start gap-2 text-sm">
            <input
              id="hold-until-signed"
              type="checkbox"
              aria-label="No charges until the note is signed"
              className="mt-1"
              disabled={!editable || !settings.data || saveSettings.isPending}
              checked={settings.data?.holdUntilSigned ?? true}
              onChange={(e) => saveSettings.mutate({ holdUntilSigned: e.target.checked })}
            />
            <span>
              <span className="font-medium text-ink">No charges until the note is signed</span>
              <span className="block text-ink-soft">A completed session’s charges wait on the Billing page until its note is signed.</span>
            </span>
          </label>
          <div>
            <h3 className="mb-2 text-sm font-semibold text-ink">Clinicians’ billing identity</h3>
            <ul className="divide-y divide-line rounded-lg border border-line">
              {(providers.data ?? []).map((p) => (
                <li key={p.userId} className="flex items-center justify-between px-4 py-2 text-sm">
                  <span>
                    <span className="font-medium text-ink">{p.displayName}</span>
                    {p.credentials && <span className="ml-1 text-ink-soft">{p.credentials}</span>}
                    <span className="num ml-3 text-ink-soft">{p.npi ? `NPI ${p.npi} · ${p.licenseState} ${p.licenseNumber}` : 'No NPI on file'}</span>
                  </span>
                  {editable && (
                    <Button size="sm" variant="ghost" onClick={() => setProvider(p)}>
                      Edit
                    </Button>
                  )}
                </li>
              ))}
              {providers.data?.length === 0 && <li className="px-4 py-2 text-sm text-ink-soft">No clinicians yet — add them in Users.</li>}
            </ul>
          </div>
        </div>
      )}
      <FeeDialog fee={editing === 'new' ? null : editing} open={editing !== null} onOpenChange={(o) => !o && setEditing(null)} />
      <ProviderDialog provider={provider} onOpenChange={(o) => !o && setProvider(null)} />
    </section>
  )
}
