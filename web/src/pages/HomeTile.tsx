import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { HomeResponse } from '../../../src/contracts/home.js';
import { isAppPath } from '../format/text.js';

/**
 * One thing this role does, as an NHS.UK card. A tile without a link is a capability this
 * scheme does not have yet: it is shown, plainly marked, so people know it is coming.
 */
type Tile = HomeResponse['tiles'][number];

function TileLink({ href, children }: { href: string; children: ReactNode }): ReactNode {
  return isAppPath(href) ? (
    <Link className="nhsuk-card__link" to={href}>
      {children}
    </Link>
  ) : (
    <a className="nhsuk-card__link" href={href}>
      {children}
    </a>
  );
}

export function HomeTile({ tile }: { tile: Tile }): ReactNode {
  const clickable = tile.href !== null;
  return (
    <div className={clickable ? 'nhsuk-card nhsuk-card--clickable' : 'nhsuk-card'}>
      <div className="nhsuk-card__content">
        <h2 className="nhsuk-card__heading nhsuk-heading-m">{tile.href !== null ? <TileLink href={tile.href}>{tile.title}</TileLink> : tile.title}</h2>
        {tile.figure !== null && <p className="nhsuk-body-l nhsuk-u-font-weight-bold nhsuk-u-margin-bottom-2">{tile.figure}</p>}
        <p className="nhsuk-card__description">{tile.description}</p>
        {!clickable && (
          <p className="nhsuk-body-s nhsuk-u-margin-bottom-0 nhsuk-u-margin-top-3">
            <strong className="nhsuk-tag nhsuk-tag--grey">Not available yet</strong>
          </p>
        )}
      </div>
    </div>
  );
}
