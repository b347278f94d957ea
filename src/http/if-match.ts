import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';

/** `If-Match: "3"` or `W/"3"` → 3. Absent → undefined; anything else is a bad request. */
export function versionFromIfMatch(request: FastifyRequest): number | undefined {
  const header = request.headers['if-match'];
  if (header === undefined) return undefined;
  const match = /^(?:W\/)?"(\d{1,9})"$/.exec(String(header).trim());
  if (!match?.[1]) throw new AppError('bad-request', 'If-Match must be a version tag like "3", as sent in ETag.', { code: 'bad-if-match' });
  return Number(match[1]);
}

/** For edits that must say which version they were made against, so nobody overwrites a change unseen. */
export function requiredVersion(request: FastifyRequest): number {
  const version = versionFromIfMatch(request);
  if (version === undefined) {
    throw new AppError('bad-request', 'Send If-Match with the ETag you read (like "3"), so that a change made since is not overwritten.', {
      code: 'if-match-required',
    });
  }
  return version;
}
