import type { MouseEvent, ReactNode } from 'react';

/**
 * NHS.UK skip link. Following "#maincontent" would change the router's address and, in some
 * browsers, not move keyboard focus, so the link focuses the main element itself.
 */
function skipToMain(event: MouseEvent<HTMLAnchorElement>): void {
  const main = document.getElementById('maincontent');
  if (!main) return;
  event.preventDefault();
  main.setAttribute('tabindex', '-1');
  main.focus();
  main.addEventListener(
    'blur',
    () => {
      main.removeAttribute('tabindex');
    },
    { once: true },
  );
}

export function SkipLink(): ReactNode {
  return (
    <a className="nhsuk-skip-link" href="#maincontent" onClick={skipToMain}>
      Skip to main content
    </a>
  );
}
