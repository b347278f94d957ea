import type { ReactNode } from 'react';
import { isRole, ROLE_LABELS } from '../../../../src/auth/roles.js';
import type { AuditPage } from '../../../../src/contracts/admin.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { formatDateTime } from '../../format/text.js';

/** One page of audit events. Identifiers can be long, so cells may break them anywhere. */
type AuditEvent = AuditPage['items'][number];

function who(event: AuditEvent): string {
  const name = event.actorLabel ?? (event.actorType === 'anonymous' ? 'Not signed in' : event.actorType);
  if (event.actorRole === null) return name;
  return `${name} (${isRole(event.actorRole) ? ROLE_LABELS[event.actorRole] : event.actorRole})`;
}

function record(event: AuditEvent): ReactNode {
  if (event.entityId === null) return event.entityType;
  return (
    <>
      {event.entityType} <span className="lw-break">{event.entityId}</span>
    </>
  );
}

export function AuditTable({ items }: { items: readonly AuditEvent[] }): ReactNode {
  return (
    <ResponsiveTable
      caption="Audit events"
      headers={['When', 'Who', 'Action', 'Record', 'Reason', 'IP address']}
      rows={items.map((event) => ({
        key: event.id,
        cells: [formatDateTime(event.occurredAt), who(event), event.action, record(event), event.reason ?? 'None', <span className="lw-break">{event.ip ?? 'Unknown'}</span>],
      }))}
    />
  );
}
