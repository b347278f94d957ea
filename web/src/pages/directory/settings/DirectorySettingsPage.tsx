import { useState, type ReactNode, type SubmitEvent } from 'react';
import { z } from 'zod';
import { directorySettings, type DirectorySettings } from '../../../../../src/contracts/directory.js';
import { referralSettings } from '../../../../../src/contracts/referrals.js';
import { useApi, useProblemHandler } from '../../../api/useApi.js';
import { ErrorSummary } from '../../../components/ErrorSummary.js';
import { Loading } from '../../../components/Loading.js';
import { PageHeading } from '../../../components/PageHeading.js';
import { ProblemPage } from '../../../components/ProblemPage.js';
import { SuccessBanner } from '../../../components/SuccessBanner.js';
import { TextField } from '../../../components/TextField.js';
import { noErrors, type FormErrors } from '../../../forms/errors.js';
import { useDirectorySend } from '../api.js';
import { useFacets } from '../facets.js';
import { readSettingsForm, SETTINGS_FIELDS, settingsProblem } from './settingsForm.js';

/**
 * /admin/directory-settings (scheme manager): when a listing counts as out of date, the area the
 * scheme covers (for the reverse directory), how community groups reach the scheme, and which
 * directory categories meet each need (so "Suggest services" can match a person's needs).
 */
export function DirectorySettingsPage(): ReactNode {
  const [load, reload] = useApi('/api/directory/settings', directorySettings);
  const facets = useFacets();
  const [referral] = useApi('/api/referral-settings', referralSettings);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(0);
  const send = useDirectorySend();
  const handle = useProblemHandler();

  if (load.status === 'error') return <ProblemPage problem={load.problem} />;
  if (load.status === 'loading') {
    return (
      <>
        <PageHeading>Directory settings</PageHeading>
        <Loading />
      </>
    );
  }
  const settings = load.data;
  const needs = facets !== null && facets.needs.length > 0 ? facets.needs : referral.status === 'ok' ? referral.data.needCategories : [];
  const terms = facets?.terms ?? [];

  async function save(form: HTMLFormElement): Promise<void> {
    const checked = readSettingsForm(new FormData(form), settings, terms.length > 0 ? needs.map((n) => n.code) : []);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setBusy(true);
    try {
      await send('PUT', '/api/directory/settings', checked.value, z.unknown());
      setErrors(noErrors);
      setSaved((n) => n + 1);
      reload();
    } catch (thrown) {
      const problem = handle(thrown);
      if (problem !== null) setErrors(settingsProblem(problem));
    } finally {
      setBusy(false);
    }
  }

  function onSubmit(event: SubmitEvent<HTMLFormElement>): void {
    event.preventDefault();
    void save(event.currentTarget);
  }

  return (
    <>
      {saved > 0 && <SuccessBanner key={saved}>Directory settings saved</SuccessBanner>}
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <ErrorSummary errors={errors} order={SETTINGS_FIELDS} />
          <PageHeading>Directory settings</PageHeading>
          <SettingsForm key={JSON.stringify(settings)} settings={settings} needs={needs} terms={terms} errors={errors} busy={busy} onSubmit={onSubmit} />
        </div>
      </div>
    </>
  );
}

interface FormProps {
  settings: DirectorySettings;
  needs: readonly { code: string; label: string }[];
  terms: readonly { id: string; name: string; taxonomy: string | null }[];
  errors: FormErrors;
  busy: boolean;
  onSubmit: (event: SubmitEvent<HTMLFormElement>) => void;
}

function SettingsForm({ settings, needs, terms, errors, busy, onSubmit }: FormProps): ReactNode {
  const f = errors.fields;
  const area = settings.area;
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Directory settings">
      <TextField
        name="staleAfterDays"
        label="Mark a listing as out of date after this many days without a check"
        hint="Between 7 and 3650 days. Link workers see a warning on listings nobody has checked for longer."
        inputMode="numeric"
        widthClass="nhsuk-input--width-4"
        defaultValue={String(settings.staleAfterDays)}
        error={f.staleAfterDays}
      />
      <h2 className="nhsuk-heading-m">The area your scheme covers</h2>
      <p className="nhsuk-body">Community groups in this area see your scheme and its link workers on their “Who covers your area” page.</p>
      <TextField name="areaDescription" label="Name of the area (optional)" hint="For example, North Leeds." defaultValue={area?.description ?? ''} error={f.areaDescription} />
      <TextField name="latitude" label="Latitude of the centre" hint="For example 53.8150. Leave the three boxes empty if you do not want to be listed." inputMode="decimal" widthClass="nhsuk-input--width-10" defaultValue={area === null ? '' : String(area.latitude)} error={f.latitude} />
      <TextField name="longitude" label="Longitude of the centre" hint="For example -1.5340." inputMode="decimal" widthClass="nhsuk-input--width-10" defaultValue={area === null ? '' : String(area.longitude)} error={f.longitude} />
      <TextField name="radiusKm" label="Distance covered, in kilometres" inputMode="decimal" widthClass="nhsuk-input--width-4" defaultValue={area === null ? '' : String(area.radiusKm)} error={f.radiusKm} />
      <h2 className="nhsuk-heading-m">How groups contact your scheme</h2>
      <TextField name="contactEmail" label="Email address (optional)" type="email" defaultValue={settings.contactEmail ?? ''} error={f.contactEmail} spellCheck={false} />
      <TextField name="contactPhone" label="Phone number (optional)" inputMode="tel" widthClass="nhsuk-input--width-20" defaultValue={settings.contactPhone ?? ''} error={f.contactPhone} />
      <h2 className="nhsuk-heading-m">Categories that meet each need</h2>
      <p className="nhsuk-body">“Suggest services” on a person’s record looks for listings in these categories for each need in their referral.</p>
      {terms.length === 0 ? (
        <p className="nhsuk-body">The directory has no categories yet. Import listings first.</p>
      ) : (
        needs.map((need) => {
          const chosen = settings.needTerms[need.code] ?? [];
          return (
            <details className="nhsuk-details" key={need.code}>
              <summary className="nhsuk-details__summary">
                <span className="nhsuk-details__summary-text">
                  {need.label} ({chosen.length} chosen)
                </span>
              </summary>
              <div className="nhsuk-details__text">
                <fieldset className="nhsuk-fieldset">
                  <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Categories for {need.label.toLowerCase()}</legend>
                  <div className="nhsuk-checkboxes nhsuk-checkboxes--small">
                    {terms.map((term, index) => {
                      const id = `need-${need.code}-${index}`;
                      return (
                        <div className="nhsuk-checkboxes__item" key={term.id}>
                          <input className="nhsuk-checkboxes__input" id={id} name={`need-${need.code}`} type="checkbox" value={term.id} defaultChecked={chosen.includes(term.id)} />
                          <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={id}>
                            {term.name}
                            {term.taxonomy !== null && <span className="nhsuk-u-secondary-text-colour"> ({term.taxonomy})</span>}
                          </label>
                        </div>
                      );
                    })}
                  </div>
                </fieldset>
              </div>
            </details>
          );
        })
      )}
      <button className="nhsuk-button" type="submit" disabled={busy}>
        Save settings
      </button>
    </form>
  );
}
