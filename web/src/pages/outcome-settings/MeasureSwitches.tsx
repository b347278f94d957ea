import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { OutcomeSettings, SchemeMeasure } from '../../../../src/contracts/outcomes.js';
import { FormSection } from '../../components/FormSection.js';
import { TextField } from '../../components/TextField.js';
import { answerOf } from '../outcomes/form/answers.js';
import { featuresEditorCannotKeep } from './editable.js';
import { enabledField, hasHeadline, meaningfulField } from './settingsForm.js';

const ORIGIN_LABELS: Record<SchemeMeasure['definition']['origin'], string> = {
  standard: 'Standard measure',
  licensed: 'Licensed tool: scores are entered, not asked',
  scheme: 'Your scheme’s own scale',
};

/**
 * "Measures your scheme uses": a checkbox per measure, with what it is and the licence notice
 * its publisher asks to be shown. A measure switched off is not offered and not scheduled.
 */
export function MeasureSwitches({ measures, settings }: { measures: readonly SchemeMeasure[]; settings: OutcomeSettings }): ReactNode {
  return (
    <FormSection heading="Measures your scheme uses" id="measures" hint="Link workers can only use measures that are switched on. Switching one off keeps the scores already recorded.">
      <div className="nhsuk-checkboxes">
        {measures.map(({ definition }) => {
          const id = enabledField(definition.key);
          const hintId = `${id}-item-hint`;
          return (
            <div className="nhsuk-checkboxes__item" key={definition.key}>
              <input
                className="nhsuk-checkboxes__input"
                id={id}
                name={id}
                type="checkbox"
                value="yes"
                defaultChecked={!settings.disabledMeasures.includes(definition.key)}
                aria-describedby={hintId}
              />
              <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={id}>
                {definition.name}
              </label>
              <div className="nhsuk-hint nhsuk-checkboxes__hint" id={hintId}>
                <span className="nhsuk-u-display-block">{ORIGIN_LABELS[definition.origin]}. {definition.description}</span>
                {definition.licence !== null && <span className="nhsuk-u-display-block nhsuk-u-margin-top-2">{definition.licence.notice}</span>}
                {definition.origin === 'scheme' && (
                  <Link className="nhsuk-u-display-block nhsuk-u-margin-top-2" to={`/admin/outcome-settings/scales/${encodeURIComponent(definition.key)}`}>
                    {featuresEditorCannotKeep(definition).length === 0 ? 'Change' : 'View'}
                    <span className="nhsuk-u-visually-hidden"> {definition.name}</span>
                  </Link>
                )}
              </div>
            </div>
          );
        })}
      </div>
    </FormSection>
  );
}

/** "What counts as a meaningful change": per measure with a headline score, the scheme's own threshold or the default. */
export function ThresholdFields({ measures, settings, errors }: { measures: readonly SchemeMeasure[]; settings: OutcomeSettings; errors: Partial<Record<string, string>> }): ReactNode {
  return (
    <FormSection
      heading="What counts as a meaningful change"
      id="thresholds"
      hint="The smallest change in one person’s score that counts as meaningful. Leave a box empty to use the published default."
    >
      {measures.filter(hasHeadline).map(({ definition }) => {
        const field = meaningfulField(definition.key);
        const own = answerOf(settings.meaningfulChange, definition.key);
        return (
          <TextField
            key={definition.key}
            name={field}
            label={definition.shortName}
            hint={definition.meaningfulChange === null ? 'There is no default.' : `The default is ${definition.meaningfulChange}.`}
            inputMode="decimal"
            widthClass="nhsuk-input--width-5"
            defaultValue={own === undefined ? '' : String(own)}
            error={errors[field]}
          />
        );
      })}
    </FormSection>
  );
}
