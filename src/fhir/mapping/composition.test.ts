import type { Composition } from '@medplum/fhirtypes';
import { beforeAll, describe, expect, it } from 'vitest';
import { REFERRAL_STATUSES, type ReferralStatus } from '../../contracts/referral-codes.js';
import { validateR4 } from '../validate.js';
import { COMPOSITION_TYPE_TEXT, compositionStatus, escapeXhtml, SECTION_TITLES, toComposition, type CompositionRecord } from './composition.js';
import { context, host, personRow, referralRow } from './fixtures.js';

/** Loading the R4 schema and definitions takes a few seconds, once. */
beforeAll(() => {
  validateR4({ resourceType: 'Basic', code: { text: 'warm-up' } });
}, 60_000);

const event = (occurredAt: string, toStatus: string | null, code: string | null = null, display: string | null = null) => ({
  occurred_at: new Date(occurredAt),
  to_status: toStatus,
  code,
  code_display: display,
});

function record(overrides: Partial<CompositionRecord> = {}, referral: Parameters<typeof referralRow>[0] = {}): CompositionRecord {
  return {
    referral: referralRow(referral),
    person: personRow(),
    consent: { method: 'verbal', given_at: new Date('2026-11-02T10:00:00Z'), withdrawn_at: null },
    events: [event('2026-11-02T10:30:00Z', 'received', '871731000000106', 'Referral to social prescribing service')],
    ...overrides,
  };
}

/**
 * Neither R4 validator looks inside the XHTML, so check it here: well-formed, only the elements
 * this mapper writes (all allowed in FHIR narrative), no attributes but the root's xmlns, and no
 * entity except XML's own and numeric references.
 */
