import type { DataAccess } from '../../data/access.js';
import { saveOrganization, saveService, type AttributeInput, type ContactInput, type LocationGraphInput, type OrganizationGraphInput, type ServiceGraphInput } from '../store/write.js';
import { readPackage, type HeldRow, type Tables } from './hsds-read.js';
import { databaseOf, describeError, ImportRun, type Db, type ImportOptions, type ImportReport } from './run.js';

/**
 * Import of an HSDS 3.0 tabular data package (a folder of CSV files). The rows are read and
 * checked first (hsds-read.ts); then each organisation and each service is assembled from the
 * rows that belong to it and saved through the writer, each in its own transaction. The
 * report counts organisations and services together.
 *
 * HSDS lets a row name several parents (a phone with a location, a service and a contact);
 * Linkwell files it under the most specific one, the one a reader of the service would look at.
 */

type Row = Record<string, unknown>;

function str(row: Row, column: string): string | undefined {
  const value = row[column];
  return typeof value === 'string' ? value : undefined;
}

function groupBy(rows: Iterable<HeldRow>, owner: (row: Row) => string | undefined): Map<string, Row[]> {
  const map = new Map<string, Row[]>();
  for (const held of rows) {
    const key = owner(held.row);
    if (key === undefined) continue;
    const list = map.get(key);
    if (list) list.push(held.row);
    else map.set(key, [held.row]);
  }
  return map;
}

/** The parts of every entity, each row under its most specific parent. */
function indexParts(t: Tables) {
  const first = (...columns: string[]) => (row: Row) => columns.map((c) => str(row, c)).find((v) => v !== undefined);
  const phoneOwner = (r: Row): string | undefined => (str(r, 'contact_id') ? undefined : first('service_at_location_id', 'service_id', 'location_id', 'organization_id')(r));
  return {
    schedules: groupBy(t.schedule.values(), first('service_at_location_id', 'service_id', 'location_id')),
    contacts: groupBy(t.contact.values(), first('service_at_location_id', 'service_id', 'location_id', 'organization_id')),
    contactPhones: groupBy(t.phone.values(), (r) => str(r, 'contact_id')),
    phones: groupBy(t.phone.values(), phoneOwner),
    languages: groupBy(t.language.values(), first('service_id', 'location_id')),
    fundings: groupBy(t.funding.values(), first('service_id', 'organization_id')),
    attributes: groupBy(t.attribute.values(), (r) => str(r, 'link_id')),
    identifiers: groupBy(t.organization_identifier.values(), (r) => str(r, 'organization_id')),
    programs: groupBy(t.program.values(), (r) => str(r, 'organization_id')),
    addresses: groupBy(t.address.values(), (r) => str(r, 'location_id')),
    accessibility: groupBy(t.accessibility.values(), (r) => str(r, 'location_id')),
    costOptions: groupBy(t.cost_option.values(), (r) => str(r, 'service_id')),
    serviceAreas: groupBy(t.service_area.values(), (r) => str(r, 'service_id')),
    requiredDocuments: groupBy(t.required_document.values(), (r) => str(r, 'service_id')),
    sals: groupBy(t.service_at_location.values(), (r) => str(r, 'service_id')),
  };
}

type Parts = ReturnType<typeof indexParts>;

class Assembler {
  private readonly parts: Parts;
  constructor(private readonly t: Tables) {
    this.parts = indexParts(t);
  }

  private rows<T>(map: Map<string, Row[]>, id: string): T[] {
    return (map.get(id) ?? []) as T[];
  }

  private contacts(id: string): ContactInput[] {
    return this.rows<ContactInput['contact']>(this.parts.contacts, id).map((contact) => ({
      contact,
      phones: this.rows(this.parts.contactPhones, contact.id),
    }));
  }

  private attributes(id: string): AttributeInput[] {
    return this.rows<AttributeInput['attribute']>(this.parts.attributes, id).flatMap((attribute): AttributeInput[] => {
      const term = this.t.taxonomy_term.get(attribute.taxonomy_term_id ?? '')?.row as AttributeInput['term'] | undefined;
      if (!term) return [];
      const taxonomy = (term.taxonomy_id ? this.t.taxonomy.get(term.taxonomy_id)?.row : undefined) as AttributeInput['taxonomy'] | undefined;
      return [{ attribute, term, taxonomy: taxonomy ?? null }];
    });
  }

