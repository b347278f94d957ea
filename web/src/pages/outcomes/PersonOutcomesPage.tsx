import { useCallback, useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import { outcomeSettings, personOutcomes, timepointLabel } from '../../../../src/contracts/outcomes.js';
import { personDetail } from '../../../../src/contracts/people.js';
import { useApi, useProblemHandler } from '../../api/useApi.js';
import { ButtonLink } from '../../components/ButtonLink.js';
import { Loading } from '../../components/Loading.js';
import { PageHeading } from '../../components/PageHeading.js';
import { ProblemPage } from '../../components/ProblemPage.js';
import { SuccessBanner } from '../../components/SuccessBanner.js';
import { useFlash } from '../../session/flash.js';
import { renameProblem, type ProblemFor } from '../referrals/forms.js';
import { personName } from '../referrals/labels.js';
import { personOutcomesPath, personPath } from './api.js';
import { caseReferrals, linkMeasures } from './forms.js';
import { CHANNEL_LABELS } from './labels.js';
import { LinksTable } from './LinksTable.js';
import { MeasureScores } from './MeasureScores.js';
import { DueForPerson, ResponsesTable } from './OutcomeTables.js';
import { RemindersForm } from './RemindersForm.js';
import { SendLinkForm } from './SendLinkForm.js';
import { StoriesSection } from './StoriesSection.js';

/**
 * One person's wellbeing measures: what is due, their scores over time with the change since the
 * baseline, every response, the questionnaire links sent to them, their reminder choice and their
 * stories. Every change answers with what changed, and the page then reloads the whole picture,
 * because a new response also moves the schedule and the charts. The tab title leaves out the
 * person's name on purpose, as the person page does.
 */
export function PersonOutcomesPage(): ReactNode {
  const { id = '' } = useParams();
  return <PersonOutcomes key={id} id={id} />;
}

function PersonOutcomes({ id }: { id: string }): ReactNode {
  const [load, reload] = useApi(personOutcomesPath(id), personOutcomes);
  const [person] = useApi(personPath(id), personDetail);
  const [settings] = useApi('/api/outcomes/settings', outcomeSettings);
  const handle = useProblemHandler();
  const flash = useFlash();
  const [done, setDone] = useState<string | null>(null);

  const problemFor: ProblemFor = useCallback(
    (map) => (error) => {
      const problem = handle(error);
      return problem === null ? null : renameProblem(problem, map);
    },
    [handle],
  );

  if (load.status === 'error') return <ProblemPage problem={load.problem} />;
  if (person.status === 'error') return <ProblemPage problem={person.problem} />;
  if (load.status === 'loading' || person.status === 'loading') {
    return (
      <>
        <PageHeading>Wellbeing measures</PageHeading>
        <Loading />
      </>
    );
  }
  const outcomes = load.data;
  const name = personName(person.data.person);
  const referrals = caseReferrals(person.data.referrals);
  const schedule = settings.status === 'ok' ? settings.data.schedule : null;
  const measureOf = (key: string) => outcomes.measures.find((m) => m.definition.key === key);
  const itemLabels = Object.fromEntries(outcomes.series.flatMap((s) => s.lines.map((l) => [l.key, l.label] as const)));
  const message = done ?? flash.message;

  function changed(text: string): void {
    setDone(text);
    reload();
  }

  return (
    <>
      <Link className="nhsuk-back-link" to={`/people/${id}`}>
        Back<span className="nhsuk-u-visually-hidden"> to the person record</span>
      </Link>
      {message !== null && <SuccessBanner key={message}>{message}</SuccessBanner>}
      <PageHeading title="Wellbeing measures">
        <span className="nhsuk-caption-l">
          {name}
          <span className="nhsuk-u-visually-hidden"> – </span>
        </span>
        Wellbeing measures
      </PageHeading>

      <DueForPerson due={outcomes.due} />

      <section aria-labelledby="scores-heading">
        <h2 className="nhsuk-heading-m" id="scores-heading">
          Scores over time
        </h2>
        {outcomes.series.length === 0 ? (
          <p className="nhsuk-body">No measures have been completed yet.</p>
        ) : (
          outcomes.series.map((series) => (
            <MeasureScores
              key={series.measureKey}
              idPrefix={`measure-${series.measureKey}`}
              series={series}
              measure={measureOf(series.measureKey)}
              responses={outcomes.responses}
            />
          ))
        )}
      </section>

      <ResponsesTable responses={outcomes.responses} itemLabels={itemLabels} />

      <section aria-labelledby="record-heading">
        <h2 className="nhsuk-heading-m" id="record-heading">
          Complete a measure now
        </h2>
        <p className="nhsuk-body">Go through the questions with {name} on this device, or enter the answers from a paper form or a score obtained elsewhere.</p>
        <ButtonLink to={`/people/${id}/outcomes/record`}>Complete a measure</ButtonLink>
      </section>

      <section aria-labelledby="send-link-heading">
        <h2 className="nhsuk-heading-m" id="send-link-heading">
          Send a questionnaire link
        </h2>
        <p className="nhsuk-body">{name} gets a link to answer the questions on their own phone or computer, without signing in.</p>
        <SendLinkForm
          personId={id}
          name={name}
          measures={linkMeasures(outcomes.measures)}
          schedule={schedule}
          due={outcomes.due}
          referrals={referrals}
          canSendBy={outcomes.canSendBy}
          problemFor={problemFor}
          onSent={(link) => {
            changed(`The ${link.measureName} link (${timepointLabel(link.timepoint).toLowerCase()}) has been sent by ${CHANNEL_LABELS[link.channel].toLowerCase()}.`);
          }}
        />
        <LinksTable
          links={outcomes.links}
          onRevoked={(link) => {
            changed(`The ${link.measureName} link has been revoked. It can no longer be used.`);
          }}
        />
      </section>

      <RemindersForm
        key={`${outcomes.preferences.reminders}|${outcomes.preferences.agreedAt ?? ''}`}
        personId={id}
        name={name}
        preferences={outcomes.preferences}
        canSendBy={outcomes.canSendBy}
        problemFor={problemFor}
        onSaved={() => {
          changed('The reminder choice has been saved.');
        }}
      />

      <StoriesSection
        personId={id}
        name={name}
        stories={outcomes.stories}
        referrals={referrals}
        problemFor={problemFor}
        onAdded={() => {
          changed('The story has been added.');
        }}
        onChanged={(story) => {
          changed(story.consentToShare ? 'The story has been changed.' : 'The story has been changed. It is not to be shared.');
        }}
        onStale={reload}
      />
    </>
  );
}
