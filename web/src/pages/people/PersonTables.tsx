import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { DuplicateCandidate, PersonDetail } from '../../../../src/contracts/people.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { Tag } from '../../components/Tag.js';
import { formatDate, formatNhsNumber, plural, statusTag } from '../referrals/labels.js';

/** The person's referrals, and the records that might be the same person. */
export function PersonReferrals({ referrals }: { referrals: PersonDetail['referrals'] }): ReactNode {
  if (referrals.length === 0) {
    return (
      <>
        <h2 className="nhsuk-heading-m">Referrals</h2>
        <p className="nhsuk-body">There are no referrals for this person.</p>
      </>
    );
  }
  return (
    <ResponsiveTable
      caption="Referrals"
      headers={['Reference', 'Status', 'Received']}
      rows={referrals.map((r) => ({
        key: r.id,
        cells: [<Link to={`/referrals/${r.id}`}>{r.reference}</Link>, <Tag tag={statusTag(r.status)} />, formatDate(r.receivedAt)],
      }))}
    />
  );
}

const MATCH_REASONS: Record<DuplicateCandidate['reason'], string> = {
  'nhs-number': 'Same NHS number',
  demographics: 'Similar name, date of birth or postcode',
};

interface DuplicatesProps {
  duplicates: readonly DuplicateCandidate[];
  onMerge: (candidate: DuplicateCandidate) => void;
}

export function PossibleDuplicates({ duplicates, onMerge }: DuplicatesProps): ReactNode {
  if (duplicates.length === 0) {
    return (
      <>
        <h2 className="nhsuk-heading-m">Possible duplicates</h2>
        <p className="nhsuk-body">No other records look like the same person.</p>
      </>
    );
  }
  return (
    <ResponsiveTable
      caption="Possible duplicates"
      headers={['Name', 'Date of birth', 'Postcode', 'NHS number', 'Why it may match', 'Referrals', 'Action']}
      rows={duplicates.map((d) => ({
        key: d.id,
        cells: [
          <Link to={`/people/${d.id}`}>{d.name}</Link>,
          d.dateOfBirth === null ? 'Not recorded' : formatDate(d.dateOfBirth),
          d.postcode ?? 'Not recorded',
          d.nhsNumber === null ? 'Not recorded' : formatNhsNumber(d.nhsNumber),
          MATCH_REASONS[d.reason],
          plural(d.referralCount, 'referral', 'referrals'),
          <button
            className="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-0"
            type="button"
            onClick={() => {
              onMerge(d);
            }}
          >
            Merge into this record<span className="nhsuk-u-visually-hidden"> ({d.name})</span>
          </button>,
        ],
      }))}
    />
  );
}
