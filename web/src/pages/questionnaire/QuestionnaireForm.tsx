import { useState, type ReactNode, type SubmitEvent } from 'react';
import { publicSubmitted, type MeasureAnswers, type PublicQuestionnaire } from '../../../../src/contracts/outcomes.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { PageHeading } from '../../components/PageHeading.js';
import { SuccessBanner } from '../../components/SuccessBanner.js';
import { noErrors, type FormErrors } from '../../forms/errors.js';
import { formatDateTime } from './dates.js';
import { answerProblems, fieldOrder, serverProblems, toFormErrors } from '../outcomes/form/answers.js';
import { MeasureFields } from '../outcomes/form/MeasureFields.js';
import { asQuestionnaireProblem, isGone, postQuestionnaire, saveAnswers, type QuestionnaireProblem } from './api.js';

interface Props {
  token: string;
  questionnaire: PublicQuestionnaire;
  csrfToken: string | null;
  onSent: (schemeName: string) => void;
  /** The link stopped working while the page was open (sent from another tab, expired, revoked). */
  onRefused: (problem: QuestionnaireProblem) => void;
}

const ID_PREFIX = 'q';

/**
 * The questions, with "Send my answers" and "Save and come back later". Saving checks only the
 * answers given (gaps are fine); sending needs every question the scale requires. Problems
 * are shown NHS.UK style: a summary that links to each question, and a message at the question.
 */
export function QuestionnaireForm({ token, questionnaire, csrfToken, onSent, onRefused }: Props): ReactNode {
  const { definition, schemeName } = questionnaire;
  const [answers, setAnswers] = useState<MeasureAnswers>(questionnaire.answers);
  const [itemErrors, setItemErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const [savedAt, setSavedAt] = useState<number | null>(null);

  function show(problems: Record<string, string>, detail: string | null = null): void {
    setItemErrors(problems);
    setSummary(toFormErrors(problems, ID_PREFIX, detail));
  }

  function failed(error: unknown): void {
    const problem = asQuestionnaireProblem(error);
    if (isGone(problem.code) || problem.status === 404) {
      onRefused(problem);
      return;
    }
    // Problems about a question go next to it; anything else (a fault, too many tries) goes in the summary.
    const { items, other } = serverProblems(definition, problem.errors);
    const matched = Object.keys(items).length > 0;
    show(items, other.length > 0 ? other.join(' ') : matched ? null : problem.detail);
  }

  async function run(work: () => Promise<void>): Promise<void> {
    setBusy(true);
    try {
      await work();
    } catch (error) {
      failed(error);
    } finally {
      setBusy(false);
    }
  }

  function save(): void {
    const problems = answerProblems(definition, answers, { partial: true });
    setSavedAt(null);
    if (Object.keys(problems).length > 0) {
      show(problems);
      return;
    }
    void run(async () => {
      await saveAnswers(token, answers, csrfToken);
      show({});
      setSavedAt(Date.now());
    });
  }

  function send(event: SubmitEvent<HTMLFormElement>): void {
    event.preventDefault();
    const problems = answerProblems(definition, answers);
    setSavedAt(null);
    if (Object.keys(problems).length > 0) {
      show(problems);
      return;
    }
    void run(async () => {
      const done = await postQuestionnaire('/api/public/questionnaire/submit', { token, answers }, publicSubmitted, csrfToken);
      onSent(done.schemeName);
    });
  }

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        {savedAt !== null && (
          <SuccessBanner key={savedAt}>Your answers are saved. Open the same link again to carry on, until {formatDateTime(questionnaire.expiresAt)}.</SuccessBanner>
        )}
        <ErrorSummary errors={summary} order={fieldOrder(definition, ID_PREFIX)} />
        <PageHeading title={definition.name}>
          <span className="nhsuk-caption-l">
            {schemeName}
            <span className="nhsuk-u-visually-hidden"> – </span>
          </span>
          {definition.name}
        </PageHeading>
        <p className="nhsuk-body">
          {schemeName} would like to know how you have been. Your answers go to your link worker, to help you both see what is changing.
        </p>
        <p className="nhsuk-body">
          You can save your answers and come back to this link later. It works until {formatDateTime(questionnaire.expiresAt)}.
        </p>
        <form noValidate onSubmit={send}>
          <MeasureFields definition={definition} answers={answers} onChange={setAnswers} errors={itemErrors} idPrefix={ID_PREFIX} />
          <div className="nhsuk-button-group">
            <button className="nhsuk-button" type="submit" disabled={busy}>
              Send my answers
            </button>
            <button className="nhsuk-button nhsuk-button--secondary" type="button" disabled={busy} onClick={save}>
              Save and come back later
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
