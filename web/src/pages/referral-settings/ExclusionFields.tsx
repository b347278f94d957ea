import { useEffect, useRef, useState, type ReactNode } from 'react';
import { FormSection } from '../../components/FormSection.js';
import { TextField } from '../../components/TextField.js';
import type { FormErrors } from '../../forms/errors.js';
import { exclusionFieldId, MAX_EXCLUSIONS, type ExclusionRow } from './settingsForm.js';

/**
 * "Screening questions": the scheme's exclusion questions, each with where to redirect people
 * who answer yes. Adding a question moves focus to its first box (whose legend names it);
 * removing one moves focus to "Add a question" and says, in a live region, which question went.
 */
interface Props {
  rows: readonly ExclusionRow[];
  errors: FormErrors['fields'];
  busy: boolean;
  onAdd: () => string;
  onRemove: (key: string) => void;
}

type FocusTarget = { kind: 'question'; key: string } | { kind: 'add' } | null;

export function ExclusionFields({ rows, errors, busy, onAdd, onRemove }: Props): ReactNode {
  const addRef = useRef<HTMLButtonElement>(null);
  const [focus, setFocus] = useState<FocusTarget>(null);
  const [status, setStatus] = useState('');

  useEffect(() => {
    if (focus === null) return;
    if (focus.kind === 'add') addRef.current?.focus();
    else document.getElementById(exclusionFieldId(focus.key, 'question'))?.focus();
    setFocus(null);
  }, [focus]);

  function add(): void {
    const key = onAdd();
    setStatus('');
    setFocus({ kind: 'question', key });
  }

  function remove(key: string, n: number): void {
    onRemove(key);
    setStatus(`Question ${n} removed`);
    setFocus({ kind: 'add' });
  }

  return (
    <FormSection
      heading="Screening questions"
      id="screening"
      hint="Referrers answer each question yes or no. A yes means the scheme is not the right service, and they are told where to redirect the person instead."
    >
      {rows.length === 0 && <p className="nhsuk-body">There are no screening questions.</p>}
      {rows.map((row, index) => {
        const n = index + 1;
        const questionId = exclusionFieldId(row.key, 'question');
        const redirectId = exclusionFieldId(row.key, 'redirectTo');
        return (
          <fieldset className="nhsuk-fieldset nhsuk-u-margin-bottom-6" key={row.key}>
            <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Question {n}</legend>
            <TextField
              name={questionId}
              label="Question"
              hint={n === 1 ? 'For example, ‘Are they under the care of a community mental health team?’' : undefined}
              autoComplete="off"
              defaultValue={row.question}
              error={errors[questionId]}
            />
            <TextField
              name={redirectId}
              label="If they answer yes, where should they be redirected?"
              hint={n === 1 ? 'For example, ‘Their care coordinator’' : undefined}
              autoComplete="off"
              defaultValue={row.redirectTo}
              error={errors[redirectId]}
            />
            <button
              className="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-0"
              type="button"
              disabled={busy}
              onClick={() => {
                remove(row.key, n);
              }}
            >
              Remove<span className="nhsuk-u-visually-hidden"> question {n}</span>
            </button>
            <hr className="nhsuk-section-break nhsuk-section-break--m nhsuk-section-break--visible" />
          </fieldset>
        );
      })}
      {rows.length < MAX_EXCLUSIONS ? (
        <button className="nhsuk-button nhsuk-button--secondary" type="button" disabled={busy} ref={addRef} onClick={add}>
          Add a question
        </button>
      ) : (
        <p className="nhsuk-body">You can have up to {MAX_EXCLUSIONS} screening questions. Remove one to add another.</p>
      )}
      <p className="nhsuk-u-visually-hidden" aria-live="polite">
        {status}
      </p>
    </FormSection>
  );
}
