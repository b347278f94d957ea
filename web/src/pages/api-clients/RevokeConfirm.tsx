import type { ReactNode } from 'react';
import { WarningCard } from './WarningCard.js';

/** Revoking cannot be undone, so it is asked twice; focus comes here so the question is heard. */
interface Props {
  name: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

export function RevokeConfirm({ name, busy, onConfirm, onCancel }: Props): ReactNode {
  return (
    <WarningCard heading={<>Revoke {name}?</>}>
      <p className="nhsuk-body">Any system using this client will stop working at once. You cannot undo this.</p>
      <div className="nhsuk-button-group">
        <button className="nhsuk-button nhsuk-button--warning" type="button" onClick={onConfirm} disabled={busy}>
          Yes, revoke
        </button>
        <button className="nhsuk-button nhsuk-button--secondary" type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </WarningCard>
  );
}
