import type { MeasureAnswers, MeasureDefinition, MeasureItem, ResponseOption } from '../../../../../src/contracts/outcomes.js';
import type { FormErrors } from '../../../forms/errors.js';

/**
 * Pure helpers for a measure's form: answers kept as the API shapes them, the checks a person
 * sees before anything is sent (in words about their question, not the server's), and the ids
 * the error summary links to. Shared by the staff "complete a measure" form and the public
 * questionnaire.
 */

/**
 * An answer by item key, from the record's own entries only: a scheme may name an item
 * "constructor", which a plain lookup would find on every object.
 */
export function answerOf<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

export function emptyAnswers(): MeasureAnswers {
  return { values: {}, names: {} };
}

/** The answers an item takes: its own, or the definition's shared ones. */
export function optionsFor(definition: MeasureDefinition, item: MeasureItem): ResponseOption[] {
  return item.options ?? definition.responses ?? [];
}

/** A copy of the answers with one value set, or cleared when null. */
export function withValue(answers: MeasureAnswers, itemKey: string, value: number | null): MeasureAnswers {
  const values = Object.fromEntries(Object.entries(answers.values).filter(([k]) => k !== itemKey));
  if (value !== null) values[itemKey] = value;
  return { values, names: { ...answers.names } };
}

/** A copy of the answers with the name of a named-rating item set; an empty name is dropped. */
export function withName(answers: MeasureAnswers, itemKey: string, name: string): MeasureAnswers {
  const names = Object.fromEntries(Object.entries(answers.names).filter(([k]) => k !== itemKey));
  if (name !== '') names[itemKey] = name;
  return { values: { ...answers.values }, names };
}

/**
 * Scales whose answers are numbers (0 to 10, 0 to 6) are shown as a compact row of numbered
 * boxes. An answer qualifies when its label is its value, or its value followed by words
 * ("0 – not at all"), which become the hint that explains the ends.
 */
export function isNumberScale(options: readonly ResponseOption[]): boolean {
  return options.length >= 5 && options.every((o) => o.label === String(o.value) || o.label.startsWith(`${o.value} `));
}

/** The words that explain a number scale's ends: "0 – not at all, 10 – completely". */
export function scaleAnchors(options: readonly ResponseOption[]): string | null {
  const anchors = options.filter((o) => o.label !== String(o.value)).map((o) => o.label);
  return anchors.length > 0 ? anchors.join(', ') : null;
}

/** The words after the number in a number-scale label ("not at all"), read out but not shown. */
export function anchorWords(option: ResponseOption): string | null {
  const rest = option.label.slice(String(option.value).length).replace(/^\s*[–-]?\s*/, '');
  return rest === '' ? null : rest;
}

/** The id of an item's first control: the summary's link lands there. */
export function itemFieldId(idPrefix: string, itemKey: string): string {
  return `${idPrefix}-${itemKey}`;
}

/** The ids of every item's first control, in page order. */
export function fieldOrder(definition: MeasureDefinition, idPrefix: string): string[] {
  return definition.items.map((item) => itemFieldId(idPrefix, item.key));
}

/**
 * Reads what was typed into a number item. Blank is no answer; anything that is not a number
 * in plain digits is also no answer (the check then asks for a number).
 */
export function parseNumber(text: string): number | null {
  const trimmed = text.trim();
  if (!/^-?\d+(\.\d+)?$/.test(trimmed)) return null;
  return Number(trimmed);
}

const decimalsOf = (value: number): number => {
  const text = String(value);
  const dot = text.indexOf('.');
  return dot === -1 ? 0 : text.length - dot - 1;
};

function numberProblem(item: MeasureItem, value: number, label: string): string | null {
  if (item.min !== undefined && value < item.min) return `${label} must be ${item.min} or more`;
  if (item.max !== undefined && value > item.max) return `${label} must be ${item.max} or less`;
  const decimals = item.decimals ?? 0;
  if (decimalsOf(value) > decimals) {
    return decimals === 0 ? `${label} must be a whole number` : `${label} must have no more than ${decimals} decimal ${decimals === 1 ? 'place' : 'places'}`;
  }
  return null;
}

/** Why one item's answer will not do, or null. `partial` lets unanswered items pass (saving for later). */
function itemProblem(definition: MeasureDefinition, item: MeasureItem, n: number, answers: MeasureAnswers, partial: boolean): string | null {
  const value = answerOf(answers.values, item.key);
  const name = answerOf(answers.names, item.key)?.trim() ?? '';
  const question = `question ${n}`;
  switch (item.type) {
    case 'choice':
      if (value === undefined || value === null) return item.required && !partial ? `Select an answer to ${question}` : null;
      return optionsFor(definition, item).some((o) => o.value === value) ? null : `Select one of the answers to ${question}`;
    case 'named-rating':
      if (value === undefined || value === null) {
        if (name !== '') return `Select a rating for ${question}, or leave what it is about empty`;
        return item.required && !partial ? `Say what ${question} is about and select a rating` : null;
      }
      if (name === '') return `Say what ${question} is about`;
      return optionsFor(definition, item).some((o) => o.value === value) ? null : `Select one of the ratings for ${question}`;
    case 'number':
      if (value === undefined || value === null) return item.required && !partial ? `Enter a number for ${question}` : null;
      return numberProblem(item, value, `The answer to ${question}`);
    default: {
      const unreachable: never = item.type;
      return unreachable;
    }
  }
}

/**
 * Every problem with the answers, keyed by item key. With `partial`, only answers that are
 * wrong count: gaps are allowed, as when a person saves to come back later.
 */
export function answerProblems(definition: MeasureDefinition, answers: MeasureAnswers, options: { partial?: boolean } = {}): Record<string, string> {
  const problems: Record<string, string> = {};
  definition.items.forEach((item, index) => {
    const problem = itemProblem(definition, item, index + 1, answers, options.partial ?? false);
    if (problem !== null) problems[item.key] = problem;
  });
  return problems;
}

/**
 * Item problems (keyed by item key) as the error summary wants them: keyed by the id of each
 * item's control, so its links move focus to the question.
 */
export function toFormErrors(problems: Record<string, string>, idPrefix: string, detail: string | null = null): FormErrors {
  const fields: Record<string, string> = {};
  for (const [itemKey, message] of Object.entries(problems)) fields[itemFieldId(idPrefix, itemKey)] = message;
  return { detail, fields };
}

/**
 * The server names a problem by its path ("answers.values.wemwbs_3", or just the item key).
 * Problems about an item of this measure are put next to it, by item key; the rest are returned
 * for the summary.
 */
export function serverProblems(
  definition: MeasureDefinition,
  errors: readonly { field: string; message: string }[],
): { items: Record<string, string>; other: string[] } {
  const keys = new Set(definition.items.map((i) => i.key));
  const items: Record<string, string> = {};
  const other: string[] = [];
  for (const { field, message } of errors) {
    const last = field.split('.').filter((s) => s !== '').at(-1) ?? '';
    if (keys.has(last)) items[last] ??= message;
    else other.push(message);
  }
  return { items, other };
}

/** How many of the items have an answer: "You have answered 3 of 7 questions". */
export function answeredCount(definition: MeasureDefinition, answers: MeasureAnswers): number {
  return definition.items.filter((item) => {
    const value = answerOf(answers.values, item.key);
    return value !== undefined && value !== null;
  }).length;
}
