import { useEffect, useMemo, useRef, useState, type ReactNode, type SubmitEvent } from 'react';
import type { ReferralSettingsView } from '../../../../src/contracts/referrals.js';
import { postJson } from '../../api/client.js';
import { useProblemHandler } from '../../api/useApi.js';
import { todayIso } from '../../components/dateParts.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { PageHeading } from '../../components/PageHeading.js';
import { SuccessBanner } from '../../components/SuccessBanner.js';
import { noErrors, type FormErrors } from '../../forms/errors.js';
import { currentSession, useSession } from '../../session/context.js';
import { CommunicationFields, NextOfKinFields } from './CommunicationFields.js';
import { ConsentFields } from './ConsentFields.js';
import { saveDraft, sentReferral, timeOf, type SentReferral } from './drafts.js';
import { EligibilityPanel } from './EligibilityPanel.js';
import { FeedbackFields } from './FeedbackFields.js';
import { checkReferral, FIELD_ORDER, formStateFromData, problemToErrors, screeningRequestFrom, type FormState } from './formState.js';
import { NeedsFields, SafetyFields } from './NeedsFields.js';
import { PersonFields } from './PersonFields.js';
import { useEligibility } from './useEligibility.js';

interface Props {
  settings: ReferralSettingsView;
  practices: readonly { value: string; label: string }[];
  /** What the inputs start with: the defaults, or a draft. Read once, when the form mounts. */
  initial: FormState;
  draftId: string | null;
  onDraftSaved: (id: string) => void;
  onSent: (referral: SentReferral) => void;
}

/**
 * The referral form. Inputs are uncontrolled; the form's state is read from them when needed,
 * so a draft stores exactly what was typed. Sending checks everything first, with the same
 * contract the server uses, and shows every problem at once.
 */
export function ReferralForm({ settings, practices, initial: initialProp, draftId, onDraftSaved, onSent }: Props): ReactNode {
  const [initial] = useState(initialProp);
  const formRef = useRef<HTMLFormElement>(null);
  const handle = useProblemHandler();
  const csrfToken = currentSession(useSession().state)?.csrfToken ?? null;
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<{ key: string; time: string } | null>(null);
  const { eligibility, check, schedule } = useEligibility();
  const exclusionIds = useMemo(() => settings.eligibility.exclusions.map((e) => e.id), [settings]);

  const readState = (): FormState => (formRef.current === null ? initial : formStateFromData(new FormData(formRef.current)));

  // A restored draft may already have a date of birth: check it straight away.
  useEffect(() => {
    schedule(screeningRequestFrom(initial, exclusionIds, true));
  }, [initial, exclusionIds, schedule]);

  async function run(action: () => Promise<void>): Promise<void> {
    setBusy(true);
    try {
      await action();
    } catch (error) {
      const problem = handle(error);
      if (problem !== null) setErrors(problemToErrors(problem));
    } finally {
      setBusy(false);
    }
  }

  function onSubmit(event: SubmitEvent<HTMLFormElement>): void {
    event.preventDefault();
    const checked = checkReferral(readState(), { draftId, exclusionIds, today: todayIso() });
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    void run(async () => {
      onSent(await postJson('/api/referrals', checked.value, sentReferral));
    });
  }

  function onSaveDraft(): void {
    const data = readState();
    void run(async () => {
      const view = await saveDraft(draftId, data, csrfToken);
      setErrors(noErrors);
      setSaved({ key: view.updatedAt, time: timeOf(view.updatedAt) });
      onDraftSaved(view.id);
    });
  }

  function onCheckEligibility(): void {
    const request = screeningRequestFrom(readState(), exclusionIds, false);
    if (request !== null) check(request);
  }

  const f = errors.fields;
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        {saved !== null && <SuccessBanner key={saved.key}>Draft saved at {saved.time}</SuccessBanner>}
        <ErrorSummary errors={errors} order={FIELD_ORDER} />
        <PageHeading>Make a referral</PageHeading>
        <p className="nhsuk-body">Refer someone to the social prescribing scheme. You can save the form as a draft and finish it later.</p>
        <form
          ref={formRef}
          onSubmit={onSubmit}
          onChange={() => {
            schedule(screeningRequestFrom(readState(), exclusionIds, true));
          }}
          noValidate
          aria-label="Referral"
        >
          <PersonFields values={initial} errors={f} practices={practices} />
          <CommunicationFields values={initial} errors={f} />
          <NextOfKinFields values={initial} errors={f} />
          <ConsentFields values={initial} errors={f} />
          <NeedsFields values={initial} errors={f} settings={settings} />
          <EligibilityPanel eligibility={eligibility} onCheck={onCheckEligibility} />
          <SafetyFields values={initial} errors={f} />
          <FeedbackFields values={initial} errors={f} />
          <div className="nhsuk-button-group">
            <button className="nhsuk-button" type="submit" disabled={busy}>
              Send referral
            </button>
            <button className="nhsuk-button nhsuk-button--secondary" type="button" disabled={busy} onClick={onSaveDraft}>
              Save as draft
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
