import type { z } from 'zod';
import type { AppContext } from '../app-context.js';
import { referralInput, type ImportReport } from '../contracts/referrals.js';
import type { Actor, RequestMeta } from '../data/access.js';
import { AppError, validationError } from '../errors.js';
import { commandFromInput, createReferral } from './create-referral.js';
import { csvRecords } from './csv.js';

/** The columns of the bulk upload, in the order of the template. */
export const IMPORT_COLUMNS = [
  'nhs_number',
  'given_name',
  'family_name',
  'date_of_birth',
  'sex',
  'postcode',
  'gp_practice_ods',
  'phone',
  'email',
  'needs',
  'reason',
  'urgency',
  'consent_method',
  'consent_given_at',
  'referrer_name',
  'referrer_role',
] as const;
const REQUIRED = ['given_name', 'family_name', 'date_of_birth', 'needs', 'reason', 'consent_method', 'consent_given_at'] as const;
export const MAX_IMPORT_ROWS = 2000;

/** Where a form field lives in the spreadsheet, so a row's errors name its columns. */
const COLUMN_OF: Record<string, string> = {
  'person.nhsNumber': 'nhs_number',
  'person.givenName': 'given_name',
  'person.familyName': 'family_name',
  'person.dateOfBirth': 'date_of_birth',
  'person.sex': 'sex',
  'person.postcode': 'postcode',
  'person.gpPracticeOds': 'gp_practice_ods',
  'person.phone': 'phone',
  'person.email': 'email',
  needs: 'needs',
  reason: 'reason',
  urgency: 'urgency',
  'consent.method': 'consent_method',
  'consent.givenAt': 'consent_given_at',
  'referrer.name': 'referrer_name',
  'referrer.role': 'referrer_role',
};

const blankToUndefined = (value: string | undefined) => (value === undefined || value === '' ? undefined : value);

/** One spreadsheet row as the referral form would have sent it. */
export function rowToInput(values: Record<string, string>): unknown {
  const v = (column: string) => blankToUndefined(values[column]);
  return {
    person: {
      nhsNumber: v('nhs_number'),
      givenName: values.given_name ?? '',
      familyName: values.family_name ?? '',
      dateOfBirth: values.date_of_birth ?? '',
      sex: v('sex'),
      postcode: v('postcode'),
      gpPracticeOds: v('gp_practice_ods'),
      phone: v('phone'),
      email: v('email'),
    },
    consent: { givenBy: 'person', method: values.consent_method ?? '', scopes: ['referral', 'contact'], givenAt: values.consent_given_at ?? '' },
    reason: values.reason ?? '',
    needs: (values.needs ?? '').split(';').map((n) => n.trim()).filter(Boolean),
    urgency: v('urgency'),
    feedback: { milestones: [], channel: 'none' },
    referrer: v('referrer_name') ? { name: v('referrer_name'), role: v('referrer_role') } : undefined,
  };
}

function issuesToErrors(issues: z.core.$ZodIssue[]): { field: string; message: string }[] {
  return issues.map((issue) => {
    const path = issue.path.filter((p) => typeof p === 'string' || typeof p === 'number').map(String);
    const key = path.join('.');
    const column = COLUMN_OF[key] ?? COLUMN_OF[path.slice(0, 2).join('.')] ?? COLUMN_OF[path[0] ?? ''] ?? key;
    return { field: column, message: issue.message };
  });
}

/**
 * Imports a spreadsheet of referrals. Each row is its own transaction: a valid row is kept
 * whatever happens to the others, an invalid row changes nothing and is reported with the
 * columns at fault.
 */
export async function importReferrals(ctx: AppContext, actor: Actor, meta: RequestMeta, csv: string): Promise<ImportReport> {
  // Check the caller's right once up front, so a refused import reports nothing row by row.
  await ctx.data.inScheme(actor, meta, (scope) => {
    scope.authorize('referral', 'import');
    return Promise.resolve();
  });
  const { header, records } = csvRecords(csv);
  const missing = REQUIRED.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    throw validationError([{ field: 'body', message: `The header row is missing the columns: ${missing.join(', ')}` }], `The file is missing required columns: ${missing.join(', ')}.`);
  }
  const unknown = header.filter((h) => !(IMPORT_COLUMNS as readonly string[]).includes(h));
  if (unknown.length > 0) throw validationError([{ field: 'body', message: `Unknown columns: ${unknown.join(', ')}` }], `The file has columns Linkwell does not know: ${unknown.join(', ')}.`);
  if (records.length === 0) throw validationError([{ field: 'body', message: 'The file has no rows under its header' }], 'The file has no referrals in it.');
  if (records.length > MAX_IMPORT_ROWS) throw validationError([{ field: 'body', message: `At most ${MAX_IMPORT_ROWS} rows at a time` }], `Split the file: at most ${MAX_IMPORT_ROWS} rows at a time.`);

  const rows: ImportReport['rows'] = [];
  for (const record of records) {
    const parsed = referralInput.safeParse(rowToInput(record.values));
    if (!parsed.success) {
      rows.push({ row: record.line, status: 'rejected', id: null, reference: null, errors: issuesToErrors(parsed.error.issues) });
      continue;
    }
    try {
      const created = await ctx.data.inScheme(actor, meta, (scope) => createReferral(scope, ctx, commandFromInput(parsed.data, 'bulk')));
      rows.push({ row: record.line, status: 'imported', id: created.referralId, reference: created.reference, errors: [] });
    } catch (error) {
      // A row that fails for any reason is reported and the import goes on: the rows before it
      // are already kept, so failing the whole request would leave the uploader not knowing
      // which, and uploading again would make them twice. Our own errors carry plain words;
      // anything else (a database error quotes the row's values) gets a sentence of our own.
      const errors =
        error instanceof AppError
          ? (error.options.fields ?? [{ field: 'row', message: error.message }]).map((f) => ({
              field: COLUMN_OF[f.field.replace(/^body\./, '')] ?? f.field.replace(/^body\./, ''),
              message: f.message,
            }))
          : [{ field: 'row', message: 'This row could not be saved. Check it for unusual characters and upload it again on its own.' }];
      rows.push({ row: record.line, status: 'rejected', id: null, reference: null, errors });
    }
  }
  const imported = rows.filter((r) => r.status === 'imported').length;
  await ctx.data.inScheme(actor, meta, (scope) =>
    scope.audit({ action: 'create', entityType: 'referral_import', detail: { imported, rejected: rows.length - imported } }),
  );
  return { imported, rejected: rows.length - imported, rows };
}
