import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app-context.js';
import {
  customMeasureInput,
  measureResponse,
  outcomePreferences,
  outcomePreferencesInput,
  outcomeSettings,
  outcomeSettingsInput,
  outcomeStory,
  personOutcomes,
  recordResponseInput,
  schemeMeasure,
  schemeMeasureList,
  storyInput,
} from '../contracts/outcomes.js';
import { requiredVersion } from '../http/if-match.js';
import { withScope } from '../http/request-context.js';
import { getPersonOutcomes } from './person-outcomes.js';
import { updatePreferences } from './preferences.js';
import { getResponse, recordResponse } from './responses/record.js';
import { createScale, listMeasures, updateScale } from './scales.js';
import { getOutcomeSettings, updateOutcomeSettings } from './settings-service.js';
import { createStory, updateStory } from './stories.js';

const tags = ['outcomes'];
const idParams = z.strictObject({ id: z.uuid() });
const personParams = z.strictObject({ personId: z.uuid() });
const keyParams = z.strictObject({ key: z.string().regex(/^[a-z][a-z0-9_-]{0,39}$/) });
const IF_MATCH = 'If-Match with the ETag you read is required; 412 if someone changed it since.';

const etag = (version: number): string => `W/"${version}"`;

/** Staff routes for measures, settings, responses, preferences and stories. */
export function registerOutcomeRoutes(api: FastifyInstance, ctx: AppContext): void {
  const r = api.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/outcomes/measures',
    { schema: { tags, summary: 'The measures the scheme could use: standard, licensed and its own scales, each with whether it is on', response: { 200: schemeMeasureList } } },
    async (request) => ({ measures: await withScope(ctx, request, (scope) => listMeasures(scope)) }),
  );

  r.post(
    '/outcomes/measures',
    {
      schema: {
        tags,
        summary: 'Add a scale of the scheme’s own (administrators)',
        description: 'The key must not be one a measure already has. Bands must lie within the scores the scale can give.',
        body: customMeasureInput,
        response: { 201: schemeMeasure },
      },
    },
    async (request, reply) => {
      const measure = await withScope(ctx, request, (scope) => createScale(scope, request.body));
      return reply.code(201).header('etag', etag(measure.definition.version)).send(measure);
    },
  );

  r.put(
    '/outcomes/measures/:key',
    {
      schema: {
        tags,
        summary: 'Change one of the scheme’s own scales: writes a new version (administrators)',
        description: `Responses already recorded keep the version they were answered on. ${IF_MATCH}`,
        params: keyParams,
        body: customMeasureInput,
        response: { 200: schemeMeasure },
      },
    },
    async (request, reply) => {
      const version = requiredVersion(request);
      const measure = await withScope(ctx, request, (scope) => updateScale(scope, request.params.key, request.body, version));
      return reply.header('etag', etag(measure.definition.version)).send(measure);
    },
  );

  r.get(
    '/outcomes/settings',
    { schema: { tags, summary: 'The scheme’s measurement settings and schedule (ETag: their version)', response: { 200: outcomeSettings } } },
    async (request, reply) => {
      const settings = await withScope(ctx, request, (scope) => getOutcomeSettings(scope));
      return reply.header('etag', etag(settings.version)).send(settings);
    },
  );

  r.put(
    '/outcomes/settings',
    {
      schema: {
        tags,
        summary: 'Change the measurement settings: measures switched off, thresholds, schedule (administrators)',
        description: `Every measure named must be one the scheme has; a scheduled measure must be switched on. ${IF_MATCH} Before the first change the version is 0.`,
        body: outcomeSettingsInput,
        response: { 200: outcomeSettings },
      },
    },
    async (request, reply) => {
      const version = requiredVersion(request);
      const settings = await withScope(ctx, request, (scope) => updateOutcomeSettings(scope, request.body, version));
      return reply.header('etag', etag(settings.version)).send(settings);
    },
  );

  r.get(
    '/people/:personId/outcomes',
    {
      schema: {
        tags,
        summary: 'A person’s measures, scores over time with the change since baseline, what is due, links, reminder preference and stories',
        params: personParams,
        response: { 200: personOutcomes },
      },
    },
    async (request) => withScope(ctx, request, (scope) => getPersonOutcomes(scope, request.params.personId, new Date())),
  );

  r.post(
    '/people/:personId/measures',
    {
      schema: {
        tags,
        summary: 'Record a completed measure: with the link worker, from paper, or a licensed tool’s score (mode "external")',
        description: 'Answers that are not complete are refused with code incomplete-response, naming each question; nothing is stored.',
        params: personParams,
        body: recordResponseInput,
        response: { 201: measureResponse },
      },
    },
    async (request, reply) => {
      const response = await withScope(ctx, request, (scope) => recordResponse(scope, request.params.personId, request.body));
      return reply.code(201).send(response);
    },
  );

  r.get(
    '/measure-responses/:id',
    { schema: { tags, summary: 'One measure response with its score', params: idParams, response: { 200: measureResponse } } },
    async (request) => withScope(ctx, request, (scope) => getResponse(scope, request.params.id)),
  );

  r.put(
    '/people/:personId/outcome-preferences',
    {
      schema: {
        tags,
        summary: 'Record whether, and how, the person agreed to be reminded when a measure is due',
        params: personParams,
        body: outcomePreferencesInput,
        response: { 200: outcomePreferences },
      },
    },
    async (request) => withScope(ctx, request, (scope) => updatePreferences(scope, request.params.personId, request.body)),
  );

  r.post(
    '/people/:personId/stories',
    {
      schema: {
        tags,
        summary: 'Record the person’s story of what changed, with their consent to share',
        description: 'A de-identified version may be kept only when the person consents to share.',
        params: personParams,
        body: storyInput,
        response: { 201: outcomeStory },
      },
    },
    async (request, reply) => {
      const story = await withScope(ctx, request, (scope) => createStory(scope, request.params.personId, request.body));
      return reply.code(201).header('etag', etag(story.version)).send(story);
    },
  );

  r.put(
    '/outcome-stories/:id',
    {
      schema: {
        tags,
        summary: 'Change a story, or the consent to share it',
        description: `Withdrawing consent removes the de-identified version. ${IF_MATCH}`,
        params: idParams,
        body: storyInput,
        response: { 200: outcomeStory },
      },
    },
    async (request, reply) => {
      const version = requiredVersion(request);
      const story = await withScope(ctx, request, (scope) => updateStory(scope, request.params.id, request.body, version));
      return reply.header('etag', etag(story.version)).send(story);
    },
  );
}
