import type { ImportProgress, ImportReport } from './run.js';

/**
 * Progress of a command-line import on stderr. On a terminal one line is redrawn in place (a
 * bar and percentage when the size of the whole is known, else a count); in a log or a pipe a
 * plain line is written every few seconds, so the output stays readable.
 */

export interface ProgressOutput {
  isTTY?: boolean;
  write(text: string): unknown;
}

export interface ProgressRenderer {
  update(p: ImportProgress): void;
  done(): void;
}

const BAR_WIDTH = 30;
const TTY_INTERVAL_MS = 100;
const PLAIN_INTERVAL_MS = 5000;

export function describeProgress(label: string, p: ImportProgress): string {
  if (p.fraction === undefined) return `${label}: ${p.read} read`;
  const share = Math.max(0, Math.min(1, p.fraction));
  const filled = Math.round(share * BAR_WIDTH);
  return `${label} [${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${Math.floor(share * 100)}% (${p.read} read)`;
}

export function progressRenderer(out: ProgressOutput, label: string, now: () => number = Date.now): ProgressRenderer {
  let last = 0;
  let latest: ImportProgress | undefined;
  let written: ImportProgress | undefined;
  const tty = out.isTTY === true;
  return {
    update(p) {
      latest = p;
      const t = now();
      if (t - last < (tty ? TTY_INTERVAL_MS : PLAIN_INTERVAL_MS)) return;
      last = t;
      out.write(tty ? `\r\x1b[2K${describeProgress(label, p)}` : `${describeProgress(label, p)}\n`);
      written = p;
    },
    done() {
      if (latest && tty) out.write(`\r\x1b[2K${describeProgress(label, latest)}\n`);
      else if (latest && latest !== written) out.write(`${describeProgress(label, latest)}\n`);
    },
  };
}

/** The report as the command prints it: counts, then every refused record, then the caveats. */
export function formatReport(report: ImportReport): string {
  const lines = [
    `Read ${report.read}: ${report.created} created, ${report.updated} updated, ${report.unchanged} unchanged, ${report.rejected.length} refused.`,
  ];
  if (report.skipped !== undefined) lines.push(`${report.skipped} without a grid reference left out; ${report.terminated ?? 0} terminated postcodes marked.`);
  if (report.rejected.length > 0) {
    lines.push('Refused:');
    for (const r of report.rejected) {
      const where = r.file ? `${r.file} line ${r.record}` : `record ${r.record}`;
      lines.push(`  ${where}${r.id ? ` (${r.id})` : ''}: ${r.reason}`);
    }
  }
  if (report.warnings.length > 0) {
    lines.push('Notes:');
    for (const w of report.warnings) lines.push(`  ${w}`);
  }
  lines.push(`Import ${report.importId}.`);
  return lines.join('\n');
}
