import type { ServiceDetail } from '../../contracts/directory.js';
import type { SchemeScope } from '../../data/access.js';
import { notFound } from '../../errors.js';
import { listingTarget, may } from '../access.js';
import type { ServiceGraph } from '../model.js';
import { presentService } from '../presenters.js';
import { loadDirectorySettings } from '../settings.js';
import { loadServiceGraph } from '../store/read.js';

/** A service as its page shows it, for this caller in this scheme. */

export async function requireServiceGraph(scope: SchemeScope, id: string): Promise<ServiceGraph> {
  const graph = await loadServiceGraph(scope.db, id);
  if (!graph) throw notFound('The service');
  return graph;
}

async function schemeNoteFor(scope: SchemeScope, serviceId: string): Promise<ServiceDetail['schemeNote']> {
  if (!may(scope, 'directory_note', 'read')) return null;
  const row = await scope.db
    .selectFrom('directory_scheme_services')
    .select(['note', 'preferred', 'public'])
    .where('scheme_id', '=', scope.schemeId)
    .where('service_id', '=', serviceId)
    .executeTakeFirst();
  return { note: row?.note ?? null, preferred: row?.preferred ?? false, public: row?.public ?? false };
}

export async function serviceView(scope: SchemeScope, graph: ServiceGraph): Promise<ServiceDetail> {
  const target = await listingTarget(scope, graph.organization.id);
  const settings = await loadDirectorySettings(scope);
  return presentService(graph, {
    now: new Date(),
    staleAfterDays: settings.staleAfterDays,
    schemeNote: await schemeNoteFor(scope, graph.service.id),
    permissions: {
      edit: may(scope, 'directory_service', 'update', target),
      verify: may(scope, 'directory_service', 'verify'),
      publish: may(scope, 'directory_service', 'publish'),
      note: may(scope, 'directory_note', 'update'),
    },
  });
}

export async function getService(scope: SchemeScope, id: string): Promise<ServiceDetail> {
  scope.authorize('directory_service', 'read');
  return serviceView(scope, await requireServiceGraph(scope, id));
}
