import { describe, expect, it } from 'vitest'
import { clientInput } from '@shared/contracts/clients'
import { clientInput as validClient } from '../factories/clients'

describe('text that cannot be stored faithfully is refused, not silently changed', () => {
  it.each([
    ['a lone high surrogate', 'Ana\uD800x'],
    ['a lone low surrogate', '\uDC00Ana'],
    ['a NUL byte', 'Ana\u0000'],
    ['a form feed inside the name', 'An\u000Ca']
  ])('rejects %s in a name with a message that names the field', (_label, name) => {
    const result = clientInput.safeParse(validClient({ legalFirstName: name }))
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.message).toBe('Legal first name contains characters that cannot be stored')
  })

  it('keeps real astral characters (emoji, rare CJK) and combining marks', () => {
    for (const name of ['𠮷野', 'Zoë', 'Nguyễn', 'Ana 🌻']) {
      expect(clientInput.safeParse(validClient({ legalFirstName: name })).success).toBe(true)
    }
  })
})
