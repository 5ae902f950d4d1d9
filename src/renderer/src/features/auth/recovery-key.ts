/** The recovery key as groups of four characters, whatever separators main used ("ABCD-EFGH…"). */
export function recoveryKeyGroups(key: string): string[] {
  const compact = key.replace(/[^0-9a-z]/gi, '').toUpperCase()
  const groups: string[] = []
  for (let i = 0; i < compact.length; i += 4) groups.push(compact.slice(i, i + 4))
  return groups
}

/** The key the way it is best written down and pasted back: groups joined by dashes. */
export const formatRecoveryKey = (key: string) => recoveryKeyGroups(key).join('-')
