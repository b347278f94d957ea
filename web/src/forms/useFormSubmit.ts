import { useState, type SubmitEvent } from 'react';
import { asProblem, type ApiProblem } from '../api/problem.js';
import { noErrors, problemToFormErrors, type Checked, type FormErrors } from './errors.js';

interface Options<T> {
  /** Field names in page order; a problem's errors for other fields go in the summary. */
  fields: readonly string[];
  /** Reads the form and checks it; errors stop the submit before anything is sent. */
  check: (data: FormData) => Checked<T>;
  /** Sends the checked values and acts on the answer; a throw shows as errors on the form. */
  send: (value: T) => Promise<void>;
  /** Turns a failure into a problem to show, or null when it has been dealt with (an ended session). */
  toProblem?: (error: unknown) => ApiProblem | null;
}

interface FormSubmit {
  errors: FormErrors;
  busy: boolean;
  onSubmit: (event: SubmitEvent<HTMLFormElement>) => void;
}

/**
 * One form's submit: check the values, send them with the button disabled, and show what went
 * wrong in the error summary and next to the fields. Errors are cleared once a send succeeds.
 */
export function useFormSubmit<T>({ fields, check, send, toProblem = asProblem }: Options<T>): FormSubmit {
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);

  async function submit(form: HTMLFormElement): Promise<void> {
    const checked = check(new FormData(form));
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setBusy(true);
    try {
      await send(checked.value);
      setErrors(noErrors);
    } catch (error) {
      const problem = toProblem(error);
      if (problem !== null) setErrors(problemToFormErrors(problem, fields));
    } finally {
      setBusy(false);
    }
  }

  function onSubmit(event: SubmitEvent<HTMLFormElement>): void {
    event.preventDefault();
    void submit(event.currentTarget); // errors are shown by submit itself
  }

  return { errors, busy, onSubmit };
}
