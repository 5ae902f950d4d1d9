/** The structured risk assessment: every integration note has one; any other note gets one when a PHQ-9 of its session flags self-harm. */
import { FIELD_LABELS, SUICIDAL_IDEATION, SUICIDAL_IDEATION_LABELS } from '@shared/domain/note-templates'
import { NoteSection, NoteSelect, NoteText } from '../fields'

const L = FIELD_LABELS.integration
const ideationOptions = SUICIDAL_IDEATION.map((v) => ({ value: v, label: SUICIDAL_IDEATION_LABELS[v] }))

export function RiskAssessmentFields({ description, hint }: { description: string; hint: string }) {
  return (
    <NoteSection title="Risk assessment" description={description}>
      <NoteSelect path="riskAssessment.suicidalIdeation" label={L['riskAssessment.suicidalIdeation']} options={ideationOptions} required className="max-w-60" />
      <NoteText path="riskAssessment.note" label={L['riskAssessment.note']} rows={3} hint={hint} />
    </NoteSection>
  )
}

/** For a note whose session has a PHQ-9 self-harm flag: both fields are needed before signing. */
export const FlaggedRiskAssessment = () => (
  <RiskAssessmentFields
    description="A PHQ-9 in this session answered the self-harm item above “Not at all”. Record the screen and the assessment before signing."
    hint="Plan, intent, means, protective factors, and the actions taken (safety plan, level of care)."
  />
)
