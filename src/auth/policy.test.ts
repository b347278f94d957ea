import { describe, expect, it } from 'vitest';
import { ACTIONS, can, POLICY, RESOURCES, ruleFor, type Action, type Resource, type Rule } from './policy.js';
import { PRINCIPAL_ROLES, type PrincipalRole } from './roles.js';

/**
 * The access matrix, written out by hand. Every role × resource × action that exists is listed
 * here and compared with the policy; a resource added to the policy without a row here fails.
 * '-' is deny; 'A' allow; 'S' only their own account; 'O' only their own organisation.
 */
type Cell = '-' | 'A' | 'S' | 'O';
const ROLE_ORDER: PrincipalRole[] = ['referrer', 'link_worker', 'scheme_manager', 'vcse_provider', 'safeguarding_lead', 'commissioner', 'system_admin', 'api_client'];

const NONE: Cell[] = ['-', '-', '-', '-', '-', '-', '-', '-'];

/** A resource with few actions: every action not named is denied to everyone. */
function only(cells: Partial<Record<Action, Cell[]>>): Record<Action, Cell[]> {
  return Object.fromEntries(ACTIONS.map((action) => [action, cells[action] ?? NONE])) as Record<Action, Cell[]>;
}

//                     ref  lw   mgr  vcse sg   com  adm  api
const EXPECTED: Record<Resource, Record<Action, Cell[]>> = {
  scheme: {
    list: ['-', '-', '-', '-', '-', '-', 'A', '-'],
    read: ['A', 'A', 'A', 'A', 'A', 'A', 'A', 'A'],
    create: ['-', '-', '-', '-', '-', '-', '-', '-'],
    update: ['-', '-', 'A', '-', '-', '-', '-', '-'],
    delete: ['-', '-', '-', '-', '-', '-', '-', '-'],
    export: ['-', '-', '-', '-', '-', '-', '-', '-'],
    triage: ['-', '-', '-', '-', '-', '-', '-', '-'],
    merge: ['-', '-', '-', '-', '-', '-', '-', '-'],
    import: ['-', '-', '-', '-', '-', '-', '-', '-'],
    verify: NONE,
    publish: NONE,
  },
  organisation: {
    list: ['A', 'A', 'A', 'A', 'A', 'A', 'A', 'A'],
    read: ['A', 'A', 'A', 'A', 'A', 'A', 'A', 'A'],
    create: ['-', '-', 'A', '-', '-', '-', 'A', '-'],
    update: ['-', '-', 'A', 'O', '-', '-', 'A', '-'],
    delete: ['-', '-', '-', '-', '-', '-', '-', '-'],
    export: ['-', '-', '-', '-', '-', '-', '-', '-'],
    triage: ['-', '-', '-', '-', '-', '-', '-', '-'],
    merge: ['-', '-', '-', '-', '-', '-', '-', '-'],
    import: ['-', '-', '-', '-', '-', '-', '-', '-'],
    verify: NONE,
    publish: NONE,
  },
  user: {
    list: ['-', '-', 'A', '-', '-', '-', 'A', '-'],
    read: ['S', 'S', 'A', 'S', 'S', 'S', 'A', '-'],
    create: ['-', '-', 'A', '-', '-', '-', 'A', '-'],
    update: ['S', 'S', 'A', 'S', 'S', 'S', 'A', '-'],
    delete: ['-', '-', 'A', '-', '-', '-', 'A', '-'],
    export: ['-', '-', '-', '-', '-', '-', '-', '-'],
    triage: ['-', '-', '-', '-', '-', '-', '-', '-'],
    merge: ['-', '-', '-', '-', '-', '-', '-', '-'],
    import: ['-', '-', '-', '-', '-', '-', '-', '-'],
    verify: NONE,
    publish: NONE,
  },
  audit_event: {
    list: ['-', '-', 'A', '-', '-', '-', 'A', '-'],
    read: ['-', '-', 'A', '-', '-', '-', 'A', '-'],
    create: ['-', '-', '-', '-', '-', '-', '-', '-'],
    update: ['-', '-', '-', '-', '-', '-', '-', '-'],
    delete: ['-', '-', '-', '-', '-', '-', '-', '-'],
    export: ['-', '-', 'A', '-', '-', '-', 'A', '-'],
    triage: ['-', '-', '-', '-', '-', '-', '-', '-'],
    merge: ['-', '-', '-', '-', '-', '-', '-', '-'],
    import: ['-', '-', '-', '-', '-', '-', '-', '-'],
    verify: NONE,
    publish: NONE,
  },
  api_client: {
    list: ['-', '-', 'A', '-', '-', '-', 'A', '-'],
    read: ['-', '-', '-', '-', '-', '-', '-', '-'],
    create: ['-', '-', 'A', '-', '-', '-', 'A', '-'],
    update: ['-', '-', '-', '-', '-', '-', '-', '-'],
    delete: ['-', '-', 'A', '-', '-', '-', 'A', '-'],
    export: ['-', '-', '-', '-', '-', '-', '-', '-'],
    triage: ['-', '-', '-', '-', '-', '-', '-', '-'],
    merge: ['-', '-', '-', '-', '-', '-', '-', '-'],
    import: ['-', '-', '-', '-', '-', '-', '-', '-'],
    verify: NONE,
    publish: NONE,
  },
  notification: {
    list: ['-', '-', 'A', '-', '-', '-', 'A', '-'],
    read: ['-', '-', '-', '-', '-', '-', '-', '-'],
    create: ['-', '-', '-', '-', '-', '-', '-', '-'],
    update: ['-', '-', 'A', '-', '-', '-', 'A', '-'],
    delete: ['-', '-', '-', '-', '-', '-', '-', '-'],
    export: ['-', '-', '-', '-', '-', '-', '-', '-'],
    triage: ['-', '-', '-', '-', '-', '-', '-', '-'],
    merge: ['-', '-', '-', '-', '-', '-', '-', '-'],
    import: ['-', '-', '-', '-', '-', '-', '-', '-'],
    verify: NONE,
    publish: NONE,
  },
  person: {
    list: ['-', 'A', 'A', '-', '-', '-', '-', '-'],
    read: ['-', 'A', 'A', '-', '-', '-', '-', 'O'],
    create: ['A', 'A', 'A', '-', '-', '-', '-', 'A'],
    update: ['-', 'A', 'A', '-', '-', '-', '-', 'O'],
    delete: NONE,
    export: NONE,
    triage: NONE,
    merge: ['-', 'A', 'A', '-', '-', '-', '-', '-'],
    import: NONE,
    verify: NONE,
    publish: NONE,
  },
  referral: {
    list: ['S', 'A', 'A', '-', '-', '-', '-', 'O'],
    read: ['S', 'A', 'A', '-', '-', '-', '-', 'O'],
    create: ['A', 'A', 'A', '-', '-', '-', '-', 'A'],
    update: ['S', 'A', 'A', '-', '-', '-', '-', 'O'],
    delete: NONE,
    export: NONE,
    triage: ['-', 'A', 'A', '-', '-', '-', '-', '-'],
    merge: NONE,
    import: ['-', 'A', 'A', '-', '-', '-', '-', '-'],
    verify: NONE,
    publish: NONE,
  },
  referral_settings: {
    list: NONE,
    read: ['A', 'A', 'A', '-', '-', '-', '-', 'A'],
    create: NONE,
    update: ['-', '-', 'A', '-', '-', '-', '-', '-'],
    delete: NONE,
    export: NONE,
    triage: NONE,
    merge: NONE,
    import: NONE,
    verify: NONE,
    publish: NONE,
  },
  //                        ref  lw   mgr  vcse sg   com  adm  api
  directory_organization: {
    list: ['A', 'A', 'A', 'A', 'A', 'A', 'A', 'A'],
    read: ['A', 'A', 'A', 'A', 'A', 'A', 'A', 'A'],
    create: ['-', '-', 'A', '-', '-', '-', 'A', '-'],
    update: ['-', '-', 'A', 'O', '-', '-', 'A', '-'],
    delete: NONE,
    export: NONE,
    triage: NONE,
    merge: NONE,
    import: NONE,
    verify: ['-', 'A', 'A', '-', '-', '-', '-', '-'],
    publish: NONE,
  },
  directory_service: {
    list: ['A', 'A', 'A', 'A', 'A', 'A', 'A', 'A'],
    read: ['A', 'A', 'A', 'A', 'A', 'A', 'A', 'A'],
    create: ['-', '-', 'A', 'O', '-', '-', 'A', '-'],
    update: ['-', '-', 'A', 'O', '-', '-', 'A', '-'],
    delete: NONE,
    export: ['-', 'A', 'A', '-', '-', 'A', 'A', '-'],
    triage: NONE,
    merge: NONE,
    import: NONE,
    verify: ['-', 'A', 'A', '-', '-', '-', '-', '-'],
    publish: ['-', '-', 'A', '-', '-', '-', '-', '-'],
  },
  directory_note: {
    list: NONE,
    read: ['-', 'A', 'A', '-', 'A', '-', '-', '-'],
    create: NONE,
    update: ['-', 'A', 'A', '-', '-', '-', '-', '-'],
    delete: NONE,
    export: NONE,
    triage: NONE,
    merge: NONE,
    import: NONE,
    verify: NONE,
    publish: NONE,
  },
  directory_settings: {
    list: NONE,
    read: ['-', 'A', 'A', 'A', '-', '-', '-', '-'],
    create: NONE,
    update: ['-', '-', 'A', '-', '-', '-', '-', '-'],
    delete: NONE,
    export: NONE,
    triage: NONE,
    merge: NONE,
    import: NONE,
    verify: NONE,
    publish: NONE,
  },
  directory_import: {
    list: ['-', '-', 'A', '-', '-', '-', 'A', '-'],
    read: ['-', '-', 'A', '-', '-', '-', 'A', '-'],
    create: NONE,
    update: NONE,
    delete: NONE,
    export: NONE,
    triage: NONE,
    merge: NONE,
    import: ['-', '-', 'A', '-', '-', '-', 'A', '-'],
    verify: NONE,
    publish: NONE,
  },
  scheme_contact: {
    list: ['A', 'A', 'A', 'A', 'A', 'A', 'A', '-'],
    read: NONE,
    create: NONE,
    update: NONE,
    delete: NONE,
    export: NONE,
    triage: NONE,
    merge: NONE,
    import: NONE,
    verify: NONE,
    publish: NONE,
  },
  measure: {
    list: ['-', 'A', 'A', '-', '-', '-', 'A', '-'],
    read: ['-', 'A', 'A', '-', '-', '-', 'A', '-'],
    create: ['-', '-', 'A', '-', '-', '-', 'A', '-'],
    update: ['-', '-', 'A', '-', '-', '-', 'A', '-'],
    delete: NONE,
    export: NONE,
    triage: NONE,
    merge: NONE,
    import: NONE,
    verify: NONE,
    publish: NONE,
  },
  outcome_settings: {
    list: NONE,
    read: ['-', 'A', 'A', '-', '-', '-', 'A', '-'],
    create: NONE,
    update: ['-', '-', 'A', '-', '-', '-', 'A', '-'],
    delete: NONE,
    export: NONE,
    triage: NONE,
    merge: NONE,
    import: NONE,
    verify: NONE,
    publish: NONE,
  },
  measure_response: {
    list: ['-', 'A', 'A', '-', '-', '-', '-', 'O'],
    read: ['-', 'A', 'A', '-', '-', '-', '-', 'O'],
    create: ['-', 'A', 'A', '-', '-', '-', '-', '-'],
    update: ['-', 'A', 'A', '-', '-', '-', '-', '-'],
    delete: NONE,
    export: NONE,
    triage: NONE,
    merge: NONE,
    import: NONE,
    verify: NONE,
    publish: NONE,
  },
  measure_link: {
    list: ['-', 'A', 'A', '-', '-', '-', '-', '-'],
    read: NONE,
    create: ['-', 'A', 'A', '-', '-', '-', '-', '-'],
    update: NONE,
    delete: ['-', 'A', 'A', '-', '-', '-', '-', '-'],
    export: NONE,
    triage: NONE,
    merge: NONE,
    import: NONE,
    verify: NONE,
    publish: NONE,
  },
  outcome_story: {
    list: ['-', 'A', 'A', '-', '-', '-', '-', '-'],
    read: ['-', 'A', 'A', '-', '-', '-', '-', '-'],
    create: ['-', 'A', 'A', '-', '-', '-', '-', '-'],
    update: ['-', 'A', 'A', '-', '-', '-', '-', '-'],
    delete: NONE,
    export: NONE,
    triage: NONE,
    merge: NONE,
    import: NONE,
    verify: NONE,
    publish: NONE,
  },
  casework_settings: only({
    read: ['-', 'A', 'A', '-', '-', '-', '-', '-'],
    update: ['-', '-', 'A', '-', '-', '-', '-', '-'],
  }),
  caseload: only({
    list: ['-', 'S', 'A', '-', '-', '-', '-', '-'],
    update: ['-', '-', 'A', '-', '-', '-', '-', '-'],
  }),
  assessment: only({
    list: ['-', 'A', 'A', '-', '-', '-', '-', '-'],
    read: ['-', 'A', 'A', '-', '-', '-', '-', '-'],
    create: ['-', 'A', 'A', '-', '-', '-', '-', '-'],
  }),
  care_plan: only({
    list: ['-', 'A', 'A', '-', '-', '-', '-', '-'],
    read: ['-', 'A', 'A', '-', '-', '-', '-', '-'],
    create: ['-', 'A', 'A', '-', '-', '-', '-', '-'],
    update: ['-', 'A', 'A', '-', '-', '-', '-', '-'],
    export: ['-', 'A', 'A', '-', '-', '-', '-', '-'],
  }),
  contact: only({
    list: ['-', 'A', 'A', '-', '-', '-', '-', '-'],
    read: ['-', 'A', 'A', '-', '-', '-', '-', '-'],
    create: ['-', 'A', 'A', '-', '-', '-', '-', '-'],
    update: ['-', 'A', 'A', '-', '-', '-', '-', '-'],
  }),
  lone_working: only({
    list: ['-', 'S', 'A', '-', '-', '-', '-', '-'],
    create: ['-', 'S', '-', '-', '-', '-', '-', '-'],
    update: ['-', '-', 'A', '-', '-', '-', '-', '-'],
  }),
  case_alert: only({
    list: ['-', 'A', 'A', '-', '-', '-', '-', '-'],
    update: ['-', 'A', 'A', '-', '-', '-', '-', '-'],
  }),
  onward_referral: only({
    list: ['-', 'A', 'A', 'O', '-', '-', '-', '-'],
    read: ['-', 'A', 'A', 'O', '-', '-', '-', '-'],
    create: ['-', 'A', 'A', '-', '-', '-', '-', '-'],
    update: ['-', 'A', 'A', 'O', '-', '-', '-', '-'],
  }),
  attendance: only({
    list: ['-', 'A', 'A', 'O', '-', '-', '-', '-'],
    create: ['-', 'A', 'A', 'O', '-', '-', '-', '-'],
  }),
  concern: only({
    list: ['-', 'A', 'A', '-', 'A', '-', '-', '-'],
    read: ['-', 'A', 'A', '-', 'A', '-', '-', '-'],
    create: ['-', 'A', 'A', 'O', '-', '-', '-', '-'],
  }),
  signpost: only({
    list: ['-', 'A', 'A', '-', '-', '-', '-', '-'],
    create: ['-', 'A', 'A', '-', '-', '-', '-', '-'],
  }),
};

