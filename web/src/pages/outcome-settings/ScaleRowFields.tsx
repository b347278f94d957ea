import { useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { FormSection } from '../../components/FormSection.js';
import { TextField } from '../../components/TextField.js';
import { answerField, bandField, itemField, type ScaleRows } from './scaleForm.js';

/**
 * The repeating parts of a scale: its answers, its questions and its bands. Adding a row moves
 * focus to its first box; removing one moves focus to the section's "Add" button and says, in
 * a live region, which row went.
 */

type Errors = Partial<Record<string, string>>;

interface SectionProps<Row> {
  rows: readonly Row[];
  errors: Errors;
  busy: boolean;
  onAdd: () => string;
  onRemove: (row: string) => void;
}

function useRowFocus(firstField: (row: string) => string): {
  addRef: RefObject<HTMLButtonElement | null>;
  status: string;
  added: (row: string) => void;
  removed: (message: string) => void;
} {
  const addRef = useRef<HTMLButtonElement>(null);
  const [focus, setFocus] = useState<{ kind: 'row'; row: string } | { kind: 'add' } | null>(null);
  const [status, setStatus] = useState('');
  useEffect(() => {
    if (focus === null) return;
    if (focus.kind === 'add') addRef.current?.focus();
    else document.getElementById(firstField(focus.row))?.focus();
    setFocus(null);
  }, [focus, firstField]);
  return {
    addRef,
    status,
    added: (row) => {
      setStatus('');
      setFocus({ kind: 'row', row });
    },
    removed: (message) => {
      setStatus(message);
      setFocus({ kind: 'add' });
    },
  };
}

function RemoveButton({ label, busy, onClick }: { label: string; busy: boolean; onClick: () => void }): ReactNode {
  return (
    <button className="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-0" type="button" disabled={busy} onClick={onClick}>
      Remove<span className="nhsuk-u-visually-hidden"> {label}</span>
    </button>
  );
}

/** Its id is the section's, so an error about the whole list ("Give at least 2 answers") links to it. */
function AddButton({ id, addRef, busy, onClick, children }: { id: string; addRef: RefObject<HTMLButtonElement | null>; busy: boolean; onClick: () => void; children: ReactNode }): ReactNode {
  return (
    <button className="nhsuk-button nhsuk-button--secondary" id={id} type="button" ref={addRef} disabled={busy} onClick={onClick}>
      {children}
    </button>
  );
}

const firstAnswerField = (row: string): string => answerField(row, 'value');
const firstItemField = (row: string): string => itemField(row);
const firstBandField = (row: string): string => bandField(row, 'label');

export function AnswerRows({ rows, errors, busy, onAdd, onRemove }: SectionProps<ScaleRows['answers'][number]>): ReactNode {
  const focus = useRowFocus(firstAnswerField);
  return (
    <FormSection heading="Answers" id="answers" hint="The answers every question takes, from first to last, and the score each one gives.">
      {errors.answers !== undefined && <ErrorMessage id="answers-error">{errors.answers}</ErrorMessage>}
      {rows.map((answer, index) => (
        <fieldset className="nhsuk-fieldset lw-rows__row" key={answer.row}>
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Answer {index + 1}</legend>
          <TextField name={answerField(answer.row, 'value')} label="Score" inputMode="numeric" widthClass="nhsuk-input--width-4" defaultValue={answer.value} error={errors[answerField(answer.row, 'value')]} />
          <TextField name={answerField(answer.row, 'label')} label="Words" autoComplete="off" defaultValue={answer.label} error={errors[answerField(answer.row, 'label')]} />
          <RemoveButton
            label={`answer ${index + 1}`}
            busy={busy}
            onClick={() => {
              onRemove(answer.row);
              focus.removed(`Answer ${index + 1} removed`);
            }}
          />
        </fieldset>
      ))}
      <AddButton id="answers" addRef={focus.addRef} busy={busy} onClick={() => focus.added(onAdd())}>
        Add an answer
      </AddButton>
      <p className="nhsuk-u-visually-hidden" role="status">
        {focus.status}
      </p>
    </FormSection>
  );
}

export function QuestionRows({ rows, errors, busy, onAdd, onRemove }: SectionProps<ScaleRows['items'][number]>): ReactNode {
  const focus = useRowFocus(firstItemField);
  return (
    <FormSection heading="Questions" id="items" hint="Each question, or statement, the person answers. They are asked in this order.">
      {errors.items !== undefined && <ErrorMessage id="items-error">{errors.items}</ErrorMessage>}
      {rows.map((item, index) => (
        <div className="lw-rows__row" key={item.row}>
          <TextField name={itemField(item.row)} label={`Question ${index + 1}`} autoComplete="off" defaultValue={item.text} error={errors[itemField(item.row)]} />
          <RemoveButton
            label={`question ${index + 1}`}
            busy={busy}
            onClick={() => {
              onRemove(item.row);
              focus.removed(`Question ${index + 1} removed`);
            }}
          />
        </div>
      ))}
      <AddButton id="items" addRef={focus.addRef} busy={busy} onClick={() => focus.added(onAdd())}>
        Add a question
      </AddButton>
      <p className="nhsuk-u-visually-hidden" role="status">
        {focus.status}
      </p>
    </FormSection>
  );
}

export function BandRows({ rows, errors, busy, onAdd, onRemove }: SectionProps<ScaleRows['bands'][number]>): ReactNode {
  const focus = useRowFocus(firstBandField);
  return (
    <FormSection heading="Bands (optional)" id="bands" hint="Named ranges of the score, like ‘Low 7 to 14’. Charts shade them. Both ends are included.">
      {rows.length === 0 && <p className="nhsuk-body">There are no bands.</p>}
      {rows.map((band, index) => (
        <fieldset className="nhsuk-fieldset lw-rows__row" key={band.row}>
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Band {index + 1}</legend>
          <TextField name={bandField(band.row, 'label')} label="Name" autoComplete="off" defaultValue={band.label} error={errors[bandField(band.row, 'label')]} />
          <TextField name={bandField(band.row, 'min')} label="Lowest score" inputMode="decimal" widthClass="nhsuk-input--width-4" defaultValue={band.min} error={errors[bandField(band.row, 'min')]} />
          <TextField name={bandField(band.row, 'max')} label="Highest score" inputMode="decimal" widthClass="nhsuk-input--width-4" defaultValue={band.max} error={errors[bandField(band.row, 'max')]} />
          <RemoveButton
            label={`band ${index + 1}`}
            busy={busy}
            onClick={() => {
              onRemove(band.row);
              focus.removed(`Band ${index + 1} removed`);
            }}
          />
        </fieldset>
      ))}
      <AddButton id="bands" addRef={focus.addRef} busy={busy} onClick={() => focus.added(onAdd())}>
        Add a band
      </AddButton>
      <p className="nhsuk-u-visually-hidden" role="status">
        {focus.status}
      </p>
    </FormSection>
  );
}
