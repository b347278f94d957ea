import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { parse } from 'csv-parse';

/**
 * Streams a CSV file with a header row, one record at a time, so that a file of any size
 * (the ONS Postcode Directory is 2.7 million rows) is read in constant memory. Header names
 * are trimmed and lower-cased; each record comes with its line number for error reports.
 */
export interface CsvRecord {
  values: Record<string, string>;
  /** Line of the file where the record ends (the header is line 1). */
  line: number;
}

export async function fileSize(file: string): Promise<number> {
  return (await stat(file)).size;
}

export async function* readCsv(file: string, onBytes?: (bytesSoFar: number) => void): AsyncGenerator<CsvRecord> {
  const stream = createReadStream(file);
  let bytes = 0;
  if (onBytes) {
    stream.on('data', (chunk) => {
      bytes += chunk.length;
      onBytes(bytes);
    });
  }
  const parser = stream.pipe(
    parse({
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      info: true,
    }),
  );
  for await (const item of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
    yield { values: item.record, line: item.info.lines };
  }
}
