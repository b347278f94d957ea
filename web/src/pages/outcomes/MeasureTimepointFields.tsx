import type { ReactNode } from 'react';
import type { DueMeasure } from '../../../../src/contracts/outcomes.js';
import { SelectField } from '../../components/SelectField.js';
import type { FormErrors } from '../../forms/errors.js';
import { suggestedTimepoint, type ReferralChoice } from './forms.js';

interface Props {
  /** Field names (and ids) of the three controls in this form. */
  fields: { measureKey: string; timepoint: string; referralId: string };
  measures: readonly { key: string; name: string }[];
  measureKey: string;
  onMeasureChange: (key: string) => void;
  timepoints: readonly { value: string; label: string }[];
  due: readonly DueMeasure[];
  referrals: readonly ReferralChoice[];
  errors: FormErrors;
}

/**
 * Which measure, at which point of the schedule, for which referral: the same three questions
 * when sending a link and when completing a measure with the person.
 */
export function MeasureTimepointFields({ fields, measures, measureKey, onMeasureChange, timepoints, due, referrals, errors }: Props): ReactNode {
  return (
    <>
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor={fields.measureKey}>
          Measure
        </label>
        <select
          className="nhsuk-select"
          id={fields.measureKey}
          name={fields.measureKey}
          value={measureKey}
          onChange={(event) => {
            onMeasureChange(event.target.value);
          }}
        >
          {measures.map((m) => (
            <option key={m.key} value={m.key}>
              {m.name}
            </option>
          ))}
        </select>
      </div>
      <SelectField
        // A new measure, or the schedule arriving, starts the choice again at the suggestion.
        key={`${measureKey}|${timepoints.map((c) => c.value).join(',')}`}
        name={fields.timepoint}
        label="Timepoint"
        hint="The point in the scheme’s schedule this answers. Choose Other for a measure off the schedule."
        options={timepoints}
        defaultValue={suggestedTimepoint(due, measureKey, timepoints)}
        error={errors.fields[fields.timepoint]}
      />
      {referrals.length > 1 && (
        <SelectField
          name={fields.referralId}
          label="Referral"
          options={referrals.map((r) => ({ value: r.id, label: r.reference }))}
          error={errors.fields[fields.referralId]}
        />
      )}
    </>
  );
}
