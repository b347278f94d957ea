import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app-context.js';
import { contact, contactInput, contactOutcomeInput } from '../../contracts/casework.js';
import { requiredVersion } from '../../http/if-match.js';
import { withScope } from '../../http/request-context.js';
import { createContact, listContacts, recordOutcome } from './service.js';

const tags = ['casework'];
const caseParams = z.strictObject({ referralId: z.uuid() });
const idParams = z.strictObject({ id: z.uuid() });

const etag = (version: number): string => `W/"${version}"`;

/** Appointments and contacts with the person: booking, what happened, and time spent. */
export function registerContactRoutes(api: FastifyInstance, ctx: AppContext): void {
  const r = api.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/cases/:referralId/contacts',
    {
      schema: {
        tags,
        summary: 'A case’s contacts and appointments, newest first, each with its lone-working state when it is a watched home visit',
        params: caseParams,
        response: { 200: z.object({ contacts: z.array(contact) }) },
      },
    },
    async (request) => ({ contacts: await withScope(ctx, request, (scope) => listContacts(scope, request.params.referralId, new Date())) }),
  );

  r.post(
    '/cases/:referralId/contacts',
    {
      schema: {
        tags,
        summary: 'Book a contact, or record one that has happened (taken place or did not attend)',
        description:
          'A booking may be for any time; a contact recorded as taken place or missed must not be in the future. A home visit may carry ' +
          'expectedCheckInAt (after the visit starts, within 12 hours, still to come): it is then watched under lone working. ' +
          'A contact recorded as missed may raise a repeated-DNA alert on the caseload.',
        params: caseParams,
        body: contactInput,
        response: { 201: contact },
      },
    },
    async (request, reply) => {
      const made = await withScope(ctx, request, (scope) => createContact(scope, request.params.referralId, request.body, new Date()));
      return reply.code(201).header('etag', etag(made.version)).send(made);
    },
  );

  r.post(
    '/contacts/:id/outcome',
    {
      schema: {
        tags,
        summary: 'Mark what happened: taken place, did not attend, or cancelled; with time spent, who attended and notes',
        description:
          'Refused with 409 and a code (illegal-transition, not-yet, correction-window-passed) when the change cannot be made. ' +
          'If-Match with the ETag you read is required; 412 if someone changed it since.',
        params: idParams,
        body: contactOutcomeInput,
        response: { 200: contact },
      },
    },
    async (request, reply) => {
      const version = requiredVersion(request);
      const updated = await withScope(ctx, request, (scope) => recordOutcome(scope, request.params.id, request.body, version, new Date()));
      return reply.header('etag', etag(updated.version)).send(updated);
    },
  );
}
