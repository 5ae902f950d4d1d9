/**
 * Builds the renderer's `api` object from the list of channels: "clients:list" becomes
 * api.clients.list(input), and each push channel ("jobs:progress") a subscription,
 * api.jobs.onProgress(listener) → unsubscribe. Pure and dependency-free so the preload and the
 * e2e harness's browser bridge build the very same shape.
 */
export type Invoke = (channel: string, input: unknown) => Promise<unknown>
export type Subscribe = (channel: string, listener: (payload: unknown) => void) => () => void

/** A call (input → promise of its envelope) or a subscription (listener → unsubscribe). */
type ApiFunction = (arg?: unknown) => unknown

export function buildApi(
  channels: readonly string[],
  invoke: Invoke,
  events: readonly string[] = [],
  subscribe?: Subscribe
): Record<string, Record<string, ApiFunction>> {
  const api: Record<string, Record<string, ApiFunction>> = {}
  for (const channel of channels) {
    const [domain, verb] = channel.split(':') as [string, string]
    api[domain] ??= {}
    api[domain][verb] = (input?: unknown) => invoke(channel, input ?? {})
  }
  for (const channel of subscribe ? events : []) {
    const [domain, verb] = channel.split(':') as [string, string]
    api[domain] ??= {}
    api[domain]['on' + verb.charAt(0).toUpperCase() + verb.slice(1)] = (listener) => subscribe!(channel, listener as (payload: unknown) => void)
  }
  return api
}
