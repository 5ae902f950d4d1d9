import { useState } from 'react'

/**
 * Where focus goes when a dialog closes: back to the control that had it before it opened. When
 * that control is gone (the empty state's "Add" button the new row replaced, a row's menu), the
 * control that now stands in its place (same id, or a button with the same text), else the page.
 */
export function restoreFocus(previous: HTMLElement | null) {
  const stillThere = previous?.isConnected ? previous : null
  const standIn =
    stillThere ??
    (previous?.id ? document.getElementById(previous.id) : null) ??
    (previous?.tagName === 'BUTTON' && previous.textContent?.trim()
      ? [...document.querySelectorAll<HTMLButtonElement>('button')].find((b) => !b.disabled && b.textContent?.trim() === previous.textContent?.trim())
      : null) ??
    null
  standIn?.focus()
  if (!standIn || document.activeElement !== standIn) document.getElementById('main')?.focus()
}

const focused = (): HTMLElement | null => {
  const active = document.activeElement
  return active instanceof HTMLElement && active !== document.body ? active : null
}

/**
 * For a Radix dialog: remembers what had focus when `open` turned true and puts focus back there
 * on close (pass the result to Content's onCloseAutoFocus). Radix remembers the element focused
 * when its focus scope mounts, which is already the dialog's own first field when a form focuses
 * it in its effect (children's effects run first), so its return went to the body.
 */
export function useFocusReturn(open: boolean): (event: Event) => void {
  // Read while rendering the change to open, before any effect moves focus into the dialog.
  const [seen, setSeen] = useState(() => ({ open, opener: open ? focused() : null }))
  if (seen.open !== open) setSeen({ open, opener: open ? focused() : seen.opener })
  const opener = seen.opener
  return (event: Event) => {
    event.preventDefault()
    // After React has re-rendered what the dialog's action changed.
    requestAnimationFrame(() => restoreFocus(opener))
  }
}