const CELL: Record<Cell, Rule | undefined> = { '-': undefined, A: 'allow', S: 'self', O: 'own_organisation' };

describe('access matrix', () => {
  it('lists every resource of the policy, and only those', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...RESOURCES].sort());
    expect(Object.keys(POLICY).sort()).toEqual([...RESOURCES].sort());
  });

  it('covers every principal role in its columns', () => {
    expect([...ROLE_ORDER].sort()).toEqual([...PRINCIPAL_ROLES].sort());
  });

  it('the policy names no action or role the matrix does not know', () => {
    for (const resource of RESOURCES) {
      for (const [action, rules] of Object.entries(POLICY[resource])) {
        expect(ACTIONS).toContain(action);
        for (const role of Object.keys(rules ?? {})) expect(PRINCIPAL_ROLES).toContain(role);
      }
    }
  });

  for (const resource of RESOURCES) {
    for (const action of ACTIONS) {
      ROLE_ORDER.forEach((role, column) => {
        const cell = EXPECTED[resource][action][column];
        it(`${role} × ${resource} × ${action} → ${cell}`, () => {
          expect(cell).toBeDefined();
          expect(ruleFor(role, resource, action)).toBe(CELL[cell ?? '-']);
        });
      });
    }
  }
});

describe('relationship rules', () => {
  const me = { role: 'link_worker' as const, userId: 'u1', organisationId: 'o1' };
  it('"self" allows only the caller\'s own account', () => {
    expect(can(me, 'user', 'read', { userId: 'u1' })).toBe(true);
    expect(can(me, 'user', 'read', { userId: 'u2' })).toBe(false);
    expect(can(me, 'user', 'read', {})).toBe(false);
  });
  it('"own_organisation" allows only records of the caller\'s organisation', () => {
    const provider = { role: 'vcse_provider' as const, userId: 'u9', organisationId: 'o9' };
    expect(can(provider, 'organisation', 'update', { organisationId: 'o9' })).toBe(true);
    expect(can(provider, 'organisation', 'update', { organisationId: 'o1' })).toBe(false);
  });
  it('a deny is a deny with or without a target', () => {
    expect(can(me, 'audit_event', 'list')).toBe(false);
    expect(can(me, 'audit_event', 'list', { userId: 'u1' })).toBe(false);
  });
});
