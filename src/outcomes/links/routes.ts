import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app-context.js';

/** Staff routes: send and revoke one-time links; the due and overdue list. */
export function registerMeasureLinkRoutes(api: FastifyInstance, ctx: AppContext): void {
  void api;
  void ctx;
}
