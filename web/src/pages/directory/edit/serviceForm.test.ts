import { describe, expect, it } from 'vitest';
import { checkCreate, checkUpdate, inputIdForPath, readServiceForm, serverErrors } from './serviceForm.js';

const languages = [
  { code: 'en', name: 'English' },
  { code: 'pl', name: 'Polish' },
];

function form(values: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(values)) for (const v of Array.isArray(value) ? value : [value]) data.append(name, v);
  return data;
}

const base = { name: 'Tuesday Wellbeing Walk', status: 'active', referralMode: 'referrals' };

describe('readServiceForm', () => {
  it('reads sessions, contact, place and languages into the API’s shape', () => {
    const read = readServiceForm(
      form({
        ...base,
        'schedule-0-byday': 'TU',
        'schedule-0-opensAt': '10:00',
        'schedule-0-closesAt': '11:30',
        'contact-name': 'Sue Marsh',
        'contact-email': 'sue@example.org',
        'location-line1': '1 Park Lane',
        'location-city': 'Leeds',
        'location-postcode': 'ls6 2qj',
        'location-accessibility': ['Step-free access', 'Parking'],
        'capacity-places': '12',
        free: 'true',
        languages: ['pl'],
      }),
      { rowKeys: ['a'], languages },
    );
    expect(read.numberErrors).toEqual({});
    expect(read.input).toMatchObject({
      name: 'Tuesday Wellbeing Walk',
      schedules: [{ byday: 'TU', opensAt: '10:00', closesAt: '11:30', description: null }],
      namedContact: { name: 'Sue Marsh', role: null, email: 'sue@example.org', phone: null },
      location: { line1: '1 Park Lane', city: 'Leeds', postcode: 'ls6 2qj', accessibility: ['Step-free access', 'Parking'] },
      capacity: { places: 12, waitlist: null, notTakingUntil: null },
      free: true,
      languages: [{ code: 'pl', name: 'Polish' }],
    });
    const checked = checkUpdate(read);
    expect(checked.ok).toBe(true);
    if (checked.ok) expect(checked.value.location?.postcode).toBe('LS6 2QJ');
  });

  it('leaves out empty session rows and an empty contact or place', () => {
    const read = readServiceForm(form({ ...base, 'schedule-0-byday': 'MO', 'schedule-1-byday': 'TU', 'schedule-1-opensAt': '09:00', 'schedule-1-closesAt': '10:00' }), {
      rowKeys: ['a', 'b'],
      languages,
    });
    expect(read.input.schedules).toEqual([{ byday: 'TU', opensAt: '09:00', closesAt: '10:00', description: null }]);
    expect(read.rowIndex).toEqual([1]);
    expect(read.input.namedContact).toBeNull();
    expect(read.input.location).toBeNull();
  });

  it('puts each error next to its input, rows by their place on screen', () => {
    const read = readServiceForm(form({ ...base, name: '', 'schedule-0-byday': 'MO', 'schedule-1-byday': 'TU', 'schedule-1-opensAt': '9am', 'capacity-places': 'twelve', 'contact-email': 'sue' }), {
      rowKeys: ['a', 'b'],
      languages,
    });
    const checked = checkUpdate(read);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.errors.fields).toMatchObject({
      name: 'Enter the service’s name',
      'schedule-1-opensAt': 'Enter a time like 09:30',
      'capacity-places': 'Enter a whole number, like 12',
      'contact-name': 'Enter the contact’s name',
      'contact-email': 'Enter an email address like name@example.org',
    });
  });

  it('checks a new listing with its organisation', () => {
    const read = readServiceForm(form(base), { rowKeys: [], languages });
    expect(checkCreate(read, 'not-an-id').ok).toBe(false);
    const ok = checkCreate(read, '0b7e2f4e-1d3c-4b5a-9f00-123456789abc');
    expect(ok.ok && ok.value.organizationId).toBe('0b7e2f4e-1d3c-4b5a-9f00-123456789abc');
  });
});

describe('error placement', () => {
  it('maps API paths to input ids', () => {
    expect(inputIdForPath(['body', 'name'])).toBe('name');
    expect(inputIdForPath(['schedules', 0, 'closesAt'], [3])).toBe('schedule-3-closesAt');
    expect(inputIdForPath(['namedContact', 'email'])).toBe('contact-email');
    expect(inputIdForPath(['location', 'postcode'])).toBe('location-postcode');
    expect(inputIdForPath(['capacity', 'notTakingUntil'])).toBe('capacity-notTakingUntil');
    expect(inputIdForPath(['location'])).toBe('location-line1');
  });

  it('places a server problem, or shows its detail when it names no field', () => {
    expect(serverErrors({ detail: 'x', errors: [{ field: 'body.schedules.0.opensAt', message: 'Too early' }] }, [2]).fields).toEqual({ 'schedule-2-opensAt': 'Too early' });
    expect(serverErrors({ detail: 'Not allowed', errors: [] }, [])).toEqual({ detail: 'Not allowed', fields: {} });
  });
});
