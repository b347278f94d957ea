import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import { versionFromIfMatch } from '../referrals/routes.js';

/** Directory edits must say which version they were made against, so nobody overwrites a change unseen. */
export function requiredVersion(request: FastifyRequest): number {
  const version = versionFromIfMatch(request);
  if (version === undefined) {
    throw new AppError('bad-request', 'Send If-Match with the ETag you read (like "3"), so that a change made since is not overwritten.', {
      code: 'if-match-required',
    });
  }
  return version;
}
