import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../app-context.js';
import { registerAlertRoutes } from './alerts/routes.js';
import { registerAssessmentRoutes } from './assessment/routes.js';
import { registerAttendanceRoutes } from './attendance/routes.js';
import { registerCaseloadRoutes } from './caseload/routes.js';
import { registerClosureRoutes } from './closure/routes.js';
import { registerConcernRoutes } from './concerns/routes.js';
import { registerContactRoutes } from './contacts/routes.js';
import { registerLoneWorkingRoutes } from './lone-working/routes.js';
import { registerOnwardRoutes } from './onward/routes.js';
import { registerPlanRoutes } from './plan/routes.js';
import { registerProviderReferralRoutes } from './provider/routes.js';

/** Casework's API: the link worker's side, the manager's, and the VCSE provider portal. */
export function registerCaseworkRoutes(api: FastifyInstance, ctx: AppContext): void {
  registerCaseloadRoutes(api, ctx);
  registerAlertRoutes(api, ctx);
  registerClosureRoutes(api, ctx);
  registerAssessmentRoutes(api, ctx);
  registerPlanRoutes(api, ctx);
  registerContactRoutes(api, ctx);
  registerLoneWorkingRoutes(api, ctx);
  registerOnwardRoutes(api, ctx);
  registerProviderReferralRoutes(api, ctx);
  registerAttendanceRoutes(api, ctx);
  registerConcernRoutes(api, ctx);
}
