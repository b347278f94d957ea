import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app-context.js';

/** The public, read-only Open Referral UK v3 API at /oruk. */
export async function registerOrukRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  void app;
  void ctx;
  await Promise.resolve();
}
