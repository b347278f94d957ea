import { useState, type ReactNode, type SubmitEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import {
  measureResponse,
  type DueMeasure,
  type MeasureAnswers,
  type MeasureDefinition,
  type OutcomeSettings,
  type RecordResponseInput,
} from '../../../../src/contracts/outcomes.js';
import { postJson } from '../../api/client.js';
import { useProblemHandler } from '../../api/useApi.js';
import { DateInput } from '../../components/DateInput.js';
import { partsOf, todayIso } from '../../components/dateParts.js';
import { describedBy, ErrorMessage } from '../../components/ErrorMessage.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { fieldName, formText, hasErrors, noErrors, type FormErrors } from '../../forms/errors.js';
import { answerProblems, emptyAnswers, fieldOrder, toFormErrors } from './form/answers.js';
import { MeasureFields } from './form/MeasureFields.js';
import { checkCompletedOn, chosenReferral, completedAtOf, modesFor, scoreText, timepointsFor, type RecordMode, type ReferralChoice } from './forms.js';
import { MeasureTimepointFields } from './MeasureTimepointFields.js';

/**
 * The form behind "Complete a measure": which measure and timepoint, how it was completed (with
 * the date for a paper form or an outside score), then the questions. Answers are checked here in
 * words about each question before anything is sent; the server's own item problems come back
 * next to the same questions.
 */
const FIELDS = { measureKey: 'measure', timepoint: 'timepoint', referralId: 'referral', mode: 'mode', completedAt: 'completedOn' } as const;
const ANSWER_PREFIX = 'answer';

const MODE_TEXT: Record<RecordMode, { label: string; hint: string }> = {
  'with-worker': { label: 'With me, on this device', hint: 'They answer the questions with you now, on a tablet or computer.' },
  paper: { label: 'On a paper form', hint: 'You enter the answers from a form they filled in.' },
  external: { label: 'Score obtained elsewhere', hint: 'You enter the score from an assessment done under the scheme’s own licence.' },
};

interface Props {
  personId: string;
  name: string;
  measures: readonly MeasureDefinition[];
  schedule: OutcomeSettings['schedule'] | null;
  due: readonly DueMeasure[];
  referrals: readonly ReferralChoice[];
}

export function RecordMeasureForm({ personId, name, measures, schedule, due, referrals }: Props): ReactNode {
  const navigate = useNavigate();
  const handle = useProblemHandler();
  const [measureKey, setMeasureKey] = useState(measures[0]?.key ?? '');
  const [mode, setMode] = useState<RecordMode | null>(null);
  const [answers, setAnswers] = useState<MeasureAnswers>(emptyAnswers);
  const [itemErrors, setItemErrors] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const definition = measures.find((m) => m.key === measureKey) ?? measures[0];
  if (definition === undefined) return null;
  const modes = modesFor(definition);
  const choices = timepointsFor(schedule, definition.key);
  const order = [FIELDS.measureKey, FIELDS.timepoint, FIELDS.referralId, FIELDS.mode, FIELDS.completedAt, ...fieldOrder(definition, ANSWER_PREFIX)];
  const dated = mode === 'paper' || mode === 'external';

  function chooseMeasure(key: string): void {
    setMeasureKey(key);
    setAnswers(emptyAnswers());
    setItemErrors({});
    setErrors(noErrors);
    const next = measures.find((m) => m.key === key);
    if (next !== undefined && mode !== null && !modesFor(next).includes(mode)) setMode(null);
  }

  /** Server problems next to their fields: item paths by item key, the rest by form field. */
  function showProblem(error: unknown): void {
    const problem = handle(error);
    if (problem === null || definition === undefined) return;
    const items: Record<string, string> = {};
    const fields: Partial<Record<string, string>> = {};
    const other: string[] = [];
    const keys = new Set(definition.items.map((i) => i.key));
    const formFields: Readonly<Record<string, string>> = FIELDS;
    for (const { field, message } of problem.errors) {
      const last = fieldName(field);
      const formField = formFields[last];
      if (keys.has(last)) items[last] ??= message;
      else if (formField !== undefined) fields[formField] ??= message;
      else other.push(message);
    }
    setItemErrors(items);
    const detail = other.length > 0 ? other.join('. ') : Object.keys(items).length + Object.keys(fields).length === 0 ? problem.detail : null;
    setErrors({ detail, fields: { ...fields, ...toFormErrors(items, ANSWER_PREFIX).fields } });
  }

  async function submit(form: HTMLFormElement): Promise<void> {
    if (definition === undefined) return;
    const data = new FormData(form);
    const fields: Partial<Record<string, string>> = {};
    let completedAt: string | undefined;
    if (mode === null) fields[FIELDS.mode] = 'Select how the measure was completed';
    if (dated) {
      const today = todayIso();
      const date = checkCompletedOn(partsOf(Object.fromEntries(data), FIELDS.completedAt), today);
      if (date.ok) completedAt = completedAtOf(date.iso, today);
      else fields[FIELDS.completedAt] = date.message;
    }
    const problems = answerProblems(definition, answers);
    const checked: FormErrors = { detail: null, fields: { ...fields, ...toFormErrors(problems, ANSWER_PREFIX).fields } };
    setItemErrors(problems);
    if (hasErrors(checked) || mode === null) {
      setErrors(checked);
      return;
    }
    const body: RecordResponseInput = {
      measureKey: definition.key,
      referralId: chosenReferral(referrals, formText(data, FIELDS.referralId)),
      timepoint: formText(data, FIELDS.timepoint),
      mode,
      answers,
      ...(completedAt === undefined ? {} : { completedAt }),
    };
    setBusy(true);
    try {
      const saved = await postJson(`/api/people/${encodeURIComponent(personId)}/measures`, body, measureResponse);
      const scoreLabel = definition.scoring.rule === 'sum-table' ? definition.scoring.convertedLabel : 'Score';
      const score = saved.score === null || saved.score.headline === null ? '' : ` ${scoreLabel}: ${scoreText(saved, {})}.`;
      void navigate(`/people/${personId}/outcomes`, { state: { message: `The ${saved.measureName} answers have been saved.${score}` } });
    } catch (error) {
      showProblem(error);
    } finally {
      setBusy(false);
    }
  }

  function onSubmit(event: SubmitEvent<HTMLFormElement>): void {
    event.preventDefault();
    void submit(event.currentTarget); // submit shows its own errors
  }

  const modeError = errors.fields[FIELDS.mode];
  const modeErrorId = modeError === undefined ? undefined : `${FIELDS.mode}-error`;
  return (
    <>
      <ErrorSummary errors={errors} order={order} />
      <form onSubmit={onSubmit} noValidate aria-label={`Complete a measure with ${name}`}>
        <MeasureTimepointFields
          fields={FIELDS}
          measures={measures}
          measureKey={definition.key}
          onMeasureChange={chooseMeasure}
          timepoints={choices}
          due={due}
          referrals={referrals}
          errors={errors}
        />
        <div className={modeError === undefined ? 'nhsuk-form-group' : 'nhsuk-form-group nhsuk-form-group--error'}>
          <fieldset className="nhsuk-fieldset" aria-describedby={describedBy(modeErrorId)}>
            <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">How was it completed?</legend>
            {modeErrorId !== undefined && <ErrorMessage id={modeErrorId}>{modeError}</ErrorMessage>}
            <div className="nhsuk-radios">
              {modes.map((m, index) => {
                const id = index === 0 ? FIELDS.mode : `${FIELDS.mode}-${m}`;
                return (
                  <div className="nhsuk-radios__item" key={m}>
                    <input
                      className="nhsuk-radios__input"
                      id={id}
                      name={FIELDS.mode}
                      type="radio"
                      value={m}
                      checked={mode === m}
                      aria-describedby={`${id}-item-hint`}
                      onChange={() => {
                        setMode(m);
                      }}
                    />
                    <label className="nhsuk-label nhsuk-radios__label" htmlFor={id}>
                      {MODE_TEXT[m].label}
                    </label>
                    <div className="nhsuk-hint nhsuk-radios__hint" id={`${id}-item-hint`}>
                      {MODE_TEXT[m].hint}
                    </div>
                  </div>
                );
              })}
            </div>
          </fieldset>
        </div>
        {dated && (
          <DateInput
            name={FIELDS.completedAt}
            legend={mode === 'paper' ? 'When did they fill in the form?' : 'When was the score obtained?'}
            hint="For example, 15 3 2026"
            error={errors.fields[FIELDS.completedAt]}
          />
        )}
        <h2 className="nhsuk-heading-m">{definition.name}</h2>
        <p className="nhsuk-body">{definition.description}</p>
        <MeasureFields
          definition={definition}
          answers={answers}
          onChange={(next) => {
            setAnswers(next);
          }}
          errors={itemErrors}
          idPrefix={ANSWER_PREFIX}
        />
        <button className="nhsuk-button" type="submit" disabled={busy}>
          Save the answers
        </button>
      </form>
    </>
  );
}
