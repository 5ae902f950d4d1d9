/** Preparation, integration, SOAP and DAP: the note templates that are mostly words. */
import type { ReactNode } from 'react'
import { FIELD_LABELS } from '@shared/domain/note-templates'
import { CheckGroup, NoteCheck, NoteLine, NoteSection, NoteText } from '../fields'
import { FlaggedRiskAssessment, RiskAssessmentFields } from './RiskAssessment'

const P = FIELD_LABELS.preparation
const I = FIELD_LABELS.integration

export function PreparationFields({ measures }: { measures: ReactNode }) {
  return (
    <>
      <NoteSection title="Intentions" description="What the client hopes to explore or change.">
        <NoteText path="intentions" label={P.intentions} rows={4} />
      </NoteSection>
      <NoteSection title="Psychoeducation" description="Effects, the timeline of a session, and what dissociation feels like.">
        <CheckGroup legend="Explained to the client">
          <NoteCheck path="psychoeducation.effects" label={P['psychoeducation.effects']} />
          <NoteCheck path="psychoeducation.timeline" label={P['psychoeducation.timeline']} />
          <NoteCheck path="psychoeducation.dissociation" label={P['psychoeducation.dissociation']} />
        </CheckGroup>
        <NoteText path="psychoeducation.notes" label={P['psychoeducation.notes']} rows={3} />
      </NoteSection>
      <NoteSection title="Set and setting" description="Music, eyeshade and who will be there.">
        <div className="grid gap-4 sm:grid-cols-2">
          <NoteLine path="setAndSetting.music" label={P['setAndSetting.music']} hint="A playlist or style of music" />
          <NoteLine path="setAndSetting.supportPerson" label={P['setAndSetting.supportPerson']} maxLength={200} />
        </div>
        <NoteCheck path="setAndSetting.eyeshade" label={P['setAndSetting.eyeshade']} />
        <NoteText path="setAndSetting.notes" label={P['setAndSetting.notes']} rows={3} />
      </NoteSection>
      <NoteSection title="Reviewed" description="Before planning the dosing session.">
        <CheckGroup legend="Reviewed with the client">
          <NoteCheck path="consentReviewed" label={P.consentReviewed} />
          <NoteCheck path="screeningReviewed" label={P.screeningReviewed} />
          <NoteCheck path="medicationsReviewed" label={P.medicationsReviewed} />
        </CheckGroup>
      </NoteSection>
      <NoteSection title="Baseline measures" description="PHQ-9, GAD-7, and PCL-5 where trauma is the focus.">
        {measures}
      </NoteSection>
      <NoteSection title="Plan">
        <NoteText path="plan" label={P.plan} rows={4} />
      </NoteSection>
    </>
  )
}

export function IntegrationFields({ measures, flagged }: { measures: ReactNode; flagged: boolean }) {
  return (
    <>
      <NoteSection title="The experience" description="What the client recounts of the dosing session.">
        <NoteText path="experience" label={I.experience} rows={5} />
        <NoteText path="themes" label={I.themes} rows={3} />
        <NoteText path="emotions" label={I.emotions} rows={3} />
        <NoteText path="meaning" label={I.meaning} rows={3} />
      </NoteSection>
      <NoteSection title="Homework and practices">
        <NoteText path="homework" label={I.homework} rows={3} />
      </NoteSection>
      {flagged ? (
        <FlaggedRiskAssessment />
      ) : (
        <RiskAssessmentFields
          description="The suicidal ideation screen is recorded in every integration note."
          hint="Required when ideation is active: plan, means, protective factors, actions taken."
        />
      )}
      <NoteSection title="Measures">{measures}</NoteSection>
      <NoteSection title="Plan">
        <NoteText path="plan" label={I.plan} rows={4} />
      </NoteSection>
    </>
  )
}

export function SoapFields({ measures }: { measures: ReactNode }) {
  const L = FIELD_LABELS.soap
  return (
    <>
      <NoteSection title="SOAP note" description="Write at least one section.">
        <NoteText path="subjective" label={L.subjective} rows={5} />
        <NoteText path="objective" label={L.objective} rows={4} />
        <NoteText path="assessment" label={L.assessment} rows={4} />
        <NoteText path="plan" label={L.plan} rows={4} />
      </NoteSection>
      <NoteSection title="Measures">{measures}</NoteSection>
    </>
  )
}

export function DapFields({ measures }: { measures: ReactNode }) {
  const L = FIELD_LABELS.dap
  return (
    <>
      <NoteSection title="DAP note" description="Write at least one section.">
        <NoteText path="data" label={L.data} rows={5} />
        <NoteText path="assessment" label={L.assessment} rows={4} />
        <NoteText path="plan" label={L.plan} rows={4} />
      </NoteSection>
      <NoteSection title="Measures">{measures}</NoteSection>
    </>
  )
}
