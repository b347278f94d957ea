import { useMemo, useRef, useState, type ReactNode, type SubmitEvent } from 'react';
import { referralSettings, type ReferralSettingsView } from '../../../../src/contracts/referrals.js';
import { useProblemHandler } from '../../api/useApi.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { PageHeading } from '../../components/PageHeading.js';
import { requestJson } from '../../components/rawRequest.js';
import { SuccessBanner } from '../../components/SuccessBanner.js';
import { noErrors, type FormErrors } from '../../forms/errors.js';
import { currentSession, useSession } from '../../session/context.js';
import { ExclusionFields } from './ExclusionFields.js';
import { SelfReferralFields, TargetFields, WhoFields, type PracticeOption } from './SettingsFields.js';
import {
  checkSettings,
  exclusionFieldId,
  fieldOrder,
  formStateFromSettings,
  newExclusionRow,
  problemToSettingsErrors,
  readSettingsForm,
  savedExclusionRows,
  type ExclusionRow,
} from './settingsForm.js';

interface Props {
  initial: ReferralSettingsView;
  practices: readonly PracticeOption[];
}

/**
 * The referral settings form. Inputs are uncontrolled and read when saving; only the list of
 * screening questions is state, so questions can be added and removed. Saving sends every
 * setting at once, then shows what the server saved (new questions now have their ids).
 */
export function ReferralSettingsForm({ initial, practices }: Props): ReactNode {
  const handle = useProblemHandler();
  const session = currentSession(useSession().state);
  const csrfToken = session?.csrfToken ?? null;
  const [settings, setSettings] = useState(initial);
  // Bumped after a save so the inputs start again from what was saved.
  const [version, setVersion] = useState(0);
  const [rows, setRows] = useState<ExclusionRow[]>(() => savedExclusionRows(initial.eligibility.exclusions));
  const nextRow = useRef(1);
  // Ids questions have had, so a new question never takes a removed one's id.
  const knownIds = useRef(new Set(initial.eligibility.exclusions.map((e) => e.id)));
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<number | null>(null);
  const values = useMemo(() => formStateFromSettings(settings), [settings]);

  function onAdd(): string {
    const row = newExclusionRow(nextRow.current);
    nextRow.current += 1;
    setRows((current) => [...current, row]);
    return row.key;
  }

  function onRemove(key: string): void {
    setRows((current) => current.filter((r) => r.key !== key));
    const gone = [exclusionFieldId(key, 'question'), exclusionFieldId(key, 'redirectTo')];
    setErrors((current) => ({ ...current, fields: Object.fromEntries(Object.entries(current.fields).filter(([field]) => !gone.includes(field))) }));
  }

  function onSaved(result: ReferralSettingsView): void {
    for (const e of result.eligibility.exclusions) knownIds.current.add(e.id);
    setSettings(result);
    setRows(savedExclusionRows(result.eligibility.exclusions));
    setVersion((n) => n + 1);
    setErrors(noErrors);
    setSaved((n) => (n ?? 0) + 1);
  }

  function onSubmit(event: SubmitEvent<HTMLFormElement>): void {
    event.preventDefault();
    setSaved(null);
    const sent = rows;
    const checked = checkSettings(readSettingsForm(new FormData(event.currentTarget), sent), [...knownIds.current]);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setBusy(true);
    requestJson('/api/referral-settings', { method: 'PUT', json: checked.value, csrfToken }, referralSettings).then(
      (result) => {
        setBusy(false);
        onSaved(result);
      },
      (error: unknown) => {
        setBusy(false);
        const problem = handle(error);
        if (problem !== null) setErrors(problemToSettingsErrors(problem, sent));
      },
    );
  }

  const schemeName = session?.membership?.schemeName ?? 'your scheme';
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        {saved !== null && <SuccessBanner key={`saved-${String(saved)}`}>Referral settings saved</SuccessBanner>}
        <ErrorSummary errors={errors} order={fieldOrder(rows)} />
        <PageHeading>Referral settings</PageHeading>
        <p className="nhsuk-body">
          Decide who can be referred to {schemeName}, what referrers are asked, and the scheme’s targets. Referrers see whether someone meets these
          rules, but can still send a referral that does not: a link worker decides.
        </p>
        <form key={`form-${String(version)}`} onSubmit={onSubmit} noValidate aria-label="Referral settings">
          <WhoFields values={values} errors={errors.fields} practices={practices} needCategories={settings.needCategories} />
          <ExclusionFields rows={rows} errors={errors.fields} busy={busy} onAdd={onAdd} onRemove={onRemove} />
          <TargetFields values={values} errors={errors.fields} />
          <SelfReferralFields values={values} errors={errors.fields} />
          <button className="nhsuk-button" type="submit" disabled={busy}>
            Save settings
          </button>
        </form>
      </div>
    </div>
  );
}
