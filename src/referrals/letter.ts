import {
  CLOSURE_REASONS,
  DECLINE_REASONS,
  DEFAULT_NEED_CATEGORIES,
  REFERRAL_STATUS_LABELS,
  URGENCY_LABELS,
} from '../contracts/referral-codes.js';
import type { SchemeScope } from '../data/access.js';
import { formatNhsNumber } from './domain/nhs-number.js';
import { labelOf } from './feedback.js';
import { loadReferral } from './get-referral.js';
import { loadReferralSettings } from './settings.js';

/**
 * The "message back to GP and referrer" (PRSB Social Prescribing Information Standard), as a
 * page to print or save as PDF: about me, what matters to me, what I was offered, what the
 * result was. Every value is escaped; the page loads only its own stylesheet (the CSP allows
 * no inline style).
 */

const escape = (value: string): string =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

const dateText = (value: Date | string | null): string =>
  value === null ? 'Not recorded' : new Date(value).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });

function rows(entries: [string, string | null | undefined][]): string {
  return entries
    .map(([label, value]) => `<tr><th scope="row">${escape(label)}</th><td>${escape(value && value.trim() !== '' ? value : 'Not recorded')}</td></tr>`)
    .join('');
}

export const LETTER_CSS = `
body { font-family: Arial, sans-serif; color: #212b32; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; }
h1 { font-size: 1.75rem; margin-bottom: 0.25rem; }
h2 { font-size: 1.25rem; border-bottom: 2px solid #005eb8; padding-bottom: 0.25rem; margin-top: 2rem; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 0.4rem 0.5rem; border-bottom: 1px solid #d8dde0; }
th { width: 35%; font-weight: bold; }
.meta { color: #4c6272; }
.print-hint { background: #fff9c4; padding: 0.5rem 1rem; }
ol { padding-left: 1.25rem; }
@media print { .print-hint { display: none; } body { margin: 0; max-width: none; } h2 { break-after: avoid; } table, li { break-inside: avoid; } }
`;

export async function renderFeedbackLetter(scope: SchemeScope, referralId: string): Promise<string> {
  const { referral, person, consent, events } = await loadReferral(scope, referralId);
  const settings = await loadReferralSettings(scope);
  const scheme = await scope.db.selectFrom('schemes').select('name').where('id', '=', scope.schemeId).executeTakeFirstOrThrow();
  const linkWorker = referral.link_worker_id
    ? await scope.db.selectFrom('users').select('display_name').where('id', '=', referral.link_worker_id).executeTakeFirst()
    : undefined;
  const needLabels = referral.needs.map((code) => labelOf(settings.needCategories.length > 0 ? settings.needCategories : DEFAULT_NEED_CATEGORIES, code) ?? code);
  const outcome =
    referral.status === 'declined'
      ? `Declined by the person: ${labelOf(DECLINE_REASONS, referral.decision_reason) ?? 'no reason given'}`
      : referral.status === 'closed'
        ? `Closed: ${labelOf(CLOSURE_REASONS, referral.closure_reason) ?? ''}`
        : REFERRAL_STATUS_LABELS[referral.status];
  const coded = events
    .filter((e) => e.code)
    .map((e) => `<li>${escape(dateText(e.occurred_at))}: SNOMED CT ${escape(e.code ?? '')} ${escape(e.code_display ?? '')}</li>`)
    .join('');
  const milestones = events
    .filter((e) => e.to_status !== null)
    .map((e) => `<li>${escape(dateText(e.occurred_at))}: ${escape(REFERRAL_STATUS_LABELS[e.to_status as keyof typeof REFERRAL_STATUS_LABELS] ?? e.to_status ?? '')}</li>`)
    .join('');
  await scope.audit({ action: 'export', entityType: 'referral', entityId: referralId, detail: { document: 'feedback-letter' } });

  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Social prescribing feedback: ${escape(referral.reference)}</title>
<link rel="stylesheet" href="/api/letter.css">
</head>
<body>
<main>
<p class="print-hint">Print this page or save it as a PDF to file it in the person’s record.</p>
<h1>Social prescribing: message back to the GP and referrer</h1>
<p class="meta">${escape(scheme.name)} · Referral ${escape(referral.reference)} · Printed ${escape(dateText(new Date()))}</p>
<table>${rows([
    ['To', [referral.referrer_name, referral.referrer_role].filter(Boolean).join(', ')],
    ['Registered GP practice (ODS)', person.gp_practice_ods],
    ['Referral received', dateText(referral.received_at)],
    ['Link worker', linkWorker?.display_name ?? 'Not yet allocated'],
  ])}</table>
<h2>About me</h2>
<table>${rows([
    ['Name', `${person.given_name} ${person.family_name}`],
    ['Date of birth', person.date_of_birth ? dateText(person.date_of_birth) : null],
    ['NHS number', person.nhs_number ? formatNhsNumber(person.nhs_number) : null],
    ['Address', [person.address_line1, person.address_line2, person.town, person.postcode].filter(Boolean).join(', ')],
  ])}</table>
<h2>What matters to me</h2>
<table>${rows([
    ['What they wanted help with', needLabels.join(', ')],
    ['Why they were referred', referral.reason],
    ['In their own words', referral.person_view],
    ['Urgency', URGENCY_LABELS[referral.urgency]],
  ])}</table>
<h2>What I was offered</h2>
<ol>${milestones}</ol>
<h2>What the result was</h2>
<table>${rows([
    ['Current status', outcome],
    ['First contact', referral.first_contact_at ? dateText(referral.first_contact_at) : null],
    ['Outcome summary', referral.outcome_summary],
    ['Consent', consent ? (consent.withdrawn_at ? `Withdrawn on ${dateText(consent.withdrawn_at)}` : `Given (${consent.method}) on ${dateText(consent.given_at)}`) : null],
  ])}</table>
${coded ? `<h2>Coded entries for the GP record</h2><ul>${coded}</ul>` : ''}
</main>
</body>
</html>`;
}
