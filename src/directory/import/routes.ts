import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app-context.js';

/** Directory API under /api: imports from the web and CSV export. */
export function registerDirectoryImportRoutes(api: FastifyInstance, ctx: AppContext): void {
  void api;
  void ctx;
}
