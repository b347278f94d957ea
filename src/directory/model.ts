import type { Selectable } from 'kysely';
import type {
  DirectoryAccessibilityTable,
  DirectoryAddressesTable,
  DirectoryAttributesTable,
  DirectoryContactsTable,
  DirectoryCostOptionsTable,
  DirectoryFundingsTable,
  DirectoryLanguagesTable,
  DirectoryLocationsTable,
  DirectoryOrganizationIdentifiersTable,
  DirectoryOrganizationsTable,
  DirectoryPhonesTable,
  DirectoryProgramsTable,
  DirectoryRequiredDocumentsTable,
  DirectorySchedulesTable,
  DirectoryServiceAreasTable,
  DirectoryServiceAtLocationsTable,
  DirectoryServicesTable,
  DirectoryTaxonomiesTable,
  DirectoryTaxonomyTermsTable,
  HsdsServiceStatus,
} from '../db/schema.js';

/**
 * The directory's canonical shape: one service with everything that hangs off it, in HSDS 3.0
 * field names. Importers build it, the writer stores it, the reader loads it, and the ORUK API,
 * the CSV export and the service page present it. Rows are the tables' own columns, so nothing
 * a source sent is lost on the way through.
 */

export type OrganizationRow = Selectable<DirectoryOrganizationsTable>;
export type OrganizationIdentifierRow = Selectable<DirectoryOrganizationIdentifiersTable>;
export type ProgramRow = Selectable<DirectoryProgramsTable>;
/** A service row without the search columns, which are derived (src/directory/search). */
export type ServiceRow = Omit<
  Selectable<DirectoryServicesTable>,
  'search_document' | 'term_ids' | 'language_codes' | 'accessibility_features' | 'free' | 'open_hours' | 'latitude' | 'longitude'
>;
export type LocationRow = Selectable<DirectoryLocationsTable>;
export type AddressRow = Selectable<DirectoryAddressesTable>;
export type ServiceAtLocationRow = Selectable<DirectoryServiceAtLocationsTable>;
export type ScheduleRow = Selectable<DirectorySchedulesTable>;
export type CostOptionRow = Selectable<DirectoryCostOptionsTable>;
export type ContactRow = Selectable<DirectoryContactsTable>;
export type PhoneRow = Selectable<DirectoryPhonesTable>;
export type AccessibilityRow = Selectable<DirectoryAccessibilityTable>;
export type LanguageRow = Selectable<DirectoryLanguagesTable>;
export type ServiceAreaRow = Selectable<DirectoryServiceAreasTable>;
export type FundingRow = Selectable<DirectoryFundingsTable>;
export type RequiredDocumentRow = Selectable<DirectoryRequiredDocumentsTable>;
export type TaxonomyRow = Selectable<DirectoryTaxonomiesTable>;
export type TaxonomyTermRow = Selectable<DirectoryTaxonomyTermsTable>;
export type AttributeRow = Selectable<DirectoryAttributesTable>;

/** An attribute with the term it names (and the term's taxonomy, when known). */
export interface AttributeGraph {
  attribute: AttributeRow;
  term: TaxonomyTermRow;
  taxonomy: TaxonomyRow | null;
}

export interface ContactGraph {
  contact: ContactRow;
  phones: PhoneRow[];
}

export interface LocationGraph {
  location: LocationRow;
  addresses: AddressRow[];
  accessibility: AccessibilityRow[];
  phones: PhoneRow[];
  languages: LanguageRow[];
  schedules: ScheduleRow[];
  contacts: ContactGraph[];
  attributes: AttributeGraph[];
}

export interface ServiceAtLocationGraph {
  serviceAtLocation: ServiceAtLocationRow;
  location: LocationGraph;
  schedules: ScheduleRow[];
  contacts: ContactGraph[];
  phones: PhoneRow[];
  attributes: AttributeGraph[];
}

export interface OrganizationGraph {
  organization: OrganizationRow;
  identifiers: OrganizationIdentifierRow[];
  contacts: ContactGraph[];
  phones: PhoneRow[];
  fundings: FundingRow[];
  programs: ProgramRow[];
  attributes: AttributeGraph[];
}

export interface ServiceGraph {
  service: ServiceRow;
  organization: OrganizationRow;
  program: ProgramRow | null;
  schedules: ScheduleRow[];
  costOptions: CostOptionRow[];
  contacts: ContactGraph[];
  phones: PhoneRow[];
  languages: LanguageRow[];
  serviceAreas: ServiceAreaRow[];
  fundings: FundingRow[];
  requiredDocuments: RequiredDocumentRow[];
  serviceAtLocations: ServiceAtLocationGraph[];
  attributes: AttributeGraph[];
}

/** Linkwell's reading of the HSDS status. */
export type ListingStatus = 'active' | 'paused' | 'closed';

export function listingStatus(status: HsdsServiceStatus): ListingStatus {
  switch (status) {
    case 'active':
      return 'active';
    case 'temporarily closed':
      return 'paused';
    case 'inactive':
    case 'defunct':
      return 'closed';
    default: {
      const unreachable: never = status;
      return unreachable;
    }
  }
}

/** The HSDS status a Linkwell status is stored as. A closed service is 'inactive' unless it was already 'defunct'. */
export function hsdsStatus(status: ListingStatus, current?: HsdsServiceStatus): HsdsServiceStatus {
  switch (status) {
    case 'active':
      return 'active';
    case 'paused':
      return 'temporarily closed';
    case 'closed':
      return current === 'defunct' ? 'defunct' : 'inactive';
    default: {
      const unreachable: never = status;
      return unreachable;
    }
  }
}

/** A listing not verified within the scheme's window reads as stale. */
export function isStale(verifiedAt: Date | null, now: Date, staleAfterDays: number): boolean {
  if (verifiedAt === null) return true;
  return now.getTime() - verifiedAt.getTime() > staleAfterDays * 86_400_000;
}
