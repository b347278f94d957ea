import { customMeasureInput, type CustomMeasureInput, type MeasureDefinition } from '../../../../src/contracts/outcomes.js';
import { formText, type Checked, type FormErrors } from '../../forms/errors.js';

/**
 * Reading the form for a scheme's own scale. Inputs are uncontrolled; the rows (answers,
 * questions, bands) are state, each with a key of its own so that removing one row keeps what
 * was typed in the others. Field names are ids, for the error summary's links.
 */

/** Each row has a key of its own, and what its boxes start with. */
export interface ScaleRows {
  answers: { row: string; value: string; label: string }[];
  /** itemKey: the item's key, which stays the same across versions of the scale. */
  items: { row: string; itemKey: string; text: string }[];
  bands: { row: string; label: string; min: string; max: string }[];
}

export const answerField = (row: string, part: 'value' | 'label'): string => `answer-${row}-${part}`;
export const itemField = (row: string): string => `item-${row}-text`;
export const bandField = (row: string, part: 'label' | 'min' | 'max'): string => `band-${row}-${part}`;

export const TOP_FIELDS = ['name', 'shortName', 'key', 'description', 'intro'] as const;

export function fieldOrder(rows: ScaleRows): string[] {
  return [
    ...TOP_FIELDS,
    'answers',
    ...rows.answers.flatMap(({ row }) => [answerField(row, 'value'), answerField(row, 'label')]),
    'items',
    ...rows.items.map((i) => itemField(i.row)),
    'scoring',
    'direction',
    ...rows.bands.flatMap(({ row }) => [bandField(row, 'label'), bandField(row, 'min'), bandField(row, 'max')]),
    'meaningfulChange',
    'selfCompletion',
  ];
}

/** The next item key not used by this scale now or before: q1, q2, … */
export function nextItemKey(used: ReadonlySet<string>): string {
  let n = 1;
  while (used.has(`q${n}`)) n += 1;
  return `q${n}`;
}

/** A starting point for a new scale: five answers (1 to 5) and one question. */
export const NEW_SCALE_ANSWERS = [
  { value: 1, label: 'None of the time' },
  { value: 2, label: 'Rarely' },
  { value: 3, label: 'Some of the time' },
  { value: 4, label: 'Often' },
  { value: 5, label: 'All of the time' },
];

const INTEGER = /^-?\d{1,4}$/;
const NUMBER = /^-?\d{1,4}(\.\d{1,2})?$/;

function required(data: FormData, field: string, message: string, errors: Record<string, string>): string {
  const text = formText(data, field).trim();
  if (text === '') errors[field] = message;
  return text;
}

