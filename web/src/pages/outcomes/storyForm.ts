import { storyInput } from '../../../../src/contracts/outcomes.js';
import type { Checked } from '../../forms/errors.js';
import { checkRenamed } from '../referrals/forms.js';

/**
 * Reading the story forms (adding one, and changing one), as pure functions. Only a
 * de-identified version is ever shared, so it is asked for once consent is ticked and must then
 * be filled in; without consent there is no version to share, whatever is left in its box.
 */

export type StoryBody = ReturnType<typeof storyInput.parse>;

/** The ids of one form's three boxes. */
export interface StoryFieldIds {
  story: string;
  consentToShare: string;
  deidentified: string;
}

/** A form's box ids under its own prefix, so that two story forms on one page never share an id. */
export function storyFieldIds(prefix: string): Readonly<Record<keyof StoryFieldIds, string>> {
  return { story: `${prefix}-text`, consentToShare: `${prefix}-consent`, deidentified: `${prefix}-deidentified` };
}

export interface StoryValues {
  story: string;
  consent: boolean;
  deidentified: string;
  /** Set when adding a story to the person's only referral; left out when changing one (the server keeps it). */
  referralId?: string | undefined;
}

export const DEIDENTIFIED_MISSING = 'Enter the version to share, without names, places or anything else that identifies them';

export function checkStory(values: StoryValues, fields: StoryFieldIds): Checked<StoryBody> {
  const deidentified = values.deidentified.trim();
  const checked = checkRenamed(
    storyInput,
    {
      ...(values.referralId === undefined ? {} : { referralId: values.referralId }),
      story: values.story,
      consentToShare: values.consent,
      deidentified: values.consent && deidentified !== '' ? deidentified : null,
    },
    { ...fields },
  );
  const errors = { ...(checked.ok ? {} : checked.errors.fields) };
  if (values.story.trim() === '') errors[fields.story] = 'Enter the story';
  if (values.consent && deidentified === '') errors[fields.deidentified] = DEIDENTIFIED_MISSING;
  return Object.keys(errors).length === 0 && checked.ok ? checked : { ok: false, errors: { detail: null, fields: errors } };
}

/** Consent that stood and is being taken back: saving then deletes the version for sharing. */
export function consentWithdrawn(before: boolean, now: boolean): boolean {
  return before && !now;
}

/** A 412 on a story, in words: the form then shows the other person's version. */
export const STORY_CHANGED_ELSEWHERE =
  'Someone else changed this story while you were working on it. The form now shows their version: check it, then make your change again.';
