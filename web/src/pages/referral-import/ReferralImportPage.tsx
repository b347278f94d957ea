import { useState, type ReactNode } from 'react';
import { referralSettings } from '../../../../src/contracts/referrals.js';
import { ApiProblem } from '../../api/problem.js';
import { useApi, useProblemHandler } from '../../api/useApi.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { describedBy, ErrorMessage } from '../../components/ErrorMessage.js';
import { PageHeading } from '../../components/PageHeading.js';
import { requestJson } from '../../components/rawRequest.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import type { Checked } from '../../forms/errors.js';
import { useFormSubmit } from '../../forms/useFormSubmit.js';
import { currentSession, useSession } from '../../session/context.js';
import { importAnswer, ImportResult, type ImportAnswer } from './ImportResult.js';
import { csvText, fileProblem, HEADER_ROW, IMPORT_COLUMNS, TEMPLATE_CSV } from './importFile.js';

const FIELDS = ['csvFile'] as const;

function checkFile(data: FormData): Checked<File> {
  const value = data.get('csvFile');
  const file = value instanceof File ? value : null;
  const problem = fileProblem(file);
  if (problem !== null || file === null) return { ok: false, errors: { detail: null, fields: { csvFile: problem ?? 'Select a CSV file' } } };
  return { ok: true, value: file };
}

/** A Blob link made on demand: the CSP allows no data: links, and object URLs are freed once used. */
function downloadTemplate(): void {
  const url = URL.createObjectURL(new Blob([TEMPLATE_CSV], { type: 'text/csv' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = 'linkwell-referrals-template.csv';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 0);
}

/** /referrals/import: many referrals at once from a CSV file, each row checked on its own. */
export function ReferralImportPage(): ReactNode {
  const [settings] = useApi('/api/referral-settings', referralSettings);
  const handle = useProblemHandler();
  const csrfToken = currentSession(useSession().state)?.csrfToken ?? null;
  const [result, setResult] = useState<{ round: number; report: ImportAnswer } | null>(null);
  const { errors, busy, onSubmit } = useFormSubmit({
    fields: FIELDS,
    check: checkFile,
    send: async (file) => {
      const body = csvText(await file.text());
      try {
        const report = await requestJson('/api/referrals/import', { method: 'POST', text: { body, contentType: 'text/csv' }, csrfToken }, importAnswer);
        setResult((last) => ({ round: (last?.round ?? 0) + 1, report }));
      } catch (error) {
        if (error instanceof ApiProblem && error.status === 413) {
          throw new ApiProblem(413, error.title, 'The file is too big to import in one go. Split it into smaller files and upload each one.');
        }
        // A problem with the file as a whole (its header, no rows) is shown at the file input.
        if (error instanceof ApiProblem && error.errors.length > 0) {
          const errors = error.errors.map((e) => (e.field === 'body' ? { field: 'csvFile', message: e.message } : e));
          throw new ApiProblem(error.status, error.title, error.detail, errors, error.requestId);
        }
        throw error;
      }
    },
    toProblem: handle,
  });
  const error = errors.fields.csvFile;
  const errorId = error === undefined ? undefined : 'csvFile-error';

  return (
    <>
      <ErrorSummary errors={errors} order={FIELDS} />
      <PageHeading>Upload referrals</PageHeading>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <p className="nhsuk-body">
            Upload a CSV file with one referral on each row. Each row is checked on its own: rows without problems are imported, and we list the
            rows you need to fix.
          </p>
          <p className="nhsuk-body">Only import referrals for people who have agreed to be referred.</p>
        </div>
      </div>
      <h2 className="nhsuk-heading-m">What the file must contain</h2>
      <p className="nhsuk-body">The first row must be these column names, spelled exactly as shown:</p>
      <p className="nhsuk-body lw-break">
        <code>{HEADER_ROW}</code>
      </p>
      <ResponsiveTable
        caption="Columns"
        headers={['Column', 'What to enter', 'Required', 'Example']}
        rows={IMPORT_COLUMNS.map((c) => ({ key: c.name, cells: [c.name, c.help, c.required ? 'Yes' : 'No', c.example] }))}
      />
      {settings.status === 'ok' && settings.data.needCategories.length > 0 && (
        <ResponsiveTable
          caption="Need codes for the needs column"
          headers={['Code', 'Need']}
          rows={settings.data.needCategories.map((n) => ({ key: n.code, cells: [<code key="code">{n.code}</code>, n.label] }))}
        />
      )}
      <button className="nhsuk-button nhsuk-button--secondary" type="button" onClick={downloadTemplate}>
        Download a template
      </button>

      <h2 className="nhsuk-heading-m">Upload the file</h2>
      <form onSubmit={onSubmit} noValidate aria-label="Upload referrals">
        <div className={error === undefined ? 'nhsuk-form-group' : 'nhsuk-form-group nhsuk-form-group--error'}>
          <label className="nhsuk-label" htmlFor="csvFile">
            CSV file
          </label>
          <div className="nhsuk-hint" id="csvFile-hint">
            In your spreadsheet, choose ‘Save as’ and then ‘CSV UTF-8’. The file must be smaller than 5 MB, with at most 2,000 rows.
          </div>
          {errorId !== undefined && <ErrorMessage id={errorId}>{error}</ErrorMessage>}
          <input
            className="nhsuk-file-upload__input"
            id="csvFile"
            name="csvFile"
            type="file"
            accept=".csv,text/csv"
            aria-describedby={describedBy('csvFile-hint', errorId)}
          />
        </div>
        <button className="nhsuk-button" type="submit" disabled={busy}>
          Upload file
        </button>
      </form>
      {result !== null && <ImportResult key={result.round} report={result.report} />}
    </>
  );
}
