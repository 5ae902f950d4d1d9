/**
 * The main process log. It takes a fixed event name and non-identifying facts only —
 * never record values or error messages that could carry them (no PHI in logs).
 */
export type LogFacts = Record<string, string | number | boolean | null | undefined>

export interface Logger {
  info(event: string, facts?: LogFacts): void
  error(event: string, facts?: LogFacts): void
}

export const consoleLogger: Logger = {
  // oxlint-disable-next-line no-console -- this is the one sanctioned log sink
  info: (event, facts) => console.log(JSON.stringify({ level: 'info', event, ...facts })),
  error: (event, facts) => console.error(JSON.stringify({ level: 'error', event, ...facts }))
}

export const silentLogger: Logger = { info: () => {}, error: () => {} }
