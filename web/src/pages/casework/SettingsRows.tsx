import { useState, type ReactNode } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import type { ContactRow, DomainRow } from './settingsForm.js';

/** The editable lists of the settings form: need domains, and the named lone-working contacts. */
function useNextKey(start: number): () => number {
  const [next, setNext] = useState(start);
  return () => {
    setNext((n) => n + 1);
    return next;
  };
}

function Input({ id, label, value, onChange, type = 'text', error }: { id: string; label: string; value: string; onChange: (v: string) => void; type?: 'text' | 'email' | 'tel'; error?: string | undefined }): ReactNode {
  return (
    <div className={error === undefined ? 'nhsuk-form-group' : 'nhsuk-form-group nhsuk-form-group--error'}>
      <label className="nhsuk-label" htmlFor={id}>
        {label}
      </label>
      {error !== undefined && <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage>}
      <input className="nhsuk-input" id={id} type={type} value={value} aria-describedby={error === undefined ? undefined : `${id}-error`} onChange={(e) => { onChange(e.target.value); }} />
    </div>
  );
}

export function DomainRows({ rows, setRows, errors }: { rows: readonly DomainRow[]; setRows: (update: (rows: DomainRow[]) => DomainRow[]) => void; errors: Partial<Record<string, string>> }): ReactNode {
  const nextKey = useNextKey(rows.length + 1);
  return (
    <div id="needDomains" tabIndex={-1}>
      {rows.map((row, index) => (
        <div key={row.key} className="nhsuk-u-margin-bottom-3">
          <Input id={`domain-${index + 1}`} label={`Need ${index + 1}`} value={row.label} error={errors[`domain-${index + 1}`]} onChange={(label) => { setRows((all) => all.map((r) => (r.key === row.key ? { ...r, label } : r))); }} />
          <button className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" type="button" onClick={() => { setRows((all) => all.filter((r) => r.key !== row.key)); }}>
            Remove need {index + 1}
          </button>
        </div>
      ))}
      <button className="nhsuk-button nhsuk-button--secondary" type="button" onClick={() => { const key = nextKey(); setRows((all) => [...all, { key, code: '', label: '' }]); }}>
        Add a need
      </button>
    </div>
  );
}

export function ContactRows({ rows, setRows, errors }: { rows: readonly ContactRow[]; setRows: (update: (rows: ContactRow[]) => ContactRow[]) => void; errors: Partial<Record<string, string>> }): ReactNode {
  const nextKey = useNextKey(rows.length + 1);
  const change = (key: number, patch: Partial<ContactRow>): void => {
    setRows((all) => all.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  };
  return (
    <fieldset className="nhsuk-fieldset">
      <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Named contacts alerted after the managers</legend>
      <div className="nhsuk-hint">They are sent the second and later alerts for a missed check-in, by email or text message.</div>
      {rows.map((row, index) => {
        const n = index + 1;
        return (
          <div key={row.key} className="nhsuk-u-margin-bottom-4">
            <Input id={`contact-${n}-name`} label={`Contact ${n}: name`} value={row.name} onChange={(name) => { change(row.key, { name }); }} error={errors[`contact-${n}-name`]} />
            <Input id={`contact-${n}-email`} label={`Contact ${n}: email`} type="email" value={row.email} onChange={(email) => { change(row.key, { email }); }} error={errors[`contact-${n}-email`]} />
            <Input id={`contact-${n}-phone`} label={`Contact ${n}: mobile phone`} type="tel" value={row.phone} onChange={(phone) => { change(row.key, { phone }); }} error={errors[`contact-${n}-phone`]} />
            <button className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" type="button" onClick={() => { setRows((all) => all.filter((r) => r.key !== row.key)); }}>
              Remove contact {n}
            </button>
          </div>
        );
      })}
      <button className="nhsuk-button nhsuk-button--secondary" type="button" onClick={() => { const key = nextKey(); setRows((all) => [...all, { key, name: '', email: '', phone: '' }]); }}>
        Add a contact
      </button>
    </fieldset>
  );
}
