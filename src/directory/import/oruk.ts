import { readFile } from 'node:fs/promises';
import type { DataAccess } from '../../data/access.js';
import { AppError } from '../../errors.js';
import { saveService } from '../store/write.js';
import { isUuid } from './fields.js';
import { hasDetail, orukServiceToInput } from './oruk-convert.js';
import { databaseOf, describeError, ImportRun, type Db, type ImportOptions, type ImportReport } from './run.js';

/**
 * Import of an ORUK v3 `/services` feed: a file, a parsed document, or a URL followed page by
 * page. Each record is saved in a transaction of its own, so a bad record changes nothing and
 * the rest still import; a record whose id was already seen in this run is refused, because
 * the second would silently overwrite the first.
 */

export interface OrukSource {
  file?: string;
  url?: string;
  json?: unknown;
}

export interface OrukImportOptions extends ImportOptions {
  fetch?: typeof fetch;
  /** Records asked for per page of a URL feed. */
  perPage?: number;
}

interface Page {
  items: unknown[];
  /** Share of the feed read once this page is done, when the feed says how many pages it has. */
  fraction?: number;
  /** The API root to fetch a full record from, for URL feeds. */
  servicesUrl?: string;
}

const MAX_PAGE_BYTES = 50_000_000;
const MAX_PAGES = 100_000;
const TIMEOUT_MS = 60_000;

/** The records of a service list (or of a bare list), or the one record of a single service document. */
function contentsOf(document: unknown, where: string, single = false): unknown[] {
  if (Array.isArray(document)) return document;
  if (typeof document === 'object' && document !== null && 'contents' in document && Array.isArray(document.contents)) {
    return document.contents as unknown[];
  }
  if (single && typeof document === 'object' && document !== null && 'id' in document && 'name' in document) return [document];
  throw new AppError('bad-request', `${where} is not an ORUK service list: it has no "contents" list.`);
}

/** The feed's /services address, whether it was given as the API root or as /services itself. */
export function servicesUrlOf(url: string): string {
  const u = new URL(url);
  u.search = '';
  u.hash = '';
  const path = u.pathname.replace(/\/+$/, '');
  u.pathname = path.endsWith('/services') ? path : `${path}/services`;
  return u.toString();
}

async function getJson(fetchFn: typeof fetch, url: string, what: string): Promise<unknown> {
  // Redirects are not followed: the address was checked, the one it redirects to was not.
  const response = await fetchFn(url, { headers: { accept: 'application/json' }, redirect: 'manual', signal: AbortSignal.timeout(TIMEOUT_MS) });
  if (response.status >= 300 && response.status < 400) {
    throw new AppError('bad-request', `${what} redirects elsewhere. Give the address it redirects to instead.`);
  }
  if (!response.ok) throw new AppError('bad-request', `${what} answered HTTP ${response.status}.`);
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > MAX_PAGE_BYTES) throw new AppError('bad-request', `${what} is larger than ${MAX_PAGE_BYTES} bytes.`);
  const text = await response.text();
  if (text.length > MAX_PAGE_BYTES) throw new AppError('bad-request', `${what} is larger than ${MAX_PAGE_BYTES} bytes.`);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError('bad-request', `${what} is not JSON.`);
  }
}

async function* pagesOf(source: OrukSource, fetchFn: typeof fetch, perPage: number): AsyncGenerator<Page> {
  if (source.json !== undefined) {
    yield { items: contentsOf(source.json, 'The document', true), fraction: 1 };
    return;
  }
  if (source.file !== undefined) {
    let document: unknown;
    try {
      document = JSON.parse(await readFile(source.file, 'utf8')) as unknown;
    } catch (error) {
      throw new AppError('bad-request', `The file could not be read as JSON: ${describeError(error)}`);
    }
    yield { items: contentsOf(document, 'The file', true), fraction: 1 };
    return;
  }
  if (source.url === undefined) throw new AppError('bad-request', 'Give a file, a URL or a document to import.');
  const servicesUrl = servicesUrlOf(source.url);
  const given = new URL(source.url);
  for (let page = 1; page <= MAX_PAGES; page += 1) {
    const u = new URL(servicesUrl);
    u.searchParams.set('page', String(page));
    u.searchParams.set('per_page', given.searchParams.get('per_page') ?? String(perPage));
    const envelope = await getJson(fetchFn, u.toString(), `Page ${page} of the feed`);
    const items = contentsOf(envelope, `Page ${page} of the feed`);
    const meta = (typeof envelope === 'object' && envelope !== null ? envelope : {}) as { total_pages?: unknown; last_page?: unknown };
    const totalPages = typeof meta.total_pages === 'number' && meta.total_pages > 0 ? meta.total_pages : undefined;
    yield { items, servicesUrl, ...(totalPages ? { fraction: Math.min(1, page / totalPages) } : {}) };
    if (items.length === 0 || meta.last_page === true || (totalPages !== undefined && page >= totalPages)) return;
  }
}

function sourceLabel(source: OrukSource): string {
  if (source.url !== undefined) return source.url;
  if (source.file !== undefined) return source.file;
  return 'uploaded document';
}

export async function importOruk(target: Db | DataAccess, source: OrukSource, opts: OrukImportOptions): Promise<ImportReport> {
  const db = databaseOf(target);
  const fetchFn = opts.fetch ?? globalThis.fetch;
  const run = await ImportRun.start(db, 'oruk', sourceLabel(source), opts);
  const firstSeen = new Map<string, number>();
  let count = 0;
  try {
    for await (const page of pagesOf(source, fetchFn, opts.perPage ?? 100)) {
      for (const item of page.items) {
        count += 1;
        await importRecord(db, run, item, count, firstSeen, page.servicesUrl, fetchFn, opts);
        await run.progress(count);
      }
      await run.progress(count, page.fraction);
    }
    return await run.finish();
  } catch (error) {
    await run.fail(error);
    throw error;
  }
}

async function importRecord(
  db: Db,
  run: ImportRun,
  item: unknown,
  record: number,
  firstSeen: Map<string, number>,
  servicesUrl: string | undefined,
  fetchFn: typeof fetch,
  opts: OrukImportOptions,
): Promise<void> {
  const rawId = typeof item === 'object' && item !== null && 'id' in item ? item.id : undefined;
  const id = isUuid(rawId) ? rawId.toLowerCase() : undefined;
  if (id !== undefined) {
    const first = firstSeen.get(id);
    if (first !== undefined) {
      run.reject({ record, id, reason: `repeats the id of record ${first}` });
      return;
    }
    firstSeen.set(id, record);
  }
  let full = item;
  if (servicesUrl !== undefined && id !== undefined && !hasDetail(item)) {
    try {
      full = await getJson(fetchFn, `${servicesUrl}/${id}`, `The full record of service ${id}`);
    } catch (error) {
      run.reject({ record, id, reason: describeError(error) });
      return;
    }
  }
  const converted = orukServiceToInput(full);
  if (!converted.ok) {
    run.reject({ record, ...(converted.id ? { id: converted.id } : {}), reason: converted.reason });
    return;
  }
  try {
    const saved = await saveService(db, converted.input, opts.who, { kind: 'import', source: 'oruk' });
    run.counted(saved.outcome);
    for (const warning of converted.warnings) run.report.warnings.push(`record ${record}: ${warning}`);
  } catch (error) {
    run.reject({ record, ...(id ? { id } : {}), reason: describeError(error) });
  }
}
