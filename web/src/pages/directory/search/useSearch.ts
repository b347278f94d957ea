import { useEffect, useState } from 'react';
import { directorySearchResponse, type DirectorySearchResponse } from '../../../../../src/contracts/directory-search.js';
import { personDetail } from '../../../../../src/contracts/people.js';
import { getJson } from '../../../api/client.js';
import { contractProblem, networkProblem, toApiProblem, type ApiProblem } from '../../../api/problem.js';
import { SESSION_ENDED, useSession } from '../../../session/context.js';

/**
 * Runs one directory search. Like useApi, but it tells apart the one refusal the page answers
 * in its own words: a postcode search on a Linkwell with no postcode directory loaded. While a
 * new search runs, the last results stay on screen so the focused control is not pulled away.
 */
export type SearchLoad =
  | { status: 'loading'; last: DirectorySearchResponse | null }
  | { status: 'ok'; data: DirectorySearchResponse }
  | { status: 'postcode-not-configured' }
  | { status: 'error'; problem: ApiProblem };

const POSTCODE_NOT_CONFIGURED = /\/postcode-lookup-not-configured$/;

export function isPostcodeNotConfigured(body: unknown): boolean {
  return typeof body === 'object' && body !== null && 'type' in body && typeof body.type === 'string' && POSTCODE_NOT_CONFIGURED.test(body.type);
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return (await response.json()) as unknown;
  } catch {
    return null;
  }
}

export function useSearch(path: string): SearchLoad {
  const { clear } = useSession();
  const [load, setLoad] = useState<SearchLoad>({ status: 'loading', last: null });

  useEffect(() => {
    let current = true;
    setLoad((previous) => ({ status: 'loading', last: previous.status === 'ok' ? previous.data : previous.status === 'loading' ? previous.last : null }));
    async function run(): Promise<SearchLoad | null> {
      let response: Response;
      try {
        response = await fetch(path, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
      } catch {
        return { status: 'error', problem: networkProblem() };
      }
      const body = await readJson(response);
      if (response.status === 401) {
        clear(SESSION_ENDED, true);
        return null;
      }
      if (!response.ok) {
        return isPostcodeNotConfigured(body) ? { status: 'postcode-not-configured' } : { status: 'error', problem: toApiProblem(response.status, body) };
      }
      const parsed = directorySearchResponse.safeParse(body);
      if (!parsed.success) {
        console.error(`Response from ${path} does not match its contract`, parsed.error.issues);
        return { status: 'error', problem: contractProblem(path) };
      }
      return { status: 'ok', data: parsed.data };
    }
    void run().then((next) => {
      if (current && next !== null) setLoad(next);
    });
    return () => {
      current = false;
    };
  }, [path, clear]);

  return load;
}

/**
 * The person's name, for "Suggested for …" and "Near …'s home". Null until known, and when the
 * record cannot be read (the search itself then says why).
 */
export function usePersonName(personId: string | undefined): string | null {
  const [name, setName] = useState<{ id: string; name: string } | null>(null);
  useEffect(() => {
    if (personId === undefined) return undefined;
    let current = true;
    getJson(`/api/people/${encodeURIComponent(personId)}`, personDetail).then(
      ({ person }) => {
        if (current) setName({ id: personId, name: `${person.givenName} ${person.familyName}` });
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [personId]);
  return name !== null && name.id === personId ? name.name : null;
}
