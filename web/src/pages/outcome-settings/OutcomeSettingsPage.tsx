import { useEffect, useState, type ReactNode, type SubmitEvent } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { outcomeSettings, schemeMeasureList, type OutcomeSettings, type SchemeMeasure } from '../../../../src/contracts/outcomes.js';
import { useApi, useProblemHandler } from '../../api/useApi.js';
import { ButtonLink } from '../../components/ButtonLink.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { FormSection } from '../../components/FormSection.js';
import { Loading } from '../../components/Loading.js';
import { PageHeading } from '../../components/PageHeading.js';
import { ProblemPage } from '../../components/ProblemPage.js';
import { requestJson } from '../../components/rawRequest.js';
import { SuccessBanner } from '../../components/SuccessBanner.js';
import { TextField } from '../../components/TextField.js';
import { noErrors, type FormErrors } from '../../forms/errors.js';
import { currentSession, useSession } from '../../session/context.js';
import { MeasureSwitches, ThresholdFields } from './MeasureSwitches.js';
import { ScheduleFields } from './ScheduleFields.js';
import { fieldOrder, readSettingsForm, settingsProblemErrors } from './settingsForm.js';
import './outcome-settings.css';

/** What the scale editor saved, passed in the location's state when it brings the user back here. */
function noticeOf(state: unknown): string | null {
  if (typeof state !== 'object' || state === null || !('notice' in state)) return null;
  return typeof state.notice === 'string' ? state.notice : null;
}

/** The two settings counted in whole days, as the same kind of box. */
const DAYS_FIELDS: readonly { name: 'overdueAfterDays' | 'linkExpiryDays'; label: string; hint: string }[] = [
  { name: 'overdueAfterDays', label: 'Days after a measure is due before it shows as overdue', hint: 'From 1 to 90 days.' },
  { name: 'linkExpiryDays', label: 'Days a questionnaire link works', hint: 'From 1 to 60 days. A link also stops working once the person sends their answers.' },
];

/**
 * /admin/outcome-settings (scheme managers and administrators): which measures the scheme uses,
 * its thresholds for a meaningful change, when measures fall due, and how long links last. A
 * save sends the version read (If-Match), so a change someone made since is never overwritten.
 */
export function OutcomeSettingsPage(): ReactNode {
  const [settings, reloadSettings] = useApi('/api/outcomes/settings', outcomeSettings);
  const [measures] = useApi('/api/outcomes/measures', schemeMeasureList);
  const location = useLocation();
  const navigate = useNavigate();
  // The scale editor's notice is shown once: kept here, and cleared from history so a reload or Back does not repeat it.
  const [arrived] = useState(() => noticeOf(location.state as unknown));
  const hasState = location.state !== null && location.state !== undefined;
  useEffect(() => {
    if (hasState) void navigate({ pathname: location.pathname, search: location.search, hash: location.hash }, { replace: true, state: null });
  }, [hasState, navigate, location.pathname, location.search, location.hash]);
  // Counts saves: each remounts the form from what the server now holds, under a new banner.
  const [saves, setSaves] = useState(0);

  if (settings.status === 'error') return <ProblemPage problem={settings.problem} />;
  if (measures.status === 'error') return <ProblemPage problem={measures.problem} />;
  if (settings.status === 'loading' || measures.status === 'loading') {
    return (
      <>
        <PageHeading>Outcome settings</PageHeading>
        <Loading />
      </>
    );
  }
  return (
    <SettingsForm
      key={`${String(settings.data.version)}-${String(saves)}`}
      settings={settings.data}
      measures={measures.data.measures}
      notice={saves > 0 ? 'Outcome settings saved' : arrived}
      onSaved={() => {
        setSaves((n) => n + 1);
        reloadSettings();
      }}
    />
  );
}

interface FormProps {
  settings: OutcomeSettings;
  measures: readonly SchemeMeasure[];
  notice: string | null;
  onSaved: () => void;
}

function SettingsForm({ settings, measures, notice, onSaved }: FormProps): ReactNode {
  const handle = useProblemHandler();
  const csrfToken = currentSession(useSession().state)?.csrfToken ?? null;
  const [rows, setRows] = useState<string[]>(() => settings.schedule.map((e) => e.measureKey));
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const order = fieldOrder(measures, rows);

  function onSubmit(event: SubmitEvent<HTMLFormElement>): void {
    event.preventDefault();
    const checked = readSettingsForm(new FormData(event.currentTarget), measures, rows);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setBusy(true);
    requestJson('/api/outcomes/settings', { method: 'PUT', json: checked.value, csrfToken, headers: { 'If-Match': `"${String(settings.version)}"` } }, outcomeSettings).then(
      () => {
        setBusy(false);
        setErrors(noErrors);
        onSaved();
      },
      (error: unknown) => {
        setBusy(false);
        const problem = handle(error);
        if (problem === null) return;
        if (problem.status === 412) {
          setErrors({ detail: 'Someone else changed these settings while you were working on them. Reload the page to see their changes, then make yours again.', fields: {} });
          return;
        }
        setErrors(settingsProblemErrors(problem, order));
      },
    );
  }

  return (
    <>
      {notice !== null && <SuccessBanner key={notice}>{notice}</SuccessBanner>}
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <ErrorSummary errors={errors} order={order} />
          <PageHeading>Outcome settings</PageHeading>
          <p className="nhsuk-body">Choose the wellbeing measures your scheme uses, when link workers use them, and what counts as a meaningful change.</p>
          <ButtonLink to="/admin/outcome-settings/scales/new" secondary>
            Add a scale of your own
          </ButtonLink>
          <form onSubmit={onSubmit} noValidate aria-label="Outcome settings">
            <MeasureSwitches measures={measures} settings={settings} />
            <ThresholdFields measures={measures} settings={settings} errors={errors.fields} />
            <ScheduleFields
              measures={measures}
              saved={settings.schedule}
              rows={rows}
              errors={errors.fields}
              busy={busy}
              onAdd={(key) => {
                setRows((current) => [...current, key]);
              }}
              onRemove={(key) => {
                setRows((current) => current.filter((k) => k !== key));
              }}
            />
            <FormSection heading="Due, overdue and links" id="timing">
              {DAYS_FIELDS.map(({ name, label, hint }) => (
                <TextField
                  key={name}
                  name={name}
                  label={label}
                  hint={hint}
                  inputMode="numeric"
                  widthClass="nhsuk-input--width-3"
                  defaultValue={String(settings[name])}
                  error={errors.fields[name]}
                />
              ))}
            </FormSection>
            <button className="nhsuk-button" type="submit" disabled={busy}>
              Save settings
            </button>
          </form>
        </div>
      </div>
    </>
  );
}
