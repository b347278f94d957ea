import { existsSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { AppError } from '../errors.js';
import { projectPath } from '../project-path.js';
import { sendError } from './problem.js';

export const WEB_DIST = projectPath('dist', 'web');

/**
 * Serves the built web app. Paths that are not API, health, OAuth or FHIR fall back to
 * index.html so that the browser's router can take them.
 */
export async function registerWebApp(app: FastifyInstance): Promise<void> {
  const built = existsSync(WEB_DIST);
  if (built) {
    await app.register(fastifyStatic, { root: WEB_DIST, prefix: '/', wildcard: false, index: ['index.html'] });
  } else {
    app.log.warn('The web app is not built (dist/web is missing): run `npm run build`.');
  }
  const serverPaths = /^\/(api|health|oauth|fhir)(\/|$)/;
  app.setNotFoundHandler((request, reply) => {
    if (built && request.method === 'GET' && !serverPaths.test(request.url)) {
      return reply.type('text/html').sendFile('index.html');
    }
    return sendError(reply, request, new AppError('not-found', 'There is nothing at this address.'));
  });
}
