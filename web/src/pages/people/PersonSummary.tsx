import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { PersonView } from '../../../../src/contracts/people.js';
import { Lines, SummaryList, type SummaryRow } from '../../components/SummaryList.js';
import { addressLines, communicationLines, contactLines, formatDate, formatNhsNumber, personName, practiceText } from '../referrals/labels.js';

/**
 * Who the person is and how to reach them, as a summary list. Shared by the referral and person
 * pages; the referral page links to the person's record for those allowed to see it.
 */
interface Props {
  person: PersonView;
  /** Show the "View person record" link (link workers and managers only). */
  linkToRecord?: boolean;
  /** The GP practice's name, when the page knows it (the referral page does). */
  practiceName?: string | null;
}

export function personRows(person: PersonView, practiceName: string | null = null): SummaryRow[] {
  const rows: SummaryRow[] = [
    { key: 'Name', value: personName(person) },
    { key: 'Date of birth', value: person.dateOfBirth === null ? 'Not recorded' : formatDate(person.dateOfBirth) },
    { key: 'NHS number', value: person.nhsNumber === null ? 'Not recorded' : formatNhsNumber(person.nhsNumber) },
    { key: 'Address', value: <Lines lines={addressLines(person)} /> },
    { key: 'GP practice', value: practiceText(person.gpPracticeOds, practiceName) },
    { key: 'Contact preferences', value: <Lines lines={contactLines(person)} /> },
    { key: 'Communication needs', value: <Lines lines={communicationLines(person)} empty="None recorded" /> },
  ];
  if (person.nextOfKin !== null) {
    const kin = person.nextOfKin;
    rows.push({
      key: kin.isCarer ? 'Carer' : 'Next of kin',
      value: <Lines lines={[`${kin.name} (${kin.relationship})`, ...(kin.phone ? [`Phone: ${kin.phone}`] : [])]} />,
    });
  }
  return rows;
}

export function PersonSummary({ person, linkToRecord = false, practiceName = null }: Props): ReactNode {
  return (
    <>
      <SummaryList rows={personRows(person, practiceName)} />
      {linkToRecord && (
        <p className="nhsuk-body">
          <Link to={`/people/${person.id}`}>View person record</Link>
        </p>
      )}
    </>
  );
}
