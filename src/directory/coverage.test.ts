import { describe, expect, it } from 'vitest';
import { distanceKm } from './coverage.js';

describe('distanceKm', () => {
  it('measures short distances in Leeds', () => {
    // Margaret Ellis's LSOA centroid to the café on Woodhouse Moor: about three quarters of a kilometre.
    const d = distanceKm({ latitude: 53.81506, longitude: -1.53399 }, { latitude: 53.8135, longitude: -1.545 });
    expect(d).toBeGreaterThan(0.7);
    expect(d).toBeLessThan(0.8);
  });

  it('measures one degree of latitude as about 111 km, and a point from itself as 0', () => {
    expect(distanceKm({ latitude: 53, longitude: -1.5 }, { latitude: 54, longitude: -1.5 })).toBeCloseTo(111.2, 1);
    expect(distanceKm({ latitude: 53.8, longitude: -1.5 }, { latitude: 53.8, longitude: -1.5 })).toBe(0);
  });
});
