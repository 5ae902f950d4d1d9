/**
 * A drop-in for `react-style-singleton` (used by Radix's scroll lock) that adds its CSS through a
 * constructable stylesheet instead of a <style> tag. The strict CSP (`style-src 'self'`) refuses
 * inline <style> elements but not CSSOM, so the scroll lock keeps working without a violation.
 * Wired in by an alias in electron.vite.config.ts.
 */
import { useEffect } from 'react'

type Sheet = { add: (style: string) => void; remove: () => void }

export const stylesheetSingleton = (): Sheet => {
  let counter = 0
  let sheet: CSSStyleSheet | null = null
  return {
    add(style: string) {
      if (counter === 0 && typeof document !== 'undefined') {
        sheet = new CSSStyleSheet()
        sheet.replaceSync(style)
        document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]
      }
      counter++
    },
    remove() {
      counter--
      if (!counter && sheet) {
        const done = sheet
        document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== done)
        sheet = null
      }
    }
  }
}

export const styleHookSingleton = () => {
  const sheet = stylesheetSingleton()
  return (styles: string, isDynamic?: boolean) => {
    useEffect(() => {
      sheet.add(styles)
      return () => sheet.remove()
      // oxlint-disable-next-line react-hooks/exhaustive-deps -- same contract as the package it replaces
    }, [styles && isDynamic])
  }
}

export const styleSingleton = () => {
  const useStyle = styleHookSingleton()
  const Sheet = ({ styles, dynamic }: { styles: string; dynamic?: boolean }) => {
    useStyle(styles, dynamic)
    return null
  }
  return Sheet
}
