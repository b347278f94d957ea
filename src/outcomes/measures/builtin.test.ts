import { describe, expect, it } from 'vitest';
import { measureDefinition } from '../../contracts/outcomes.js';
import { BUILTIN_MEASURES, builtinMeasure, CONCERNS, ONS4, OUTCOMES_STAR, PAM, SWEMWBS, WEMWBS } from './builtin.js';

/** The shipped measures against the contract and against measures.md (values typed from it). */

describe('builtin measures', () => {
  it.each(BUILTIN_MEASURES.map((m) => [m.key, m] as const))('%s parses as a measure definition, unchanged', (_key, definition) => {
    const parsed = measureDefinition.safeParse(definition);
    expect(parsed.error).toBeUndefined();
    expect(parsed.data).toEqual(definition);
  });

  it('ships the six measures under distinct keys, found by key', () => {
    expect(BUILTIN_MEASURES.map((m) => m.key)).toEqual(['ons4', 'wemwbs', 'swemwbs', 'concerns', 'pam', 'outcomes-star']);
    expect(builtinMeasure('swemwbs')).toBe(SWEMWBS);
    expect(builtinMeasure('no-such-measure')).toBeUndefined();
  });

  it('has unique item keys within every measure', () => {
    for (const m of BUILTIN_MEASURES) expect(new Set(m.items.map((i) => i.key)).size, m.key).toBe(m.items.length);
  });

  it('ships no wording of licensed tools: entered scores only, never self-completed', () => {
    for (const m of [PAM, OUTCOMES_STAR]) {
      expect(m.origin).toBe('licensed');
      expect(m.licence?.itemsShipped).toBe(false);
      expect(m.selfCompletion).toBe(false);
      expect(m.scoring.rule).toBe('entered');
      expect(m.intro).toBeNull();
    }
    // Every licensed-origin measure, not just these two.
    for (const m of BUILTIN_MEASURES.filter((x) => x.origin === 'licensed')) {
      expect(m.licence?.itemsShipped, m.key).toBe(false);
      expect(m.selfCompletion, m.key).toBe(false);
    }
    // PAM: score 0–100 and level 1–4 (measures.md)
    expect(PAM.items.map((i) => [i.key, i.type, i.min, i.max])).toEqual([
      ['pam_score', 'number', 0, 100],
      ['pam_level', 'number', 1, 4],
    ]);
  });

  it('has the default meaningful-change thresholds of measures.md', () => {
    expect(SWEMWBS.meaningfulChange).toBe(2.87);
    expect(WEMWBS.meaningfulChange).toBe(7);
    // ONS publishes no individual threshold
    expect(ONS4.meaningfulChange).toBeNull();
  });

  it('gives each measure the direction in which it improves', () => {
    expect([ONS4, WEMWBS, SWEMWBS, PAM].map((m) => m.direction)).toEqual(['higher-better', 'higher-better', 'higher-better', 'higher-better']);
    expect(CONCERNS.direction).toBe('lower-better');
  });

  it('shows the Warwick © notice with WEMWBS and SWEMWBS', () => {
    for (const m of [WEMWBS, SWEMWBS]) {
      expect(m.licence?.notice).toContain('© NHS Health Scotland, University of Warwick and University of Edinburgh');
      expect(m.licence?.notice).toContain('register');
      expect(m.licence?.itemsShipped).toBe(true);
      expect(m.origin).toBe('standard');
    }
  });

  it('credits ONS4 as Crown copyright under the Open Government Licence', () => {
    expect(ONS4.licence?.notice).toContain('Crown copyright');
    expect(ONS4.licence?.notice).toContain('Open Government Licence');
  });

  it('scores WEMWBS by sum, SWEMWBS through the metric table, ONS4 item by item', () => {
    expect(WEMWBS.scoring).toEqual({ rule: 'sum' });
    expect(SWEMWBS.scoring.rule).toBe('sum-table');
    expect(ONS4.scoring).toEqual({ rule: 'each' });
    expect(CONCERNS.scoring).toEqual({ rule: 'mean', decimals: 2 });
  });

  it('lists ONS4 item bands in ascending score order, covering 0 to 10 with no gaps', () => {
    for (const item of ONS4.items) {
      const bands = item.bands ?? [];
      expect(bands[0]?.min, item.key).toBe(0);
      expect(bands.at(-1)?.max, item.key).toBe(10);
      for (let i = 1; i < bands.length; i += 1) expect(bands[i]?.min, item.key).toBe((bands[i - 1]?.max ?? Number.NaN) + 1);
    }
  });
});
