import { describe, expect, it } from 'vitest';
import { reasonsFor, sessionPhrase, sessionsMatching, type DisplaySession, type ReasonFacts, type ReasonQuery } from './reasons.js';

const noQuery: ReasonQuery = { needs: [], text: null, day: undefined, time: undefined, free: false, access: [], language: undefined, age: undefined };
const plain: ReasonFacts = {
  needsMet: [],
  distanceKm: null,
  sessions: [],
  free: false,
  accessibility: [],
  languageCodes: [],
  minimumAge: null,
  maximumAge: null,
  available: false,
  preferred: false,
};
const tuesday: DisplaySession = { weekday: 2, opensAt: 600, closesAt: 690, monthly: false };
const thursdayEvening: DisplaySession = { weekday: 4, opensAt: 1080, closesAt: 1200, monthly: false };

describe('sessionPhrase', () => {
  it('a weekly session', () => expect(sessionPhrase(tuesday)).toBe('Tuesdays 10:00–11:30'));
  it('a monthly session', () => expect(sessionPhrase({ ...tuesday, monthly: true })).toBe('some Tuesdays 10:00–11:30'));
  it('no closing time', () => expect(sessionPhrase({ weekday: 7, opensAt: 870, closesAt: null, monthly: false })).toBe('Sundays from 14:30'));
});

describe('sessionsMatching', () => {
  it('keeps the sessions in the asked day and time', () => {
    expect(sessionsMatching([tuesday, thursdayEvening], 'tue', undefined)).toEqual([tuesday]);
    expect(sessionsMatching([tuesday, thursdayEvening], undefined, 'evening')).toEqual([thursdayEvening]);
    expect(sessionsMatching([tuesday, thursdayEvening], 'tue', 'evening')).toEqual([]);
    expect(sessionsMatching([tuesday, thursdayEvening], undefined, undefined)).toEqual([tuesday, thursdayEvening]);
  });
});

describe('reasonsFor', () => {
  it('nothing asked and nothing special → no reasons', () => expect(reasonsFor(noQuery, plain)).toEqual([]));
  it('a need met', () => expect(reasonsFor({ ...noQuery, needs: ['Loneliness and isolation'] }, { ...plain, needsMet: ['Loneliness and isolation'] })).toEqual(['meets need: loneliness and isolation']));
  it('only the needs met are named', () =>
    expect(reasonsFor({ ...noQuery, needs: ['Food', 'Bereavement'] }, { ...plain, needsMet: ['Bereavement'] })).toEqual(['meets need: bereavement']));
  it('the words searched for', () => expect(reasonsFor({ ...noQuery, text: 'walking' }, plain)).toEqual(['matches “walking”']));
  it.each([
    [0.84, '800 m away'],
    [1.24, '1.2 km away'],
    [12.3, '12 km away'],
  ])('a distance of %f km', (km, phrase) => expect(reasonsFor(noQuery, { ...plain, distanceKm: km })).toEqual([phrase]));
  it('sessions are named only when a day or time was asked for, and only those that fit', () => {
    expect(reasonsFor(noQuery, { ...plain, sessions: [tuesday] })).toEqual([]);
    expect(reasonsFor({ ...noQuery, day: 'tue' }, { ...plain, sessions: [tuesday, thursdayEvening] })).toEqual(['Tuesdays 10:00–11:30']);
    expect(reasonsFor({ ...noQuery, time: 'morning' }, { ...plain, sessions: [tuesday, thursdayEvening] })).toEqual(['Tuesdays 10:00–11:30']);
  });
  it('at most three sessions', () => {
    const days = [1, 2, 3, 4, 5].map((weekday) => ({ ...tuesday, weekday }));
    expect(reasonsFor({ ...noQuery, time: 'morning' }, { ...plain, sessions: days })).toEqual(['Mondays 10:00–11:30', 'Tuesdays 10:00–11:30', 'Wednesdays 10:00–11:30']);
  });
  it('free is always worth saying', () => {
    expect(reasonsFor(noQuery, { ...plain, free: true })).toEqual(['free']);
    expect(reasonsFor({ ...noQuery, free: true }, { ...plain, free: true })).toEqual(['free']);
  });
  it('access features asked for and present', () =>
    expect(reasonsFor({ ...noQuery, access: ['step_free', 'hearing_loop'] }, { ...plain, accessibility: ['step_free', 'hearing_loop', 'parking'] })).toEqual([
      'step-free access',
      'hearing loop',
    ]));
  it('access features asked for but missing are not claimed', () =>
    expect(reasonsFor({ ...noQuery, access: ['bsl'] }, { ...plain, accessibility: ['step_free'] })).toEqual([]));
  it('a language other than English', () => {
    expect(reasonsFor({ ...noQuery, language: 'pl' }, { ...plain, languageCodes: ['pl', 'en'] })).toEqual(['in Polish']);
    expect(reasonsFor({ ...noQuery, language: 'en' }, { ...plain, languageCodes: ['en'] })).toEqual([]);
    expect(reasonsFor({ ...noQuery, language: 'ur' }, { ...plain, languageCodes: ['pl'] })).toEqual([]);
  });
  it.each([
    [18, 65, 'for ages 18 to 65'],
    [50, null, 'for ages 50 and over'],
    [null, 25, 'for ages up to 25'],
  ])('an age range %s–%s when an age was given', (min, max, phrase) =>
    expect(reasonsFor({ ...noQuery, age: 30 }, { ...plain, minimumAge: min, maximumAge: max })).toEqual([phrase]));
  it('no age range → nothing said about age', () => expect(reasonsFor({ ...noQuery, age: 30 }, plain)).toEqual([]));
  it('places and the scheme’s preference', () =>
    expect(reasonsFor(noQuery, { ...plain, available: true, preferred: true })).toEqual(['has places', 'recommended by your scheme']));
  it('everything at once, in a fixed order', () =>
    expect(
      reasonsFor(
        { needs: ['Physical activity'], text: 'walk', day: 'tue', time: 'morning', free: true, access: ['step_free'], language: 'pl', age: 70 },
        {
          needsMet: ['Physical activity'],
          distanceKm: 0.8,
          sessions: [tuesday],
          free: true,
          accessibility: ['step_free'],
          languageCodes: ['pl'],
          minimumAge: 50,
          maximumAge: null,
          available: true,
          preferred: true,
        },
      ),
    ).toEqual([
      'meets need: physical activity',
      'matches “walk”',
      '800 m away',
      'Tuesdays 10:00–11:30',
      'free',
      'step-free access',
      'in Polish',
      'for ages 50 and over',
      'has places',
      'recommended by your scheme',
    ]));
});
