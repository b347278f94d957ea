import { useState, type ReactNode } from 'react';
import { SHARE_FIELD_LABELS, SHARE_FIELDS } from '../../../../src/contracts/casework-codes.js';
import { caseworkSettings, type CaseworkSettings } from '../../../../src/contracts/casework.js';
import { useProblemHandler } from '../../api/useApi.js';
import { ChoiceField } from '../../components/ChoiceField.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { FormSection } from '../../components/FormSection.js';
import { TextField } from '../../components/TextField.js';
import { formText } from '../../forms/errors.js';
import { useFormSubmit } from '../../forms/useFormSubmit.js';
import { usePutIfMatch } from '../people/api.js';
import { ContactRows, DomainRows } from './SettingsRows.js';
import { NUMBER_FIELDS, settingsBody, type ContactRow, type DomainRow, type NumberKey } from './settingsForm.js';

/** Every casework setting in plain words. Partner-specific share lists are kept as they are. */
export function CaseworkSettingsForm({ settings, onSaved }: { settings: CaseworkSettings; onSaved: (next: CaseworkSettings) => void }): ReactNode {
  const putIfMatch = usePutIfMatch();
  const [domains, setDomains] = useState<DomainRow[]>(settings.needDomains.map((d, key) => ({ key, ...d })));
  const [contacts, setContacts] = useState<ContactRow[]>(settings.loneWorkingContacts.map((c, key) => ({ key, name: c.name, email: c.email ?? '', phone: c.phone ?? '' })));
  const order = [
    ...NUMBER_FIELDS.slice(0, 1).map((f) => f.key),
    'needDomains',
    'shareFields',
    ...NUMBER_FIELDS.slice(1).map((f) => f.key),
    ...domains.map((_, i) => `domain-${i + 1}`),
    ...contacts.flatMap((_, i) => [`contact-${i + 1}-name`, `contact-${i + 1}-email`, `contact-${i + 1}-phone`]),
  ];
  const { errors, busy, onSubmit } = useFormSubmit({
    fields: order,
    check: (data) => {
      const numbers = Object.fromEntries(NUMBER_FIELDS.map((f) => [f.key, formText(data, f.key)])) as Record<NumberKey, string>;
      const shareFields = data.getAll('shareFields').filter((v): v is string => typeof v === 'string');
      return settingsBody({ numbers, domains, contacts, shareFields }, settings.partnerShareFields);
    },
    send: async (body) => {
      onSaved(await putIfMatch('/api/casework/settings', body, caseworkSettings, settings.version));
    },
    toProblem: useProblemHandler(),
  });
  const numberField = (key: NumberKey): ReactNode => {
    const spec = NUMBER_FIELDS.find((f) => f.key === key);
    if (spec === undefined) return null;
    return (
      <TextField key={key} name={key} label={spec.label} hint={spec.hint} inputMode="numeric" widthClass="nhsuk-input--width-4" defaultValue={String(settings[key])} error={errors.fields[key]} />
    );
  };
  const partners = Object.keys(settings.partnerShareFields).length;
  return (
    <form onSubmit={onSubmit} noValidate>
      <ErrorSummary errors={errors} order={order} />
      <FormSection heading="Caseloads">{numberField('maxCaseload')}</FormSection>
      <FormSection
        heading="Need domains"
        id="need-domains"
        hint={
          settings.needDomains.length === 0
            ? `The list is empty, so the referral need categories are used: ${settings.effectiveNeedDomains.map((d) => d.label).join(', ')}.`
            : 'The needs a link worker talks through in “What matters to me”. Leave the list empty to use the referral need categories.'
        }
      >
        <DomainRows rows={domains} setRows={setDomains} errors={errors.fields} />
      </FormSection>
      <FormSection heading="What groups and services are sent">
        <ChoiceField
          type="checkbox"
          name="shareFields"
          legend="Details sent with an onward referral"
          hint="Clinical notes and other referrals are never sent."
          items={SHARE_FIELDS.map((f) => ({ value: f, label: SHARE_FIELD_LABELS[f] }))}
          defaultValues={settings.shareFields}
          error={errors.fields.shareFields}
        />
        {partners > 0 && (
          <p className="nhsuk-body">
            {partners === 1 ? 'One partner has' : `${partners} partners have`} a list of their own, which is kept as it is.
          </p>
        )}
        {numberField('responseWindowWorkingDays')}
        {numberField('providerAccessDaysAfter')}
      </FormSection>
      <FormSection heading="Attendance and missed appointments">
        {numberField('nonAttendanceConsecutive')}
        {numberField('nonAttendanceDays')}
        {numberField('repeatedDnaThreshold')}
      </FormSection>
      <FormSection heading="Lone working">
        {numberField('loneWorkingGraceMinutes')}
        {numberField('loneWorkingIntervalMinutes')}
        <ContactRows rows={contacts} setRows={setContacts} errors={errors.fields} />
      </FormSection>
      <button className="nhsuk-button" type="submit" disabled={busy}>
        Save settings
      </button>
    </form>
  );
}
