import type { ReactNode } from 'react';
import { PageHeading } from '../../components/PageHeading.js';

/** The accessibility statement. Each scheme that runs Linkwell should add its own contact details. */
export function AccessibilityPage(): ReactNode {
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <PageHeading>Accessibility statement</PageHeading>
        <p className="nhsuk-body">We want as many people as possible to be able to use Linkwell. You should be able to:</p>
        <ul className="nhsuk-list nhsuk-list--bullet">
          <li>change colours, contrast levels and fonts using your browser or device settings</li>
          <li>zoom in up to 400% without the text spilling off the screen</li>
          <li>use it on a phone or tablet, including in portrait</li>
          <li>get around using just a keyboard</li>
          <li>use it with a screen reader</li>
        </ul>
        <h2 className="nhsuk-heading-m">How accessible Linkwell is</h2>
        <p className="nhsuk-body">
          Linkwell is built with the NHS.UK design system and aims to meet the Web Content Accessibility Guidelines (WCAG) version 2.2 at level AA. Every page is checked with automated tests.
        </p>
        <p className="nhsuk-body">Automated tests do not find every problem. If you find something that is hard to use, please tell us.</p>
        <h2 className="nhsuk-heading-m">Reporting a problem</h2>
        <p className="nhsuk-body">Contact your scheme manager, or the organisation that runs Linkwell for your scheme. Tell us the page address and what went wrong.</p>
        <h2 className="nhsuk-heading-m">Enforcement procedure</h2>
        <p className="nhsuk-body">
          The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018. If you are not happy with how we respond to your complaint, contact the Equality Advisory and Support Service (EASS).
        </p>
      </div>
    </div>
  );
}
