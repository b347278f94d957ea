import type { ReactNode } from 'react';
import type { SearchResultView } from '../../../../src/contracts/directory-search.js';
import { ButtonLink } from '../../components/ButtonLink.js';
import { Tag } from '../../components/Tag.js';
import { capacityText, listingTags } from '../directory/labels.js';
import { ResultHeading } from '../directory/search/ResultHeading.js';
import { sessionText } from '../directory/search/sessions.js';

/**
 * Services found for a person, each with the one next step it allows: a referral to a group that
 * takes them, or a note of signposting for one people contact themselves. The action's name
 * carries the service's, so each link reads on its own in a list of links.
 */
interface Props {
  referralId: string;
  results: readonly SearchResultView[];
  from: string;
}

export function ServiceResults({ referralId, results, from }: Props): ReactNode {
  if (results.length === 0) return <p className="nhsuk-body">No services found.</p>;
  return (
    <ol className="nhsuk-list lw-results">
      {results.map((result) => (
        <ServiceResult key={result.id} referralId={referralId} result={result} from={from} />
      ))}
    </ol>
  );
}

function ServiceResult({ referralId, result, from }: { referralId: string; result: SearchResultView; from: string }): ReactNode {
  const tags = listingTags(result);
  const places = capacityText(result.capacity);
  const sessions = result.sessions.map(sessionText);
  const caseId = encodeURIComponent(referralId);
  const serviceId = encodeURIComponent(result.id);
  return (
    <li className="lw-result" data-testid="onward-result">
      <ResultHeading result={result} from={from} />
      <p className="lw-tags nhsuk-u-margin-bottom-2">
        {result.referralMode === 'referrals' && <Tag tag={{ label: 'Takes referrals', colour: 'green' }} />}
        {tags.map((tag) => (
          <Tag key={tag.label} tag={tag} />
        ))}
      </p>
      {sessions.length > 0 && <p className="nhsuk-body-s nhsuk-u-margin-bottom-2">{sessions.join('; ')}</p>}
      {places !== null && <p className="nhsuk-body-s nhsuk-u-margin-bottom-2">{places}</p>}
      {result.reasons.length > 0 && <p className="nhsuk-body-s nhsuk-u-margin-bottom-2">Why this result: {result.reasons.join('; ')}</p>}
      {result.referralMode === 'referrals' ? (
        <ButtonLink to={`/cases/${caseId}/refer-on/${serviceId}`}>
          Refer<span className="nhsuk-u-visually-hidden"> to {result.name}</span>
        </ButtonLink>
      ) : (
        <ButtonLink to={`/cases/${caseId}/signpost?serviceId=${serviceId}`} secondary>
          Record signposting<span className="nhsuk-u-visually-hidden"> to {result.name}</span>
        </ButtonLink>
      )}
    </li>
  );
}
