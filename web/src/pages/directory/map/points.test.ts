import { describe, expect, it } from 'vitest';
import { mapPoints } from './points.js';

const result = (id: string, latitude: number | null, longitude: number | null, distanceKm: number | null = null) => ({ id, name: `Service ${id}`, organizationName: 'Riverside Age Friends', latitude, longitude, distanceKm });

describe('mapPoints', () => {
  it('places each result with a place, and counts those without', () => {
    const points = mapPoints([result('a', 53.81, -1.53, 0.8), result('b', null, null)], null);
    expect(points.services).toEqual([
      { id: 'a', name: 'Service a', label: 'Service a, 800 m away', detail: 'Riverside Age Friends · 800 m away', href: '/directory/services/a', latitude: 53.81, longitude: -1.53 },
    ]);
    expect(points.unplaced).toBe(1);
  });

  it('fits the box around the results and the starting point', () => {
    const points = mapPoints([result('a', 53.82, -1.55), result('b', 53.8, -1.5)], { latitude: 53.81506, longitude: -1.53399, label: 'Near home' });
    expect(points.bounds).toEqual([
      [53.8, -1.55],
      [53.82, -1.5],
    ]);
    expect(mapPoints([], { latitude: 53.81506, longitude: -1.53399, label: 'Near home' }).bounds).toEqual([
      [53.81506, -1.53399],
      [53.81506, -1.53399],
    ]);
  });

  it('has no box when there is nothing to show', () => {
    expect(mapPoints([result('a', null, null)], null).bounds).toBeNull();
  });
});
