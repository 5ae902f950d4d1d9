/**
 * Sessions, courses, notes and measures for the demo practice (tests/factories/demo.ts), written
 * through app.call like everything else there: a client mid-induction with today's dosing booked, a
 * maintenance client due a booster, a safety flag, an unsigned note, trends that improve. Invented
 * people, invented words.
 */
import type { Course } from '@shared/contracts/courses'
import type { MeasureInput } from '@shared/contracts/measures'
import type { Note } from '@shared/contracts/notes'
import type { ScheduledSession, SessionInput } from '@shared/contracts/sessions'
import { PROTOCOL_TEMPLATES } from '@shared/domain/scheduling'

export interface DemoClinicalCounts {
  courses: number
  sessions: number
  notes: number
  signedNotes: number
  addenda: number
  measures: number
}

type Call = <T>(channel: string, input: unknown) => Promise<T>

const CLINICIAN = 'Jordan Ellis, LMFT'
const PRESCRIBER = 'Dr. Helen Ortiz, MD'

const shift = (today: string, days: number): string => new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)

const prepBody = (intentions: string, plan: string) => ({
  intentions,
  psychoeducation: { effects: true, timeline: true, dissociation: true, notes: 'Reviewed the arc of a session: onset within minutes, peak around 20–40 minutes, settling by 60–90.' },
  setAndSetting: { music: 'Instrumental playlist, no lyrics', eyeshade: true, supportPerson: '', notes: 'Weighted blanket offered.' },
  consentReviewed: true,
  screeningReviewed: true,
  medicationsReviewed: true,
  plan
})

interface DoseDay {
  doseMg: number
  weightKg: number
  vitals: [string, number, number, number, number][]
  notes: string
  sedation?: number
  dissociation?: number
  nausea?: boolean
}

const dosingBody = (escort: string, d: DoseDay) => ({
  preDose: { fasting: true, bpInRange: true, escortConfirmed: true, escortName: escort, noDecongestant: true, interactingMedsReviewed: true },
  medication: { drug: 'racemic_ketamine', route: 'im', doseMg: d.doseMg, weightKg: d.weightKg, lotNumber: 'KX-24-1187', administeredBy: CLINICIAN, prescriber: PRESCRIBER },
  times: { doseStart: '10:05', onset: '10:09', peak: '10:30', acuteEnd: '11:15', discharge: '12:10' },
  vitals: d.vitals.map(([time, systolic, diastolic, heartRate, spo2], i) => ({ id: `v${i + 1}`, time, systolic, diastolic, heartRate, spo2, note: i === 0 ? 'Before dosing' : '' })),
  adverseEvents: { nausea: d.nausea ?? false, vomiting: false, dizziness: false, anxiety: false, hypertension: false, sedation: d.sedation ?? 1, dissociation: d.dissociation ?? 2, respiratoryDepression: false },
  interventions: d.nausea ? 'Ondansetron 4 mg ODT at 10:40 per standing order.' : '',
  discharge: { alertOriented: true, vitalsAtBaseline: true, walkingSteadily: true, dischargedToEscort: true, escortName: escort, noDrivingAdvised: true, followUpBooked: true },
  notes: d.notes
})

const integrationBody = (experience: string, themes: string, homework: string, suicidalIdeation: 'none' | 'passive' = 'none', riskNote = '') => ({
  experience,
  themes,
  emotions: '',
  meaning: '',
  homework,
  riskAssessment: { suicidalIdeation, note: riskNote },
  plan: 'Continue the course as planned.'
})

const STEADY: DoseDay['vitals'] = [
  ['09:55', 128, 82, 74, 98],
  ['10:45', 136, 86, 80, 97],
  ['12:00', 124, 80, 72, 98]
]

