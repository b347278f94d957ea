import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { measureDefinition, type CustomMeasureInput, type MeasureDefinition, type SchemeMeasure } from '../contracts/outcomes.js';
import type { SchemeScope } from '../data/access.js';
import { AppError, notFound, validationError } from '../errors.js';
import { schemeMeasures } from './catalogue.js';
import { builtinMeasure } from './measures/builtin.js';
import { scaleProblems } from './scale-rules.js';

/**
 * A scheme's own scales. Each edit writes a new version of the definition; every response keeps
 * a copy of the definition it was answered on, so an old score never changes meaning.
 */

function definitionOf(input: CustomMeasureInput, version: number): MeasureDefinition {
  // Parsed again as a whole definition, so what is stored is exactly what every reader expects.
  return measureDefinition.parse({ ...input, origin: 'scheme', version, licence: null });
}

function assertUsable(input: CustomMeasureInput): void {
  const problems = scaleProblems(input);
  if (problems.length > 0) throw validationError(problems, 'The scale cannot be saved yet.');
}

async function asOffered(scope: SchemeScope, key: string): Promise<SchemeMeasure> {
  const measure = (await schemeMeasures(scope)).find((m) => m.definition.key === key);
  if (!measure) throw notFound('The measure');
  return measure;
}

export async function listMeasures(scope: SchemeScope): Promise<SchemeMeasure[]> {
  scope.authorize('measure', 'list');
  return schemeMeasures(scope);
}

export async function createScale(scope: SchemeScope, input: CustomMeasureInput): Promise<SchemeMeasure> {
  scope.authorize('measure', 'create');
  assertUsable(input);
  const taken = builtinMeasure(input.key) !== undefined;
  const inserted = taken
    ? undefined
    : await scope.db
        .insertInto('measure_definitions')
        .values({
          scheme_id: scope.schemeId,
          id: randomUUID(),
          key: input.key,
          definition: JSON.stringify(definitionOf(input, 1)),
          version: 1,
          created_by: scope.actor.type === 'user' ? scope.actor.userId : null,
        })
        // Two administrators choosing the same key at once: the second is told, not failed.
        .onConflict((oc) => oc.columns(['scheme_id', 'key']).doNothing())
        .returning('id')
        .executeTakeFirst();
  if (!inserted) {
    const message = 'A measure already has this key. Choose another.';
    throw new AppError('conflict', message, { code: 'measure-key-taken', fields: [{ field: 'body.key', message }] });
  }
  await scope.audit({ action: 'create', entityType: 'measure', entityId: input.key, detail: { version: 1 } });
  return asOffered(scope, input.key);
}

export async function updateScale(scope: SchemeScope, key: string, input: CustomMeasureInput, expectedVersion: number): Promise<SchemeMeasure> {
  scope.authorize('measure', 'update');
  if (builtinMeasure(key)) {
    throw new AppError('conflict', 'A standard measure cannot be changed. You can switch it off, or add a scale of your own.', { code: 'standard-measure' });
  }
  if (input.key !== key) throw validationError([{ field: 'body.key', message: 'A scale’s key cannot be changed' }]);
  assertUsable(input);
  const current = await scope.db
    .selectFrom('measure_definitions')
    .select('version')
    .where('scheme_id', '=', scope.schemeId)
    .where('key', '=', key)
    .executeTakeFirst();
  if (!current) throw notFound('The measure');
  const version = expectedVersion + 1;
  // The version check is part of the UPDATE, so of two editors holding one version only one wins.
  const updated = await scope.db
    .updateTable('measure_definitions')
    .set({ definition: JSON.stringify(definitionOf(input, version)), version, updated_at: sql<Date>`now()` })
    .where('scheme_id', '=', scope.schemeId)
    .where('key', '=', key)
    .where('version', '=', expectedVersion)
    .returning('version')
    .executeTakeFirst();
  if (!updated) {
    throw new AppError('precondition-failed', `This scale has been changed by someone else (now version ${current.version}). Reload it and try again.`, {
      code: 'version-mismatch',
    });
  }
  await scope.audit({ action: 'update', entityType: 'measure', entityId: key, detail: { version } });
  return asOffered(scope, key);
}
