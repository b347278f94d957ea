import { describe, expect, it } from 'vitest';
import { checkStory, consentWithdrawn, DEIDENTIFIED_MISSING, storyFieldIds } from './storyForm.js';

const FIELDS = { story: 's-text', consentToShare: 's-consent', deidentified: 's-deid' };
const REFERRAL = '00000000-0000-4000-8000-000000000002';

describe('the story forms', () => {
  it('sends the story with the version to share when consent is given', () => {
    expect(checkStory({ story: ' I go to the garden now. ', consent: true, deidentified: ' A man now gardens. ', referralId: REFERRAL }, FIELDS)).toEqual({
      ok: true,
      value: { referralId: REFERRAL, story: 'I go to the garden now.', consentToShare: true, deidentified: 'A man now gardens.' },
    });
  });

  it('leaves the referral out when changing a story, so the server keeps it', () => {
    const checked = checkStory({ story: 'Better now', consent: false, deidentified: '' }, FIELDS);
    expect(checked).toEqual({ ok: true, value: { story: 'Better now', consentToShare: false, deidentified: null } });
  });

  it('drops the version to share once consent is withdrawn, whatever is still in its box', () => {
    const checked = checkStory({ story: 'Better now', consent: false, deidentified: 'A woman is better now.' }, FIELDS);
    expect(checked.ok && checked.value.deidentified).toBeNull();
    expect(consentWithdrawn(true, false)).toBe(true);
    expect(consentWithdrawn(true, true)).toBe(false);
    expect(consentWithdrawn(false, false)).toBe(false);
    expect(consentWithdrawn(false, true)).toBe(false);
  });

  it('says what is missing, next to the box', () => {
    expect(checkStory({ story: '  ', consent: true, deidentified: ' ' }, FIELDS)).toEqual({
      ok: false,
      errors: { detail: null, fields: { 's-text': 'Enter the story', 's-deid': DEIDENTIFIED_MISSING } },
    });
  });
});

describe('storyFieldIds', () => {
  it('names each box under the form’s prefix, so the adding and changing forms never share an id', () => {
    expect(storyFieldIds('story')).toEqual({ story: 'story-text', consentToShare: 'story-consent', deidentified: 'story-deidentified' });
    const adding = Object.values(storyFieldIds('story'));
    const changing = Object.values(storyFieldIds('story-edit'));
    expect(new Set([...adding, ...changing]).size).toBe(6);
  });
});