  private withExtra(held: HeldRow): Row {
    return { ...held.row, extra: held.unknown };
  }

  organization(held: HeldRow): OrganizationGraphInput {
    const id = String(held.row.id);
    return {
      organization: this.withExtra(held) as OrganizationGraphInput['organization'],
      identifiers: this.rows(this.parts.identifiers, id),
      programs: this.rows(this.parts.programs, id),
      contacts: this.contacts(id),
      phones: this.rows(this.parts.phones, id),
      fundings: this.rows(this.parts.fundings, id),
      attributes: this.attributes(id),
    };
  }

  private location(held: HeldRow): LocationGraphInput {
    const id = String(held.row.id);
    return {
      location: this.withExtra(held) as LocationGraphInput['location'],
      addresses: this.rows(this.parts.addresses, id),
      accessibility: this.rows(this.parts.accessibility, id),
      phones: this.rows(this.parts.phones, id),
      languages: this.rows(this.parts.languages, id),
      schedules: this.rows(this.parts.schedules, id),
      contacts: this.contacts(id),
      attributes: this.attributes(id),
    };
  }

  service(held: HeldRow): ServiceGraphInput {
    const id = String(held.row.id);
    const programId = str(held.row, 'program_id');
    const program = programId ? this.t.program.get(programId)?.row : undefined;
    return {
      service: this.withExtra(held) as ServiceGraphInput['service'],
      program: (program ?? null) as ServiceGraphInput['program'],
      schedules: this.rows(this.parts.schedules, id),
      costOptions: this.rows(this.parts.costOptions, id),
      contacts: this.contacts(id),
      phones: this.rows(this.parts.phones, id),
      languages: this.rows(this.parts.languages, id),
      serviceAreas: this.rows(this.parts.serviceAreas, id),
      fundings: this.rows(this.parts.fundings, id),
      requiredDocuments: this.rows(this.parts.requiredDocuments, id),
      serviceAtLocations: this.rows<Row>(this.parts.sals, id).flatMap((sal) => {
        const location = this.t.location.get(String(sal.location_id));
        if (!location) return [];
        const salId = String(sal.id);
        return [{
          serviceAtLocation: sal as { id: string },
          location: this.location(location),
          schedules: this.rows(this.parts.schedules, salId),
          contacts: this.contacts(salId),
          phones: this.rows(this.parts.phones, salId),
          attributes: this.attributes(salId),
        }];
      }),
      attributes: this.attributes(id),
    };
  }
}

export async function importHsds(target: Db | DataAccess, dir: string, opts: ImportOptions): Promise<ImportReport> {
  const db = databaseOf(target);
  const run = await ImportRun.start(db, 'hsds', dir, opts);
  try {
    let pending = Promise.resolve();
    const read = await readPackage(dir, (rows, fraction) => {
      // Progress from the byte counter is reported in order, without holding up the reading.
      pending = pending.then(() => run.progress(rows, fraction));
    });
    await pending;
    for (const r of read.rejected) run.reject(r);
    run.report.warnings.push(...read.warnings);
    const assemble = new Assembler(read.tables);
    const source = { kind: 'import', source: 'hsds' } as const;
    for (const held of read.tables.organization.values()) {
      try {
        run.counted((await saveOrganization(db, assemble.organization(held), opts.who, source)).outcome);
      } catch (error) {
        run.reject({ record: held.line, file: held.file, id: String(held.row.id), reason: describeError(error) });
      }
    }
    for (const held of read.tables.service.values()) {
      try {
        run.counted((await saveService(db, assemble.service(held), opts.who, source)).outcome);
      } catch (error) {
        run.reject({ record: held.line, file: held.file, id: String(held.row.id), reason: describeError(error) });
      }
    }
    await run.progress(read.rowsRead, 1);
    return await run.finish();
  } catch (error) {
    await run.fail(error);
    throw error;
  }
}
