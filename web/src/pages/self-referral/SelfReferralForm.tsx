import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { z } from 'zod';
import { CONTACT_METHODS, CONTACT_METHOD_LABELS } from '../../../../src/contracts/referral-codes.js';
import { selfReferralReceipt, type publicScheme } from '../../../../src/contracts/referrals.js';
import { ApiProblem } from '../../api/problem.js';
import { ChoiceField } from '../../components/ChoiceField.js';
import { todayIso } from '../../components/dateParts.js';
import { DateInput } from '../../components/DateInput.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { describedBy, ErrorMessage } from '../../components/ErrorMessage.js';
import { PageHeading } from '../../components/PageHeading.js';
import { requestJson, RetryLaterProblem } from '../../components/rawRequest.js';
import { TextArea } from '../../components/TextArea.js';
import { TextField } from '../../components/TextField.js';
import { useFormSubmit } from '../../forms/useFormSubmit.js';
import { currentSession, useSession } from '../../session/context.js';
import { checkSelfReferral, SELF_FIELDS, tooManyMessage } from './selfReferral.js';
import './self-referral.css';

export type Receipt = z.infer<typeof selfReferralReceipt>;

interface Props {
  slug: string;
  scheme: z.infer<typeof publicScheme>;
  onSent: (receipt: Receipt) => void;
}

const CONTACT_OPTIONS = CONTACT_METHODS.filter((m) => m !== 'none').map((m) => ({ value: m, label: CONTACT_METHOD_LABELS[m] }));

/**
 * The public form. No sign-in, so the CSRF token is sent only if the visitor happens to be
 * signed in (the server asks for it whenever a session cookie comes with a change). When flood
 * control turns the referral away, the form stays as it is, answers and all.
 */
export function SelfReferralForm({ slug, scheme, onSent }: Props): ReactNode {
  const csrfToken = currentSession(useSession().state)?.csrfToken ?? null;
  const { errors, busy, onSubmit } = useFormSubmit({
    fields: SELF_FIELDS,
    check: (data) => checkSelfReferral(data, todayIso()),
    send: async (body) => {
      try {
        onSent(await requestJson(`/api/public/schemes/${encodeURIComponent(slug)}/self-referrals`, { method: 'POST', json: body, csrfToken }, selfReferralReceipt));
      } catch (error) {
        if (error instanceof RetryLaterProblem) throw new ApiProblem(429, error.title, tooManyMessage(error.retryAfterSeconds));
        throw error;
      }
    },
  });
  const f = errors.fields;
  const consentErrorId = f.consent === undefined ? undefined : 'consent-error';

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} order={SELF_FIELDS} />
        <PageHeading title={`Refer yourself – ${scheme.name}`}>
          <span className="nhsuk-caption-l">
            {scheme.name}
            <span className="nhsuk-u-visually-hidden"> – </span>
          </span>
          Refer yourself for support
        </PageHeading>
        <p className="nhsuk-body">
          A link worker can help you find local groups, activities and services, for things like feeling lonely, money worries or getting more
          active. Tell us about yourself and a link worker will contact you.
        </p>
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>This form is not for emergencies. If you need help now, call 111. If someone’s life is at risk, call 999.</p>
        </div>
        <form onSubmit={onSubmit} noValidate aria-label="Refer yourself">
          <h2 className="nhsuk-heading-m">About you</h2>
          <TextField name="givenName" label="First name" autoComplete="given-name" error={f.givenName} />
          <TextField name="familyName" label="Last name" autoComplete="family-name" error={f.familyName} />
          <DateInput name="dateOfBirth" legend="Date of birth" hint="For example, 15 3 1984" autoCompleteBirthday error={f.dateOfBirth} />
          <TextField
            name="nhsNumber"
            label="NHS number (optional)"
            hint="If you know it. It is 10 digits, like 943 476 5919. You can find it in the NHS App or on a letter from the NHS."
            inputMode="numeric"
            widthClass="nhsuk-input--width-10"
            spellCheck={false}
            autoComplete="off"
            error={f.nhsNumber}
          />
          <TextField name="postcode" label="Postcode (optional)" autoComplete="postal-code" spellCheck={false} widthClass="nhsuk-input--width-10" error={f.postcode} />

          <h2 className="nhsuk-heading-m">How we can contact you</h2>
          <TextField name="phone" label="Phone number (optional)" hint="For example, 07700 900123" inputMode="tel" autoComplete="tel" widthClass="nhsuk-input--width-20" error={f.phone} />
          <TextField name="email" label="Email address (optional)" type="email" autoComplete="email" spellCheck={false} error={f.email} />
          <ChoiceField type="radio" name="preferredContactMethod" legend="How would you like us to contact you? (optional)" items={CONTACT_OPTIONS} error={f.preferredContactMethod} />
          <TextField name="language" label="What language would you like us to use? (optional)" hint="Leave this blank for English" autoComplete="off" widthClass="nhsuk-u-width-one-half" error={f.language} />
          <ChoiceField
            type="radio"
            name="interpreterNeeded"
            legend="Would you like an interpreter? (optional)"
            items={[
              { value: 'yes', label: 'Yes' },
              { value: 'no', label: 'No' },
            ]}
            error={f.interpreterNeeded}
          />

          <h2 className="nhsuk-heading-m">What you would like help with</h2>
          <ChoiceField
            type="checkbox"
            name="needs"
            legend="What would you like help with?"
            hint="Select all that apply"
            items={scheme.needCategories.map((n) => ({ value: n.code, label: n.label }))}
            error={f.needs}
          />
          <TextArea
            name="whatMatters"
            label="Tell us a little about what matters to you"
            hint="For example, ‘I would like to meet people’ or ‘I am worried about money’. Write as much or as little as you like."
            error={f.whatMatters}
          />
          <TextArea
            name="safeToContact"
            label="Is there anything we should know before we contact you? (optional)"
            hint="For example, if it is not safe to leave a message, or times we should not call"
            rows={3}
            error={f.safeToContact}
          />

          <div className="lw-honeypot" aria-hidden="true">
            <label htmlFor="website">Leave this blank</label>
            <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" />
          </div>

          <div className={f.consent === undefined ? 'nhsuk-form-group' : 'nhsuk-form-group nhsuk-form-group--error'}>
            <fieldset className="nhsuk-fieldset" aria-describedby={describedBy('consent-hint', consentErrorId)}>
              <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">
                <h2 className="nhsuk-fieldset__heading">Keeping your details</h2>
              </legend>
              <div className="nhsuk-hint" id="consent-hint">
                We keep your details safe and use them only to arrange support for you. <Link to="/privacy">How we use your information</Link>
              </div>
              {consentErrorId !== undefined && <ErrorMessage id={consentErrorId}>{f.consent}</ErrorMessage>}
              <div className="nhsuk-checkboxes">
                <div className="nhsuk-checkboxes__item">
                  <input className="nhsuk-checkboxes__input" id="consent" name="consent" type="checkbox" value="yes" />
                  <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor="consent">
                    I agree to {scheme.name} keeping my details and contacting me about support
                  </label>
                </div>
              </div>
            </fieldset>
          </div>

          <button className="nhsuk-button" type="submit" disabled={busy}>
            Send
          </button>
        </form>
      </div>
    </div>
  );
}
