import type { ReactNode } from 'react';
import type { ResponseOption } from '../../../../../src/contracts/outcomes.js';
import { anchorWords, isNumberScale } from './answers.js';

interface Props {
  /** The id of the first radio (the error summary links to it); the others add -2, -3, … */
  id: string;
  /** Shared by the radios of one question. */
  name: string;
  options: readonly ResponseOption[];
  value: number | null;
  onChange: (value: number) => void;
}

/**
 * The radios of one question. Number scales (0 to 10) are a compact row of numbered boxes,
 * each at least 40 px square, that wraps to two rows on a 320 px screen; the words at the ends
 * are in a hint (see RatingHint) and also in the end boxes' names, so they are read out with
 * the number. Worded answers are NHS.UK radios, one per line.
 */
export function RatingRadios({ id, name, options, value, onChange }: Props): ReactNode {
  const compact = isNumberScale(options);
  const radioId = (index: number): string => (index === 0 ? id : `${id}-${index + 1}`);
  return (
    <div className={compact ? 'lw-scale' : 'nhsuk-radios'}>
      {options.map((option, index) => {
        const words = compact ? anchorWords(option) : null;
        return (
          <div className={compact ? 'lw-scale__item' : 'nhsuk-radios__item'} key={option.value}>
            <input
              className={compact ? 'lw-scale__input' : 'nhsuk-radios__input'}
              id={radioId(index)}
              name={name}
              type="radio"
              value={String(option.value)}
              checked={value === option.value}
              onChange={() => {
                onChange(option.value);
              }}
            />
            <label className={compact ? 'lw-scale__label' : 'nhsuk-label nhsuk-radios__label'} htmlFor={radioId(index)}>
              {compact ? String(option.value) : option.label}
              {words !== null && <span className="nhsuk-u-visually-hidden"> – {words}</span>}
            </label>
          </div>
        );
      })}
    </div>
  );
}
