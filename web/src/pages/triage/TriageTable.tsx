import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { ReferralSummary } from '../../../../src/contracts/referrals.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { Tag } from '../../components/Tag.js';
import { formatDate, needLabels, practiceText, targetTag, urgencyTag, waitingText, type Labelled } from '../referrals/labels.js';

/**
 * The queue, oldest first as the server sends it. Each row has a checkbox for bulk allocation;
 * the first checkbox carries the id "referralIds" so the error summary can move focus to it.
 */
interface Props {
  items: readonly ReferralSummary[];
  needCategories: readonly Labelled[];
  selected: ReadonlySet<string>;
  onToggle: (id: string, checked: boolean) => void;
}

function SelectBox({ item, first, checked, onToggle }: { item: ReferralSummary; first: boolean } & Pick<Props, 'onToggle'> & { checked: boolean }): ReactNode {
  const id = first ? 'referralIds' : `select-${item.id}`;
  return (
    <div className="nhsuk-checkboxes nhsuk-checkboxes--small">
      <div className="nhsuk-checkboxes__item">
        <input
          className="nhsuk-checkboxes__input"
          id={id}
          type="checkbox"
          checked={checked}
          onChange={(event) => {
            onToggle(item.id, event.currentTarget.checked);
          }}
        />
        <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={id}>
          <span className="nhsuk-u-visually-hidden">Select {item.reference}</span>
        </label>
      </div>
    </div>
  );
}

function Due({ item }: { item: ReferralSummary }): ReactNode {
  if (item.firstContactDue === null) return 'No target';
  return (
    <>
      {formatDate(item.firstContactDue)}
      {item.firstContactTarget !== null && (
        <>
          <br />
          <Tag tag={targetTag(item.firstContactTarget)} />
        </>
      )}
    </>
  );
}

function Warnings({ item }: { item: ReferralSummary }): ReactNode {
  if (!item.consentWithdrawn && !item.possibleDuplicate) return 'None';
  return (
    <>
      {item.consentWithdrawn && <Tag tag={{ label: 'Consent withdrawn', colour: 'red' }} />}
      {item.consentWithdrawn && item.possibleDuplicate && <br />}
      {item.possibleDuplicate && <Tag tag={{ label: 'Possible duplicate', colour: 'yellow' }} />}
    </>
  );
}

export function TriageTable({ items, needCategories, selected, onToggle }: Props): ReactNode {
  return (
    <ResponsiveTable
      caption="Referrals waiting for triage, oldest first"
      headers={['Select', 'Reference', 'Person', 'Practice', 'Wants help with', 'Urgency', 'Waiting', 'First contact due', 'Warnings']}
      rowHeader={false}
      rows={items.map((item, index) => ({
        key: item.id,
        cells: [
          <SelectBox item={item} first={index === 0} checked={selected.has(item.id)} onToggle={onToggle} />,
          <Link to={`/referrals/${item.id}`}>{item.reference}</Link>,
          item.personName,
          practiceText(item.practiceOds, item.practiceName),
          needLabels(item.needs, needCategories).join(', ') || 'None given',
          <Tag tag={urgencyTag(item.urgency)} />,
          waitingText(item.waitingWorkingDays),
          <Due item={item} />,
          <Warnings item={item} />,
        ],
      }))}
    />
  );
}
