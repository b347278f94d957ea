import { describe, expect, it } from 'vitest';
import { codeFor, settingsBody, settingsField, type SettingsValues } from './settingsForm.js';

const numbers = {
  maxCaseload: '40',
  responseWindowWorkingDays: '10',
  providerAccessDaysAfter: '30',
  nonAttendanceConsecutive: '2',
  nonAttendanceDays: '14',
  repeatedDnaThreshold: '2',
  loneWorkingGraceMinutes: '15',
  loneWorkingIntervalMinutes: '15',
};
const base: SettingsValues = { numbers, domains: [], contacts: [], shareFields: ['name', 'contact'] };

describe('casework settings form to body', () => {
  it('sends numbers, an empty domain list and the chosen share fields, keeping partner overrides', () => {
    const partner = { '0b6f1f0e-8a49-4a53-9d0e-6f5f8f5c2d11': ['name' as const] };
    expect(settingsBody(base, partner)).toEqual({
      ok: true,
      value: {
        maxCaseload: 40,
        responseWindowWorkingDays: 10,
        providerAccessDaysAfter: 30,
        nonAttendanceConsecutive: 2,
        nonAttendanceDays: 14,
        repeatedDnaThreshold: 2,
        loneWorkingGraceMinutes: 15,
        loneWorkingIntervalMinutes: 15,
        needDomains: [],
        loneWorkingContacts: [],
        shareFields: ['name', 'contact'],
        partnerShareFields: partner,
      },
    });
  });

  it('keeps existing domain codes, makes codes for new ones and drops empty rows', () => {
    const checked = settingsBody(
      {
        ...base,
        domains: [
          { key: 1, code: 'money', label: 'Money and debt' },
          { key: 2, code: '', label: 'Money' },
          { key: 3, code: '', label: '  ' },
        ],
        contacts: [
          { key: 1, name: 'Duty manager', email: '', phone: '07700 900123' },
          { key: 2, name: '', email: '', phone: '' },
        ],
      },
      {},
    );
    expect(checked.ok && checked.value.needDomains).toEqual([
      { code: 'money', label: 'Money and debt' },
      { code: 'money-2', label: 'Money' },
    ]);
    expect(checked.ok && checked.value.loneWorkingContacts).toEqual([{ name: 'Duty manager', email: null, phone: '07700 900123' }]);
  });

  it('says which numbers are out of range and what else is missing', () => {
    const checked = settingsBody(
      { ...base, numbers: { ...numbers, maxCaseload: '0', loneWorkingIntervalMinutes: 'ten' }, contacts: [{ key: 1, name: 'Sam', email: '', phone: '' }], shareFields: [] },
      {},
    );
    expect(checked).toEqual({
      ok: false,
      errors: {
        detail: null,
        fields: {
          maxCaseload: 'Most open cases for one link worker must be a whole number from 1 to 500',
          loneWorkingIntervalMinutes: 'Minutes between escalating alerts must be a whole number from 5 to 120',
          'contact-1-email': 'Give an email address or phone number for Sam',
          shareFields: 'Choose at least one detail to send to groups and services',
        },
      },
    });
  });

  it('makes codes the contract accepts', () => {
    expect(codeFor('Money & debt', new Set())).toBe('money-debt');
    expect(codeFor('2 Housing', new Set())).toBe('housing');
    expect(codeFor('!!!', new Set(['need']))).toBe('need-2');
  });
});

describe('settings errors land next to their boxes', () => {
  it('names the contact and need boxes by row', () => {
    expect(settingsField(['loneWorkingContacts', 0, 'email'])).toBe('contact-1-email');
    expect(settingsField(['loneWorkingContacts', 2, 'phone'])).toBe('contact-3-phone');
    expect(settingsField(['needDomains', 1, 'label'])).toBe('domain-2');
    expect(settingsField(['maxCaseload'])).toBe('maxCaseload');
  });

  it('reports a bad email address on its row', () => {
    const checked = settingsBody({ ...base, contacts: [{ key: 1, name: 'Sam', email: 'sam-at-example', phone: '' }] }, {});
    expect(checked).toEqual({ ok: false, errors: { detail: null, fields: { 'contact-1-email': 'Enter an email address, like name@example.org' } } });
  });
});
