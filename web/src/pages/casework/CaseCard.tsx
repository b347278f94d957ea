import type { ReactNode } from 'react';
import type { Load } from '../../api/useApi.js';
import { Loading } from '../../components/Loading.js';

/** One section of the case hub: a card with its heading, its content and its main action. */
export function CaseCard({ id, heading, children }: { id: string; heading: string; children: ReactNode }): ReactNode {
  return (
    <section className="nhsuk-card" aria-labelledby={id}>
      <div className="nhsuk-card__content">
        <h2 className="nhsuk-card__heading nhsuk-heading-m" id={id}>
          {heading}
        </h2>
        {children}
      </div>
    </section>
  );
}

/** A section's own data: loading and failure stay inside the card, so the rest of the case still shows. */
export function Loaded<T>({ load, children }: { load: Load<T>; children: (data: T) => ReactNode }): ReactNode {
  if (load.status === 'loading') return <Loading />;
  if (load.status === 'error') return <p className="nhsuk-body">This could not be loaded: {load.problem.detail}</p>;
  return children(load.data);
}
