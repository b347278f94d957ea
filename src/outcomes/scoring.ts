import type { Band, MeasureAnswers, MeasureDefinition, MeasureItem, MeasureScore, ResponseOption } from '../contracts/outcomes.js';

/**
 * Scoring as pure functions: a definition and the answers in, a score or the reasons it cannot
 * be scored out. A response with a required item unanswered is never scored: no total is
 * computed from part of a scale.
 */

export interface AnswerProblem {
  item: string;
  message: string;
}

export type ScoreResult = { ok: true; score: MeasureScore } | { ok: false; problems: AnswerProblem[] };

export function optionsOf(definition: MeasureDefinition, item: MeasureItem): ResponseOption[] | null {
  return item.options ?? definition.responses;
}

/**
 * A record's own entry for a key, never one inherited from Object's prototype: item keys come
 * from definitions a scheme writes, and "constructor" or "toString" is a valid key.
 */
export function ownValue<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

export function bandOf(bands: readonly Band[], value: number): string | null {
  return bands.find((b) => value >= b.min && value <= b.max)?.label ?? null;
}

/** Decimal places as written; String() switches to exponent form below 1e-6 ("1e-7"), so undo that. */
const decimalsOf = (value: number): number => {
  const [mantissa = '', exponent = '0'] = String(value).toLowerCase().split('e');
  const dot = mantissa.indexOf('.');
  const fraction = dot === -1 ? 0 : mantissa.length - dot - 1;
  return Math.max(0, fraction - Number(exponent));
};

const round = (value: number, decimals: number): number => {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
};

/** Why one answer is not acceptable, or null when it is (an absent optional answer is fine). */
function checkItem(definition: MeasureDefinition, item: MeasureItem, answers: MeasureAnswers): string | null {
  const value = ownValue(answers.values, item.key);
  const name = ownValue(answers.names, item.key)?.trim() ?? '';
  if (value === undefined || value === null) {
    if (item.type === 'named-rating' && name !== '') return 'Give a rating for this, or leave the name empty';
    return item.required ? 'Answer this question' : null;
  }
  if (!Number.isFinite(value)) return 'Enter a number';
  switch (item.type) {
    case 'choice':
    case 'named-rating': {
      const options = optionsOf(definition, item);
      if (!options || !options.some((o) => o.value === value)) return 'Choose one of the answers given';
      if (item.type === 'named-rating' && name === '') return 'Say what this rating is about';
      return null;
    }
    case 'number': {
      if (item.min !== undefined && value < item.min) return `Enter a number of at least ${item.min}`;
      if (item.max !== undefined && value > item.max) return `Enter a number of at most ${item.max}`;
      const decimals = item.decimals ?? 0;
      if (decimalsOf(value) > decimals) {
        if (decimals === 0) return 'Enter a whole number';
        return `Enter a number with at most ${decimals} decimal ${decimals === 1 ? 'place' : 'places'}`;
      }
      return null;
    }
    default: {
      const unreachable: never = item.type;
      return unreachable;
    }
  }
}

/** Every problem with the answers, item by item, plus answers to items the measure does not have. */
export function checkAnswers(definition: MeasureDefinition, answers: MeasureAnswers): AnswerProblem[] {
  const problems: AnswerProblem[] = [];
  for (const item of definition.items) {
    const message = checkItem(definition, item, answers);
    if (message) problems.push({ item: item.key, message });
  }
  const known = new Set(definition.items.map((i) => i.key));
  const named = new Set(definition.items.filter((i) => i.type === 'named-rating').map((i) => i.key));
  for (const keyGiven of Object.keys(answers.values)) {
    if (!known.has(keyGiven)) problems.push({ item: keyGiven, message: 'This measure has no such question' });
  }
  for (const keyGiven of Object.keys(answers.names)) {
    if (!known.has(keyGiven)) problems.push({ item: keyGiven, message: 'This measure has no such question' });
    // Only a named rating keeps a name: free text anywhere else would be stored unseen.
    else if (!named.has(keyGiven) && (ownValue(answers.names, keyGiven) ?? '').trim() !== '') problems.push({ item: keyGiven, message: 'This question does not take a name' });
  }
  return problems;
}

/** Only the problems that make saved-for-later answers unusable (a value out of range); gaps are fine. */
export function checkPartialAnswers(definition: MeasureDefinition, answers: MeasureAnswers): AnswerProblem[] {
  return checkAnswers(definition, answers).filter((p) => p.message !== 'Answer this question');
}

export function scoreResponse(definition: MeasureDefinition, answers: MeasureAnswers): ScoreResult {
  const problems = checkAnswers(definition, answers);
  if (problems.length > 0) return { ok: false, problems };

  const items: Record<string, number> = {};
  const itemBands: Record<string, string> = {};
  for (const item of definition.items) {
    const value = ownValue(answers.values, item.key);
    if (value === undefined || value === null) continue;
    items[item.key] = value;
    const itemBand = item.bands ? bandOf(item.bands, value) : null;
    if (itemBand) itemBands[item.key] = itemBand;
  }
  const values = Object.values(items);
  const sum = values.reduce((a, b) => a + b, 0);

  let headline: number | null;
  let raw: number | null = null;
  const scoring = definition.scoring;
  switch (scoring.rule) {
    case 'sum':
      headline = sum;
      break;
    case 'sum-table': {
      raw = sum;
      const converted = ownValue(scoring.table, String(sum));
      if (converted === undefined) return { ok: false, problems: [{ item: '*', message: `The raw score ${sum} is outside the conversion table` }] };
      headline = converted;
      break;
    }
    case 'each':
      headline = null;
      break;
    case 'mean':
      headline = values.length === 0 ? null : round(sum / values.length, scoring.decimals);
      break;
    case 'entered':
      headline = scoring.headline === null ? null : (ownValue(items, scoring.headline) ?? null);
      break;
    default: {
      const unreachable: never = scoring;
      return unreachable;
    }
  }
  const band = headline === null ? null : bandOf(definition.bands, headline);
  return { ok: true, score: { headline, raw, items, band, itemBands } };
}
