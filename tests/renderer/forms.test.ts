import { describe, expect, it } from 'vitest'
import { ApiError } from '@renderer/lib/api'
import { applyServerErrors } from '@renderer/lib/forms'

type Call = [string, { type: string; message: string }, { shouldFocus?: boolean } | undefined]

function recorder() {
  const calls: Call[] = []
  const setError = ((name: string, error: { type: string; message: string }, options?: { shouldFocus?: boolean }) => {
    calls.push([name, error, options])
  }) as never
  return { calls, setError }
}

describe('applyServerErrors', () => {
  it('puts main’s field errors beside the form’s own fields and focuses the first', () => {
    const { calls, setError } = recorder()
    const error = new ApiError({
      code: 'invalid_input',
      message: 'Some fields need attention. Nothing was saved.',
      fields: { 'client.dateOfBirth': 'Date of birth cannot be in the future', 'client.prescriberNpi': 'Prescriber NPI check digit does not match — check for a typo', id: 'not for this form' }
    })
    expect(applyServerErrors(setError, error, 'client.')).toBe(true)
    expect(calls).toEqual([
      ['dateOfBirth', { type: 'server', message: 'Date of birth cannot be in the future' }, { shouldFocus: true }],
      ['prescriberNpi', { type: 'server', message: 'Prescriber NPI check digit does not match — check for a typo' }, { shouldFocus: false }]
    ])
  })

  it('leaves errors without fields to the form banner', () => {
    const { calls, setError } = recorder()
    expect(applyServerErrors(setError, new ApiError({ code: 'internal', message: 'Something went wrong' }), 'client.')).toBe(false)
    expect(applyServerErrors(setError, new Error('boom'), 'client.')).toBe(false)
    expect(calls).toEqual([])
  })
})
