import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { SearchResultView } from '../../../../../src/contracts/directory-search.js';
import { distanceText } from '../labels.js';

/**
 * A search result's name, linking to the service page (whose "Back" returns to `from`), then who
 * runs it and how far away it is: the same opening wherever a list of results is shown.
 */
export function ResultHeading({ result, from }: { result: SearchResultView; from: string }): ReactNode {
  const distance = distanceText(result.distanceKm);
  return (
    <>
      <h3 className="nhsuk-heading-s nhsuk-u-margin-bottom-1">
        <Link to={`/directory/services/${encodeURIComponent(result.id)}`} state={{ from }}>
          {result.name}
        </Link>
      </h3>
      <p className="nhsuk-body-s nhsuk-u-margin-bottom-2">
        {result.organizationName}
        {distance !== null && <> · {distance}</>}
      </p>
    </>
  );
}
