import { useState, type ReactNode } from 'react';
import type { MeasureAnswers, MeasureDefinition, MeasureItem } from '../../../../../src/contracts/outcomes.js';
import { describedBy, ErrorMessage } from '../../../components/ErrorMessage.js';
import { answerOf, isNumberScale, itemFieldId, optionsFor, parseNumber, scaleAnchors, withName, withValue } from './answers.js';
import { RatingRadios } from './RatingRadios.js';

interface Props {
  definition: MeasureDefinition;
  item: MeasureItem;
  /** The question's number on the page, shown before its text. */
  n: number;
  answers: MeasureAnswers;
  onChange: (next: MeasureAnswers) => void;
  error: string | undefined;
  idPrefix: string;
}

const groupClass = (error: string | undefined): string => (error === undefined ? 'nhsuk-form-group' : 'nhsuk-form-group nhsuk-form-group--error');

const optionalMark = (item: MeasureItem): string => (item.required ? '' : ' (optional)');

/** The ids of a question's hint and error message, each only when there is one to show. */
function hintAndErrorIds(id: string, hint: string | null, error: string | undefined): { hintId: string | undefined; errorId: string | undefined } {
  return { hintId: hint === null ? undefined : `${id}-hint`, errorId: error === undefined ? undefined : `${id}-error` };
}

/** The question as numbered on the page, marked when it may be left out. */
function QuestionText({ n, item }: { n: number; item: MeasureItem }): ReactNode {
  return (
    <>
      {n}. {item.text}
      {optionalMark(item)}
    </>
  );
}

interface HintThenErrorProps {
  hint: string | null;
  hintId: string | undefined;
  error: string | undefined;
  errorId: string | undefined;
}

/** Under a question's legend or label: its hint, then its error message, each when there is one. */
function HintThenError({ hint, hintId, error, errorId }: HintThenErrorProps): ReactNode {
  return (
    <>
      {hint !== null && (
        <div className="nhsuk-hint" id={hintId}>
          {hint}
        </div>
      )}
      {errorId !== undefined && <ErrorMessage id={errorId}>{error}</ErrorMessage>}
    </>
  );
}

/** One question of a measure, as the NHS.UK control its type calls for. */
export function MeasureItemField(props: Props): ReactNode {
  switch (props.item.type) {
    case 'choice':
      return <ChoiceItem {...props} />;
    case 'named-rating':
      return <NamedRatingItem {...props} />;
    case 'number':
      return <NumberItem {...props} />;
    default: {
      const unreachable: never = props.item.type;
      return unreachable;
    }
  }
}

function valueOf(answers: MeasureAnswers, item: MeasureItem): number | null {
  return answerOf(answers.values, item.key) ?? null;
}

/** The hint under a legend: the words at the ends of a number scale, when the scale names them. */
function scaleHint(definition: MeasureDefinition, item: MeasureItem): string | null {
  const options = optionsFor(definition, item);
  return isNumberScale(options) ? scaleAnchors(options) : null;
}

/** The question's rating as radios, holding its answer: the same for a plain choice and a named rating. */
function ItemRating({ id, definition, item, answers, onChange }: Pick<Props, 'definition' | 'item' | 'answers' | 'onChange'> & { id: string }): ReactNode {
  return (
    <RatingRadios
      id={id}
      name={id}
      options={optionsFor(definition, item)}
      value={valueOf(answers, item)}
      onChange={(value) => {
        onChange(withValue(answers, item.key, value));
      }}
    />
  );
}

function ChoiceItem({ definition, item, n, answers, onChange, error, idPrefix }: Props): ReactNode {
  const id = itemFieldId(idPrefix, item.key);
  const hint = scaleHint(definition, item);
  const { hintId, errorId } = hintAndErrorIds(id, hint, error);
  return (
    <div className={groupClass(error)}>
      <fieldset className="nhsuk-fieldset" aria-describedby={describedBy(hintId, errorId)}>
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
          <QuestionText n={n} item={item} />
        </legend>
        <HintThenError hint={hint} hintId={hintId} error={error} errorId={errorId} />
        <ItemRating id={id} definition={definition} item={item} answers={answers} onChange={onChange} />
      </fieldset>
    </div>
  );
}

