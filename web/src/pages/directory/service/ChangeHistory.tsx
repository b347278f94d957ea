import type { ReactNode } from 'react';
import { changeList, CHANGE_KINDS, type ChangeList } from '../../../../../src/contracts/directory.js';
import { useApi } from '../../../api/useApi.js';
import { Loading } from '../../../components/Loading.js';
import { formatDateTime } from '../../../format/text.js';
import { changeLine } from '../labels.js';

/**
 * Who changed a listing, when and what, newest first. Closed listings keep this history, so a
 * link worker can see why a service they used to refer to is gone.
 */
const KIND_LABELS: Record<(typeof CHANGE_KINDS)[number], string> = {
  create: 'Listed',
  update: 'Changed',
  verify: 'Checked',
  status: 'Status changed',
  import: 'Imported',
};

/** Give it a `key` that changes after each save on the page, so that it loads the history again. */
export function ChangeHistory({ path }: { path: string }): ReactNode {
  const [load] = useApi(path, changeList);
  return (
    <section aria-labelledby="history-heading">
      <h2 className="nhsuk-heading-m" id="history-heading">
        Change history
      </h2>
      {load.status === 'loading' && <Loading>Loading the change history…</Loading>}
      {load.status === 'error' && <p className="nhsuk-body">The change history could not be loaded: {load.problem.detail}</p>}
      {load.status === 'ok' && <Entries entries={load.data} />}
    </section>
  );
}

/** A new listing's first entry names every field; saying it was added is enough. */
function Changes({ entry }: { entry: ChangeList[number] }): ReactNode {
  const added = entry.kind === 'create' || (entry.kind === 'import' && entry.changes.every((c) => c.from === null || c.from === 0));
  if (added && entry.changes.length > 0) return <p className="nhsuk-body-s">The listing was added.</p>;
  const lines = entry.changes.map(changeLine).filter((line): line is string => line !== null);
  if (lines.length === 0) return null;
  return (
    <ul className="nhsuk-list nhsuk-list--bullet nhsuk-body-s">
      {lines.map((line, index) => (
        <li key={`${line}-${index}`} className="lw-break">
          {line}
        </li>
      ))}
    </ul>
  );
}

function Entries({ entries }: { entries: ChangeList }): ReactNode {
  if (entries.length === 0) return <p className="nhsuk-body">No changes have been recorded.</p>;
  const newestFirst = [...entries].sort((a, b) => b.version - a.version || b.changedAt.localeCompare(a.changedAt));
  return (
    <ol className="nhsuk-list lw-history">
      {newestFirst.map((entry) => (
        <li key={`${entry.version}-${entry.changedAt}`} className="lw-history__entry">
          <h3 className="nhsuk-heading-s nhsuk-u-margin-bottom-1">
            {KIND_LABELS[entry.kind]} by {entry.changedBy}
          </h3>
          <p className="nhsuk-body-s nhsuk-u-secondary-text-colour nhsuk-u-margin-bottom-2">
            {formatDateTime(entry.changedAt)} · version {entry.version}
          </p>
          {entry.note !== null && entry.note !== '' && <p className="nhsuk-body-s nhsuk-u-margin-bottom-2">{entry.note}</p>}
          <Changes entry={entry} />
        </li>
      ))}
    </ol>
  );
}
