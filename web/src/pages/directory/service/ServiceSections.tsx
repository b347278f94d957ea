import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { ServiceDetail } from '../../../../../src/contracts/directory.js';
import { Lines, SummaryList, type SummaryRow } from '../../../components/SummaryList.js';
import { GovernanceSummary } from '../organisation/Governance.js';
import { agesText, capacityText, referralModeText } from '../labels.js';

/**
 * The facts a link worker needs before referring, in the order they are asked: what it is, how
 * to refer, when, where, what it costs, who it is for, and who runs it.
 */
function Section({ id, title, children }: { id: string; title: string; children: ReactNode }): ReactNode {
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 className="nhsuk-heading-m" id={`${id}-heading`}>
        {title}
      </h2>
      {children}
    </section>
  );
}

function present(values: readonly (string | null | undefined)[]): string[] {
  return values.filter((v): v is string => typeof v === 'string' && v.trim() !== '');
}

function Paragraphs({ text }: { text: string }): ReactNode {
  return text
    .split(/\n{2,}/)
    .filter((p) => p.trim() !== '')
    .map((p, index) => (
      <p className="nhsuk-body" key={index}>
        {p}
      </p>
    ));
}

export function AboutSection({ service }: { service: ServiceDetail }): ReactNode {
  if (service.description === null && service.alternateName === null) return null;
  return (
    <Section id="about" title="About">
      {service.alternateName !== null && <p className="nhsuk-body">Also known as {service.alternateName}.</p>}
      {service.description !== null && <Paragraphs text={service.description} />}
    </Section>
  );
}

export function HowToReferSection({ service }: { service: ServiceDetail }): ReactNode {
  const contact = service.namedContact;
  const rows: SummaryRow[] = [{ key: 'Referrals', value: referralModeText(service.referralMode) }];
  if (contact !== null) {
    const who = present([contact.name, contact.role === null ? null : `(${contact.role})`]).join(' ');
    rows.push({ key: 'Named contact', value: <Lines lines={present([who, contact.phone, contact.email])} /> });
  }
  if (service.applicationProcess !== null) rows.push({ key: 'How to apply', value: service.applicationProcess });
  if (service.waitTime !== null) rows.push({ key: 'Usual wait', value: service.waitTime });
  const phones = [...service.phones, ...service.contacts.flatMap((c) => c.phones)];
  const other = present([service.email, ...service.contacts.map((c) => present([c.name, c.title, c.email]).join(', ')), ...phones]);
  if (other.length > 0) rows.push({ key: 'Other contacts', value: <Lines lines={[...new Set(other)]} /> });
  if (service.url !== null) {
    rows.push({
      key: 'Website',
      value: (
        <a href={service.url} className="lw-break" rel="noreferrer" target="_blank">
          {service.url} (opens in a new tab)
        </a>
      ),
    });
  }
  const capacity = capacityText(service.capacity);
  rows.push({ key: 'Places', value: capacity ?? 'Not recorded' });
  return (
    <Section id="refer" title="How to refer">
      <SummaryList rows={rows} />
    </Section>
  );
}

export function WhenWhereSection({ service }: { service: ServiceDetail }): ReactNode {
  return (
    <>
      <Section id="when" title="When">
        {service.schedules.length === 0 ? (
          <p className="nhsuk-body">No regular sessions are recorded. Ask the group when it meets.</p>
        ) : (
          <ul className="nhsuk-list">
            {service.schedules.map((s) => (
              <li key={s.id}>
                {s.summary}
                {s.description !== null && s.description !== '' && <span className="nhsuk-u-secondary-text-colour"> – {s.description}</span>}
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section id="where" title="Where">
        {service.locations.length === 0 ? (
          <p className="nhsuk-body">No place is recorded{service.serviceAreas.length > 0 ? `. It covers ${service.serviceAreas.join(', ')}.` : '.'}</p>
        ) : (
          service.locations.map((location) => {
            const access = present(location.accessibility.map((a) => present([a.description, a.details]).join(': ')));
            const address = location.address === null ? [] : present([location.address.line1, location.address.line2, location.address.city, location.address.postcode]);
            const rows: SummaryRow[] = [{ key: 'Address', value: <Lines lines={present([location.name, ...address])} /> }];
            rows.push({ key: 'Accessibility', value: <Lines lines={access} empty="Not recorded. Ask the group about access." /> });
            if (location.transportation !== null) rows.push({ key: 'Getting there', value: location.transportation });
            return <SummaryList key={location.id} rows={rows} />;
          })
        )}
      </Section>
    </>
  );
}

export function CostSection({ service }: { service: ServiceDetail }): ReactNode {
  const options = service.costOptions.map((c) => {
    const amount = c.amount === null ? null : c.amount === 0 ? 'Free' : `£${c.amount.toFixed(2)}`;
    // An option named "Free" costing 0 says the same thing twice.
    const parts = [...new Set(present([c.option, amount, c.amountDescription]).map((p) => p.trim()))];
    return parts.filter((p, i) => parts.findIndex((q) => q.toLowerCase() === p.toLowerCase()) === i).join(': ');
  });
  const lines = present([service.free ? 'Free to take part' : null, service.fees, ...options.filter((o) => !(service.free && o.toLowerCase() === 'free'))]);
  return (
    <Section id="cost" title="Cost">
      <p className="nhsuk-body">
        <Lines lines={[...new Set(lines)]} empty="No costs are recorded. Ask the group." />
      </p>
    </Section>
  );
}

export function WhoForSection({ service }: { service: ServiceDetail }): ReactNode {
  const rows: SummaryRow[] = [
    { key: 'Who it is for', value: service.eligibilityDescription ?? 'Anyone' },
    { key: 'Ages', value: agesText(service.minimumAge, service.maximumAge) ?? 'Any age' },
    {
      key: 'Languages',
      value: service.languages.length === 0 ? 'Not recorded' : present(service.languages.map((l) => l.name ?? l.code)).join(', '),
    },
  ];
  if (service.taxonomyTerms.length > 0) rows.push({ key: 'Categories', value: service.taxonomyTerms.map((t) => t.name).join(', ') });
  return (
    <Section id="who" title="Who it is for">
      <SummaryList rows={rows} />
    </Section>
  );
}

export function OrganisationSection({ service }: { service: ServiceDetail }): ReactNode {
  const org = service.organization;
  return (
    <Section id="organisation" title={`Run by ${org.name}`}>
      <GovernanceSummary governance={org} />
      <p className="nhsuk-body">
        <Link to={`/directory/organisations/${org.id}`}>
          All listings from {org.name}
        </Link>
      </p>
    </Section>
  );
}

export function ResponseSection({ service }: { service: ServiceDetail }): ReactNode {
  const f = service.responseFigures;
  const lines = present([
    f.medianDaysToRespond === null ? null : `Usually answers a referral within ${f.medianDaysToRespond} ${f.medianDaysToRespond === 1 ? 'day' : 'days'}.`,
    f.shareAccepted === null ? null : `Accepts ${Math.round(f.shareAccepted * 100)}% of the people referred.`,
  ]);
  return (
    <Section id="response" title="How quickly they respond">
      {lines.length === 0 ? <p className="nhsuk-body">Not enough referrals yet to say.</p> : lines.map((line) => <p className="nhsuk-body" key={line}>{line}</p>)}
      <p className="nhsuk-body-s nhsuk-u-secondary-text-colour">{f.basis}</p>
    </Section>
  );
}
