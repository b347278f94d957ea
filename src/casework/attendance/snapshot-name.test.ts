import { describe, expect, it } from 'vitest';
import { snapshotName } from './snapshot-name.js';

describe('snapshotName', () => {
  it('gives the shared name', () => {
    expect(snapshotName({ name: 'Grace Kim' })).toBe('Grace Kim');
  });
  it('adds a preferred name that differs', () => {
    expect(snapshotName({ name: 'Margaret Evans', preferredName: 'Peggy' })).toBe('Margaret Evans (Peggy)');
  });
  it('does not repeat a preferred name that is the same', () => {
    expect(snapshotName({ name: 'Grace Kim', preferredName: 'Grace Kim' })).toBe('Grace Kim');
  });
  it('falls back to the preferred name alone', () => {
    expect(snapshotName({ preferredName: 'Peggy', name: '  ' })).toBe('Peggy');
  });
  it('says so when no name was shared', () => {
    expect(snapshotName({ needSummary: 'Company on a walk' })).toBe('Name not shared');
    expect(snapshotName({ name: 42 })).toBe('Name not shared');
  });
});
