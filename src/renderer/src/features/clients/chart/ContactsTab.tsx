import { Link } from 'react-router'
import { Pencil } from 'lucide-react'
import type { Client } from '@shared/contracts/clients'
import { buttonClasses } from '@renderer/components'
import { ChartCard, Facts, ReadOnlyNote, TabToolbar } from './parts'

/** "1450 Example St, Suite 2 / Oakland, CA 94612" as lines, or null. */
export function addressLines(c: Pick<Client, 'addressLine1' | 'addressLine2' | 'city' | 'state' | 'postalCode'>): string[] | null {
  const cityLine = [c.city, [c.state, c.postalCode].filter(Boolean).join(' ')].filter(Boolean).join(', ')
  const lines = [c.addressLine1, c.addressLine2, cityLine].filter((l): l is string => Boolean(l))
  return lines.length ? lines : null
}

export const personLine = (name: string | null, relationship: string | null) =>
  name ? (relationship ? `${name} (${relationship})` : name) : null

/** Read-only; editing happens on the client form. */
export function ContactsTab({ client, readOnly }: { client: Client; readOnly: boolean }) {
  const address = addressLines(client)
  return (
    <div>
      <TabToolbar title="Contacts">
        {readOnly ? (
          <ReadOnlyNote />
        ) : (
          <Link to={`/clients/${client.id}/edit`} className={buttonClasses('secondary')}>
            <Pencil aria-hidden="true" />
            Edit contact details
          </Link>
        )}
      </TabToolbar>
      <div className="grid gap-4 lg:grid-cols-2">
        <ChartCard title="Client" id="contacts-client">
          <Facts
            items={[
              { label: 'Phone', value: client.phone && <span className="num">{client.phone}</span> },
              { label: 'Email', value: client.email },
              {
                label: 'Address',
                value: address && (
                  <address className="not-italic">
                    {address.map((line) => (
                      <span key={line} className="block">
                        {line}
                      </span>
                    ))}
                  </address>
                )
              }
            ]}
          />
        </ChartCard>
        <ChartCard title="Emergency contact" id="contacts-emergency">
          <Facts
            items={[
              { label: 'Name', value: personLine(client.emergencyContactName, client.emergencyContactRelationship) },
              { label: 'Phone', value: client.emergencyContactPhone && <span className="num">{client.emergencyContactPhone}</span> }
            ]}
          />
        </ChartCard>
        <ChartCard title="Escort for rides home" id="contacts-escort">
          <Facts
            items={[
              { label: 'Name', value: personLine(client.escortName, client.escortRelationship) },
              { label: 'Phone', value: client.escortPhone && <span className="num">{client.escortPhone}</span> }
            ]}
          />
          {!client.escortName && (
            <p className="mt-2.5 text-[13px] text-ink-faint">A named escort is needed before a dosing session: no driving until the next day.</p>
          )}
        </ChartCard>
        <ChartCard title="Prescriber" id="contacts-prescriber">
          <Facts
            items={[
              { label: 'Name', value: client.prescriberName },
              { label: 'NPI', value: client.prescriberNpi && <span className="num">{client.prescriberNpi}</span> },
              { label: 'Phone', value: client.prescriberPhone && <span className="num">{client.prescriberPhone}</span> }
            ]}
          />
        </ChartCard>
      </div>
    </div>
  )
}
