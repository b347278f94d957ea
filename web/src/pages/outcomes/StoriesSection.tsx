import { useEffect, useState, type ReactNode } from 'react';
import { outcomeStory, type OutcomeStoryDto } from '../../../../src/contracts/outcomes.js';
import { postJson } from '../../api/client.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { Tag } from '../../components/Tag.js';
import { formText } from '../../forms/errors.js';
import { useFormSubmit } from '../../forms/useFormSubmit.js';
import { formatDate } from '../referrals/labels.js';
import type { ProblemFor } from '../referrals/forms.js';
import type { ReferralChoice } from './forms.js';
import { StoryEditor } from './StoryEditor.js';
import { StoryFields } from './StoryFields.js';
import { checkStory, storyFieldIds } from './storyForm.js';

/**
 * The person's story of what changed, in their words, with whether they agreed to it being
 * shared. Only a de-identified version is ever shared, so that box appears once consent is
 * ticked, and must then be filled in.
 */
const FIELDS = storyFieldIds('story');
const ORDER = [FIELDS.story, FIELDS.consentToShare, FIELDS.deidentified];

interface Props {
  personId: string;
  name: string;
  stories: readonly OutcomeStoryDto[];
  referrals: readonly ReferralChoice[];
  problemFor: ProblemFor;
  onAdded: (story: OutcomeStoryDto) => void;
  onChanged: (story: OutcomeStoryDto) => void;
  /** Someone else changed a story first: reload, so the form shows their version. */
  onStale: () => void;
}

const changeButtonId = (storyId: string): string => `story-change-${storyId}`;

interface ListProps {
  name: string;
  stories: readonly OutcomeStoryDto[];
  problemFor: ProblemFor;
  onChanged: (story: OutcomeStoryDto) => void;
  onStale: () => void;
}

/** Each story with a "Change" button; one story at a time opens as a form in its place. */
function StoryList({ name, stories, problemFor, onChanged, onStale }: ListProps): ReactNode {
  const [editing, setEditing] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  // After Cancel, focus goes back to the button that opened the form.
  const [refocus, setRefocus] = useState<string | null>(null);
  useEffect(() => {
    if (refocus === null) return;
    document.getElementById(changeButtonId(refocus))?.focus();
    setRefocus(null);
  }, [refocus]);

  if (stories.length === 0) return <p className="nhsuk-body">No stories have been recorded.</p>;
  const sorted = [...stories].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <ul className="nhsuk-list">
      {sorted.map((story) => (
        <li className="lw-story" key={story.id}>
          {editing === story.id ? (
            <StoryEditor
              key={`${story.id}-${String(story.version)}`}
              story={story}
              name={name}
              stale={stale}
              problemFor={problemFor}
              onSaved={(saved) => {
                setEditing(null);
                setStale(false);
                onChanged(saved);
              }}
              onStale={() => {
                setStale(true);
                onStale();
              }}
              onCancel={() => {
                setEditing(null);
                setStale(false);
                setRefocus(story.id);
              }}
            />
          ) : (
            <StoryView
              story={story}
              onChange={() => {
                setStale(false);
                setEditing(story.id);
              }}
            />
          )}
        </li>
      ))}
    </ul>
  );
}

function StoryView({ story, onChange }: { story: OutcomeStoryDto; onChange: () => void }): ReactNode {
  return (
    <>
      <p className="nhsuk-body lw-story__text">{story.story}</p>
      <p className="nhsuk-body-s">
        Recorded by {story.createdBy} on {formatDate(story.createdAt)}.{' '}
        <Tag tag={story.consentToShare ? { label: 'May be shared', colour: 'green' } : { label: 'Not to be shared', colour: 'grey' }} />
      </p>
      {story.consentToShare && story.deidentified !== null && (
        <>
          <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">
            <strong>Version for sharing</strong>
            {story.consentRecordedAt === null ? '' : ` (consent recorded ${formatDate(story.consentRecordedAt)})`}
          </p>
          <p className="nhsuk-body-s lw-story__text">{story.deidentified}</p>
        </>
      )}
      <button className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" type="button" id={changeButtonId(story.id)} onClick={onChange}>
        Change<span className="nhsuk-u-visually-hidden"> the story recorded on {formatDate(story.createdAt)}</span>
      </button>
    </>
  );
}

export function StoriesSection({ personId, name, stories, referrals, problemFor, onAdded, onChanged, onStale }: Props): ReactNode {
  const [consent, setConsent] = useState(false);
  // A new key empties the form after each story is added.
  const [added, setAdded] = useState(0);
  const { errors, busy, onSubmit } = useFormSubmit({
    fields: ORDER,
    check: (data) =>
      checkStory(
        {
          story: formText(data, FIELDS.story),
          consent,
          deidentified: formText(data, FIELDS.deidentified),
          referralId: referrals.length === 1 ? referrals[0]?.id : undefined,
        },
        FIELDS,
      ),
    send: async (body) => {
      const story = await postJson(`/api/people/${encodeURIComponent(personId)}/stories`, body, outcomeStory);
      setConsent(false);
      setAdded((n) => n + 1);
      onAdded(story);
    },
    toProblem: problemFor(FIELDS),
  });

  return (
    <section aria-labelledby="stories-heading">
      <h2 className="nhsuk-heading-m" id="stories-heading">
        Stories
      </h2>
      <StoryList name={name} stories={stories} problemFor={problemFor} onChanged={onChanged} onStale={onStale} />
      <h3 className="nhsuk-heading-s" id="add-story-heading">
        Add a story
      </h3>
      <ErrorSummary errors={errors} order={ORDER} />
      <form key={added} onSubmit={onSubmit} noValidate aria-labelledby="add-story-heading">
        <StoryFields
          fields={FIELDS}
          name={name}
          consent={consent}
          onConsentChange={setConsent}
          errors={errors}
          storyHint="What changed for them, in their own words where you can."
        />
        <button className="nhsuk-button" type="submit" disabled={busy}>
          Add the story
        </button>
      </form>
    </section>
  );
}
