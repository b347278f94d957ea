import { describe, expect, it } from 'vitest';
import { CONCERNS, ONS4, PAM, SWEMWBS, WEMWBS } from '../../../../src/outcomes/measures/builtin.js';
import { axisRange, bandZones, definedRange, FRAME, gutterFor, thresholdZone, ticks, xPositions, yOf } from './chart-scale.js';

// FRAME: 480 × 260, top 12, bottom 44, left 44, right 12 → plot height 260 − 12 − 44 = 204.

describe('definedRange', () => {
  it('gives SWEMWBS the metric range 7.00–35.00 (measures.md conversion table)', () => {
    expect(definedRange(SWEMWBS, 'headline')).toEqual({ min: 7, max: 35 });
  });
  it('gives WEMWBS 14–70: fourteen items answered 1–5', () => {
    expect(definedRange(WEMWBS, 'headline')).toEqual({ min: 14, max: 70 });
  });
  it('gives an ONS4 line its own item range, 0–10', () => {
    expect(definedRange(ONS4, 'anxiety')).toEqual({ min: 0, max: 10 });
  });
  it('gives a mean the range of its answers, 0–6 for the concerns measure', () => {
    expect(definedRange(CONCERNS, 'headline')).toEqual({ min: 0, max: 6 });
  });
  it('gives an entered score its item limits, 0–100 for the PAM score', () => {
    expect(definedRange(PAM, 'headline')).toEqual({ min: 0, max: 100 });
    expect(definedRange(PAM, 'pam_level')).toEqual({ min: 1, max: 4 });
  });
  it('knows nothing without a definition', () => {
    expect(definedRange(undefined, 'headline')).toBeNull();
  });
});

describe('axisRange', () => {
  it('keeps the defined range when the scores fit', () => {
    expect(axisRange({ min: 7, max: 35 }, [19.98, 23.21], [])).toEqual({ min: 7, max: 35 });
  });
  it('widens the defined range to a score outside it', () => {
    expect(axisRange({ min: 7, max: 35 }, [36], [])).toEqual({ min: 7, max: 36 });
  });
  it('fits the scores with a 10% margin without a definition', () => {
    // 10 to 20: span 10, margin 1 each side.
    expect(axisRange(null, [10, 20], [])).toEqual({ min: 9, max: 21 });
  });
  it('gives a single score room around it', () => {
    expect(axisRange(null, [5], [])).toEqual({ min: 4, max: 6 });
  });
});

describe('ticks', () => {
  it('steps by 2 across 0–10', () => {
    expect(ticks({ min: 0, max: 10 })).toEqual([0, 2, 4, 6, 8, 10]);
  });
  it('steps by 10 across the SWEMWBS range (28 / 5 = 5.6, next round step 10)', () => {
    expect(ticks({ min: 7, max: 35 })).toEqual([10, 20, 30]);
  });
  it('steps by 20 across the WEMWBS range (56 / 5 = 11.2)', () => {
    expect(ticks({ min: 14, max: 70 })).toEqual([20, 40, 60]);
  });
  it('keeps decimal steps exact', () => {
    expect(ticks({ min: 0, max: 1 })).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });
});

describe('yOf and xPositions', () => {
  it('puts the top of the range at the top of the plot and the bottom at its foot', () => {
    expect(yOf(10, { min: 0, max: 10 })).toBe(12);
    expect(yOf(0, { min: 0, max: 10 })).toBe(216);
    expect(yOf(5, { min: 0, max: 10 })).toBe(114);
  });
  it('spaces dates by the time between them, inside a 16-unit inset', () => {
    // left 44 + 16 = 60; right 480 − 12 − 16 = 452.
    expect(xPositions(['2026-01-01T10:00:00Z', '2026-01-11T10:00:00Z', '2026-01-21T10:00:00Z'])).toEqual([60, 256, 452]);
  });
  it('centres scores taken at the same moment', () => {
    expect(xPositions(['2026-01-01T10:00:00Z', '2026-01-01T10:00:00Z'])).toEqual([256, 256]);
  });
  it('keeps points out of the gutter', () => {
    // right edge 480 − 12 − 100 − 16 = 352.
    expect(xPositions(['2026-01-01T10:00:00Z', '2026-01-21T10:00:00Z'], FRAME, 100)).toEqual([60, 352]);
  });
  it('sizes the gutter by the longest name, capped', () => {
    // "Very high": 9 characters × 9.5 = 85.5 → 86, + 12 = 98.
    expect(gutterFor(['Low', 'Very high'])).toBe(98);
    expect(gutterFor([])).toBe(0);
    expect(gutterFor(['A very long band name indeed'])).toBe(130);
  });
  it('uses the frame it is given', () => {
    expect(yOf(0, { min: 0, max: 1 }, { ...FRAME, height: 100, top: 0, bottom: 0 })).toBe(100);
  });
});

describe('bandZones', () => {
  const positive = ONS4.items[0]?.bands ?? [];

  it('draws ONS bands edge to edge, meeting half way between whole scores', () => {
    const zones = bandZones(positive, { min: 0, max: 10 });
    expect(zones.map((z) => [z.label, z.from, z.to])).toEqual([
      ['Low', 0, 4.5],
      ['Medium', 4.5, 6.5],
      ['High', 6.5, 8.5],
      ['Very high', 8.5, 10],
    ]);
    // Very high: top at y(10) = 12, foot at y(8.5) = 12 + 1.5 / 10 × 204 = 42.6.
    const veryHigh = zones[3];
    expect(veryHigh?.y).toBe(12);
    expect(veryHigh?.height).toBeCloseTo(30.6, 9);
  });
  it('leaves out bands outside the axis and clips those across its edge', () => {
    const zones = bandZones(positive, { min: 5, max: 10 });
    expect(zones.map((z) => [z.label, z.from, z.to])).toEqual([
      ['Medium', 5, 6.5],
      ['High', 6.5, 8.5],
      ['Very high', 8.5, 10],
    ]);
  });
});

describe('thresholdZone', () => {
  it('shades the baseline ± the threshold: 19.98 ± 2.87 is 17.11 to 22.85', () => {
    const zone = thresholdZone(19.98, 2.87, { min: 7, max: 35 }, 'No meaningful change');
    expect(zone?.from).toBeCloseTo(17.11, 9);
    expect(zone?.to).toBeCloseTo(22.85, 9);
    expect(zone?.label).toBe('No meaningful change');
  });
  it('clips at the foot of the axis', () => {
    const zone = thresholdZone(8, 2.87, { min: 7, max: 35 }, 'x');
    expect(zone?.from).toBe(7);
    expect(zone?.to).toBeCloseTo(10.87, 9);
  });
});
