import { createApiClientRequest } from '../../../../src/contracts/admin.js';

/** Plain words for each scope an integration can be given; the code stays visible for developers. */
export const SCOPES = createApiClientRequest.shape.scopes.unwrap().element.options;

const WORDS: Record<(typeof SCOPES)[number], string> = {
  'referrals.write': 'Send referrals',
  'referrals.read': 'Read referrals it sent',
  'directory.read': 'Read the service directory',
};

export function scopeLabel(scope: string): string {
  const words = (WORDS as Partial<Record<string, string>>)[scope];
  return words === undefined ? scope : `${words} (${scope})`;
}
