import type { ReactNode } from 'react';
import { PageHeading } from '../../components/PageHeading.js';
import type { GoneCode } from './api.js';

/**
 * What the person sees when the link cannot be used. Each says, kindly and plainly, what has
 * happened and what to do, and nothing about the person or the scheme's records.
 */
export function GoneMessage({ code }: { code: GoneCode }): ReactNode {
  switch (code) {
    case 'link-submitted':
      return (
        <>
          <PageHeading>You have already sent in this questionnaire</PageHeading>
          <p className="nhsuk-body">Thank you. Your answers have reached your link worker.</p>
          <p className="nhsuk-body">If you need to change an answer, contact your link worker.</p>
        </>
      );
    case 'link-expired':
      return (
        <>
          <PageHeading>This link has expired</PageHeading>
          <p className="nhsuk-body">Links to a questionnaire only work for a short time, to keep your answers safe.</p>
          <p className="nhsuk-body">Ask your link worker for a new one.</p>
        </>
      );
    case 'link-revoked':
      return (
        <>
          <PageHeading>This link is no longer in use</PageHeading>
          <p className="nhsuk-body">Your link worker has stopped this link. They may have sent you a new one.</p>
          <p className="nhsuk-body">If you are not sure which link to use, contact your link worker.</p>
        </>
      );
    default: {
      const unreachable: never = code;
      return unreachable;
    }
  }
}

export function UnknownLink(): ReactNode {
  return (
    <>
      <PageHeading>We could not find this questionnaire</PageHeading>
      <p className="nhsuk-body">Check you copied or opened the whole link from your message.</p>
      <p className="nhsuk-body">If it still does not work, ask your link worker for a new one.</p>
    </>
  );
}

export function CannotLoad({ detail }: { detail: string }): ReactNode {
  return (
    <>
      <PageHeading>Sorry, there is a problem</PageHeading>
      <p className="nhsuk-body">{detail}</p>
      <p className="nhsuk-body">Try again later. If it keeps happening, contact your link worker.</p>
    </>
  );
}

/** The first load could not reach the service: nothing was shown, so nothing is lost by trying again. */
export function CannotReach({ onRetry }: { onRetry: () => void }): ReactNode {
  return (
    <>
      <PageHeading>Sorry, we could not open your questionnaire</PageHeading>
      <p className="nhsuk-body">We could not reach the service. Check your internet connection, then try again.</p>
      <button className="nhsuk-button" type="button" onClick={onRetry}>
        Try again
      </button>
      <p className="nhsuk-body">If it keeps happening, try again later or contact your link worker.</p>
    </>
  );
}
