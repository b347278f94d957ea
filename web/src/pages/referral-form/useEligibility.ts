import { useCallback, useEffect, useRef, useState } from 'react';
import { screeningResult, type ScreeningResultView } from '../../../../src/contracts/referrals.js';
import { postJson } from '../../api/client.js';
import { useProblemHandler } from '../../api/useApi.js';
import type { ScreeningRequest } from './formState.js';

/**
 * Screens the answers against the scheme's eligibility criteria. `schedule` is for changes as
 * the user types: it waits for a pause and skips a request identical to the last one. `check`
 * is for the button and goes at once. Answers to superseded requests are dropped.
 */
export type Eligibility =
  | { status: 'idle' }
  | { status: 'checking'; last: ScreeningResultView | null }
  | { status: 'done'; result: ScreeningResultView }
  | { status: 'failed'; message: string };

const DELAY_MS = 400;

export function useEligibility(): { eligibility: Eligibility; check: (request: ScreeningRequest) => void; schedule: (request: ScreeningRequest | null) => void } {
  const handle = useProblemHandler();
  const [eligibility, setEligibility] = useState<Eligibility>({ status: 'idle' });
  const lastKey = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const sequence = useRef(0);

  const check = useCallback(
    (request: ScreeningRequest) => {
      clearTimeout(timer.current);
      lastKey.current = JSON.stringify(request);
      const id = ++sequence.current;
      setEligibility((now) => ({ status: 'checking', last: now.status === 'done' ? now.result : now.status === 'checking' ? now.last : null }));
      postJson('/api/referrals/screen', request, screeningResult).then(
        (result) => {
          if (id === sequence.current) setEligibility({ status: 'done', result });
        },
        (error: unknown) => {
          if (id !== sequence.current) return;
          const problem = handle(error);
          if (problem !== null) setEligibility({ status: 'failed', message: problem.detail });
        },
      );
    },
    [handle],
  );

  const schedule = useCallback(
    (request: ScreeningRequest | null) => {
      if (request === null) return;
      const key = JSON.stringify(request);
      if (key === lastKey.current) return;
      lastKey.current = key;
      clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        check(request);
      }, DELAY_MS);
    },
    [check],
  );

  useEffect(
    () => () => {
      clearTimeout(timer.current);
    },
    [],
  );

  return { eligibility, check, schedule };
}