/** Adds the clinical side of the demo. `ids` are the demo clients in DEMO_CLIENTS order. */
export async function seedDemoClinical(call: Call, ids: readonly string[], today: string): Promise<DemoClinicalCounts> {
  const counts: DemoClinicalCounts = { courses: 0, sessions: 0, notes: 0, signedNotes: 0, addenda: 0, measures: 0 }
  const [majo, sean, , , aisha, wei, renee, , jamie] = ids as [string, string, string, string, string, string, string, string, string]

  const session = async (clientId: string, days: number, values: Partial<SessionInput> & Pick<SessionInput, 'kind'>, courseId?: string) => {
    const { session: s } = await call<ScheduledSession>('sessions:create', {
      clientId,
      session: { date: shift(today, days), startTime: '10:00', durationMinutes: values.kind === 'dosing' || values.kind === 'booster' ? 120 : 50, placeOfService: '11', status: days < 0 ? 'completed' : 'scheduled', courseId, ...values }
    })
    counts.sessions++
    return s.id
  }
  const note = async (sessionId: string, body: Record<string, unknown>, sign = true) => {
    const draft = await call<Note>('notes:create', { sessionId })
    const saved = await call<Note>('notes:save', { id: draft.id, revision: draft.revision, body })
    counts.notes++
    if (sign) {
      // A dosing note shows the client's contraindication flags; the clinician acknowledges them before signing.
      const context = { kind: 'note', id: draft.id }
      const flags = draft.template === 'dosing' ? await call<{ screeningItemId: string }[]>('screening:flags', { clientId: draft.clientId, context }) : []
      if (flags.length > 0) await call('screening:acknowledge', { clientId: draft.clientId, context, screeningItemIds: flags.map((f) => f.screeningItemId) })
      await call('notes:sign', { id: draft.id, revision: saved.revision })
      counts.signedNotes++
    }
    return draft.id
  }
  const measure = async (clientId: string, m: MeasureInput) => {
    await call('measures:create', { clientId, measure: m })
    counts.measures++
  }
  const course = async (clientId: string, key: 'induction' | 'booster', startedDaysAgo: number) => {
    const c = await call<Course>('courses:create', { clientId, course: { protocol: PROTOCOL_TEMPLATES.find((t) => t.key === key), startedOn: shift(today, -startedDaysAgo) } })
    counts.courses++
    return c
  }
  const phq9 = (daysAgo: number, answers: number[], links: Partial<MeasureInput> = {}) => ({ kind: 'phq9', answers, administeredOn: shift(today, -daysAgo), ...links }) as MeasureInput
  const gad7 = (daysAgo: number, answers: number[]) => ({ kind: 'gad7', answers, administeredOn: shift(today, -daysAgo) }) as MeasureInput
  const pcl5 = (daysAgo: number, answers: number[]) => ({ kind: 'pcl5', answers, administeredOn: shift(today, -daysAgo) }) as MeasureInput

  // Majo: four dosings into her induction; today's dosing is booked, the last integration note is a draft.
  const induction = await course(majo, 'induction', 35)
  await measure(majo, phq9(34, [3, 2, 2, 2, 2, 3, 2, 1, 0]))
  await measure(majo, gad7(34, [2, 2, 2, 2, 1, 2, 2]))
  await note(await session(majo, -33, { kind: 'preparation' }, induction.id), prepBody(
    'To loosen the grip of the depression that returned after her mother’s death; to feel something other than numb.',
    'First IM dosing next week at 0.5 mg/kg; Andrés will drive and stay in the waiting room.'
  ))
  const majoDays: [number, string][] = [
    [-30, 'Settled quickly with music. Described floating above a garden her mother kept in Guadalajara; tearful, then calm. Reported feeling held rather than alone.'],
    [-26, 'More dissociation than last time; brief anxiety at onset eased with breathing. Images of the ocean and of light through water.'],
    [-19, 'Spoke aloud about guilt over the last hospital visit. Afterwards said the guilt felt “smaller, like it has edges now.”'],
    [-15, 'Quiet session. Said the sadness was still there but did not swallow her; first time she laughed in session.']
  ]
  for (const [i, [day, text]] of majoDays.entries()) {
    await note(await session(majo, day, { kind: 'dosing' }, induction.id), dosingBody('Andrés García', { doseMg: 34, weightKg: 68, vitals: STEADY, notes: text, nausea: i === 1 }))
    const integration = await session(majo, day + 1, { kind: 'integration', placeOfService: '10' }, induction.id)
    const integrationNote = await note(
      integration,
      integrationBody(
        `Recounted the dosing session: ${text.split('.')[0]!.toLowerCase()}.`,
        ['Grief, belonging', 'Fear of being overwhelmed', 'Guilt and forgiveness', 'Humor returning'][i]!,
        'Ten minutes of journaling each morning; a walk without the phone.'
      ),
      i < 3
    )
    if (i === 0) await measure(majo, phq9(29, [2, 2, 1, 2, 1, 2, 1, 1, 0], { noteId: integrationNote }))
  }
  await measure(majo, phq9(20, [1, 2, 1, 1, 1, 1, 1, 0, 0]))
  await measure(majo, phq9(6, [1, 1, 1, 1, 0, 1, 1, 0, 0]))
  await measure(majo, gad7(6, [1, 1, 1, 1, 0, 1, 1]))
  await session(majo, 0, { kind: 'dosing', startTime: '10:00' }, induction.id)
  await session(majo, 1, { kind: 'integration', startTime: '15:00', placeOfService: '10' }, induction.id)

  // Sean: induction finished months ago; last dosing 45 days ago, nothing booked — due a booster.
  const seanCourse = await course(sean, 'induction', 200)
  await measure(sean, phq9(199, [3, 3, 3, 2, 2, 3, 3, 2, 1]))
  await measure(sean, pcl5(199, [3, 3, 2, 3, 3, 3, 3, 2, 3, 2, 3, 2, 3, 2, 2, 1, 3, 3, 2, 2]))
  await note(await session(sean, -196, { kind: 'preparation' }, seanCourse.id), prepBody('To put down some of what he carried home from deployment.', 'Dosing with his sister as escort.'))
  for (const day of [-190, -186, -179, -175, -168, -164]) {
    await note(await session(sean, day, { kind: 'dosing' }, seanCourse.id), dosingBody('Kathleen Murphy', {
      doseMg: 45, weightKg: 90, vitals: STEADY,
      notes: 'Veteran; moral injury themes. Described standing at the edge of a forest at dusk, unafraid. Steady throughout.'
    }))
    await note(await session(sean, day + 2, { kind: 'integration' }, seanCourse.id), integrationBody('Worked with the image of the forest edge as a place he can return to.', 'Moral injury, self-forgiveness', 'Write the letter he never sent.'))
  }
  await call('courses:update', { id: seanCourse.id, course: { protocol: seanCourse.protocol, startedOn: seanCourse.startedOn, status: 'completed', endedOn: shift(today, -160) } })
  const seanBooster = await course(sean, 'booster', 50)
  const booster = await session(sean, -45, { kind: 'booster' }, seanBooster.id)
  const boosterNote = await note(booster, dosingBody('Kathleen Murphy', { doseMg: 45, weightKg: 91, vitals: STEADY, notes: 'One-month booster. Brief, gentle session; said the forest image came back on its own.' }))
  await call('notes:addAddendum', { noteId: boosterNote, text: 'Correction: weight was measured after the session at 91 kg; the dose per kg stands at 0.49 mg/kg.' })
  counts.addenda++
  await note(await session(sean, -43, { kind: 'integration' }, seanBooster.id), integrationBody('Reported better sleep since the booster.', 'Maintenance', 'Keep the Sunday walk with his brother.'))
  await call('courses:update', { id: seanBooster.id, course: { protocol: seanBooster.protocol, startedOn: seanBooster.startedOn, status: 'completed', endedOn: shift(today, -43) } })
  await measure(sean, phq9(160, [1, 1, 1, 1, 1, 1, 1, 1, 0]))
  await measure(sean, phq9(44, [1, 0, 1, 0, 1, 0, 1, 0, 0]))
  await measure(sean, pcl5(44, [2, 1, 1, 2, 1, 2, 2, 1, 1, 1, 2, 1, 2, 1, 1, 0, 2, 2, 1, 2]))

  // Aisha: a dosing with a high blood pressure reading, and a PHQ-9 with item 9 answered — a safety flag.
  const aishaCourse = await course(aisha, 'induction', 22)
  await measure(aisha, phq9(21, [2, 3, 2, 2, 1, 2, 2, 2, 0]))
  await note(await session(aisha, -20, { kind: 'preparation' }, aishaCourse.id), prepBody('To sleep through the night without the nightmares.', 'Hold lorazepam the night before, as the prescriber advised.'))
  await note(await session(aisha, -12, { kind: 'dosing' }, aishaCourse.id), dosingBody('Thomas Whitfield', {
    doseMg: 36, weightKg: 72,
    vitals: [['09:55', 138, 88, 82, 98], ['10:45', 184, 104, 96, 97], ['11:30', 150, 92, 84, 98], ['12:00', 134, 86, 78, 98]],
    notes: 'BP rose to 184/104 at 40 minutes; rechecked, settled by 11:30 without intervention. Prescriber informed.'
  }))
  await note(await session(aisha, -11, { kind: 'integration' }, aishaCourse.id), integrationBody('Described the session as “finally quiet inside.”', 'Safety, control', 'Box breathing before bed.'))
  const aishaDose = await session(aisha, -5, { kind: 'dosing' }, aishaCourse.id)
  await note(aishaDose, dosingBody('Thomas Whitfield', { doseMg: 36, weightKg: 72, vitals: STEADY, notes: 'Draft — to finish: tearful at the end; talked about her brother.' }), false)
  await measure(aisha, phq9(5, [2, 2, 2, 1, 1, 2, 1, 1, 1], { sessionId: aishaDose }))
  await session(aisha, 0, { kind: 'integration', startTime: '14:00', placeOfService: '10' }, aishaCourse.id)

  // Renée: maintenance, her next booster already booked.
  const reneeCourse = await course(renee, 'booster', 40)
  await note(await session(renee, -35, { kind: 'booster' }, reneeCourse.id), dosingBody('Claire Dubois', { doseMg: 30, weightKg: 60, vitals: STEADY, notes: 'Panic symptoms far less frequent since the induction. Calm session.' }))
  await session(renee, 5, { kind: 'booster' })
  await measure(renee, gad7(36, [1, 1, 2, 1, 0, 1, 1]))

  // Jamie: preparing; a therapy session today and a first dosing in two days.
  const jamieCourse = await course(jamie, 'induction', 12)
  await note(await session(jamie, -10, { kind: 'preparation', placeOfService: '02' }, jamieCourse.id), prepBody('To loosen the compulsions’ hold enough to try exposure work again.', 'First dosing with Riley as escort.'))
  await session(jamie, 0, { kind: 'psychotherapy', startTime: '16:00', durationMinutes: 53 })
  await session(jamie, 2, { kind: 'dosing' }, jamieCourse.id)
  await measure(jamie, phq9(12, [2, 2, 1, 1, 1, 1, 2, 0, 0]))

  // Wei: discharged after a completed course last year.
  const weiCourse = await course(wei, 'induction', 380)
  await note(await session(wei, -370, { kind: 'dosing' }, weiCourse.id), dosingBody('Mei Li', { doseMg: 40, weightKg: 80, vitals: STEADY, notes: 'Final dosing of the course. Gratitude, some sadness at ending.' }))
  await call('courses:update', { id: weiCourse.id, course: { protocol: weiCourse.protocol, startedOn: weiCourse.startedOn, status: 'completed', endedOn: shift(today, -365) } })
  return counts
}
