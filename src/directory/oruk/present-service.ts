/**
 * Services and services-at-locations as ORUK v3.0-UK answers: the list form (a service's own
 * fields with its organisation, as service_list.json has it) and the fully nested form
 * (service.json, service_at_location.json).
 */
import type { OrganizationGraph, ServiceAtLocationGraph, ServiceGraph, ServiceRow } from '../model.js';
import { dateTime, email, numberOf, present, text, uri, type OrukObject } from './fields.js';
import {
  attribute,
  contact,
  costOption,
  funding,
  language,
  locationFull,
  locationSummary,
  organizationDetail,
  organizationSummary,
  phone,
  requiredDocument,
  schedule,
  serviceArea,
} from './present-parts.js';

/** A service's own (one-to-one) fields. */
function serviceFields(row: ServiceRow): OrukObject {
  return present({
    id: row.id,
    organization_id: row.organization_id,
    name: row.name,
    alternate_name: text(row.alternate_name),
    description: text(row.description),
    url: uri(row.url),
    email: email(row.email),
    status: row.status,
    interpretation_services: text(row.interpretation_services),
    application_process: text(row.application_process),
    fees_description: text(row.fees_description),
    wait_time: text(row.wait_time),
    fees: text(row.fees),
    accreditations: text(row.accreditations),
    eligibility_description: text(row.eligibility_description),
    minimum_age: numberOf(row.minimum_age),
    maximum_age: numberOf(row.maximum_age),
    assured_date: row.assured_date,
    assurer_email: email(row.assurer_email),
    licenses: text(row.licenses),
    alert: text(row.alert),
    last_modified: dateTime(row.last_modified),
  });
}

/** The list form: the service's own fields and its organisation's. */
export function serviceSummary(graph: ServiceGraph): OrukObject {
  return { ...serviceFields(graph.service), organization: organizationSummary(graph.organization) };
}

function serviceAtLocationParts(sal: ServiceAtLocationGraph): OrukObject {
  return present({
    id: sal.serviceAtLocation.id,
    service_id: sal.serviceAtLocation.service_id,
    location_id: sal.serviceAtLocation.location_id,
    description: text(sal.serviceAtLocation.description),
    location: locationFull(sal.location),
    schedules: sal.schedules.map(schedule),
    contacts: sal.contacts.map(contact),
    phones: sal.phones.map(phone),
    attributes: sal.attributes.map(attribute),
  });
}

/**
 * The fully nested service. `withLocations` is false when the service is itself nested in one
 * of its services-at-locations, which would otherwise repeat inside itself.
 */
export function serviceFull(graph: ServiceGraph, organization?: OrganizationGraph, withLocations = true): OrukObject {
  return present({
    ...serviceFields(graph.service),
    organization: organization ? organizationDetail(organization) : organizationSummary(graph.organization),
    schedules: graph.schedules.map(schedule),
    service_areas: graph.serviceAreas.map(serviceArea),
    service_at_locations: withLocations ? graph.serviceAtLocations.map(serviceAtLocationParts) : undefined,
    languages: graph.languages.map(language),
    funding: graph.fundings.map(funding),
    cost_options: graph.costOptions.map(costOption),
    required_documents: graph.requiredDocuments.map(requiredDocument),
    contacts: graph.contacts.map(contact),
    phones: graph.phones.map(phone),
    attributes: graph.attributes.map(attribute),
  });
}

/** A service-at-location in list form: its location's and its service's own fields. */
export function serviceAtLocationSummary(graph: ServiceGraph, sal: ServiceAtLocationGraph): OrukObject {
  return present({
    id: sal.serviceAtLocation.id,
    service_id: sal.serviceAtLocation.service_id,
    location_id: sal.serviceAtLocation.location_id,
    description: text(sal.serviceAtLocation.description),
    location: locationSummary(sal.location.location),
    service: serviceSummary(graph),
  });
}

export function serviceAtLocationFull(graph: ServiceGraph, sal: ServiceAtLocationGraph, organization?: OrganizationGraph): OrukObject {
  return { ...serviceAtLocationParts(sal), service: serviceFull(graph, organization, false) };
}
