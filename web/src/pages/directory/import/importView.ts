import type { ImportRunDto } from '../../../../../src/contracts/directory-import.js';

/** An import as the page follows it: the API's own shape, or only its id just after it started. */
export type ImportView = ImportRunDto;

export function isRunning(status: ImportRunDto['status']): boolean {
  return status === 'running';
}

/** "Read 64 records…" while it runs; the outcome once done. */
export function progressText(view: Pick<ImportRunDto, 'status' | 'read' | 'error'>): string {
  const records = `${view.read} ${view.read === 1 ? 'record' : 'records'}`;
  switch (view.status) {
    case 'running':
      return view.read === 0 ? 'Starting the import…' : `Read ${records}…`;
    case 'failed':
      return `The import stopped after ${records}: ${view.error ?? 'no reason was given'}`;
    case 'finished':
      return `Finished: read ${records}.`;
  }
}
