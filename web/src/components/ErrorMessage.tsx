import type { ReactNode } from 'react';

/** The message shown above a field in error; "Error:" is read out but not shown, as NHS.UK does. */
export function ErrorMessage({ id, children }: { id: string; children: ReactNode }): ReactNode {
  return (
    <span className="nhsuk-error-message" id={id}>
      <span className="nhsuk-u-visually-hidden">Error: </span>
      {children}
    </span>
  );
}

/** aria-describedby from whichever of hint and error are present. */
export function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const present = ids.filter((id): id is string => typeof id === 'string' && id !== '');
  return present.length > 0 ? present.join(' ') : undefined;
}
