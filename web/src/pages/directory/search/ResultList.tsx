import type { ReactNode } from 'react';
import type { SearchResultView } from '../../../../../src/contracts/directory-search.js';
import { Tag } from '../../../components/Tag.js';
import { capacityText, listingTags } from '../labels.js';
import { ResultHeading } from './ResultHeading.js';
import { sessionText } from './sessions.js';

/**
 * The results, best first. Each says where it is, when it runs and why it was found, so a
 * link worker can compare them without opening each one.
 */
interface Props {
  results: readonly SearchResultView[];
  /** The search's own address, so the service page's "Back" returns to it. */
  from: string;
  /** The position of the first result in the whole list (for the numbers read out). */
  start: number;
}

export function ResultList({ results, from, start }: Props): ReactNode {
  return (
    <ol className="nhsuk-list lw-results" start={start}>
      {results.map((result) => (
        <Result key={result.id} result={result} from={from} />
      ))}
    </ol>
  );
}

function Result({ result, from }: { result: SearchResultView; from: string }): ReactNode {
  const tags = listingTags(result);
  const places = capacityText(result.capacity);
  const sessions = result.sessions.map(sessionText);
  return (
    <li className="lw-result" data-testid="directory-result">
      <ResultHeading result={result} from={from} />
      {(tags.length > 0 || result.preferred) && (
        <p className="lw-tags nhsuk-u-margin-bottom-2">
          {result.preferred && <Tag tag={{ label: 'Preferred by your scheme', colour: 'blue' }} />}
          {tags.map((tag) => (
            <Tag key={tag.label} tag={tag} />
          ))}
        </p>
      )}
      {result.summary !== '' && <p className="nhsuk-body-s nhsuk-u-margin-bottom-2">{result.summary}</p>}
      {sessions.length > 0 && <p className="nhsuk-body-s nhsuk-u-margin-bottom-2">{sessions.join('; ')}</p>}
      {places !== null && <p className="nhsuk-body-s nhsuk-u-margin-bottom-2">{places}</p>}
      {result.reasons.length > 0 && (
        <div className="lw-reasons">
          <p className="nhsuk-body-s nhsuk-u-margin-bottom-0 nhsuk-u-font-weight-bold">Why this result</p>
          <ul className="lw-reasons__list nhsuk-body-s">
            {result.reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </div>
      )}
    </li>
  );
}
