import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { OutcomeSettings, SchemeMeasure } from '../../../../src/contracts/outcomes.js';
import { describedBy, ErrorMessage } from '../../components/ErrorMessage.js';
import { FormSection } from '../../components/FormSection.js';
import { schedulePointField, weeksText } from './settingsForm.js';

/**
 * "When measures are used": for each measure in the schedule, whether it is used at first
 * contact, at which follow-ups (weeks after first contact) and at closure. Adding a measure
 * moves focus to its first box; removing one moves focus to the list of measures to add and
 * says, in a live region, which measure went.
 */
interface Props {
  measures: readonly SchemeMeasure[];
  saved: OutcomeSettings['schedule'];
  rows: readonly string[];
  errors: Partial<Record<string, string>>;
  busy: boolean;
  onAdd: (measureKey: string) => void;
  onRemove: (measureKey: string) => void;
}

export function ScheduleFields({ measures, saved, rows, errors, busy, onAdd, onRemove }: Props): ReactNode {
  const addRef = useRef<HTMLSelectElement>(null);
  const [focus, setFocus] = useState<{ kind: 'row'; key: string } | { kind: 'add' } | null>(null);
  const [status, setStatus] = useState('');
  const addable = measures.filter((m) => !rows.includes(m.definition.key));
  const [choice, setChoice] = useState('');
  const chosen = addable.some((m) => m.definition.key === choice) ? choice : (addable[0]?.definition.key ?? '');

  useEffect(() => {
    if (focus === null) return;
    if (focus.kind === 'add') addRef.current?.focus();
    else document.getElementById(schedulePointField(focus.key, 'baseline'))?.focus();
    setFocus(null);
  }, [focus]);

  const nameOf = (key: string): string => measures.find((m) => m.definition.key === key)?.definition.name ?? key;

  return (
    <FormSection
      heading="When measures are used"
      id="schedule"
      hint="Link workers see a measure as due at these times. Follow-ups count from the person’s first contact with the scheme."
    >
      {rows.length === 0 && <p className="nhsuk-body">No measures are scheduled. Link workers can still use any measure that is switched on.</p>}
      {rows.map((key) => {
        const points = saved.find((e) => e.measureKey === key)?.points ?? [];
        const baseline = schedulePointField(key, 'baseline');
        const weeks = schedulePointField(key, 'weeks');
        const closure = schedulePointField(key, 'closure');
        const rowError = errors[baseline];
        const weeksError = errors[weeks];
        return (
          <div className={rowError === undefined ? 'nhsuk-form-group' : 'nhsuk-form-group nhsuk-form-group--error'} key={key}>
            <fieldset className="nhsuk-fieldset" aria-describedby={rowError === undefined ? undefined : `${baseline}-error`}>
              <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{nameOf(key)}</legend>
              {rowError !== undefined && <ErrorMessage id={`${baseline}-error`}>{rowError}</ErrorMessage>}
              <div className="nhsuk-checkboxes nhsuk-checkboxes--small">
                <div className="nhsuk-checkboxes__item">
                  <input className="nhsuk-checkboxes__input" id={baseline} name={baseline} type="checkbox" value="yes" defaultChecked={points.some((p) => p.kind === 'baseline')} />
                  <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={baseline}>
                    At first contact (baseline)
                  </label>
                </div>
              </div>
              <div className={weeksError === undefined ? 'nhsuk-form-group nhsuk-u-margin-top-3' : 'nhsuk-form-group nhsuk-form-group--error nhsuk-u-margin-top-3'}>
                <label className="nhsuk-label" htmlFor={weeks}>
                  Follow-ups, in weeks after first contact
                </label>
                <div className="nhsuk-hint" id={`${weeks}-hint`}>
                  For example, 12, 24. Leave empty for none.
                </div>
                {weeksError !== undefined && <ErrorMessage id={`${weeks}-error`}>{weeksError}</ErrorMessage>}
                <input
                  className={weeksError === undefined ? 'nhsuk-input nhsuk-input--width-10' : 'nhsuk-input nhsuk-input--width-10 nhsuk-input--error'}
                  id={weeks}
                  name={weeks}
                  type="text"
                  inputMode="numeric"
                  autoComplete="off"
                  defaultValue={weeksText(points)}
                  aria-describedby={describedBy(`${weeks}-hint`, weeksError !== undefined && `${weeks}-error`)}
                />
              </div>
              <div className="nhsuk-checkboxes nhsuk-checkboxes--small">
                <div className="nhsuk-checkboxes__item">
                  <input className="nhsuk-checkboxes__input" id={closure} name={closure} type="checkbox" value="yes" defaultChecked={points.some((p) => p.kind === 'closure')} />
                  <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={closure}>
                    At closure
                  </label>
                </div>
              </div>
              <button
                className="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-top-3 nhsuk-u-margin-bottom-0"
                type="button"
                disabled={busy}
                onClick={() => {
                  onRemove(key);
                  setStatus(`${nameOf(key)} removed from the schedule`);
                  setFocus({ kind: 'add' });
                }}
              >
                Remove<span className="nhsuk-u-visually-hidden"> {nameOf(key)}</span> from the schedule
              </button>
            </fieldset>
          </div>
        );
      })}
      {addable.length > 0 && (
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor="addMeasure">
            Add a measure to the schedule
          </label>
          <div className="lw-add-row">
            <select
              className="nhsuk-select"
              id="addMeasure"
              ref={addRef}
              value={chosen}
              onChange={(event) => {
                setChoice(event.target.value);
              }}
            >
              {addable.map((m) => (
                <option key={m.definition.key} value={m.definition.key}>
                  {m.definition.name}
                </option>
              ))}
            </select>
            <button
              className="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0"
              type="button"
              disabled={busy || chosen === ''}
              onClick={() => {
                onAdd(chosen);
                setStatus('');
                setFocus({ kind: 'row', key: chosen });
              }}
            >
              Add to schedule
            </button>
          </div>
        </div>
      )}
      <p className="nhsuk-u-visually-hidden" role="status">
        {status}
      </p>
    </FormSection>
  );
}
