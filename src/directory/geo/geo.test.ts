import { describe, expect, it } from 'vitest';
import { lsoaCentroid, lsoaCentroidsPath, parseLsoaCentroids } from './centroids.js';
import { boundingBox, formatDistance, haversineKm } from './distance.js';

describe('haversineKm', () => {
  // Worked by hand on the mean-radius sphere (R = 6371.0088 km): one degree of arc is
  // R × π / 180 = 111.1951 km; a quarter of the globe is R × π / 2 = 10007.557 km.
  it('one degree along the equator', () => expect(haversineKm({ latitude: 0, longitude: 0 }, { latitude: 0, longitude: 1 })).toBeCloseTo(111.1951, 3));
  it('one degree along a meridian', () => expect(haversineKm({ latitude: 50, longitude: -2 }, { latitude: 51, longitude: -2 })).toBeCloseTo(111.1951, 3));
  it('a quarter of the way round', () => expect(haversineKm({ latitude: 0, longitude: 0 }, { latitude: 0, longitude: 90 })).toBeCloseTo(10007.557, 2));
  // 0.01° of longitude at 53.8° N: 111.1951 × 0.01 × cos 53.8° (0.590606) = 0.656726 km.
  it('a short hop in Leeds', () => expect(haversineKm({ latitude: 53.8, longitude: -1.55 }, { latitude: 53.8, longitude: -1.54 })).toBeCloseTo(0.65673, 4));
  it('is symmetric and zero at the same point', () => {
    const a = { latitude: 53.81506, longitude: -1.53399 };
    const b = { latitude: 51.5074, longitude: -0.1278 };
    expect(haversineKm(a, b)).toBeCloseTo(haversineKm(b, a), 9);
    expect(haversineKm(a, a)).toBe(0);
  });
  it('antipodes are half the circumference apart', () => expect(haversineKm({ latitude: 10, longitude: 20 }, { latitude: -10, longitude: -160 })).toBeCloseTo(20015.115, 2));
});

describe('boundingBox', () => {
  const centre = { latitude: 53.8, longitude: -1.55 };
  it('spans the radius in latitude', () => {
    const box = boundingBox(centre, 5);
    expect(box.maxLatitude - centre.latitude).toBeCloseTo(5 / 111.1951, 6);
    expect(centre.latitude - box.minLatitude).toBeCloseTo(5 / 111.1951, 6);
  });
  it('holds points at the radius in every direction', () => {
    const box = boundingBox(centre, 5);
    for (let bearing = 0; bearing < 360; bearing += 15) {
      // a point 4.999 km away on this bearing, stepped along small increments
      const rad = (bearing * Math.PI) / 180;
      const point = {
        latitude: centre.latitude + (4.999 * Math.cos(rad)) / 111.1951,
        longitude: centre.longitude + (4.999 * Math.sin(rad)) / (111.1951 * Math.cos((centre.latitude * Math.PI) / 180)),
      };
      expect(haversineKm(centre, point)).toBeLessThan(5.01);
      expect(point.latitude).toBeGreaterThanOrEqual(box.minLatitude);
      expect(point.latitude).toBeLessThanOrEqual(box.maxLatitude);
      expect(point.longitude).toBeGreaterThanOrEqual(box.minLongitude);
      expect(point.longitude).toBeLessThanOrEqual(box.maxLongitude);
    }
  });
  it('is wider in longitude than in latitude away from the equator', () => {
    const box = boundingBox(centre, 10);
    expect(box.maxLongitude - box.minLongitude).toBeGreaterThan((box.maxLatitude - box.minLatitude) * 1.6);
  });
});

describe('formatDistance', () => {
  it.each([
    [0.01, '100 m'],
    [0.84, '800 m'],
    [0.96, '1000 m'],
    [1, '1.0 km'],
    [1.24, '1.2 km'],
    [9.94, '9.9 km'],
    [12.4, '12 km'],
  ])('%f km → %s', (km, text) => expect(formatDistance(km)).toBe(text));
});

describe('LSOA centroids', () => {
  it('the shipped file is found and gives the demo neighbourhood', () => {
    expect(lsoaCentroidsPath()).toMatch(/src[/\\]directory[/\\]data[/\\]lsoa-centroids\.csv$/);
    expect(lsoaCentroid('E01011360')).toEqual({ latitude: 53.81506, longitude: -1.53399 });
    expect(lsoaCentroid(' e01011360 ')).toEqual({ latitude: 53.81506, longitude: -1.53399 });
  });
  it('knows Welsh LSOAs and not Scottish data zones or malformed codes', () => {
    expect(lsoaCentroid('W01000001')).not.toBeNull();
    expect(lsoaCentroid('S01006506')).toBeNull();
    expect(lsoaCentroid('E0101136')).toBeNull();
    expect(lsoaCentroid('E01999999')).toBeNull();
  });
  it('parses the file format and refuses bad lines', () => {
    expect(parseLsoaCentroids('lsoa21,latitude,longitude\nE01000001,51.51,-0.09\n\n')).toEqual(new Map([['E01000001', { latitude: 51.51, longitude: -0.09 }]]));
    expect(() => parseLsoaCentroids('code,lat,lng\n')).toThrow(/does not start/);
    expect(() => parseLsoaCentroids('lsoa21,latitude,longitude\nE01000001,north,-0.09\n')).toThrow(/bad line/);
    expect(() => parseLsoaCentroids('lsoa21,latitude,longitude\nX01000001,51,-0.09\n')).toThrow(/bad line/);
  });
});
