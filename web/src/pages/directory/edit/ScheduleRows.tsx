import type { ReactNode } from 'react';
import { ErrorMessage } from '../../../components/ErrorMessage.js';
import { SCHEDULE_DAYS, type ScheduleRowValues } from './serviceForm.js';

/**
 * Regular sessions as rows of day, start and end, which can be added and removed. Each row is
 * its own fieldset named "Session 2", so a screen reader hears which row a field belongs to.
 */
interface Props {
  rows: readonly ScheduleRowValues[];
  errors: Partial<Record<string, string>>;
  onAdd: () => void;
  onRemove: (key: string) => void;
}

const DAY_NAMES: Record<string, string> = Object.fromEntries(SCHEDULE_DAYS.map((d) => [d.value, d.label]));

/** A stored multi-day value ("MO,TH") stays choosable as it is. */
function dayOptions(current: string): { value: string; label: string }[] {
  const options: { value: string; label: string }[] = SCHEDULE_DAYS.map((d) => ({ value: d.value, label: d.label }));
  if (!options.some((o) => o.value === current)) {
    options.unshift({ value: current, label: current.split(',').map((code) => DAY_NAMES[code] ?? code).join(' and ') });
  }
  return options;
}

function TimeInput({ id, label, defaultValue, error }: { id: string; label: string; defaultValue: string; error: string | undefined }): ReactNode {
  return (
    <div className={error === undefined ? 'nhsuk-form-group lw-inline-field' : 'nhsuk-form-group nhsuk-form-group--error lw-inline-field'}>
      <label className="nhsuk-label" htmlFor={id}>
        {label}
      </label>
      {error !== undefined && <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage>}
      <input
        className={error === undefined ? 'nhsuk-input nhsuk-input--width-5' : 'nhsuk-input nhsuk-input--width-5 nhsuk-input--error'}
        id={id}
        name={id}
        type="time"
        defaultValue={defaultValue}
        aria-describedby={error === undefined ? 'schedules-hint' : `schedules-hint ${id}-error`}
      />
    </div>
  );
}

export function ScheduleRows({ rows, errors, onAdd, onRemove }: Props): ReactNode {
  return (
    <div className="nhsuk-form-group">
      <h2 className="nhsuk-heading-m">Sessions</h2>
      <div className="nhsuk-hint" id="schedules-hint">
        When it meets each week, with 24-hour times such as 10:00 and 11:30. Leave a session’s times empty to remove it.
      </div>
      {rows.map((row, index) => {
        const base = `schedule-${index}`;
        const dayError = errors[`${base}-byday`];
        const descriptionError = errors[`${base}-description`];
        return (
          <fieldset className="nhsuk-fieldset lw-schedule-row" key={row.key}>
            <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Session {index + 1}</legend>
            <div className={dayError === undefined ? 'nhsuk-form-group lw-inline-field' : 'nhsuk-form-group nhsuk-form-group--error lw-inline-field'}>
              <label className="nhsuk-label" htmlFor={`${base}-byday`}>
                Day
              </label>
              {dayError !== undefined && <ErrorMessage id={`${base}-byday-error`}>{dayError}</ErrorMessage>}
              <select className="nhsuk-select" id={`${base}-byday`} name={`${base}-byday`} defaultValue={row.byday} aria-describedby={dayError === undefined ? undefined : `${base}-byday-error`}>
                {dayOptions(row.byday).map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </select>
            </div>
            <TimeInput id={`${base}-opensAt`} label="Starts" defaultValue={row.opensAt} error={errors[`${base}-opensAt`]} />
            <TimeInput id={`${base}-closesAt`} label="Ends" defaultValue={row.closesAt} error={errors[`${base}-closesAt`]} />
            <div className={descriptionError === undefined ? 'nhsuk-form-group' : 'nhsuk-form-group nhsuk-form-group--error'}>
              <label className="nhsuk-label" htmlFor={`${base}-description`}>
                Note about this session (optional)
              </label>
              {descriptionError !== undefined && <ErrorMessage id={`${base}-description-error`}>{descriptionError}</ErrorMessage>}
              <input className="nhsuk-input" id={`${base}-description`} name={`${base}-description`} type="text" defaultValue={row.description} />
            </div>
            {rows.length > 1 && (
              <button
                className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
                type="button"
                onClick={() => {
                  onRemove(row.key);
                }}
              >
                Remove session {index + 1}
              </button>
            )}
          </fieldset>
        );
      })}
      <button className="nhsuk-button nhsuk-button--secondary" type="button" onClick={onAdd}>
        Add another session
      </button>
    </div>
  );
}
