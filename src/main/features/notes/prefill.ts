/**
 * What a new dosing note starts with so nobody types it again: the escort and the prescriber from
 * the chart, and the weight from the client's latest earlier dosing note. All stay editable.
 */
import type { Sqlite } from '../../db/connection'

type Body = Record<string, unknown>

export function createDosingPrefill(sqlite: Sqlite) {
  const chart = sqlite.prepare('SELECT escort_name AS escortName, prescriber_name AS prescriberName FROM clients WHERE id = ?')
  // Dosing notes of sessions before this one, newest first (the weight is read from the body).
  const earlier = sqlite.prepare(
    `SELECT n.body FROM notes n JOIN sessions s ON s.id = n.session_id
     WHERE n.client_id = @clientId AND n.template = 'dosing' AND (s.date < @date OR (s.date = @date AND s.start_time < @startTime))
     ORDER BY s.date DESC, s.start_time DESC, n.created_at DESC LIMIT 20`
  ).pluck()

  return (body: Body, client: { clientId: string; date: string; startTime: string }): Body => {
    const c = chart.get(client.clientId) as { escortName: string | null; prescriberName: string | null } | undefined
    let weightKg: number | null = null
    for (const raw of earlier.all(client) as string[]) {
      const w = (JSON.parse(raw) as { medication?: { weightKg?: unknown } }).medication?.weightKg
      if (typeof w === 'number') {
        weightKg = w
        break
      }
    }
    const preDose = body.preDose as Body
    const medication = body.medication as Body
    return {
      ...body,
      preDose: { ...preDose, escortName: c?.escortName ?? preDose.escortName },
      medication: { ...medication, prescriber: c?.prescriberName ?? medication.prescriber, weightKg: weightKg ?? medication.weightKg }
    }
  }
}
