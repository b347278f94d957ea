import { useEffect, useState, type ReactNode } from 'react';
import { useLocation } from 'react-router-dom';
import { publicQuestionnaire, type PublicQuestionnaire } from '../../../../src/contracts/outcomes.js';
import { ConfirmationPanel } from '../../components/ConfirmationPanel.js';
import { Loading } from '../../components/Loading.js';
import { currentSession, useSession } from '../../session/context.js';
import { asQuestionnaireProblem, isGone, postQuestionnaire, tokenFromHash, type GoneCode, type QuestionnaireProblem } from './api.js';
import { CannotLoad, CannotReach, GoneMessage, UnknownLink } from './messages.js';
import { QuestionnaireForm } from './QuestionnaireForm.js';

type View =
  | { status: 'loading' }
  | { status: 'open'; questionnaire: PublicQuestionnaire }
  | { status: 'sent'; schemeName: string }
  | { status: 'gone'; code: GoneCode }
  | { status: 'unknown' }
  /** The service could not be reached at all; nothing has been shown yet, so there are no answers on the page. */
  | { status: 'offline' }
  | { status: 'error'; detail: string };

/** What a refusal means for the person: a link that has ended, one we do not know, or a fault. */
export function viewOfProblem(problem: QuestionnaireProblem): View {
  if (isGone(problem.code)) return { status: 'gone', code: problem.code };
  // 400: the hash is not even the shape of a token (cut short when copied); 404: no such link.
  if (problem.status === 404 || problem.status === 400) return { status: 'unknown' };
  if (problem.code === 'network') return { status: 'offline' };
  return { status: 'error', detail: problem.detail };
}

/**
 * /questionnaire#<token>, public: the person's one-time link. It shows the scheme's name and
 * the questionnaire, nothing else about anyone. The token stays in the hash, so a reload picks
 * up the saved answers, and it only ever leaves the browser in a request body.
 */
export function QuestionnairePage(): ReactNode {
  const { hash } = useLocation();
  const { state } = useSession();
  const token = tokenFromHash(hash);
  const [view, setView] = useState<View>({ status: 'loading' });
  // Each "Try again" opens the link afresh.
  const [attempt, setAttempt] = useState(0);
  // Someone signed in on this device sends a session cookie, and with it the CSRF token is needed: wait to know it.
  const sessionKnown = state.status !== 'loading';
  const csrfToken = currentSession(state)?.csrfToken ?? null;

  useEffect(() => {
    if (token === null || !sessionKnown) return undefined;
    let current = true;
    setView({ status: 'loading' });
    postQuestionnaire('/api/public/questionnaire/open', { token }, publicQuestionnaire, csrfToken).then(
      (questionnaire) => {
        if (current) setView({ status: 'open', questionnaire });
      },
      (error: unknown) => {
        if (current) setView(viewOfProblem(asQuestionnaireProblem(error)));
      },
    );
    return () => {
      current = false;
    };
  }, [token, sessionKnown, csrfToken, attempt]);

  if (token === null) return <UnknownLink />;
  switch (view.status) {
    case 'loading':
      return <Loading />;
    case 'open':
      return (
        <QuestionnaireForm
          key={token}
          token={token}
          questionnaire={view.questionnaire}
          csrfToken={csrfToken}
          onSent={(schemeName) => {
            setView({ status: 'sent', schemeName });
          }}
          onRefused={(problem) => {
            setView(viewOfProblem(problem));
          }}
        />
      );
    case 'sent':
      return <Sent schemeName={view.schemeName} />;
    case 'gone':
      return <GoneMessage code={view.code} />;
    case 'unknown':
      return <UnknownLink />;
    case 'offline':
      return (
        <CannotReach
          onRetry={() => {
            setAttempt((n) => n + 1);
          }}
        />
      );
    case 'error':
      return <CannotLoad detail={view.detail} />;
    default: {
      const unreachable: never = view;
      return unreachable;
    }
  }
}

function Sent({ schemeName }: { schemeName: string }): ReactNode {
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <ConfirmationPanel heading="Thank you, your answers have been sent">Your link worker at {schemeName} will see them.</ConfirmationPanel>
        <p className="nhsuk-body">You do not need to do anything else. You can close this page.</p>
        <p className="nhsuk-body">If you want to talk about your answers, contact your link worker.</p>
      </div>
    </div>
  );
}
