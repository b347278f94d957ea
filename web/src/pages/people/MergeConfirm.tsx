import type { ReactNode } from 'react';
import { mergeRequest, personDetail, type DuplicateCandidate, type PersonDetail } from '../../../../src/contracts/people.js';
import { postJson } from '../../api/client.js';
import { useProblemHandler } from '../../api/useApi.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { TextArea } from '../../components/TextArea.js';
import { useFocusOnMount } from '../../components/useFocusOnMount.js';
import { checkWith, formText } from '../../forms/errors.js';
import { useFormSubmit } from '../../forms/useFormSubmit.js';

/**
 * Asks to confirm merging the record on screen into a candidate, with a reason for the audit
 * trail. The heading takes focus when it appears, so a screen reader user hears the question.
 */
const FIELDS = ['reason'] as const;

interface Props {
  personId: string;
  currentName: string;
  candidate: DuplicateCandidate;
  onMerged: (kept: PersonDetail) => void;
  onCancel: () => void;
}

export function MergeConfirm({ personId, currentName, candidate, onMerged, onCancel }: Props): ReactNode {
  const ref = useFocusOnMount<HTMLHeadingElement>();
  const handle = useProblemHandler();
  const { errors, busy, onSubmit } = useFormSubmit({
    fields: FIELDS,
    check: (data) => checkWith(mergeRequest, { intoPersonId: candidate.id, reason: formText(data, 'reason') }),
    send: async (body) => {
      onMerged(await postJson(`/api/people/${encodeURIComponent(personId)}/merge`, body, personDetail));
    },
    toProblem: handle,
  });
  return (
    <div className="nhsuk-card nhsuk-card--warning">
      <div className="nhsuk-card__content">
        <h2 className="nhsuk-card__heading" tabIndex={-1} ref={ref} id="merge-heading">
          <span role="text">
            <span className="nhsuk-u-visually-hidden">Important: </span>
            Merge this record into the record for {candidate.name}?
          </span>
        </h2>
        <ErrorSummary errors={errors} order={FIELDS} />
        <form onSubmit={onSubmit} noValidate aria-labelledby="merge-heading">
          <p className="nhsuk-body">
            The record you are looking at, for {currentName}, will be merged into the record for {candidate.name}. That record is kept. Both histories
            are kept: the referrals and history of this record will show on the kept record, and this record will say where it went.
          </p>
          <p className="nhsuk-body">Only do this if you are sure they are the same person.</p>
          <TextArea
            name="reason"
            label="Why are these records the same person?"
            hint="For example, same NHS number, or same name and date of birth confirmed with the person. This is kept in the audit trail."
            error={errors.fields.reason}
          />
          <div className="nhsuk-button-group">
            <button className="nhsuk-button nhsuk-button--warning" type="submit" disabled={busy}>
              Merge records
            </button>
            <button className="nhsuk-button nhsuk-button--secondary" type="button" onClick={onCancel}>
              Cancel
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
