import type { Config } from '../../config/index.js';
import type { DataAccess } from '../../data/access.js';
import type { JobQueue } from '../../jobs/queue.js';
import { sendGoalReviewReminders } from './reviews.js';

export const GOAL_REVIEWS_QUEUE = 'casework.goal-reviews';

/**
 * Hourly, so a review that falls due today reaches the link worker the same morning; each
 * reminder is recorded, so running again sends nothing twice.
 */
export function registerPlanJobs(jobs: JobQueue, data: DataAccess, config: Config): void {
  jobs.register(GOAL_REVIEWS_QUEUE, async () => {
    await sendGoalReviewReminders(data, jobs, config, new Date());
  });
  jobs.schedule(GOAL_REVIEWS_QUEUE, 3600, GOAL_REVIEWS_QUEUE);
}
