import { describe, expect, it } from 'vitest';
import { progressText } from './importView.js';
import { parseFeedText } from './readFile.js';

describe('import progress', () => {
  it('counts records while running and says how it ended', () => {
    expect(progressText({ status: 'running', read: 0, error: null })).toBe('Starting the import…');
    expect(progressText({ status: 'running', read: 64, error: null })).toBe('Read 64 records…');
    expect(progressText({ status: 'finished', read: 1, error: null })).toBe('Finished: read 1 record.');
    expect(progressText({ status: 'failed', read: 3, error: 'The feed answered 500' })).toBe('The import stopped after 3 records: The feed answered 500');
  });
});

describe('parseFeedText', () => {
  it('reads JSON, with or without a byte order mark', () => {
    expect(parseFeedText('\uFEFF{"id":"x"}')).toEqual({ ok: true, document: { id: 'x' } });
  });
  it('refuses what is not a JSON object, at the file input', () => {
    const notJson = parseFeedText('id,name');
    expect(notJson.ok).toBe(false);
    if (!notJson.ok) expect(notJson.problem.errors).toEqual([{ field: 'feedFile', message: 'The file is not JSON. Choose the .json file the feed gave you' }]);
    expect(parseFeedText('42').ok).toBe(false);
  });
});
