import { z } from 'zod';

/** Shapes of the directory import API (scheme managers and administrators) and the CSV export. */

export const IMPORT_FORMATS = ['oruk', 'hsds', 'onspd'] as const;
export const IMPORT_STATUSES = ['running', 'finished', 'failed'] as const;
/** An uploaded ORUK document may be this large. */
export const IMPORT_BODY_LIMIT_BYTES = 20 * 1024 * 1024;

export const startImportBody = z
  .union([
    z.strictObject({
      format: z.literal('oruk'),
      url: z.url({ protocol: /^https?$/, error: 'Enter the address of an ORUK feed, starting https://' }).max(2000).describe('An ORUK v3 API root or its /services address; every page is read'),
    }),
    z.strictObject({
      format: z.literal('oruk'),
      document: z.record(z.string(), z.unknown()).describe('An ORUK v3 service list ({"contents": [...]}) or a single service'),
    }),
  ])
  .describe('Import from an ORUK feed (by address) or from an uploaded ORUK document');
export type StartImportBody = z.infer<typeof startImportBody>;

export const importStarted = z.object({ id: z.uuid().describe('Follow the import at GET /api/directory/imports/{id}') });

export const importRejection = z.object({
  record: z.number().int().describe('The record’s place in the feed (1 = first), or the CSV line'),
  id: z.string().optional().describe('The record’s id, when it had a readable one'),
  file: z.string().optional().describe('The CSV file, for a tabular package'),
  reason: z.string(),
});

export const importRun = z.object({
  id: z.uuid(),
  format: z.enum(IMPORT_FORMATS),
  source: z.string().describe('The feed address, the file, or "uploaded document"'),
  startedBy: z.string(),
  status: z.enum(IMPORT_STATUSES),
  read: z.number().int().describe('Records read so far'),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.array(importRejection),
  warnings: z.array(z.string()).describe('Things imported with a caveat, such as a location whose coordinates are not a point on Earth (the first 200, then how many more)'),
  error: z.string().nullable().describe('Why the import failed as a whole, when it did'),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportRunDto = z.infer<typeof importRun>;

export const importList = z.object({ items: z.array(importRun).describe('The latest 20 imports, newest first') });

export const importIdParams = z.strictObject({ id: z.uuid() });

/** Columns of GET /api/directory/export.csv, in order. */
export const EXPORT_COLUMNS = [
  'id', 'name', 'organisation', 'status', 'referral_mode', 'address', 'postcode', 'latitude', 'longitude', 'schedule', 'free',
  'minimum_age', 'maximum_age', 'languages', 'capacity_places', 'waitlist', 'not_taking_until', 'verified_at', 'verified_by',
  'url', 'email', 'phone',
] as const;
