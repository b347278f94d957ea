import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app-context.js';

/** The person's questionnaire, reached by a one-time link with no sign-in. */
export function registerPublicMeasureRoutes(api: FastifyInstance, ctx: AppContext): void {
  void api;
  void ctx;
}
