import type { MeasureDefinition } from '../../../../src/contracts/outcomes.js';

/** What the editor's number boxes accept (as scaleForm reads them): up to 4 digits and 2 decimal places. */
const FORM_NUMBER = /^-?\d{1,4}(\.\d{1,2})?$/;

/**
 * What the scale editor cannot show faithfully. The editor writes every question as a required
 * choice from one shared set of answers, an average to 2 decimal places, and numbers to at most
 * 2 decimal places. A scale set up through the API may use more than that; saving it through the
 * form would quietly rewrite it (and change how new answers are scored), so such a scale is shown
 * read-only instead. Each reason is a phrase for the sentence "… features this page cannot edit: …".
 */
export function featuresEditorCannotKeep(definition: Pick<MeasureDefinition, 'responses' | 'items' | 'scoring' | 'bands' | 'meaningfulChange'>): string[] {
  const reasons: string[] = [];
  const items = definition.items;
  if (definition.responses === null) reasons.push('no shared set of answers for its questions');
  if (items.some((i) => i.type === 'number' || i.min !== undefined || i.max !== undefined || i.decimals !== undefined)) {
    reasons.push('questions answered with a number');
  }
  if (items.some((i) => i.type === 'named-rating' || i.namePrompt !== undefined)) reasons.push('questions where the person names something and rates it');
  if (items.some((i) => i.options !== undefined)) reasons.push('questions with their own answers');
  if (items.some((i) => !i.required)) reasons.push('questions that may be left unanswered');
  if (items.some((i) => i.direction !== undefined || i.bands !== undefined)) reasons.push('questions with their own bands or direction');
  const scoring = definition.scoring;
  if (scoring.rule === 'mean' && scoring.decimals !== 2) {
    reasons.push(`an average worked out to ${String(scoring.decimals)} decimal place${scoring.decimals === 1 ? '' : 's'}`);
  } else if (scoring.rule !== 'sum' && scoring.rule !== 'mean') {
    reasons.push('a way of scoring other than a total or an average');
  }
  const numbers = [...definition.bands.flatMap((b) => [b.min, b.max]), ...(definition.meaningfulChange === null ? [] : [definition.meaningfulChange])];
  if (numbers.some((n) => !FORM_NUMBER.test(String(n)))) reasons.push('band limits or a meaningful change more precise than 2 decimal places');
  return reasons;
}

/** "a, b and c". */
export function listInWords(phrases: readonly string[]): string {
  if (phrases.length <= 1) return phrases.join('');
  return `${phrases.slice(0, -1).join(', ')} and ${phrases.at(-1) ?? ''}`;
}
