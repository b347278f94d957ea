import { useEffect, useRef, useState, type ReactNode } from 'react';
import { outcomeStory, type OutcomeStoryDto } from '../../../../src/contracts/outcomes.js';
import { ApiProblem } from '../../api/problem.js';
import { WarningCallout } from '../../components/Callouts.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { formText, hasErrors, type FormErrors } from '../../forms/errors.js';
import { useFormSubmit } from '../../forms/useFormSubmit.js';
import type { ProblemFor } from '../referrals/forms.js';
import { usePutIfMatch } from '../people/api.js';
import { StoryFields } from './StoryFields.js';
import { checkStory, consentWithdrawn, storyFieldIds, STORY_CHANGED_ELSEWHERE } from './storyForm.js';

/**
 * Changing a story already recorded: its words, the consent to share it, and the version for
 * sharing. The change is made against the version shown (If-Match); when someone else saved
 * first, the page reloads the story and this form (keyed by version) starts again from theirs.
 * Taking consent back deletes the version for sharing, and the form says so before it is saved.
 */
const FIELDS = storyFieldIds('story-edit');
const ORDER = [FIELDS.story, FIELDS.consentToShare, FIELDS.deidentified];
/** One object, so the error summary takes focus once when it appears, not on every render. */
const STALE: FormErrors = { detail: STORY_CHANGED_ELSEWHERE, fields: {} };

interface Props {
  story: OutcomeStoryDto;
  name: string;
  /** Someone else changed the story first: the page shows this until the next save or cancel. */
  stale: boolean;
  problemFor: ProblemFor;
  onSaved: (story: OutcomeStoryDto) => void;
  /** A 412: reload the page's stories so the form shows the latest version. */
  onStale: () => void;
  onCancel: () => void;
}

export function StoryEditor({ story, name, stale, problemFor, onSaved, onStale, onCancel }: Props): ReactNode {
  const [consent, setConsent] = useState(story.consentToShare);
  const put = usePutIfMatch();
  // Opened by "Change", focus goes to the form's heading; reopened after someone else's change, the error summary takes it.
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [focusHeading] = useState(!stale);
  useEffect(() => {
    if (focusHeading) headingRef.current?.focus();
  }, [focusHeading]);
  const toProblem = problemFor(FIELDS);
  const { errors, busy, onSubmit } = useFormSubmit({
    fields: ORDER,
    check: (data) => checkStory({ story: formText(data, FIELDS.story), consent, deidentified: formText(data, FIELDS.deidentified) }, FIELDS),
    send: async (body) => {
      onSaved(await put(`/api/outcome-stories/${encodeURIComponent(story.id)}`, body, outcomeStory, story.version));
    },
    toProblem: (error) => {
      if (error instanceof ApiProblem && error.status === 412) {
        onStale();
        return null;
      }
      return toProblem(error);
    },
  });
  const withdrawing = consentWithdrawn(story.consentToShare, consent);
  const shown = hasErrors(errors) || !stale ? errors : STALE;
  const headingId = `story-edit-heading-${story.id}`;

  return (
    <div className="lw-story__edit">
      <h3 className="nhsuk-heading-s" id={headingId} tabIndex={-1} ref={headingRef}>
        Change this story
      </h3>
      <ErrorSummary errors={shown} order={ORDER} />
      <form onSubmit={onSubmit} noValidate aria-labelledby={headingId}>
        <StoryFields
          fields={FIELDS}
          name={name}
          consent={consent}
          onConsentChange={setConsent}
          errors={errors}
          defaults={{ story: story.story, deidentified: story.deidentified ?? '' }}
        />
        {withdrawing && (
          <WarningCallout heading="Consent to share will be withdrawn">
            <p>When you save, the version for sharing is deleted and the story is no longer shared. To share it again, {name} must agree again and you must write a new version to share.</p>
          </WarningCallout>
        )}
        <div className="nhsuk-button-group">
          <button className="nhsuk-button" type="submit" disabled={busy}>
            Save changes
          </button>
          <button className="nhsuk-button nhsuk-button--secondary" type="button" disabled={busy} onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </div>
  );
}
