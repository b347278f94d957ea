import { existsSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { projectPath } from '../project-path.js';

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
    return reply
      .code(404)
      .type('application/problem+json')
      .send({
        type: 'https://linkwell.dev/problems/not-found',
        title: 'Not found',
        status: 404,
        detail: 'There is nothing at this address.',
        requestId: String(request.id),
      });
  });
}
