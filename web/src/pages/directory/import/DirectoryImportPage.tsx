import { useEffect, useState, type ReactNode } from 'react';
import { getJson } from '../../../api/client.js';
import { ApiProblem } from '../../../api/problem.js';
import { useApi, useProblemHandler } from '../../../api/useApi.js';
import { ErrorSummary } from '../../../components/ErrorSummary.js';
import { Loading } from '../../../components/Loading.js';
import { PageHeading } from '../../../components/PageHeading.js';
import { ResponsiveTable } from '../../../components/ResponsiveTable.js';
import { formatDateTime } from '../../../format/text.js';
import { formText, type Checked } from '../../../forms/errors.js';
import { useFormSubmit } from '../../../forms/useFormSubmit.js';
import { useDirectorySend } from '../api.js';
import { ImportReport } from './ImportReport.js';
import { importList, importRun, importStarted } from '../../../../../src/contracts/directory-import.js';
import { isRunning, progressText, type ImportView } from './importView.js';
import { readFeedFile } from './readFile.js';

/**
 * /directory/import (managers and administrators): bring listings in from an Open Referral UK
 * feed or file. The import runs on the server; this page follows it, says how far it has got,
 * and then shows what was created, updated, left alone and refused, record by record.
 */
type Source = { url: string } | { document: unknown };

const URL_FIELDS = ['feedUrl'] as const;
const FILE_FIELDS = ['feedFile'] as const;
const POLL_MS = 1000;

function checkUrl(data: FormData): Checked<Source> {
  const url = formText(data, 'feedUrl').trim();
  if (!/^https?:\/\/\S+$/i.test(url)) return { ok: false, errors: { detail: null, fields: { feedUrl: 'Enter the feed’s web address, starting with https://' } } };
  return { ok: true, value: { url } };
}

function pickFile(data: FormData): File | null {
  const value = data.get('feedFile');
  return value instanceof File && value.size > 0 ? value : null;
}

export function DirectoryImportPage(): ReactNode {
  const send = useDirectorySend();
  const handle = useProblemHandler();
  // The import being followed: its id from the moment it starts, its state once the server has told.
  const [following, setFollowing] = useState<string | null>(null);
  const [current, setCurrent] = useState<ImportView | null>(null);
  const [listRound, setListRound] = useState(0);

  async function start(source: Source): Promise<void> {
    const started = await send('POST', '/api/directory/imports', { format: 'oruk', ...source }, importStarted);
    setCurrent(null);
    setFollowing(started.id);
  }

  const byUrl = useFormSubmit({ fields: URL_FIELDS, check: checkUrl, send: start, toProblem: handle });
  const byFile = useFormSubmit<File>({
    fields: FILE_FIELDS,
    check: (data) => {
      const file = pickFile(data);
      return file === null ? { ok: false, errors: { detail: null, fields: { feedFile: 'Select an Open Referral UK JSON file' } } } : { ok: true, value: file };
    },
    send: async (file) => {
      const read = await readFeedFile(file);
      if (!read.ok) throw read.problem;
      await start({ document: read.document });
    },
    toProblem: (error) => {
      const problem = handle(error);
      if (problem === null) return null;
      // A problem with the file as a whole is shown at the file input.
      return problem.errors.length > 0 ? problem : new ApiProblem(problem.status, problem.title, problem.detail, [{ field: 'feedFile', message: problem.detail }], problem.requestId);
    },
  });

  useFollowImport(following, (next) => {
    setCurrent(next);
    if (!isRunning(next.status)) {
      setFollowing(null);
      setListRound((n) => n + 1);
    }
  });

  const busy = byUrl.busy || byFile.busy || following !== null;
  return (
    <>
      <ErrorSummary errors={byUrl.errors} order={URL_FIELDS} />
      <ErrorSummary errors={byFile.errors} order={FILE_FIELDS} />
      <PageHeading>Import directory listings</PageHeading>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <p className="nhsuk-body">
            Bring in services from another directory that publishes Open Referral UK data. Listings that are already here are updated; nothing
            changes if the feed has not changed. Records that cannot be read are listed so you can ask the publisher to fix them.
          </p>
          <h2 className="nhsuk-heading-m">From a feed</h2>
          <form onSubmit={byUrl.onSubmit} noValidate aria-label="Import from a feed">
            <FeedUrlField error={byUrl.errors.fields.feedUrl} />
            <button className="nhsuk-button" type="submit" disabled={busy}>
              Import from the feed
            </button>
          </form>
          <h2 className="nhsuk-heading-m">From a file</h2>
          <form onSubmit={byFile.onSubmit} noValidate aria-label="Import from a file">
            <FeedFileField error={byFile.errors.fields.feedFile} />
            <button className="nhsuk-button" type="submit" disabled={busy}>
              Import the file
            </button>
          </form>
          <p className="nhsuk-body" role="status" aria-live="polite" data-testid="import-progress">
            {current !== null ? progressText(current) : following !== null ? 'Starting the import…' : ''}
          </p>
          {current !== null && !isRunning(current.status) && <ImportReport report={current} />}
          <h2 className="nhsuk-heading-m">Export</h2>
          <p className="nhsuk-body">
            <a href="/api/directory/export.csv" download>
              Download the directory as CSV
            </a>
          </p>
        </div>
      </div>
      <RecentImports key={listRound} />
    </>
  );
}

