/**
 * Builds the renderer's `api` object from the list of channels: "clients:list" becomes
 * api.clients.list(input). Pure and dependency-free so the preload and the e2e harness's
 * browser bridge build the very same shape.
 */
export type Invoke = (channel: string, input: unknown) => Promise<unknown>

export function buildApi(channels: readonly string[], invoke: Invoke): Record<string, Record<string, (input?: unknown) => Promise<unknown>>> {
  const api: Record<string, Record<string, (input?: unknown) => Promise<unknown>>> = {}
  for (const channel of channels) {
    const [domain, verb] = channel.split(':') as [string, string]
    api[domain] ??= {}
    api[domain][verb] = (input?: unknown) => invoke(channel, input ?? {})
  }
  return api
}