function narrativeProblems(div: string): string[] {
  const problems: string[] = [];
  const root = '<div xmlns="http://www.w3.org/1999/xhtml">';
  if (!div.startsWith(root) || !div.endsWith('</div>')) return ['not a div in the XHTML namespace'];
  const inner = div.slice(root.length, -'</div>'.length);
  const stack: string[] = [];
  for (const match of inner.matchAll(/<[^>]*>|&[^;\s<&]*;?|[<>]/g)) {
    const token = match[0];
    if (token.startsWith('&')) {
      if (!/^&(amp|lt|gt|quot|apos|#\d+);$/.test(token)) problems.push(`entity ${token}`);
      continue;
    }
    const tag = /^<(\/?)([a-z]+)>$/.exec(token);
    if (!tag?.[2] || !['table', 'tr', 'th', 'td', 'ol', 'li', 'p'].includes(tag[2])) {
      problems.push(`markup ${token}`);
    } else if (tag[1]) {
      if (stack.pop() !== tag[2]) problems.push(`unbalanced ${token}`);
    } else {
      stack.push(tag[2]);
    }
  }
  if (stack.length > 0) problems.push(`unclosed ${stack.join(', ')}`);
  if (inner.replace(/<[^>]*>/g, '').trim() === '') problems.push('no text');
  return problems;
}

function expectValid(composition: Composition): void {
  expect(validateR4(composition)).toEqual({ valid: true, issues: [] });
  for (const section of composition.section ?? []) expect(narrativeProblems(section.text?.div ?? ''), section.title).toEqual([]);
}

const sectionText = (composition: Composition, title: string): string => composition.section?.find((s) => s.title === title)?.text?.div ?? '';

const closed = {
  status: 'closed',
  closure_reason: 'goals-met',
  outcome_summary: 'Joined a walking group.',
  first_contact_at: new Date('2026-11-03T09:00:00Z'),
  closed_at: new Date('2026-12-01T09:00:00Z'),
  updated_at: new Date('2026-12-01T09:00:00Z'),
  version: 6,
} as const;

describe('compositionStatus', () => {
  const FINAL: ReadonlySet<ReferralStatus> = new Set(['closed', 'declined', 'not_eligible', 'redirected']);
  it.each(REFERRAL_STATUSES)('%s', (status) => {
    expect(compositionStatus({ status })).toBe(FINAL.has(status) ? 'final' : 'preliminary');
  });
});

describe('toComposition', () => {
  it('is a valid preliminary message while the referral is open, with the four PRSB sections', () => {
    const composition = toComposition(record(), context, { linkWorkerName: null });
    expectValid(composition);
    expect(composition).toMatchObject({
      resourceType: 'Composition',
      id: '22222222-2222-4222-8222-222222222222',
      status: 'preliminary',
      type: { text: COMPOSITION_TYPE_TEXT },
      subject: { reference: 'Patient/11111111-1111-4111-8111-111111111111' },
      date: '2026-11-02T10:30:00.000Z',
      author: [{ reference: `Organization/${host.id}`, display: host.name }],
      title: `${COMPOSITION_TYPE_TEXT} (referral LW-ABCD-EFGH)`,
    });
    // Text only: neither verified SNOMED CT concept names a document type.
    expect(composition.type.coding).toBeUndefined();
    expect(composition.encounter).toBeUndefined();
    expect(composition.relatesTo).toBeUndefined();
    expect(composition.section?.map((s) => s.title)).toEqual([...SECTION_TITLES]);
    expect(composition.section?.map((s) => s.entry?.map((e) => e.reference))).toEqual([
      ['Patient/11111111-1111-4111-8111-111111111111'],
      ['ServiceRequest/22222222-2222-4222-8222-222222222222'],
      ['Task/33333333-3333-4333-8333-333333333333'],
      ['Task/33333333-3333-4333-8333-333333333333'],
    ]);
    for (const section of composition.section ?? []) {
      expect(section.text?.status).toBe('generated');
      expect(section.text?.div).toMatch(/^<div xmlns="http:\/\/www\.w3\.org\/1999\/xhtml">.*<\/div>$/s);
    }
    expect(sectionText(composition, 'About me')).toContain('<td>Maya Okafor</td>');
    expect(sectionText(composition, 'About me')).toContain('<td>943 476 5919</td>');
    expect(sectionText(composition, 'What matters to me')).toContain('Loneliness and isolation, Food');
    expect(sectionText(composition, 'What matters to me')).toContain('I would like to meet people.');
    expect(sectionText(composition, 'What I was offered')).toContain('<td>Not yet allocated</td>');
    expect(sectionText(composition, 'What I was offered')).toContain('<li>2 November 2026: Received</li>');
    const result = sectionText(composition, 'What the result was');
    expect(result).toContain('Received (the referral is still open)');
    expect(result).toContain('Given (verbal) on 2 November 2026');
    expect(result).toContain('SNOMED CT 871731000000106 Referral to social prescribing service');
  });

  it('is final once closed, with the outcome and the link worker', () => {
    const composition = toComposition(
      record({ events: [event('2026-11-02T10:30:00Z', 'received'), event('2026-11-03T09:00:00Z', 'first_contact'), event('2026-12-01T09:00:00Z', 'closed')] }, closed),
      context,
      { linkWorkerName: 'Sam Worker' },
    );
    expectValid(composition);
    expect(composition).toMatchObject({ status: 'final', date: '2026-12-01T09:00:00.000Z' });
    expect(sectionText(composition, 'What I was offered')).toContain('<td>Sam Worker</td>');
    expect(sectionText(composition, 'What I was offered')).toContain('<li>3 November 2026: First contact made</li><li>1 December 2026: Closed</li>');
    const result = sectionText(composition, 'What the result was');
    expect(result).toContain('Closed: Goals met');
    expect(result).toContain('<td>Joined a walking group.</td>');
    expect(result).toContain('<td>3 November 2026</td>');
    expect(result).not.toContain('withdrew');
  });

  it('says why a referral ended without support: declined, not eligible, redirected', () => {
    const cases = [
      [{ status: 'declined', decision_reason: 'support-elsewhere' }, 'Declined by the person: Already getting support elsewhere'],
      [{ status: 'not_eligible', decision_reason: 'Under 18' }, 'Not eligible: Under 18'],
      [{ status: 'redirected', decision_reason: 'Citizens Advice' }, 'Redirected to Citizens Advice'],
    ] as const;
    for (const [referral, text] of cases) {
      const composition = toComposition(record({}, referral), context);
      expect(composition.status, referral.status).toBe('final');
      expect(sectionText(composition, 'What the result was')).toContain(text);
      expectValid(composition);
    }
  });

  it('still goes to the referrer when consent is withdrawn, and says so; the date is the withdrawal if later', () => {
    const withdrawnAt = new Date('2026-12-05T12:00:00Z');
    const composition = toComposition(
      record({ consent: { method: 'written', given_at: new Date('2026-11-02T10:00:00Z'), withdrawn_at: withdrawnAt } }, { ...closed, closure_reason: 'consent-withdrawn' }),
      context,
    );
    expectValid(composition);
    expect(composition.status).toBe('final');
    expect(composition.date).toBe(withdrawnAt.toISOString());
    const result = sectionText(composition, 'What the result was');
    expect(result).toContain('The person withdrew their consent on 5 December 2026.');
    expect(result).toContain('nothing about them is shared any further');
    expect(result).toContain('Closed: Consent withdrawn');
    expect(result).toContain('<td>Withdrawn on 5 December 2026</td>');
  });

  it('escapes every value and drops characters XML cannot carry; the narrative still validates', () => {
    const composition = toComposition(
      record(
        { person: personRow({ given_name: 'Ann & <Bo>', family_name: `O'Neil "Jr"`, nhs_number: null, date_of_birth: null }) },
        { person_view: '<script>alert(1)</script>\u0007 & <b>bold</b>', reason: 'a < b > c', outcome_summary: null },
      ),
      context,
      { linkWorkerName: '<img src=x onerror=alert(1)>' },
    );
    expectValid(composition);
    const all = (composition.section ?? []).map((s) => s.text?.div ?? '').join('');
    expect(all).not.toMatch(/<script|<b>|<img/);
    expect(all).not.toContain('\u0007');
    expect(sectionText(composition, 'About me')).toContain('<td>Ann &amp; &lt;Bo&gt; O&#39;Neil &quot;Jr&quot;</td>');
    expect(sectionText(composition, 'About me')).toContain('<tr><th>NHS number</th><td>Not recorded</td></tr>');
    expect(sectionText(composition, 'What matters to me')).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;');
    expect(sectionText(composition, 'What I was offered')).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('with no events and no consent, says nothing was recorded', () => {
    const composition = toComposition(record({ events: [], consent: null }), context);
    expectValid(composition);
    expect(sectionText(composition, 'What I was offered')).toContain('<p>Nothing recorded yet.</p>');
    expect(sectionText(composition, 'What the result was')).toContain('<tr><th>Consent</th><td>Not recorded</td></tr>');
    expect(sectionText(composition, 'What the result was')).not.toContain('Coded entries');
  });
});

describe('narrativeProblems (this test file’s own XHTML check)', () => {
  it('catches what it is there to catch', () => {
    const wrap = (inner: string) => `<div xmlns="http://www.w3.org/1999/xhtml">${inner}</div>`;
    expect(narrativeProblems(wrap('<p>ok &amp; fine</p>'))).toEqual([]);
    expect(narrativeProblems('<div><p>x</p></div>')).toEqual(['not a div in the XHTML namespace']);
    expect(narrativeProblems(wrap('<p>a & b</p>'))).toEqual(['entity &']);
    expect(narrativeProblems(wrap('<p>a > b</p>'))).toEqual(['markup >']);
    expect(narrativeProblems(wrap('<p>&nbsp;</p>'))).toEqual(['entity &nbsp;']);
    expect(narrativeProblems(wrap('<script>x</script>'))).toEqual(['markup <script>', 'markup </script>']);
    expect(narrativeProblems(wrap('<p>x</td>'))).toEqual(['unbalanced </td>']);
    expect(narrativeProblems(wrap('<p>'))).toEqual(['unclosed p', 'no text']);
  });
});

describe('escapeXhtml', () => {
  it('escapes markup characters and drops XML-forbidden control characters, keeping newlines and tabs', () => {
    expect(escapeXhtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(escapeXhtml('a\u0000b\u001Fc\n\td')).toBe('abc\n\td');
  });
});
