import type { ReactNode } from 'react';
import type { z } from 'zod';
import type { apiClient } from '../../../../src/contracts/admin.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { formatDateTime } from '../../format/text.js';
import { scopeLabel } from './scopes.js';

export type ApiClientView = z.infer<typeof apiClient>;

interface Props {
  items: readonly ApiClientView[];
  organisationName: (id: string) => string;
  onRevoke: (client: ApiClientView) => void;
}

/** Integrations allowed to call the API for an organisation, with a revoke for active ones. */
export function ApiClientTable({ items, organisationName, onRevoke }: Props): ReactNode {
  return (
    <ResponsiveTable
      caption="API clients"
      headers={['Name', 'Client ID', 'Organisation', 'Scopes', 'Created', 'Status', 'Action']}
      rows={items.map((client) => ({
        key: client.id,
        cells: [
          client.name,
          <code>{client.clientId}</code>,
          organisationName(client.organisationId),
          client.scopes.length === 0 ? 'None' : client.scopes.map(scopeLabel).join(', '),
          formatDateTime(client.createdAt),
          client.revokedAt === null ? (
            <strong className="nhsuk-tag nhsuk-tag--green">Active</strong>
          ) : (
            <strong className="nhsuk-tag nhsuk-tag--grey">Revoked</strong>
          ),
          client.revokedAt === null ? (
            <button
              className="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-0"
              type="button"
              onClick={() => {
                onRevoke(client);
              }}
            >
              Revoke<span className="nhsuk-u-visually-hidden"> {client.name}</span>
            </button>
          ) : (
            `Revoked ${formatDateTime(client.revokedAt)}`
          ),
        ],
      }))}
    />
  );
}