/** A name the person gives ("What is your concern?") and the rating of it, as one group. */
function NamedRatingItem({ definition, item, n, answers, onChange, error, idPrefix }: Props): ReactNode {
  const id = itemFieldId(idPrefix, item.key);
  const hint = scaleHint(definition, item);
  const { hintId, errorId } = hintAndErrorIds(id, hint, error);
  const inputClass = error === undefined ? 'nhsuk-input' : 'nhsuk-input nhsuk-input--error';
  return (
    <div className={groupClass(error)}>
      {errorId !== undefined && <ErrorMessage id={errorId}>{error}</ErrorMessage>}
      <div className="nhsuk-form-group">
        <label className="nhsuk-label nhsuk-label--s" htmlFor={id}>
          {n}. {item.namePrompt ?? 'What is this about?'}
          {item.namePrompt === undefined ? optionalMark(item) : ''}
        </label>
        <input
          className={inputClass}
          id={id}
          name={id}
          type="text"
          maxLength={200}
          value={answerOf(answers.names, item.key) ?? ''}
          onChange={(event) => {
            onChange(withName(answers, item.key, event.target.value));
          }}
          aria-describedby={errorId}
        />
      </div>
      <fieldset className="nhsuk-fieldset" aria-describedby={describedBy(hintId, errorId)}>
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{item.text}</legend>
        <HintThenError hint={hint} hintId={hintId} error={undefined} errorId={undefined} />
        <ItemRating id={`${id}-rating`} definition={definition} item={item} answers={answers} onChange={onChange} />
      </fieldset>
    </div>
  );
}

function rangeHint(item: MeasureItem): string | null {
  const whole = (item.decimals ?? 0) === 0 ? 'a whole number' : 'a number';
  if (item.min !== undefined && item.max !== undefined) return `Enter ${whole} from ${item.min} to ${item.max}`;
  if (item.min !== undefined) return `Enter ${whole} of ${item.min} or more`;
  if (item.max !== undefined) return `Enter ${whole} of ${item.max} or less`;
  return null;
}

/**
 * A number typed in. What is typed is kept as typed ("4." on the way to "4.5"); the answers get
 * the number once it reads as one, and no answer while it does not, so the check asks again.
 */
function NumberItem({ item, n, answers, onChange, error, idPrefix }: Props): ReactNode {
  const id = itemFieldId(idPrefix, item.key);
  const stored = valueOf(answers, item);
  const [text, setText] = useState(stored === null ? '' : String(stored));
  const typed = parseNumber(text);
  // Answers replaced from outside (a saved response loaded, a reset) show through; half-typed text stays.
  const shown = typed === stored || (stored === null && typed === null) ? text : stored === null ? '' : String(stored);
  const hint = rangeHint(item);
  const { hintId, errorId } = hintAndErrorIds(id, hint, error);
  const decimals = (item.decimals ?? 0) > 0;
  return (
    <div className={groupClass(error)}>
      <label className="nhsuk-label nhsuk-label--s" htmlFor={id}>
        <QuestionText n={n} item={item} />
      </label>
      <HintThenError hint={hint} hintId={hintId} error={error} errorId={errorId} />
      <input
        className={error === undefined ? 'nhsuk-input nhsuk-input--width-5' : 'nhsuk-input nhsuk-input--width-5 nhsuk-input--error'}
        id={id}
        name={id}
        type="text"
        inputMode={decimals ? 'decimal' : 'numeric'}
        autoComplete="off"
        spellCheck={false}
        value={shown}
        onChange={(event) => {
          setText(event.target.value);
          onChange(withValue(answers, item.key, parseNumber(event.target.value)));
        }}
        aria-describedby={describedBy(hintId, errorId)}
      />
    </div>
  );
}