/** The scale the form says, checked with the shared contract as well as in plain words here. */
export function readScaleForm(data: FormData, rows: ScaleRows, existingKey: string | null): Checked<CustomMeasureInput> {
  const errors: Record<string, string> = {};
  const name = required(data, 'name', 'Enter the name of the scale', errors);
  const shortName = required(data, 'shortName', 'Enter a short name for the scale', errors);
  if (shortName.length > 30) errors.shortName = 'The short name must be 30 characters or fewer';
  const key = existingKey ?? formText(data, 'key').trim();
  if (existingKey === null && !/^[a-z][a-z0-9_-]{0,39}$/.test(key)) {
    errors.key = 'Enter a key of up to 40 lower-case letters, digits, - or _, starting with a letter, like loneliness';
  }
  const description = required(data, 'description', 'Say what the scale measures', errors);
  const intro = formText(data, 'intro').trim();

  if (rows.answers.length < 2) errors.answers = 'Give at least 2 answers';
  const seen = new Set<number>();
  const responses = rows.answers.map(({ row }, index) => {
    const valueField = answerField(row, 'value');
    const text = formText(data, valueField).trim();
    let value = 0;
    if (!INTEGER.test(text)) errors[valueField] = `Enter the score for answer ${index + 1} as a whole number`;
    else {
      value = Number(text);
      if (seen.has(value)) errors[valueField] = `Answer ${index + 1} has the same score as another answer: give each a different score`;
      seen.add(value);
    }
    const label = required(data, answerField(row, 'label'), `Enter the words for answer ${index + 1}`, errors);
    return { value, label };
  });

  if (rows.items.length < 1) errors.items = 'Add at least 1 question';
  const items = rows.items.map((item, index) => ({
    key: item.itemKey,
    text: required(data, itemField(item.row), `Enter question ${index + 1}`, errors),
    type: 'choice' as const,
    required: true,
  }));

  const scoringChoice = formText(data, 'scoring');
  if (scoringChoice !== 'sum' && scoringChoice !== 'mean') errors.scoring = 'Select how the scale is scored';
  const direction = formText(data, 'direction');
  if (direction !== 'higher-better' && direction !== 'lower-better') errors.direction = 'Select whether a higher score is better or worse';

  const bands = rows.bands.map(({ row }, index) => {
    const label = required(data, bandField(row, 'label'), `Enter the name of band ${index + 1}`, errors);
    const bound = (part: 'min' | 'max'): number => {
      const field = bandField(row, part);
      const text = formText(data, field).trim();
      if (!NUMBER.test(text)) {
        errors[field] = `Enter the ${part === 'min' ? 'lowest' : 'highest'} score of band ${index + 1}`;
        return 0;
      }
      return Number(text);
    };
    const min = bound('min');
    const max = bound('max');
    if (min > max && errors[bandField(row, 'max')] === undefined) errors[bandField(row, 'max')] = `The highest score of band ${index + 1} must not be below its lowest`;
    return { label, min, max };
  });

  const changeText = formText(data, 'meaningfulChange').trim();
  let meaningfulChange: number | null = null;
  if (changeText !== '') {
    if (!NUMBER.test(changeText) || Number(changeText) <= 0) errors.meaningfulChange = 'Enter the meaningful change as a number above 0, or leave it empty';
    else meaningfulChange = Number(changeText);
  }

  if (Object.keys(errors).length > 0) return { ok: false, errors: { detail: null, fields: errors } };
  const candidate = {
    key,
    name,
    shortName,
    description,
    intro: intro === '' ? null : intro,
    responses,
    items,
    scoring: scoringChoice === 'mean' ? { rule: 'mean' as const, decimals: 2 } : { rule: 'sum' as const },
    direction,
    bands,
    meaningfulChange,
    selfCompletion: data.get('selfCompletion') !== null,
  };
  const parsed = customMeasureInput.safeParse(candidate);
  if (!parsed.success) return { ok: false, errors: pathErrors(parsed.error.issues.map((i) => ({ field: i.path.map(String).join('.'), message: i.message })), rows, null) };
  return { ok: true, value: parsed.data };
}

/** A problem's path ("body.items.2.text", "responses.0.label") → the form field that shows it. */
export function fieldOfPath(path: string, rows: ScaleRows): string | null {
  const parts = path.split('.').filter((p) => p !== '' && p !== 'body');
  const [head, index, part] = parts;
  const row = (list: readonly string[]): string | undefined => (index !== undefined && /^\d+$/.test(index) ? list[Number(index)] : undefined);
  switch (head) {
    case 'responses': {
      const r = row(rows.answers.map((a) => a.row));
      if (r === undefined) return 'answers';
      return answerField(r, part === 'value' ? 'value' : 'label');
    }
    case 'items': {
      const r = row(rows.items.map((i) => i.row));
      return r === undefined ? 'items' : itemField(r);
    }
    case 'bands': {
      const r = row(rows.bands.map((b) => b.row));
      if (r === undefined) return null;
      return bandField(r, part === 'min' || part === 'max' ? part : 'label');
    }
    case undefined:
      return null;
    default:
      return fieldOrder(rows).includes(head) ? head : null;
  }
}

export function pathErrors(problems: readonly { field: string; message: string }[], rows: ScaleRows, detail: string | null): FormErrors {
  const fields: Record<string, string> = {};
  const other: string[] = [];
  for (const { field, message } of problems) {
    const name = fieldOfPath(field, rows);
    if (name === null) other.push(message);
    else fields[name] ??= message;
  }
  return { detail: other.length > 0 ? other.join('. ') : Object.keys(fields).length > 0 ? null : detail, fields };
}

/** The rows a saved scale starts with, or a new scale's starting point. Row keys only need to be unique on the page. */
export function rowsOf(definition: Pick<MeasureDefinition, 'responses' | 'items' | 'bands'> | null, newRow: () => string): ScaleRows {
  if (definition === null) {
    return {
      answers: NEW_SCALE_ANSWERS.map((a) => ({ row: newRow(), value: String(a.value), label: a.label })),
      items: [{ row: newRow(), itemKey: 'q1', text: '' }],
      bands: [],
    };
  }
  return {
    answers: (definition.responses ?? []).map((a) => ({ row: newRow(), value: String(a.value), label: a.label })),
    items: definition.items.map((item) => ({ row: newRow(), itemKey: item.key, text: item.text })),
    bands: definition.bands.map((b) => ({ row: newRow(), label: b.label, min: String(b.min), max: String(b.max) })),
  };
}
