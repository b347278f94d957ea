import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app-context.js';

/** Placeholder until this part of casework lands. */
export function registerAssessmentRoutes(_api: FastifyInstance, _ctx: AppContext): void {
}
