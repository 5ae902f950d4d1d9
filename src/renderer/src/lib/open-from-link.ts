import { useEffect } from 'react'
import { useSearchParams } from 'react-router'

/**
 * Opens something (a dialog) once when the page's link carries `?<param>=1` — Ctrl+K's
 * "Schedule session" goes to /sessions?book=1 — then drops the parameter so Back does not reopen it.
 */
export function useOpenFromLink(param: string, open: () => void) {
  const [params, setParams] = useSearchParams()
  const wanted = params.get(param) === '1'
  useEffect(() => {
    if (!wanted) return
    open()
    const next = new URLSearchParams(params)
    next.delete(param)
    setParams(next, { replace: true })
    // oxlint-disable-next-line react-hooks/exhaustive-deps, react/exhaustive-effect-dependencies -- once per link, not per render
  }, [wanted])
}
