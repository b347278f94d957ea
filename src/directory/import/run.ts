import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { DataAccess } from '../../data/access.js';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { safeErrorText, scrubPersonalData } from '../../logging/safe-error.js';
import type { DirectoryWriter, SaveOutcome } from '../store/write.js';

/** One record (or CSV row) that was not imported, and why. */
export interface ImportRejection {
  /** The record's place in the feed (1 = first), or the CSV line number (the header is line 1). */
  record: number;
  id?: string;
  /** The CSV file, for a tabular package. */
  file?: string;
  reason: string;
}

export interface ImportReport {
  importId: string;
  read: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: ImportRejection[];
  /** Things imported with a caveat (e.g. a location whose coordinates are impossible). */
  warnings: string[];
  /** Postcode directory only: rows with no grid reference, left out. */
  skipped?: number;
  /** Postcode directory only: postcodes no longer in use, kept and marked. */
  terminated?: number;
}

export interface ImportProgress {
  read: number;
  /** 0..1 when the size of the whole is known (pages of a feed, bytes of a file). */
  fraction?: number;
}

export interface ImportOptions {
  who: DirectoryWriter;
  onProgress?: (p: ImportProgress) => void;
  /** A directory_imports row already made (by the web API); otherwise one is made here. */
  importId?: string;
}

export type Db = Kysely<DB>;

export function databaseOf(target: Db | DataAccess): Db {
  return target instanceof DataAccess ? target.db : target;
}

/** The running tally of an import, kept in directory_imports so the import page can follow it. */
export class ImportRun {
  readonly report: ImportReport;
  private lastSaved = 0;
  private fraction: number | undefined;

  private constructor(
    private readonly db: Db,
    importId: string,
    private readonly onProgress: ((p: ImportProgress) => void) | undefined,
  ) {
    this.report = { importId, read: 0, created: 0, updated: 0, unchanged: 0, rejected: [], warnings: [] };
  }

  static async start(db: Db, format: 'oruk' | 'hsds' | 'onspd', source: string, opts: ImportOptions): Promise<ImportRun> {
    const id = opts.importId ?? randomUUID();
    if (opts.importId === undefined) {
      await db.insertInto('directory_imports').values({ id, format, source: source.slice(0, 2000), status: 'running', started_by_label: opts.who.label }).execute();
    } else {
      await db.updateTable('directory_imports').set({ status: 'running', started_at: sql<Date>`now()` }).where('id', '=', id).execute();
    }
    return new ImportRun(db, id, opts.onProgress);
  }

  counted(outcome: SaveOutcome): void {
    this.report[outcome] += 1;
  }

  reject(rejection: ImportRejection): void {
    this.report.rejected.push(rejection);
  }

  /** Tells the caller and, at most every second, the directory_imports row. */
  async progress(read: number, fraction?: number): Promise<void> {
    this.report.read = read;
    if (fraction !== undefined) this.fraction = fraction;
    this.onProgress?.({ read, ...(this.fraction !== undefined ? { fraction: this.fraction } : {}) });
    const now = Date.now();
    if (now - this.lastSaved < 1000) return;
    this.lastSaved = now;
    await this.db.updateTable('directory_imports').set({ read_count: read }).where('id', '=', this.report.importId).execute();
  }

  async finish(): Promise<ImportReport> {
    await this.save('finished', null);
    return this.report;
  }

  async fail(error: unknown): Promise<void> {
    await this.save('failed', describeError(error));
  }

  private async save(status: 'finished' | 'failed', error: string | null): Promise<void> {
    const r = this.report;
    await this.db
      .updateTable('directory_imports')
      .set({
        status, error, read_count: r.read, created_count: r.created, updated_count: r.updated, unchanged_count: r.unchanged,
        rejected: JSON.stringify(r.rejected.slice(0, 5000)), warnings: JSON.stringify(keptWarnings(r.warnings)), finished_at: sql<Date>`now()`,
      })
      .where('id', '=', r.importId)
      .execute();
  }
}

/** How many warnings a run keeps for the import page; a feed with a systematic fault could have one per record. */
export const MAX_KEPT_WARNINGS = 200;

function keptWarnings(warnings: readonly string[]): string[] {
  if (warnings.length <= MAX_KEPT_WARNINGS) return [...warnings];
  return [...warnings.slice(0, MAX_KEPT_WARNINGS), `${warnings.length - MAX_KEPT_WARNINGS} more warnings are not listed`];
}

/** A reason a person can act on: the AppError's message and fields, or the database's first line. */
export function describeError(error: unknown): string {
  if (error instanceof AppError) {
    const fields = error.options.fields?.map((f) => `${f.field}: ${f.message}`).join('; ');
    return fields ? `${error.message} (${fields})` : error.message;
  }
  if (error instanceof Error) return scrubPersonalData(error.message.split('\n')[0] ?? '').slice(0, 500);
  return safeErrorText(error).slice(0, 500);
}
