import { useState, type ReactNode } from 'react';
import { useParams } from 'react-router-dom';
import { plan, type Goal } from '../../../../src/contracts/casework.js';
import { useApi } from '../../api/useApi.js';
import { Loading } from '../../components/Loading.js';
import { PageHeading } from '../../components/PageHeading.js';
import { ProblemPage } from '../../components/ProblemPage.js';
import { SuccessBanner } from '../../components/SuccessBanner.js';
import { Tag } from '../../components/Tag.js';
import { assessmentsResponse, casePath, caseUrl } from './api.js';
import { BackToCase } from './BackToCase.js';
import { GoalForm } from './GoalForm.js';
import { GoalHistory, GoalProgressForm, GoalReadOnly } from './GoalProgress.js';
import { mayEditGoal } from './goalForm.js';
import { goalTag } from './labels.js';
import { useCaseOpen } from './useCaseOpen.js';

/**
 * A goal of the plan: written with the person, in their words, with steps and dates. An existing
 * goal also has its status, the person's own rating and its history.
 */
export function GoalPage(): ReactNode {
  const { id = '', goalId } = useParams();
  return <GoalView key={`${id}/${goalId ?? 'new'}`} referralId={id} goalId={goalId ?? null} />;
}

function GoalView({ referralId, goalId }: { referralId: string; goalId: string | null }): ReactNode {
  const [planLoad] = useApi(`${casePath(referralId)}/plan`, plan);
  const [domains] = useApi(`${casePath(referralId)}/assessments`, assessmentsResponse);
  const open = useCaseOpen(referralId);
  const [fresh, setFresh] = useState<Goal | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const title = goalId === null ? 'Add a goal' : 'Goal';
  const back = <BackToCase to={caseUrl(referralId)} />;
  if (planLoad.status === 'error') return <ProblemPage problem={planLoad.problem} />;
  if (planLoad.status === 'loading' || domains.status === 'loading') {
    return (
      <>
        {back}
        <PageHeading>{title}</PageHeading>
        <Loading />
      </>
    );
  }
  const needDomains = domains.status === 'ok' ? domains.data.needDomains : [];
  const goal = fresh ?? (goalId === null ? null : (planLoad.data.goals.find((g) => g.id === goalId) ?? null));
  if (goalId !== null && goal === null) {
    return (
      <>
        {back}
        <PageHeading>Goal not found</PageHeading>
        <p className="nhsuk-body">This goal is not part of this person’s plan.</p>
      </>
    );
  }
  return (
    <>
      {back}
      {done !== null && <SuccessBanner key={done}>{done}</SuccessBanner>}
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <PageHeading title={title}>{goal === null ? title : goal.title}</PageHeading>
          {goal !== null && (
            <p className="nhsuk-body">
              <Tag tag={goalTag(goal.status)} />
            </p>
          )}
          {goal !== null && open && (
            <GoalProgressForm
              key={`progress-${goal.version}`}
              goal={goal}
              onSaved={(next, message) => {
                setFresh(next);
                setDone(message);
              }}
            />
          )}
          {open && mayEditGoal(goal) ? (
            <>
              <h2 className="nhsuk-heading-m">{goal === null ? 'The goal' : 'Change the goal'}</h2>
              <GoalForm key={`goal-${goal?.version ?? 'new'}`} referralId={referralId} goal={goal} needDomains={needDomains} />
            </>
          ) : (
            goal !== null && <GoalReadOnly goal={goal} needDomains={needDomains} />
          )}
          {goal !== null && <GoalHistory goal={goal} />}
        </div>
      </div>
    </>
  );
}