/** Asks for the import's state every second until it has finished. */
function useFollowImport(id: string | null, onUpdate: (view: ImportView) => void): void {
  const [latest] = useState(() => ({ onUpdate }));
  latest.onUpdate = onUpdate;
  useEffect(() => {
    if (id === null) return undefined;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = (): void => {
      getJson(`/api/directory/imports/${encodeURIComponent(id)}`, importRun).then(
        (view) => {
          if (stopped) return;
          latest.onUpdate(view);
          if (isRunning(view.status)) timer = setTimeout(poll, POLL_MS);
        },
        () => {
          if (!stopped) timer = setTimeout(poll, POLL_MS * 3);
        },
      );
    };
    timer = setTimeout(poll, 300);
    return () => {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [id, latest]);
}

function FeedUrlField({ error }: { error: string | undefined }): ReactNode {
  return (
    <div className={error === undefined ? 'nhsuk-form-group' : 'nhsuk-form-group nhsuk-form-group--error'}>
      <label className="nhsuk-label" htmlFor="feedUrl">
        Feed address
      </label>
      <div className="nhsuk-hint" id="feedUrl-hint">
        The address of the feed’s services list, for example https://example.org/oruk/services
      </div>
      {error !== undefined && (
        <span className="nhsuk-error-message" id="feedUrl-error">
          <span className="nhsuk-u-visually-hidden">Error: </span>
          {error}
        </span>
      )}
      <input
        className={error === undefined ? 'nhsuk-input' : 'nhsuk-input nhsuk-input--error'}
        id="feedUrl"
        name="feedUrl"
        type="url"
        spellCheck={false}
        aria-describedby={error === undefined ? 'feedUrl-hint' : 'feedUrl-hint feedUrl-error'}
      />
    </div>
  );
}

function FeedFileField({ error }: { error: string | undefined }): ReactNode {
  return (
    <div className={error === undefined ? 'nhsuk-form-group' : 'nhsuk-form-group nhsuk-form-group--error'}>
      <label className="nhsuk-label" htmlFor="feedFile">
        Open Referral UK JSON file
      </label>
      <div className="nhsuk-hint" id="feedFile-hint">
        A services list or a single service, as the feed gives it. At most 20 MB.
      </div>
      {error !== undefined && (
        <span className="nhsuk-error-message" id="feedFile-error">
          <span className="nhsuk-u-visually-hidden">Error: </span>
          {error}
        </span>
      )}
      <input
        className="nhsuk-file-upload__input"
        id="feedFile"
        name="feedFile"
        type="file"
        accept=".json,application/json"
        aria-describedby={error === undefined ? 'feedFile-hint' : 'feedFile-hint feedFile-error'}
      />
    </div>
  );
}

function RecentImports(): ReactNode {
  const [load] = useApi('/api/directory/imports', importList);
  if (load.status === 'loading') return <Loading>Loading recent imports…</Loading>;
  if (load.status === 'error') return <p className="nhsuk-body">Recent imports could not be loaded: {load.problem.detail}</p>;
  if (load.data.items.length === 0) return null;
  return (
    <ResponsiveTable
      caption="Recent imports"
      headers={['Started', 'Source', 'Result']}
      rows={load.data.items.map((item) => ({
        key: item.id,
        cells: [
          formatDateTime(item.startedAt),
          <span key="source" className="lw-break">
            {item.source}
          </span>,
          isRunning(item.status) ? progressText(item) : `${progressText(item)} ${item.created} new, ${item.updated} updated, ${item.unchanged} unchanged.`,
        ],
      }))}
    />
  );
}
