import type { ReactNode } from 'react';
import { timepointLabel, type DueMeasure, type MeasureResponseDto } from '../../../../src/contracts/outcomes.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { Tag } from '../../components/Tag.js';
import { formatDate } from '../referrals/labels.js';
import { scoreText } from './forms.js';
import { dueTag, modeText, responseStatusTag } from './labels.js';

/** The person's measures due, and every response recorded for them, newest first. */

export function DueForPerson({ due }: { due: readonly DueMeasure[] }): ReactNode {
  const open = due.filter((d) => d.state !== 'done');
  return (
    <section aria-labelledby="due-heading">
      <h2 className="nhsuk-heading-m" id="due-heading">
        Measures due
      </h2>
      {open.length === 0 ? (
        <p className="nhsuk-body">Nothing is due on the scheme’s schedule at the moment.</p>
      ) : (
        <ul className="nhsuk-list nhsuk-list--border lw-due-list">
          {open.map((d) => (
            <li key={`${d.referralId}|${d.measureKey}|${d.timepoint}`}>
              <span>
                <strong>{d.measureName}</strong>, {d.timepointLabel}: due {formatDate(d.dueOn)}
                {d.state === 'overdue' ? '' : `, overdue from ${formatDate(d.overdueFrom)}`} (referral {d.referralReference})
              </span>
              <Tag tag={dueTag(d.state)} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function ResponsesTable({ responses, itemLabels }: { responses: readonly MeasureResponseDto[]; itemLabels: Readonly<Record<string, string>> }): ReactNode {
  const when = (r: MeasureResponseDto): string => r.completedAt ?? r.createdAt;
  const sorted = [...responses].sort((a, b) => when(b).localeCompare(when(a)));
  return (
    <section aria-labelledby="responses-heading">
      <h2 className="nhsuk-heading-m" id="responses-heading">
        Responses
      </h2>
      {sorted.length === 0 ? (
        <p className="nhsuk-body">No measures have been completed yet.</p>
      ) : (
        <ResponsiveTable
          caption={<span className="nhsuk-u-visually-hidden">Every response, newest first</span>}
          headers={['Date', 'Measure', 'Timepoint', 'How', 'Entered by', 'Score']}
          rowHeader={false}
          rows={sorted.map((r) => ({
            key: r.id,
            cells: [
              formatDate(when(r)),
              r.measureName,
              timepointLabel(r.timepoint),
              modeText(r.mode),
              r.enteredBy ?? (r.mode === 'self' ? 'The person' : 'Not recorded'),
              r.status === 'completed' ? scoreText(r, itemLabels) : <Tag tag={responseStatusTag(r.status)} />,
            ],
          }))}
        />
      )}
    </section>
  );
}
