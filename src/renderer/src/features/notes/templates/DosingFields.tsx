/** The dosing note: pre-dose checklist, medication, times, vitals, adverse events, discharge and REMS. */
import { useFormContext, useWatch } from 'react-hook-form'
import { DRUGS, DRUG_LABELS, ROUTES, ROUTE_LABELS, mgPerKg } from '@shared/domain/dosing'
import { FIELD_LABELS, REMS_MONITORING_MINUTES, monitoringMinutes } from '@shared/domain/note-templates'
import type { VitalThresholds } from '@shared/domain/vitals'
import { toNumberOrNull } from '../body'
import { CheckGroup, NoteCheck, NoteLine, NoteNumber, NoteSection, NoteSelect, NoteText, NoteTime } from '../fields'
import { VitalsTable } from './VitalsTable'

const D = FIELD_LABELS.dosing
const drugOptions = DRUGS.map((d) => ({ value: d, label: DRUG_LABELS[d] }))
const routeOptions = ROUTES.map((r) => ({ value: r, label: ROUTE_LABELS[r] }))
const severityOptions = [
  { value: '0', label: '0 — None' },
  { value: '1', label: '1 — Mild' },
  { value: '2', label: '2 — Moderate' },
  { value: '3', label: '3 — Severe' }
]

const fmt = (n: number) => new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 }).format(n)

