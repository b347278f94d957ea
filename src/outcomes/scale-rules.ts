import type { CustomMeasureInput, MeasureItem, ResponseOption } from '../contracts/outcomes.js';
import type { FieldProblem } from '../errors.js';

/**
 * What makes a scheme's own scale usable, beyond its shape: every question has answers to
 * choose from, a number question has a range, and the bands fit the scores the scale can give.
 * A pure function, so the admin page's messages and the API's refusals are the same list.
 */

export interface ScoreRange {
  min: number;
  max: number;
}

/** The lowest and highest value one item can take, or null when it has no answers or no range. */
export function itemRange(item: MeasureItem, responses: readonly ResponseOption[] | null): ScoreRange | null {
  switch (item.type) {
    case 'choice':
    case 'named-rating': {
      const options = item.options ?? responses;
      if (!options || options.length === 0) return null;
      const values = options.map((o) => o.value);
      return { min: Math.min(...values), max: Math.max(...values) };
    }
    case 'number':
      return item.min !== undefined && item.max !== undefined && item.min < item.max ? { min: item.min, max: item.max } : null;
    default: {
      const unreachable: never = item.type;
      return unreachable;
    }
  }
}

/**
 * The scores the scale can give. A sum counts an optional question that is left out as nothing,
 * so it can only lower the floor (if its answers go below zero) or raise the ceiling; a mean
 * lies between the lowest and the highest answer of any question.
 */
export function scoreRange(input: Pick<CustomMeasureInput, 'items' | 'responses' | 'scoring'>): ScoreRange | null {
  const ranges: { range: ScoreRange; required: boolean }[] = [];
  for (const item of input.items) {
    const range = itemRange(item, input.responses);
    if (!range) return null;
    ranges.push({ range, required: item.required });
  }
  switch (input.scoring.rule) {
    case 'sum':
      return {
        min: ranges.reduce((total, { range, required }) => total + (required ? range.min : Math.min(0, range.min)), 0),
        max: ranges.reduce((total, { range, required }) => total + (required ? range.max : Math.max(0, range.max)), 0),
      };
    case 'mean':
      return { min: Math.min(...ranges.map((r) => r.range.min)), max: Math.max(...ranges.map((r) => r.range.max)) };
    default: {
      const unreachable: never = input.scoring;
      return unreachable;
    }
  }
}

function duplicateValues(options: readonly ResponseOption[]): boolean {
  return new Set(options.map((o) => o.value)).size !== options.length;
}

function itemProblems(item: MeasureItem, index: number, responses: readonly ResponseOption[] | null): FieldProblem[] {
  const at = `body.items.${index}`;
  const problems: FieldProblem[] = [];
  switch (item.type) {
    case 'choice':
    case 'named-rating':
      if (!item.options && !responses) {
        problems.push({ field: `${at}.options`, message: 'Give the answers to choose from, or answers that every question takes' });
      }
      if (item.options && duplicateValues(item.options)) problems.push({ field: `${at}.options`, message: 'Give each answer a different score' });
      if (item.type === 'named-rating' && !item.namePrompt) problems.push({ field: `${at}.namePrompt`, message: 'Say what the person is asked to name' });
      break;
    case 'number':
      if (item.min === undefined) problems.push({ field: `${at}.min`, message: 'Give the lowest number this question takes' });
      if (item.max === undefined) problems.push({ field: `${at}.max`, message: 'Give the highest number this question takes' });
      if (item.min !== undefined && item.max !== undefined && item.min >= item.max) {
        problems.push({ field: `${at}.max`, message: 'The highest number must be more than the lowest' });
      }
      break;
    default: {
      const unreachable: never = item.type;
      return unreachable;
    }
  }
  return problems;
}

/** Every reason the scale cannot be saved, each naming the field to fix; empty when it can. */
export function scaleProblems(input: CustomMeasureInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (input.responses && duplicateValues(input.responses)) problems.push({ field: 'body.responses', message: 'Give each answer a different score' });
  const seen = new Set<string>();
  input.items.forEach((item, index) => {
    if (seen.has(item.key)) problems.push({ field: `body.items.${index}.key`, message: 'Give each question a different key' });
    seen.add(item.key);
    problems.push(...itemProblems(item, index, input.responses));
  });
  if (problems.length > 0) return problems;

  const range = scoreRange(input);
  if (!range) return [{ field: 'body.items', message: 'Every question needs answers or a range' }];
  const span = `${range.min} to ${range.max}`;
  input.bands.forEach((b, index) => {
    const at = `body.bands.${index}`;
    // A band of one score ("none: 0 to 0") is allowed; one that runs backwards is not.
    if (b.min > b.max) problems.push({ field: `${at}.max`, message: 'The top of a band must not be below its bottom' });
    else if (b.min < range.min || b.max > range.max) problems.push({ field: at, message: `Bands must lie within the scores the scale can give (${span})` });
    const previous = input.bands[index - 1];
    // Bands are read in ascending order to tell whether someone moved up or down.
    if (previous && b.min <= previous.max) problems.push({ field: `${at}.min`, message: 'List bands from lowest to highest, without overlaps' });
  });
  if (input.meaningfulChange !== null && input.meaningfulChange > range.max - range.min) {
    problems.push({ field: 'body.meaningfulChange', message: `A meaningful change cannot be more than the whole range of scores (${span})` });
  }
  return problems;
}
