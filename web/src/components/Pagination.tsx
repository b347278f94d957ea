import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { pageItems } from './pages.js';

/** NHS.UK numbered pagination. Links keep the rest of the query, made by `hrefFor`. */
interface Props {
  page: number;
  lastPage: number;
  hrefFor: (page: number) => string;
}

const arrowLeft =
  'M10.7 6.3c.4.4.4 1 0 1.4L7.4 11H19a1 1 0 0 1 0 2H7.4l3.3 3.3c.4.4.4 1 0 1.4a1 1 0 0 1-1.4 0l-5-5A1 1 0 0 1 4 12c0-.3.1-.5.3-.7l5-5a1 1 0 0 1 1.4 0Z';
const arrowRight =
  'm14.7 6.3 5 5c.2.2.3.4.3.7 0 .3-.1.5-.3.7l-5 5a1 1 0 0 1-1.4-1.4l3.3-3.3H5a1 1 0 0 1 0-2h11.6l-3.3-3.3a1 1 0 1 1 1.4-1.4Z';

function Arrow({ path, direction }: { path: string; direction: 'left' | 'right' }): ReactNode {
  return (
    <svg className={`nhsuk-icon nhsuk-icon--arrow-${direction}`} xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="16" height="16" focusable="false" aria-hidden="true">
      <path d={path} />
    </svg>
  );
}

export function Pagination({ page, lastPage, hrefFor }: Props): ReactNode {
  if (lastPage <= 1) return null;
  return (
    <nav className="nhsuk-pagination nhsuk-pagination--numbered" aria-label="Pagination">
      {page > 1 && (
        <Link to={hrefFor(page - 1)} className="nhsuk-pagination__previous" rel="prev">
          <Arrow path={arrowLeft} direction="left" />
          <span className="nhsuk-pagination__title">
            Previous<span className="nhsuk-u-visually-hidden"> page</span>
          </span>
        </Link>
      )}
      <ul className="nhsuk-pagination__list">
        {pageItems(page, lastPage).map((item, index) =>
          item === 'gap' ? (
            <li className="nhsuk-pagination__item nhsuk-pagination__item--ellipsis" key={`gap-${index}`}>
              ⋯
            </li>
          ) : (
            <li className={item === page ? 'nhsuk-pagination__item nhsuk-pagination__item--current' : 'nhsuk-pagination__item'} key={item}>
              <Link className="nhsuk-pagination__link" to={hrefFor(item)} aria-label={`Page ${item}`} aria-current={item === page ? 'page' : undefined}>
                {item}
              </Link>
            </li>
          ),
        )}
      </ul>
      {page < lastPage && (
        <Link to={hrefFor(page + 1)} className="nhsuk-pagination__next" rel="next">
          <span className="nhsuk-pagination__title">
            Next<span className="nhsuk-u-visually-hidden"> page</span>
          </span>
          <Arrow path={arrowRight} direction="right" />
        </Link>
      )}
    </nav>
  );
}
