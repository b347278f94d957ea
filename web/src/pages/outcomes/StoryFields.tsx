import type { ReactNode } from 'react';
import { TextArea } from '../../components/TextArea.js';
import type { FormErrors } from '../../forms/errors.js';
import type { StoryFieldIds } from './storyForm.js';

interface Props {
  /** The ids (and names) of the three boxes, from storyFieldIds with the form's own prefix. */
  fields: StoryFieldIds;
  name: string;
  consent: boolean;
  onConsentChange: (consent: boolean) => void;
  errors: FormErrors;
  /** Shown under the story's label, when adding one. */
  storyHint?: string;
  /** What the boxes start with, when changing a story already recorded. */
  defaults?: { story: string; deidentified: string };
}

/**
 * A story's boxes, the same when adding one and changing one: the story in the person's words,
 * whether they agree to it being shared and, once they do, the de-identified version to share.
 */
export function StoryFields({ fields, name, consent, onConsentChange, errors, storyHint, defaults }: Props): ReactNode {
  const conditionalId = `${fields.consentToShare}-conditional`;
  return (
    <>
      <TextArea name={fields.story} label={`${name}’s story`} hint={storyHint} defaultValue={defaults?.story} error={errors.fields[fields.story]} />
      <div className="nhsuk-form-group">
        <div className="nhsuk-checkboxes">
          <div className="nhsuk-checkboxes__item">
            <input
              className="nhsuk-checkboxes__input"
              id={fields.consentToShare}
              name={fields.consentToShare}
              type="checkbox"
              checked={consent}
              aria-controls={conditionalId}
              aria-expanded={consent}
              onChange={(event) => {
                onConsentChange(event.target.checked);
              }}
            />
            <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={fields.consentToShare}>
              {name} agrees to their story being shared in reports and case studies
            </label>
          </div>
          <div
            className={consent ? 'nhsuk-checkboxes__conditional' : 'nhsuk-checkboxes__conditional nhsuk-checkboxes__conditional--hidden'}
            id={conditionalId}
            // The design system hides this only once its script marks the page; this page does not run it.
            hidden={!consent}
          >
            <TextArea
              name={fields.deidentified}
              label="Version to share"
              hint="Leave out names, places, dates and anything else that could identify them. Only this version is shared."
              defaultValue={defaults?.deidentified}
              error={errors.fields[fields.deidentified]}
            />
          </div>
        </div>
      </div>
    </>
  );
}
