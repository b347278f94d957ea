import { useId, type ReactNode } from 'react';
import { referralEventRequest, type ReferralEventRequest } from '../../../../src/contracts/referrals.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import type { FormErrors } from '../../forms/errors.js';
import { useFormSubmit } from '../../forms/useFormSubmit.js';
import { EVENT_TITLES, type EventType } from './events.js';
import { checkRenamed, type FieldMap, type ProblemFor } from './forms.js';

/**
 * One lifecycle action as a small form of its own: a heading, its fields, one button. Fields
 * carry page-unique ids (see forms.ts); the body is checked with the API's own contract first.
 */
export interface EventFormProps {
  type: EventType;
  /** Contract field name → the id of its control on this page. */
  fields?: FieldMap;
  /** The body's fields (without `type`) from the form. */
  build?: (data: FormData) => Record<string, unknown>;
  intro?: ReactNode;
  heading?: string;
  /** A secondary button, for actions that end the referral. */
  secondary?: boolean;
  children?: (errors: FormErrors) => ReactNode;
  sendEvent: (body: ReferralEventRequest) => Promise<void>;
  problemFor: ProblemFor;
}

export function EventForm({ type, fields = {}, build, intro, heading, secondary = false, children, sendEvent, problemFor }: EventFormProps): ReactNode {
  const headingId = useId();
  const order = Object.values(fields);
  const titles = EVENT_TITLES[type];
  const { errors, busy, onSubmit } = useFormSubmit({
    fields: order,
    check: (data) => checkRenamed(referralEventRequest, { type, ...(build?.(data) ?? {}) }, fields),
    send: sendEvent,
    toProblem: problemFor(fields),
  });
  return (
    <section className="nhsuk-u-margin-bottom-6">
      <h3 className="nhsuk-heading-s" id={headingId}>
        {heading ?? titles.heading}
      </h3>
      <ErrorSummary errors={errors} order={order} />
      <form onSubmit={onSubmit} noValidate aria-labelledby={headingId}>
        {intro !== undefined && <p className="nhsuk-body">{intro}</p>}
        {children?.(errors)}
        <button className={secondary ? 'nhsuk-button nhsuk-button--secondary' : 'nhsuk-button'} type="submit" disabled={busy}>
          {titles.button}
        </button>
      </form>
    </section>
  );
}
