import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../app-context.js';

/** Directory API under /api: maintenance: listings, verification, history, scheme notes, settings, coverage. */
export function registerDirectoryRoutes(api: FastifyInstance, ctx: AppContext): void {
  void api;
  void ctx;
}
