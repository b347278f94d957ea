/**
 * What a mapper could not carry over. Every element of an incoming resource is either mapped,
 * or reported here with its FHIRPath: nothing is dropped silently.
 */
export interface MappingIssue {
  /** FHIRPath of the element, e.g. `Patient.extension[0]`. */
  path: string;
  message: string;
}

export class MappingReport {
  readonly warnings: MappingIssue[] = [];
  readonly errors: MappingIssue[] = [];

  warn(path: string, message: string): void {
    this.warnings.push({ path, message });
  }

  error(path: string, message: string): void {
    this.errors.push({ path, message });
  }

  notKept(path: string, what = 'This element'): void {
    this.warn(path, `${what} is not kept by Linkwell.`);
  }
}

/** Walks the top-level elements of a resource: handled ones go to their handler, the rest are reported. */
export function eachElement(
  resource: object,
  type: string,
  report: MappingReport,
  handlers: Record<string, ((path: string) => void) | null>,
): void {
  for (const key of Object.keys(resource)) {
    if ((resource as Record<string, unknown>)[key] === undefined) continue;
    const path = `${type}.${key}`;
    // The id is the server's to give; versionId, lastUpdated and profile describe the copy sent;
    // the narrative renders the data. Security labels and tags do say something: report them.
    if (key === 'meta') {
      const meta = (resource as { meta?: { security?: unknown[]; tag?: unknown[] } }).meta;
      if (meta?.security?.length) report.notKept(`${path}.security`, 'Security labels');
      if (meta?.tag?.length) report.notKept(`${path}.tag`, 'Tags');
      continue;
    }
    if (key === 'resourceType' || key === 'id' || key === 'text') continue;
    if (key === 'modifierExtension') {
      report.error(path, 'Linkwell does not understand this modifier extension, so it cannot accept the resource.');
      continue;
    }
    if (key === 'contained') {
      report.warn(path, 'Contained resources are not read.');
      continue;
    }
    const handler = handlers[key];
    if (handler === undefined) report.notKept(path);
    else if (handler !== null) handler(path);
  }
}

/** The text of a CodeableConcept: its text, else its first coding's display, else its code. */
export function conceptText(concept: { text?: string; coding?: { display?: string; code?: string }[] } | undefined): string | undefined {
  if (!concept) return undefined;
  if (concept.text) return concept.text;
  const coding = concept.coding?.find((c) => c.display) ?? concept.coding?.[0];
  return coding?.display ?? coding?.code;
}

/** A period still running on the given day (no end, or an end not yet passed). */
export function isCurrent(period: { start?: string; end?: string } | undefined, today: string): boolean {
  return !period?.end || period.end.slice(0, 10) >= today;
}
