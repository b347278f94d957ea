import { useRef, useState, type ReactNode, type SubmitEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { schemeMeasure, schemeMeasureList, type MeasureDefinition } from '../../../../src/contracts/outcomes.js';
import { useApi, useProblemHandler } from '../../api/useApi.js';
import { ChoiceField } from '../../components/ChoiceField.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { FormSection } from '../../components/FormSection.js';
import { Loading } from '../../components/Loading.js';
import { PageHeading } from '../../components/PageHeading.js';
import { ProblemPage } from '../../components/ProblemPage.js';
import { requestJson } from '../../components/rawRequest.js';
import { TextArea } from '../../components/TextArea.js';
import { TextField } from '../../components/TextField.js';
import { noErrors, type FormErrors } from '../../forms/errors.js';
import { currentSession, useSession } from '../../session/context.js';
import { featuresEditorCannotKeep } from './editable.js';
import { ReadOnlyScale } from './ReadOnlyScale.js';
import { AnswerRows, BandRows, QuestionRows } from './ScaleRowFields.js';
import { fieldOrder, nextItemKey, pathErrors, readScaleForm, rowsOf, type ScaleRows } from './scaleForm.js';
import './outcome-settings.css';

/** /admin/outcome-settings/scales/new: a scheme's own scale, from a starting point of five answers and one question. */
export function NewScalePage(): ReactNode {
  return <ScaleEditor definition={null} />;
}

/** /admin/outcome-settings/scales/:key: change one of the scheme's own scales (standard measures are not the scheme's to change). */
export function EditScalePage(): ReactNode {
  const { key = '' } = useParams();
  const [load] = useApi('/api/outcomes/measures', schemeMeasureList);
  if (load.status === 'error') return <ProblemPage problem={load.problem} />;
  if (load.status === 'loading') {
    return (
      <>
        <PageHeading>Change a scale</PageHeading>
        <Loading />
      </>
    );
  }
  const found = load.data.measures.find((m) => m.definition.key === key);
  if (found?.definition.origin !== 'scheme') {
    return (
      <>
        <PageHeading>This scale cannot be changed here</PageHeading>
        <p className="nhsuk-body">Only your scheme’s own scales can be changed. Standard measures and licensed tools are used as published.</p>
        <p className="nhsuk-body">
          <Link to="/admin/outcome-settings">Go back to outcome settings</Link>
        </p>
      </>
    );
  }
  const cannotKeep = featuresEditorCannotKeep(found.definition);
  if (cannotKeep.length > 0) return <ReadOnlyScale definition={found.definition} reasons={cannotKeep} />;
  return <ScaleEditor definition={found.definition} />;
}

function ScaleEditor({ definition }: { definition: MeasureDefinition | null }): ReactNode {
  const navigate = useNavigate();
  const handle = useProblemHandler();
  const csrfToken = currentSession(useSession().state)?.csrfToken ?? null;
  const rowCount = useRef(0);
  const newRow = (): string => {
    rowCount.current += 1;
    return `r${String(rowCount.current)}`;
  };
  const [rows, setRows] = useState<ScaleRows>(() => rowsOf(definition, newRow));
  // Item keys the scale has had: a new question never takes the key of one removed, so old answers keep their meaning.
  const usedKeys = useRef(new Set<string>(definition?.items.map((i) => i.key) ?? ['q1']));
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const f = errors.fields;
  const heading = definition === null ? 'Add a scale of your own' : `Change ${definition.name}`;

  function onSubmit(event: SubmitEvent<HTMLFormElement>): void {
    event.preventDefault();
    const sent = rows;
    const checked = readScaleForm(new FormData(event.currentTarget), sent, definition?.key ?? null);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setBusy(true);
    const request =
      definition === null
        ? requestJson('/api/outcomes/measures', { method: 'POST', json: checked.value, csrfToken }, schemeMeasure)
        : requestJson(
            `/api/outcomes/measures/${encodeURIComponent(definition.key)}`,
            { method: 'PUT', json: checked.value, csrfToken, headers: { 'If-Match': `"${String(definition.version)}"` } },
            schemeMeasure,
          );
    request.then(
      (saved) => {
        const notice =
          definition === null
            ? `${saved.definition.name} added. To make it due at set times, add it to the schedule below and save.`
            : `${saved.definition.name} saved. Answers given before keep the version they were given on.`;
        void navigate('/admin/outcome-settings', { state: { notice } });
      },
      (error: unknown) => {
        setBusy(false);
        const problem = handle(error);
        if (problem === null) return;
        if (problem.status === 412) {
          setErrors({ detail: 'Someone else changed this scale while you were working on it. Reload the page to see their changes, then make yours again.', fields: {} });
          return;
        }
        if (problem.status === 409) {
          // A new scale's key is taken: say so at the key box. An existing scale has no key box, so the summary says it alone.
          setErrors(definition === null ? { detail: null, fields: { key: problem.detail } } : { detail: problem.detail, fields: {} });
          return;
        }
        setErrors(pathErrors(problem.errors, sent, problem.detail));
      },
    );
  }

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} order={fieldOrder(rows)} />
        <PageHeading>{heading}</PageHeading>
        <p className="nhsuk-body">
          Your scale is answered like the standard ones: every question takes the same answers, and the score is their total or average.
          {definition !== null && ' A change makes a new version: scores recorded before keep the version they were recorded on.'}
        </p>
        <form onSubmit={onSubmit} noValidate aria-label={heading}>
          <FormSection heading="About the scale">
            <TextField name="name" label="Name" hint="For example, Loneliness check." autoComplete="off" defaultValue={definition?.name ?? ''} error={f.name} />
            <TextField name="shortName" label="Short name" hint="Shown on charts and lists. Up to 30 characters." autoComplete="off" widthClass="nhsuk-input--width-20" defaultValue={definition?.shortName ?? ''} error={f.shortName} />
            {definition === null ? (
              <TextField
                name="key"
                label="Key"
                hint="Used in exports and reports, and cannot be changed later. Lower-case letters, digits, - and _, starting with a letter, like loneliness."
                autoComplete="off"
                spellCheck={false}
                code
                widthClass="nhsuk-input--width-20"
                error={f.key}
              />
            ) : (
              <p className="nhsuk-body">
                Key: <code>{definition.key}</code>
              </p>
            )}
            <TextArea name="description" label="What it measures" hint="For link workers and reports." rows={3} defaultValue={definition?.description ?? ''} error={f.description} />
            <TextArea
              name="intro"
              label="Introduction for the person (optional)"
              hint="Shown above the questions, for example ‘Think about the last 2 weeks.’"
              rows={3}
              defaultValue={definition?.intro ?? ''}
              error={f.intro}
            />
          </FormSection>
          <AnswerRows
            rows={rows.answers}
            errors={f}
            busy={busy}
            onAdd={() => {
              const row = newRow();
              setRows((r) => ({ ...r, answers: [...r.answers, { row, value: '', label: '' }] }));
              return row;
            }}
            onRemove={(row) => {
              setRows((r) => ({ ...r, answers: r.answers.filter((a) => a.row !== row) }));
            }}
          />
          <QuestionRows
            rows={rows.items}
            errors={f}
            busy={busy}
            onAdd={() => {
              const row = newRow();
              const itemKey = nextItemKey(usedKeys.current);
              usedKeys.current.add(itemKey);
              setRows((r) => ({ ...r, items: [...r.items, { row, itemKey, text: '' }] }));
              return row;
            }}
            onRemove={(row) => {
              setRows((r) => ({ ...r, items: r.items.filter((i) => i.row !== row) }));
            }}
          />
          <FormSection heading="Scoring">
            <ChoiceField
              type="radio"
              name="scoring"
              legend="How is the score worked out?"
              items={[
                { value: 'sum', label: 'Add up the scores of the answers (total)' },
                { value: 'mean', label: 'Average the scores of the answers (mean)' },
              ]}
              defaultValues={[definition?.scoring.rule ?? 'sum']}
              error={f.scoring}
            />
            <ChoiceField
              type="radio"
              name="direction"
              legend="Which way is better?"
              items={[
                { value: 'higher-better', label: 'A higher score is better' },
                { value: 'lower-better', label: 'A lower score is better' },
              ]}
              defaultValues={[definition?.direction ?? 'higher-better']}
              error={f.direction}
            />
            <TextField
              name="meaningfulChange"
              label="Meaningful change for one person (optional)"
              hint="The smallest change in the score that counts as meaningful, for example 3."
              inputMode="decimal"
              widthClass="nhsuk-input--width-5"
              defaultValue={definition?.meaningfulChange === null || definition === null ? '' : String(definition.meaningfulChange)}
              error={f.meaningfulChange}
            />
          </FormSection>
          <BandRows
            rows={rows.bands}
            errors={f}
            busy={busy}
            onAdd={() => {
              const row = newRow();
              setRows((r) => ({ ...r, bands: [...r.bands, { row, label: '', min: '', max: '' }] }));
              return row;
            }}
            onRemove={(row) => {
              setRows((r) => ({ ...r, bands: r.bands.filter((b) => b.row !== row) }));
            }}
          />
          <ChoiceField
            type="checkbox"
            name="selfCompletion"
            legend="Filling it in"
            items={[{ value: 'yes', label: 'People may fill this in themselves, through a link sent to them' }]}
            defaultValues={definition === null || definition.selfCompletion ? ['yes'] : []}
            error={f.selfCompletion}
          />
          <div className="nhsuk-button-group">
            <button className="nhsuk-button" type="submit" disabled={busy}>
              Save scale
            </button>
            <Link className="nhsuk-link" to="/admin/outcome-settings">
              Cancel
            </Link>
          </div>
        </form>
      </div>
    </div>
  );
}
