import { sql } from 'kysely';
import type { Tx } from '../data/access.js';
import { isRole, type Role } from './roles.js';

export interface MembershipView {
  schemeId: string;
  schemeSlug: string;
  schemeName: string;
  schemeKind: 'scheme' | 'platform';
  requireMfa: boolean;
  membershipId: string;
  role: Role;
  organisationId: string;
  organisationName: string;
}

interface MembershipRow {
  scheme_id: string;
  scheme_slug: string;
  scheme_name: string;
  scheme_kind: 'scheme' | 'platform';
  require_mfa: boolean;
  membership_id: string;
  role: string;
  organisation_id: string;
  organisation_name: string;
}

/** A user's memberships across schemes, through the one narrow cross-tenant function. */
export async function membershipsOf(tx: Tx, userId: string): Promise<MembershipView[]> {
  const { rows } = await sql<MembershipRow>`select * from linkwell_memberships_of(${userId})`.execute(tx);
  return rows.flatMap((r) =>
    isRole(r.role)
      ? [
          {
            schemeId: r.scheme_id,
            schemeSlug: r.scheme_slug,
            schemeName: r.scheme_name,
            schemeKind: r.scheme_kind,
            requireMfa: r.require_mfa,
            membershipId: r.membership_id,
            role: r.role,
            organisationId: r.organisation_id,
            organisationName: r.organisation_name,
          },
        ]
      : [],
  );
}
