import type { ReactNode } from 'react';
import type { MeasureAnswers, MeasureDefinition } from '../../../../../src/contracts/outcomes.js';
import { MeasureItemField } from './MeasureItemField.js';
import './measure-fields.css';

interface Props {
  definition: MeasureDefinition;
  answers: MeasureAnswers;
  onChange: (next: MeasureAnswers) => void;
  /** Messages keyed by item key (see answerProblems and serverProblems in answers.ts). */
  errors: Record<string, string>;
  /** Makes ids unique on the page; each item's first control is `${idPrefix}-${item.key}`. */
  idPrefix: string;
}

/**
 * Every question of a measure as NHS.UK form controls: the measure's introduction first, then
 * the questions in order, numbered as the scale numbers them, then the licence notice the
 * publisher asks to be shown with the scale. The parent owns the answers, the heading, the
 * error summary and the buttons.
 */
export function MeasureFields({ definition, answers, onChange, errors, idPrefix }: Props): ReactNode {
  const licence = definition.licence;
  return (
    <div className="lw-measure">
      {definition.intro !== null && <p className="lw-measure__intro">{definition.intro}</p>}
      {definition.items.map((item, index) => (
        <MeasureItemField
          key={item.key}
          definition={definition}
          item={item}
          n={index + 1}
          answers={answers}
          onChange={onChange}
          error={errors[item.key]}
          idPrefix={idPrefix}
        />
      ))}
      {licence !== null && (
        <p className="nhsuk-body-s lw-measure__licence">
          {licence.notice}
          {licence.url !== undefined && (
            <>
              {' '}
              <a href={licence.url} rel="noreferrer" target="_blank">
                About {definition.shortName} (opens in a new tab)
              </a>
            </>
          )}
        </p>
      )}
    </div>
  );
}
