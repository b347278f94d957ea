import { describe, expect, it } from 'vitest';
import { describeProgress, formatReport, progressRenderer } from './progress.js';

describe('import progress on the command line', () => {
  it('draws a bar when the share is known, a count when not', () => {
    expect(describeProgress('oruk feed', { read: 64, fraction: 0.5 })).toBe(`oruk feed [${'#'.repeat(15)}${'.'.repeat(15)}] 50% (64 read)`);
    expect(describeProgress('oruk feed', { read: 7 })).toBe('oruk feed: 7 read');
  });

  it('redraws one line on a terminal, at most every 100 ms', () => {
    const written: string[] = [];
    let now = 1000;
    const r = progressRenderer({ isTTY: true, write: (t) => written.push(t) }, 'x', () => now);
    r.update({ read: 1 });
    now += 50;
    r.update({ read: 2 });
    now += 100;
    r.update({ read: 3, fraction: 1 });
    r.done();
    expect(written).toEqual(['\r\x1b[2Kx: 1 read', `\r\x1b[2Kx [${'#'.repeat(30)}] 100% (3 read)`, `\r\x1b[2Kx [${'#'.repeat(30)}] 100% (3 read)\n`]);
  });

  it('writes plain lines every 5 seconds elsewhere, and the last state at the end', () => {
    const written: string[] = [];
    let now = 10_000;
    const r = progressRenderer({ isTTY: false, write: (t) => written.push(t) }, 'x', () => now);
    r.update({ read: 1 });
    now += 1000;
    r.update({ read: 2 });
    r.done();
    expect(written).toEqual(['x: 1 read\n', 'x: 2 read\n']);
  });

  it('prints the report with every refused record', () => {
    const text = formatReport({
      importId: 'abc', read: 3, created: 1, updated: 0, unchanged: 1, warnings: ['note'],
      rejected: [{ record: 2, file: 'locations.csv', id: 'l1', reason: 'bad' }, { record: 3, reason: 'worse' }],
    });
    expect(text).toBe('Read 3: 1 created, 0 updated, 1 unchanged, 2 refused.\nRefused:\n  locations.csv line 2 (l1): bad\n  record 3: worse\nNotes:\n  note\nImport abc.');
  });
});
