import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../app-context.js';

/** Staff routes for measures, settings, responses, preferences and stories. */
export function registerOutcomeRoutes(api: FastifyInstance, ctx: AppContext): void {
  void api;
  void ctx;
}
