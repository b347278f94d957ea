import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app-context.js';

/** Directory API under /api: search, matching and facets. */
export function registerDirectorySearchRoutes(api: FastifyInstance, ctx: AppContext): void {
  void api;
  void ctx;
}
