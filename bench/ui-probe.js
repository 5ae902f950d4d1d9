// In-page half of `npm run bench:ui` (added with page.addInitScript before the app loads).
// window.kapProbe.arm(startEvent, expect) starts watching: the start is the timeStamp of the
// latest `startEvent` (keydown, mousedown) seen after arming; the end is the first frame whose
// DOM shows `expect`, taken after that frame's rendering (a message posted from its
// requestAnimationFrame runs once style, layout and paint are done).
const kapProbeText = (el) => (el ? el.textContent.replace(/\s+/g, ' ').trim() : '')
/** Does the page show what is expected? */
const kapProbeShows = (expect) => {
  if (expect.kind === 'rows') {
    const table = document.querySelector('table[aria-label="Clients"]')
    if (!table || table.getAttribute('aria-busy')) return false
    const rows = table.querySelectorAll('tbody tr[data-row]')
    if (rows.length !== expect.count) return false
    return expect.count === 0 ? true : kapProbeText(rows[0]).startsWith(expect.first)
  }
  if (expect.kind === 'heading') {
    const h1 = document.querySelector('main h1')
    return !!h1 && kapProbeText(h1).includes(expect.text) && !document.querySelector('main [aria-busy="true"]')
  }
  return false
}

;(() => {
  'use strict'
  const longTasks = []
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longTasks.push({ start: e.startTime, duration: e.duration })
    }).observe({ type: 'longtask', buffered: true })
  } catch {
    // No long-task timing in this browser: longest stays 0.
  }

  let armed = null
  const onStart = (e) => {
    if (armed && e.type === armed.startEvent && armed.end === null) {
      if (armed.first === null) armed.first = e.timeStamp
      armed.start = e.timeStamp
    }
  }
  window.addEventListener('keydown', onStart, true)
  window.addEventListener('mousedown', onStart, true)

  const frame = () => {
    if (!armed || armed.end !== null) return
    const ready = (armed.start !== null || armed.startEvent === 'navigation') && kapProbeShows(armed.expect)
    if (ready) {
      const channel = new MessageChannel()
      const current = armed
      channel.port1.addEventListener('message', () => {
        current.end = performance.now()
        current.resolve()
      })
      channel.port1.start()
      channel.port2.postMessage(0)
      return
    }
    requestAnimationFrame(frame)
  }

  window.kapProbe = {
    /** startEvent: 'keydown' | 'mousedown' | 'navigation' (from the document's time origin). */
    arm(startEvent, expect) {
      let resolve
      const done = new Promise((r) => (resolve = r))
      armed = { startEvent, expect, first: startEvent === 'navigation' ? 0 : null, start: startEvent === 'navigation' ? 0 : null, end: null, done, resolve }
      requestAnimationFrame(frame)
    },
    /** Waits for the armed condition; ms from the last start event, and the longest long task since the first. */
    async result(timeoutMs) {
      const current = armed
      const timedOut = await Promise.race([current.done.then(() => false), new Promise((r) => setTimeout(() => r(true), timeoutMs))])
      if (timedOut) return { ok: false, ms: null, longest: null }
      const longest = longTasks.filter((t) => t.start + t.duration >= current.first && t.start <= current.end).reduce((m, t) => Math.max(m, t.duration), 0)
      return { ok: true, ms: current.end - current.start, longest }
    },
    /** Time spent in each RPC fetch since `since` (ms, page clock), by channel. */
    rpc(since) {
      return performance
        .getEntriesByType('resource')
        .filter((e) => e.name.includes('/__rpc/') && e.startTime >= since)
        .map((e) => ({ channel: decodeURIComponent(e.name.split('/__rpc/')[1]), start: e.startTime, ms: e.duration }))
    },
    now: () => performance.now()
  }
})()