export function DosingFields({ thresholds, escortOnFile }: { thresholds: VitalThresholds; escortOnFile: string | null }) {
  const { control } = useFormContext()
  const [drug, doseMg, weightKg, doseStart, discharge, remsApplicable] = useWatch({
    control,
    name: ['medication.drug', 'medication.doseMg', 'medication.weightKg', 'times.doseStart', 'times.discharge', 'rems.applicable']
  }) as [string, unknown, unknown, string, string, boolean | null]
  const perKg = mgPerKg(toNumberOrNull(doseMg), toNumberOrNull(weightKg))
  const monitored = monitoringMinutes({ doseStart, discharge })
  const showRems = drug === 'esketamine' || remsApplicable === true

  return (
    <>
      <NoteSection title="Pre-dose checklist" description="Before the medication is given.">
        <CheckGroup legend="Confirmed before dosing">
          <NoteCheck path="preDose.fasting" label={D['preDose.fasting']} hint="No food for 2–4 hours, no liquids for 30–60 minutes" />
          <NoteCheck path="preDose.bpInRange" label={D['preDose.bpInRange']} hint={`At or below ${thresholds.preDoseSystolic}/${thresholds.preDoseDiastolic}`} />
          <NoteCheck path="preDose.interactingMedsReviewed" label={D['preDose.interactingMedsReviewed']} hint="Benzodiazepines, MAOIs, stimulants, opioids, lamotrigine" />
          <NoteCheck path="preDose.noDecongestant" label={D['preDose.noDecongestant']} hint="Esketamine (intranasal)" />
          <NoteCheck path="preDose.escortConfirmed" label={D['preDose.escortConfirmed']} />
        </CheckGroup>
        <NoteLine
          path="preDose.escortName"
          label={D['preDose.escortName']}
          maxLength={200}
          className="max-w-sm"
          hint={escortOnFile ? `On file: ${escortOnFile}` : 'Who drives the client home'}
        />
      </NoteSection>

      <NoteSection title="Medication" description="Warnings compare the dose with the usual ranges; they never block.">
        <div className="grid gap-4 sm:grid-cols-2">
          <NoteSelect path="medication.drug" label={D['medication.drug']} options={drugOptions} required />
          <NoteSelect path="medication.route" label={D['medication.route']} options={routeOptions} required />
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <NoteNumber
            path="medication.doseMg"
            label={D['medication.doseMg']}
            unit="mg"
            min={0}
            max={2000}
            step="any"
            required
            after={
              <output aria-live="polite" aria-label="Dose per kilogram" className="num text-sm whitespace-nowrap text-ink-soft">
                {perKg === null ? <span className="text-ink-faint">— mg/kg</span> : <><span className="font-semibold text-ink">{fmt(perKg)}</span> mg/kg</>}
              </output>
            }
          />
          <NoteNumber path="medication.weightKg" label={D['medication.weightKg']} unit="kg" min={2} max={400} step="any" />
        </div>
        <div className="grid gap-4 sm:grid-cols-3">
          <NoteLine path="medication.lotNumber" label={D['medication.lotNumber']} maxLength={100} />
          <NoteLine path="medication.administeredBy" label={D['medication.administeredBy']} maxLength={200} />
          <NoteLine path="medication.prescriber" label={D['medication.prescriber']} maxLength={200} />
        </div>
      </NoteSection>

      <NoteSection title="Times" description="24-hour clock. Each step comes after the one before it.">
        <div className="grid gap-4 sm:grid-cols-3 xl:grid-cols-5">
          <NoteTime path="times.doseStart" label={D['times.doseStart']} required />
          <NoteTime path="times.onset" label={D['times.onset']} />
          <NoteTime path="times.peak" label={D['times.peak']} />
          <NoteTime path="times.acuteEnd" label={D['times.acuteEnd']} />
          <NoteTime path="times.discharge" label={D['times.discharge']} />
        </div>
        <p className="text-[13px] text-ink-soft">
          Total monitoring:{' '}
          {monitored === null ? (
            <span className="text-ink-faint">recorded once dose start and discharge are in</span>
          ) : (
            <span className="num font-medium text-ink">{monitored} minutes</span>
          )}
        </p>
      </NoteSection>

      <NoteSection wide title="Vitals" description="24-hour clock. Add a reading each time you take one; its time fills in with now. Readings up to the dose start (or the first reading) count as pre-dose.">
        <VitalsTable thresholds={thresholds} />
      </NoteSection>

      <NoteSection title="Adverse events">
        <CheckGroup legend="Observed during the session">
          <NoteCheck path="adverseEvents.nausea" label={D['adverseEvents.nausea']} />
          <NoteCheck path="adverseEvents.vomiting" label={D['adverseEvents.vomiting']} />
          <NoteCheck path="adverseEvents.dizziness" label={D['adverseEvents.dizziness']} />
          <NoteCheck path="adverseEvents.anxiety" label={D['adverseEvents.anxiety']} />
          <NoteCheck path="adverseEvents.hypertension" label={D['adverseEvents.hypertension']} />
          <NoteCheck path="adverseEvents.respiratoryDepression" label={D['adverseEvents.respiratoryDepression']} />
        </CheckGroup>
        <div className="grid gap-4 sm:grid-cols-2">
          <NoteSelect path="adverseEvents.sedation" label={D['adverseEvents.sedation']} options={severityOptions} placeholder="Not rated" numeric />
          <NoteSelect path="adverseEvents.dissociation" label={D['adverseEvents.dissociation']} options={severityOptions} placeholder="Not rated" numeric />
        </div>
        <NoteText path="interventions" label={D.interventions} rows={3} hint="Anti-nausea medication, reassurance, position change, oxygen…" />
      </NoteSection>

      <NoteSection title="Discharge" description="No driving until the next day, after sleep.">
        <CheckGroup legend="Criteria met at discharge">
          <NoteCheck path="discharge.alertOriented" label={D['discharge.alertOriented']} />
          <NoteCheck path="discharge.vitalsAtBaseline" label={D['discharge.vitalsAtBaseline']} />
          <NoteCheck path="discharge.walkingSteadily" label={D['discharge.walkingSteadily']} />
          <NoteCheck path="discharge.dischargedToEscort" label={D['discharge.dischargedToEscort']} />
          <NoteCheck path="discharge.noDrivingAdvised" label={D['discharge.noDrivingAdvised']} />
          <NoteCheck path="discharge.followUpBooked" label={D['discharge.followUpBooked']} />
        </CheckGroup>
        <NoteLine path="discharge.escortName" label={D['discharge.escortName']} maxLength={200} className="max-w-sm" />
      </NoteSection>

      {showRems && (
        <NoteSection title="Spravato REMS" description={`Esketamine: at least ${REMS_MONITORING_MINUTES} minutes of monitoring, BP before dosing, at about 40 minutes and before discharge.`}>
          <NoteCheck path="rems.applicable" label={D['rems.applicable']} />
          <NoteNumber
            path="rems.monitoringMinutes"
            label={D['rems.monitoringMinutes']}
            unit="min"
            min={0}
            max={1440}
            step={1}
            hint={monitored !== null ? `Dose start to discharge: ${monitored} minutes` : `At least ${REMS_MONITORING_MINUTES}`}
          />
          <CheckGroup legend="Concomitant medications">
            <NoteCheck path="rems.concomitantBenzodiazepines" label={D['rems.concomitantBenzodiazepines']} />
            <NoteCheck path="rems.concomitantStimulants" label={D['rems.concomitantStimulants']} />
            <NoteCheck path="rems.concomitantMaois" label={D['rems.concomitantMaois']} />
          </CheckGroup>
        </NoteSection>
      )}

      <NoteSection title="Session notes">
        <NoteText path="notes" label={D.notes} rows={5} />
      </NoteSection>
    </>
  )
}
