import { describe, expect, it } from 'vitest';
import { apiPath, hasFilters, pageQuery, readFilters, withPage, withView } from './query.js';
import { placeText } from './place.js';
import { sessionText } from './sessions.js';

const read = (query: string) => readFilters(new URLSearchParams(query));
const PERSON = '0b7e2f4e-1d3c-4b5a-9f00-123456789abc';

describe('readFilters', () => {
  it('reads every filter the form sets', () => {
    const f = read('q=walking&need=loneliness&day=tue&time=morning&free=true&access=step_free&access=hearing_loop&language=PL&age=72&capacity=true&radiusKm=10&includePaused=true&page=3&view=map');
    expect(f).toEqual({
      q: 'walking',
      need: 'loneliness',
      day: 'tue',
      time: 'morning',
      free: true,
      access: ['step_free', 'hearing_loop'],
      language: 'pl',
      age: 72,
      capacity: true,
      radiusKm: 10,
      includePaused: true,
      page: 3,
      view: 'map',
    });
  });

  it('drops values the server would refuse', () => {
    expect(read('day=tuesday&time=night&access=lift&language=polish&age=-1&radiusKm=500&page=0&need=Bad%20Need&term=not-a-uuid')).toEqual({ access: [], page: 1, view: 'list' });
  });

  it('prefers the person to a postcode and a postcode to a point', () => {
    expect(read(`personId=${PERSON.toUpperCase()}&near=LS6 2QJ&lat=53.8&lng=-1.5`)).toMatchObject({ personId: PERSON });
    expect(read(`personId=${PERSON}&near=LS6 2QJ`).near).toBeUndefined();
    expect(read('near=ls6  2qj&lat=53.8&lng=-1.5')).toMatchObject({ near: 'LS6 2QJ' });
    expect(read('near=ls6 2qj&lat=53.8&lng=-1.5').point).toBeUndefined();
    expect(read('lat=53.81506&lng=-1.53399').point).toEqual({ lat: 53.81506, lng: -1.53399 });
    expect(read('lat=95&lng=-1.5').point).toBeUndefined();
  });

  it('reads a submitted checkbox as on', () => {
    expect(read('free=on').free).toBe(true);
    expect(read('free=false').free).toBeUndefined();
  });
});

describe('addresses', () => {
  it('writes the page address in a fixed order, leaving out defaults', () => {
    expect(pageQuery(read('view=map&free=true&q=walking&day=tue&page=1'))).toBe('q=walking&day=tue&free=true&view=map');
    expect(pageQuery(read(''))).toBe('');
    expect(pageQuery(withPage(read('q=walk'), 2))).toBe('q=walk&page=2');
  });

  it('keeps the view out of the API call and asks for a page size', () => {
    expect(apiPath(read('q=walking&day=tue&free=true&view=map'), 20)).toBe('/api/directory/search?q=walking&day=tue&free=true&perPage=20');
    expect(apiPath(read(`personId=${PERSON}&page=2`), 20)).toBe(`/api/directory/search?personId=${PERSON}&page=2&perPage=20`);
  });

  it('sends suggestions to /match with the person and radius only', () => {
    expect(apiPath(read(`personId=${PERSON}&match=1&q=ignored&radiusKm=10`), 20)).toBe(`/api/directory/match?personId=${PERSON}&radiusKm=10&perPage=20`);
    // Without a person there is nobody to suggest for: an ordinary search.
    expect(apiPath(read('match=1&q=walk'), 20)).toBe('/api/directory/search?q=walk&perPage=20');
  });

  it('says whether anything was asked for', () => {
    expect(hasFilters(read('view=map&page=2'))).toBe(false);
    expect(hasFilters(read('free=true'))).toBe(true);
  });

  it('switches the view without touching the filters', () => {
    expect(pageQuery(withView(read('q=walk&day=tue'), 'map'))).toBe('q=walk&day=tue&view=map');
    expect(pageQuery(withView(read('q=walk&view=map'), 'list'))).toBe('q=walk');
  });
});

describe('placeText', () => {
  const approximate = { label: 'approximate: the centre of the neighbourhood', approximate: true };
  it('names the person’s home, never their address', () => {
    expect(placeText({ personId: PERSON }, approximate, 'Margaret Ellis')).toBe('Near Margaret Ellis’s home (approximate: the centre of the neighbourhood)');
    expect(placeText({ personId: PERSON }, { label: 'home postcode', approximate: false }, 'Margaret Ellis')).toBe('Near Margaret Ellis’s home');
    expect(placeText({ personId: PERSON }, null, null)).toBe('Near the person’s home');
  });
  it('names a postcode or says nothing', () => {
    expect(placeText({ near: 'LS6 2QJ' }, { label: 'LS6 2QJ', approximate: false }, null)).toBe('Near LS6 2QJ');
    expect(placeText({ near: 'LS6 2QJ' }, null, null)).toBe('Near LS6 2QJ');
    expect(placeText({}, null, null)).toBeNull();
  });
});

describe('sessionText', () => {
  it('reads a weekly and a monthly session', () => {
    expect(sessionText({ day: 'Tuesday', opensAt: '10:00', closesAt: '11:30', monthly: false })).toBe('Tuesdays 10:00–11:30');
    expect(sessionText({ day: 'Thursday', opensAt: '18:00', closesAt: null, monthly: true })).toBe('Some Thursdays 18:00');
  });
});
